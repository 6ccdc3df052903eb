import XCTest
@testable import NNRender

/// The hint bar and the help overlay written out: what fits at each width, essentials kept, disabled keys
/// dimmed; areas down to 0x0, and an overlay without hints (it trapped on a stride of 0).
final class KeyHintsTests: XCTestCase {
    private let hints = [KeyHint(keys: "space", label: "play", help: "play or pause"),
                         KeyHint(keys: "[]", label: "η", help: "η down, up"),
                         KeyHint(keys: "n", label: "sample", help: "next sample", enabled: false),
                         KeyHint(keys: "q", label: "quit", help: "quit", essential: true)]

    /// Hints in order while they fit, a wider one skipped for later ones; the essential one always, even
    /// where it is cut; the row cleared first; labels folded to ASCII.
    func testBarAtEachWidth() {
        func bar(width: Int) -> String {
            var frame = Frame(width: width, height: 1, fill: Cell("x"))
            KeyHintBar(hints: hints).render(into: &frame, row: 0, area: frame.bounds, glyphs: .ascii)
            return frame.rows.first ?? ""
        }
        XCTAssertEqual(bar(width: 0), "")
        XCTAssertEqual(bar(width: 1), "q")
        XCTAssertEqual(bar(width: 10), "q quit    ")
        XCTAssertEqual(bar(width: 20), "space play  q quit  ")
        XCTAssertEqual(bar(width: 40), "space play  [] eta  n sample  q quit    ")
        var empty = Frame(width: 4, height: 1, fill: Cell("x"))
        KeyHintBar(hints: []).render(into: &empty, row: 0, area: empty.bounds)
        XCTAssertEqual(empty.rows, ["    "])
    }

    func testBarStyles() {
        var frame = Frame(width: 40, height: 1)
        KeyHintBar(hints: hints).render(into: &frame, row: 0, area: frame.bounds)
        XCTAssertEqual(frame[0, 0].style, Style(.hintKey))
        XCTAssertEqual(frame[6, 0].style, Style(.hintLabel))
        XCTAssertEqual(frame.rows[0].prefix(27), "space play  [] η  n sample ")
        XCTAssertEqual(frame[18, 0].style, Style(.hintDisabled, attributes: [.reverse]))
        XCTAssertEqual(frame[20, 0].style, Style(.hintDisabled))
    }

    private func overlay(_ hints: [KeyHint], width: Int, height: Int) -> Frame {
        var frame = Frame(width: width, height: height)
        HelpOverlay(title: "keys", hints: hints).render(into: &frame, area: frame.bounds, glyphs: .unicode)
        return frame
    }

    func testOverlay() {
        let frame = overlay(hints, width: 30, height: 8)
        XCTAssertEqual(frame.rows, [
            "  ┌ keys ──────────────────┐  ",
            "  │ space  play or pause   │  ",
            "  │ []     η down, up      │  ",
            "  │ n      next sample     │  ",
            "  │ q      quit            │  ",
            "  │ press any key to close │  ",
            "  └────────────────────────┘  ",
            "                              ",
        ])
        XCTAssertEqual(frame[4, 1].style, Style(.overlay, background: .overlay, attributes: [.bold]))
        XCTAssertEqual(frame[11, 3].style, Style(.hintDisabled, background: .overlay))
        XCTAssertEqual(frame[5, 5].style, Style(.hintDisabled, background: .overlay))
        XCTAssertEqual(frame[2, 0].style, Style(.overlay))
        XCTAssertEqual(frame[3, 0].style, Style(.overlay, attributes: [.bold]))
    }

    /// Too small for the texts: each cut to its column; at 1x1 and 0x0 nothing to see, no trap. Without
    /// hints, the box and its footer.
    func testOverlayInTinyAreasAndWithoutHints() {
        XCTAssertEqual(overlay(hints, width: 12, height: 5).rows, [
            "┌ keys ────┐",
            "│… … … …   │",
            "│press any…│",
            "└──────────┘",
            "            ",
        ])
        XCTAssertEqual(overlay(hints, width: 1, height: 1).rows, [" "])
        XCTAssertEqual(overlay(hints, width: 0, height: 0).rows, [])
        XCTAssertEqual(overlay([], width: 30, height: 6).rows, [
            "                              ",
            "  ┌ keys ──────────────────┐  ",
            "  │ press any key to close │  ",
            "  └────────────────────────┘  ",
            "                              ",
            "                              ",
        ])
    }

    /// Help too long for its column wraps onto the next rows (under the text, not the key), whole.
    func testHelpOverlayWrapsLongHelpWhole() {
        var frame = Frame(size: Size(width: 40, height: 12))
        let long = "the next colour theme: standard, high-contrast, light, 8-color, monochrome"
        HelpOverlay(title: "keys", hints: [KeyHint(keys: "C", label: "colours", help: long), KeyHint(keys: "q", label: "quit", help: "quit")])
            .render(into: &frame, area: frame.bounds, glyphs: .unicode)
        let rows = (0..<frame.height).map { frame.text(row: $0) }
        let shown = rows.compactMap { row -> String? in
            guard let bar = row.firstIndex(of: "│") else { return nil }
            let inside = row[row.index(after: bar)...].dropLast().drop { $0 == " " }
            return inside.hasPrefix("C ") ? String(inside.dropFirst(2)) : (inside.hasPrefix("q ") ? nil : String(inside))
        }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.contains("any key") && !$0.contains("close") }
        XCTAssertEqual(shown.joined(separator: " "), long, rows.joined(separator: "\n"))
    }

    func testKeyHintBarKeepsEssentialsAndDimsDisabled() {
        var frame = Frame(width: 34, height: 1)
        KeyHintBar(hints: [KeyHint(keys: "space", label: "play", help: ""),
                           KeyHint(keys: "n", label: "sample", help: "", enabled: false),
                           KeyHint(keys: "e", label: "epoch", help: ""),
                           KeyHint(keys: "q", label: "quit", help: "", essential: true)])
            .render(into: &frame, row: 0, area: frame.bounds)
        XCTAssertEqual(frame.plainText, "space play  n sample  q quit\n")
        XCTAssertEqual(frame[12, 0].style.foreground, .hintDisabled)
    }
}
