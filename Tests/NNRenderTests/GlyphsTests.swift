import XCTest
@testable import NNRender

/// Folding text to ASCII: every symbol spelled out, the class markers as the plots draw them.
final class GlyphsTests: XCTestCase {
    func testFold() {
        XCTAssertEqual(Glyphs.ascii.fold("ŷ = η·x ≥ 0 → Δw"), "y^ = eta*x >= 0 -> dw")
        XCTAssertEqual(Glyphs.ascii.fold("漢"), "?")
        XCTAssertEqual(Glyphs.unicode.fold("ŷ = η·x"), "ŷ = η·x")
        XCTAssertEqual(Glyphs.ascii.fold(Line([Span("η", Style(.good)), Span("·", Style(.bad))])),
                       Line([Span("eta", Style(.good)), Span("*", Style(.bad))]))
    }

    /// A legend written with ● and ▲ reads like the ASCII plot beside it (● was once "x", ▲ "?").
    func testClassMarkersFoldToTheirASCIIGlyphs() {
        XCTAssertEqual(Glyphs.ascii.fold(String([Glyphs.unicode.classA, Glyphs.unicode.classB])),
                       String([Glyphs.ascii.classA, Glyphs.ascii.classB]))
        // The MLP's four classes, filled (training) and hollow (held out), as NNExplorer's classGlyph draws them.
        XCTAssertEqual(Glyphs.ascii.fold("●▲■◆ ○△□◇"), "OX#@ ox+a")
        // The network diagram's dropped unit, likewise.
        XCTAssertEqual(Glyphs.ascii.fold(String(Glyphs.unicode.dropped)), String(Glyphs.ascii.dropped))
    }
}
