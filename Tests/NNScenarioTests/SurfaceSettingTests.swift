import NNCore
import NNScenario
import XCTest

/// The error surface's lesson words: `focus: surface`, `set: {surface_error: …}` and `set: {surface_weights: …}`,
/// and what `nnx check` says about them written wrong.
final class SurfaceSettingTests: XCTestCase {
    private let mlp = "title: T\nsummary: S\nmodel: mlp\ndata: {points: [[0, 0, 0], [1, 1, 1]]}\n"

    func testTheSettingsRead() throws {
        let lesson = try XCTUnwrap(try ScenarioLoader.parse(mlp + """
            lesson:
              - focus: surface
              - set: {surface_error: next_update}
              - set: {surface_error: all}
              - set: {surface_weights: [[0, 1, 1], [1, 0, 0]]}

            """, source: "s.yaml", baseDirectory: nil).lesson)
        let a = WeightIndex(layer: 0, from: 1, to: 1), b = WeightIndex(layer: 1, from: 0, to: 0)
        XCTAssertEqual(lesson.beats, [.focus(.surface), .set(.surfaceError(.nextUpdate)), .set(.surfaceError(.all)), .set(.surfaceWeights(a, b))])
        XCTAssertEqual(lesson.beats.map(\.summary), ["focus: surface", "set: surface_error = next_update", "set: surface_error = all",
                                                     "set: surface_weights = [[0, 1, 1], [1, 0, 0]]"])
    }

    func testWrongSettingsAreReportedWhereTheyAre() {
        let cases: [(String, String)] = [
            ("lesson:\n  - set: {surface_error: batch}\n", "s.yaml:6:26: error: surface_error must be one of all, next_update; found 'batch'"),
            ("lesson:\n  - set: {surface_weights: [[0, 1, 1]]}\n",
             "s.yaml:6:28: error: surface_weights must be two weights [[layer, from, to], [layer, from, to]] (from 0 is the bias), found 1 item"),
            ("lesson:\n  - set: {surface_weights: [[0, 1], [1, 0, 0]]}\n",
             "s.yaml:6:29: error: surface_weights[0] must be [layer, from, to], found 2 numbers"),
            ("lesson:\n  - set: {surface_weights: [[0, 1, x], [1, 0, 0]]}\n",
             "s.yaml:6:36: error: surface_weights[0] to must be 0 or 1, found a string \"x\""),
            // The network (2-2-1 by default) has the weights: layers 0 and 1, from 0 (the bias) to 2, to its units.
            ("lesson:\n  - set: {surface_weights: [[2, 0, 0], [1, 0, 0]]}\n", "s.yaml:6:30: error: surface_weights[0] layer must be 0 or 1, found 2"),
            ("lesson:\n  - set: {surface_weights: [[0, 3, 0], [1, 0, 0]]}\n",
             "s.yaml:6:33: error: surface_weights[0] from must be an integer from 0 to 2, found 3"),
            ("lesson:\n  - set: {surface_weights: [[0, 1, 1], [1, 2, 1]]}\n", "s.yaml:6:47: error: surface_weights[1] to must be 0, found 1"),
            // As the beats before it leave the network: four hidden units, then h5 does not exist.
            ("lesson:\n  - set: {hidden_units: 4}\n  - set: {surface_weights: [[0, 1, 3], [1, 5, 0]]}\n",
             "s.yaml:7:44: error: surface_weights[1] from must be an integer from 0 to 4, found 5"),
            ("lesson:\n  - set: {surface_weights: [[1, 0, 0], [1, 0, 0]]}\n", "s.yaml:6:28: error: surface_weights must be two different weights"),
            ("lesson:\n  - focus: surfac\n", "s.yaml:6:12: error: focus must be one of regions, curves, network, ledger, restarts, momentum, surface, none; found 'surfac'; did you mean 'surface'?"),
        ]
        for (body, message) in cases { XCTAssertEqual(scenarioError(mlp + body), message, body) }
    }
}
