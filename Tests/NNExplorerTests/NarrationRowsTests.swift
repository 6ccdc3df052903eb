import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// The narration band's height, worked out once a width, is the longest narration's rows, as wrapping every
/// `say` gives (and asked again, the same).
final class NarrationRowsTests: XCTestCase {
    func testTheLongestNarrationsRowsByWidth() throws {
        let lesson = try XCTUnwrap(try builtin("lesson-3-backpropagation").lesson)
        let rows = NarrationRows(lesson.beats)
        for width in [20, 78, 118] {
            for glyphs in [Glyphs.unicode, .ascii] {
                let direct = lesson.beats.reduce(1) { best, beat in
                    guard case .say(let text) = beat else { return best }
                    return max(best, wrapWords(narrationWords(text, glyphs: glyphs), width: width).count)
                }
                XCTAssertEqual(rows.rows(width: width, glyphs: glyphs), direct)
                XCTAssertEqual(rows.rows(width: width, glyphs: glyphs), direct)
            }
        }
        XCTAssertGreaterThan(rows.rows(width: 20, glyphs: .unicode), rows.rows(width: 118, glyphs: .unicode))
    }
}
