import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// Every file in scenarios/ loads, runs 50 steps headlessly and renders at both snapshot sizes.
final class BuiltinScenariosRunTests: XCTestCase {
    func testEveryBuiltinRunsFiftyStepsAndRenders() throws {
        XCTAssertGreaterThanOrEqual(BuiltinScenarios.files.count, 6)
        for file in BuiltinScenarios.files {
            let scenario = try BuiltinScenarios.load(named: file.name)
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                var state = AppState(size: size, scenario: scenario)
                for _ in 0..<50 { update(&state, .key(.character("n"))) }
                let trainer = try XCTUnwrap(state.perceptron?.trainer)
                XCTAssertTrue(trainer.steps == 50 || trainer.status.isFinished, "\(file.name): \(trainer.steps) steps")
                let frame = view(state)
                XCTAssertEqual(frame.width, size.width)
                XCTAssertTrue(frame.plainText.contains(String(scenario.title.prefix(24))), "\(file.name) at \(size)")
                XCTAssertTrue(frame.plainText.contains("epoch \(trainer.epoch)"), "\(file.name) at \(size)")
            }
        }
    }
}
