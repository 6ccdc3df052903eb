import NNRender
import XCTest
@testable import NNExplorer

/// What every screen shares: the too-small note, the home list, the app's one-frame remarks.
final class AppScreenTests: XCTestCase {
    /// The frame's rows with their blanks trimmed on both sides, blank rows dropped.
    private func shownRows(_ state: AppState) -> [String] {
        let frame = view(state)
        return (0..<frame.height).map { frame.text(row: $0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Below the minimum size the needed size comes first, whole, at every size down to 1x1.
    func testTooSmallShowsTheNeededSizeFirstAtEverySize() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("perceptron-and"))
        XCTAssertEqual(state.minimumSize, Size(width: 64, height: 20))
        let expected: [(Size, [String])] = [
            (Size(width: 63, height: 19), ["nnx needs at least 64x20", "this terminal is 63x19", "enlarge the window, or press q"]),
            (Size(width: 20, height: 6), ["needs at least 64x20", "now 20x6", "enlarge, or press q"]),
            (Size(width: 12, height: 3), ["needs 64x20", "now 12x3", "q quits"]),
            (Size(width: 10, height: 3), ["need 64x20", "now 10x3", "q quits"]),
            (Size(width: 10, height: 1), ["need 64x20"]),
            (Size(width: 5, height: 2), ["64x20"]),
            (Size(width: 3, height: 2), ["64x", "20"]),
            (Size(width: 1, height: 1), ["6"]),
        ]
        for (size, rows) in expected {
            update(&state, .resize(size))
            XCTAssertEqual(shownRows(state), rows, "\(size)")
        }
        // Centred: at 20x6 the three rows start on the second row.
        update(&state, .resize(Size(width: 20, height: 6)))
        XCTAssertEqual(view(state).text(row: 1), "needs at least 64x20")
        // Every size from 1x1 to the minimum shows the needed size's first characters before anything else.
        for width in 1..<64 {
            for height in 1..<20 where width < 64 {
                update(&state, .resize(Size(width: width, height: height)))
                let first = try XCTUnwrap(shownRows(state).first, "\(width)x\(height)")
                let need = first.split(separator: " ").last.map(String.init) ?? ""
                XCTAssertTrue(need == "64x20" || (width < 5 && "64x20".hasPrefix(need)), "\(width)x\(height): \(first)")
            }
        }
    }
}
