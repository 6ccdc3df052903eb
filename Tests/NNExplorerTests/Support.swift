import NNExplorer
import NNRender
import NNScenario
import SnapshotTesting
import XCTest

func builtin(_ name: String) throws -> Scenario {
    try BuiltinScenarios.load(named: name + ".yaml")
}

/// Types `keys`, each followed by the work it started (a CNN's `e`), as the terminal loop does between keys.
func press(_ state: inout AppState, _ keys: String) {
    for ch in keys {
        update(&state, .key(.character(ch)))
        while state.hasPendingWork { update(&state, .work) }
    }
}

/// Snapshots a frame three ways: its text, its styles by role (no palette numbers: a theme's colours can
/// change without rewriting these), and what the monochrome theme makes of them.
func assertFrameSnapshots(_ state: AppState, named name: String,
                          file: StaticString = #filePath, testName: String = #function, line: UInt = #line) {
    let frame = view(state)
    assertSnapshot(of: frame.textDump, as: .lines, named: name + "-text", file: file, testName: testName, line: line)
    assertSnapshot(of: frame.roleDump(), as: .lines, named: name + "-roles", file: file, testName: testName, line: line)
    assertSnapshot(of: frame.styleDump(theme: .monochrome), as: .lines, named: name + "-mono", file: file, testName: testName, line: line)
}
