import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// The lesson's bottom bar holds the beat and the keys only; the panel a beat turns to is named in words in
/// the narration band, apart from the keys.
final class LessonBarTests: XCTestCase {
    func testBarHoldsKeysOnlyAndTheFocusIsNamedInWords() throws {
        var captions = 0
        for name in LessonTests.lessons {
            for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
                let states = try playedLessonStates(name, size: size)
                let count = try XCTUnwrap(states[0].lesson).beatCount
                for (beat, state) in states.enumerated() {
                    let frame = view(state)
                    let bar = frame.text(row: size.height - 1).trimmingCharacters(in: .whitespaces)
                    let place = "\(name) beat \(beat) at \(size)"
                    XCTAssertTrue(bar.hasPrefix("beat \(beat) of \(count)"), "\(place): \(bar)")
                    XCTAssertTrue(bar.hasSuffix("q back"), "\(place): \(bar)")
                    for tag in ["focus:", "step:", "run:", "set:", "pause", "say"] {
                        XCTAssertFalse(bar.contains(tag), "\(place): \(bar)")
                    }
                    // The caption, when shown, ends one column from the right edge on a narration row, dim.
                    let lesson = try XCTUnwrap(state.lesson)
                    let rows = (size.height - 7..<size.height - 1).filter { frame.text(row: $0).hasSuffix("look at \(focusCaption(lesson.focus) ?? "-") ") }
                    if let panel = focusCaption(lesson.focus) {
                        if let row = rows.first {
                            captions += 1
                            XCTAssertEqual(frame[size.width - 2, row].style.foreground, .dim, place)
                        } else {
                            // Not shown only when the narration leaves no room, not even on the band's last row,
                            // or when the panel is not on screen.
                            let last = frame.text(row: size.height - 2)
                            let used = last.count - last.drop { $0 == " " }.count + last.trimmingCharacters(in: .whitespaces).count
                            XCTAssertTrue(used > size.width - 3 - "look at \(panel)".count || panelHidden(state, size: size),
                                          "\(place): no caption for \(panel)\n\(frame.plainText)")
                        }
                    } else {
                        XCTAssertTrue(rows.isEmpty, place)
                        XCTAssertFalse(frame.plainText.contains("look at the"), place)
                    }
                }
            }
        }
        XCTAssertGreaterThan(captions, 100)   // 134 of the 7 lessons' beats at the three sizes
    }

    /// A CNN lesson about its maps on a narrow screen hides the side panel.
    private func panelHidden(_ state: AppState, size: Size) -> Bool {
        guard let lesson = state.lesson, case .cnn = lesson.explorer else { return false }
        return [LessonPanel.output, .curves, .confusion].contains { $0 == lesson.focus } && size.width < 120
    }
}
