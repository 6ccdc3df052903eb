import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// Every file in scenarios/ loads, runs 50 steps headlessly (LeNet-5, two: a debug build trains it slowly)
/// and renders at both snapshot sizes; those whose data files are not on this machine are left out.
final class BuiltinScenariosRunTests: XCTestCase {
    func testEveryBuiltinRunsFiftyStepsAndRenders() throws {
        XCTAssertGreaterThanOrEqual(BuiltinScenarios.files.count, 6)
        for file in BuiltinScenarios.files {
            guard let scenario = try? BuiltinScenarios.load(named: file.name) else {
                XCTAssertTrue(file.name == "lenet5-mnist.yaml" || file.name == "lenet5-cifar10.yaml", file.name)
                continue
            }
            let stepCount = file.name.hasPrefix("lenet5") ? 2 : 50
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                var state = AppState(size: size, scenario: scenario)
                // A lesson opens on its script; Esc leaves it for its explorer (the lessons' beats are in LessonTests).
                XCTAssertEqual(state.lesson != nil, scenario.lesson != nil, file.name)
                if state.lesson != nil { update(&state, .key(.escape)) }
                for _ in 0..<stepCount { update(&state, .key(.character("n"))) }
                let (steps, finished, epoch): (Int, Bool, Int) = switch state.screen {
                case .perceptron(let p): (p.trainer.steps, p.trainer.status.isFinished, p.trainer.epoch)
                case .mlp(let m): (m.trainer.steps, m.trainer.status.isFinished, m.trainer.epoch)
                // Hand-set kernels train nothing: no steps, and nothing to finish.
                case .cnn(let c): c.trainer.map { ($0.steps, $0.status.isFinished, $0.epoch) } ?? (stepCount, true, 0)
                // Nothing trains either: n steps through the points, round the end.
                case .threshold(let t): (t.selected == stepCount % t.dataset.samples.count ? stepCount : 0, false, 0)
                case .home, .lesson: (0, false, 0)
                }
                XCTAssertEqual(state.perceptron != nil, scenario.model == .perceptron, file.name)
                XCTAssertEqual(state.mlp != nil, scenario.model == .mlp, file.name)
                XCTAssertEqual(state.cnn != nil, scenario.model == .cnn, file.name)
                XCTAssertEqual(state.threshold != nil, scenario.model == .threshold, file.name)
                XCTAssertTrue(steps == stepCount || finished, "\(file.name): \(steps) steps")
                let frame = view(state)
                XCTAssertEqual(frame.width, size.width)
                XCTAssertTrue(frame.plainText.contains(String(scenario.title.prefix(24))), "\(file.name) at \(size)")
                XCTAssertTrue(frame.plainText.contains(scenario.model == .threshold ? "no training" : "epoch \(epoch)"),
                              "\(file.name) at \(size)")
            }
        }
    }
}
