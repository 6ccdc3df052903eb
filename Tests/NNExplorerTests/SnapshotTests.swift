import NNExplorer
import NNRender
import XCTest

final class SnapshotTests: XCTestCase {
    static let small = Size(width: 80, height: 24)
    static let large = Size(width: 120, height: 40)

    func testHomeScreen() {
        for size in [Self.small, Self.large] {
            var state = AppState(size: size)
            update(&state, .key(.down))
            assertFrameSnapshots(state, named: "\(size)")
        }
    }

    func testWorkedExampleAfterOneStep() throws {
        for size in [Self.small, Self.large] {
            var state = AppState(size: size, scenario: try builtin("perceptron-worked-example"))
            press(&state, "n")
            assertFrameSnapshots(state, named: "\(size)")
        }
    }

    func testANDMidTrainingWithGhost() throws {
        for size in [Self.small, Self.large] {
            var state = AppState(size: size, scenario: try builtin("perceptron-and"))
            press(&state, "nnnnnnn")
            assertFrameSnapshots(state, named: "\(size)")
        }
    }

    func testXORCycling() throws {
        for size in [Self.small, Self.large] {
            var state = AppState(size: size, scenario: try builtin("perceptron-xor"))
            press(&state, "eeee")
            assertFrameSnapshots(state, named: "\(size)")
        }
    }

    func testHelpOverlayAndASCII() throws {
        var state = AppState(size: Self.small, scenario: try builtin("perceptron-separable"), glyphs: .ascii)
        press(&state, "e")
        assertFrameSnapshots(state, named: "ascii")
        press(&state, "?")
        assertFrameSnapshots(state, named: "help")
    }
}
