import NNCore
import NNScenario
import XCTest

/// `lesson:` scripts: every beat kind reads as written, and a beat that does not fit the model, an unknown
/// setting or a malformed item is reported at its line and column.
final class LessonScriptTests: XCTestCase {
    private let perceptron = "title: T\nsummary: S\nmodel: perceptron\ndata: {points: [[0, 0, 0], [1, 1, 1]]}\n"
    private let mlp = "title: T\nsummary: S\nmodel: mlp\ndata: {points: [[0, 0, 0], [1, 1, 1]]}\n"

    private func error(_ yaml: String) -> String? {
        do {
            _ = try ScenarioLoader.parse(yaml, source: "s.yaml", baseDirectory: nil)
            return nil
        } catch {
            return error.description
        }
    }

    func testEveryBeatKindReads() throws {
        let yaml = perceptron + """
            chapter: 2
            lesson:
              - say: "A **bold** word"
              - step: sample
              - {step: epoch, count: 3}
              - step: 4
              - step: visit
              - run: until_converged
              - run: 20
              - set: {learning_rate: 0.5}
              - set: {dataset: xor}
              - set: {weights: [1, -1, 0.5]}
              - set: {ghost: off}
              - focus: plot
              - focus: none
              - pause

            """
        let lesson = try XCTUnwrap(try ScenarioLoader.parse(yaml, source: "s.yaml", baseDirectory: nil).lesson)
        XCTAssertEqual(lesson.chapter, 2)
        XCTAssertEqual(lesson.beats, [.say("A **bold** word"), .step(.sample, count: 1), .step(.epoch, count: 3), .step(.sample, count: 4),
                                      .step(.visit, count: 1), .run(.untilConverged), .run(.epochs(20)), .set(.learningRate(0.5)), .set(.dataset("xor")),
                                      .set(.weights([1, -1, 0.5])), .set(.ghost(false)), .focus(.plot), .focus(nil), .pause])
        // What the lesson bar says each beat did.
        XCTAssertEqual(lesson.beats.map(\.summary), ["say", "step: sample", "step: epoch ×3", "step: sample ×4", "step: visit", "run: until converged",
                                                     "run: 20 epochs", "set: learning_rate = 0.5", "set: dataset = xor",
                                                     "set: weights = [1, -1, 0.5]", "set: ghost = off", "focus: plot", "focus: none", "pause"])
        let mlpLesson = try XCTUnwrap(try ScenarioLoader.parse(mlp + """
            lesson:
              - step: phase
              - set: {early_stopping: 50}
              - set: {early_stopping: off}
              - set: {activation: tanh}
              - set: {dropout: 0.5}
              - set: {max_norm: 3}
              - set: {max_norm: off}
              - focus: restarts

            """, source: "s.yaml", baseDirectory: nil).lesson)
        XCTAssertEqual(mlpLesson.beats, [.step(.phase, count: 1), .set(.earlyStopping(50)), .set(.earlyStopping(nil)),
                                         .set(.activation(.tanh)), .set(.dropout(0.5)), .set(.maxNorm(3)), .set(.maxNorm(nil)),
                                         .focus(.restarts)])
        XCTAssertEqual(mlpLesson.beats[4...6].map(\.summary), ["set: dropout = 0.5", "set: max_norm = 3", "set: max_norm = off"])
    }

    func testBadBeatsAreReportedWhereTheyAre() {
        let cases: [(String, String)] = [
            ("lesson:\n  - sya: hi\n", "s.yaml:6:5: error: unknown key 'sya' in lesson[0]; did you mean 'say'?"),
            ("lesson:\n  - step: phase\n", "s.yaml:6:11: error: a perceptron scenario steps by sample, epoch, visit, not by phase"),
            ("lesson:\n  - {step: visit, count: 2}\n", "s.yaml:6:19: error: step: visit shows the next visit, one at a time: it takes no count"),
            ("lesson:\n  - set: {momentum: 0.9}\n",
             "s.yaml:6:11: error: unknown key 'momentum' in set (allowed: learning_rate, dataset, weights, ghost)"),
            ("lesson:\n  - set: {dataset: spirals}\n",
             "s.yaml:6:20: error: dataset must be one of scenario, and, or, xor, separable, overlapping; found 'spirals'"),
            ("lesson:\n  - {say: a, step: sample}\n", "s.yaml:6:5: error: lesson[0] has say and step: one beat an item"),
            ("lesson:\n  - run: forever\n", "s.yaml:6:10: error: run must be until_converged or a number of epochs, found a string \"forever\""),
            ("lesson:\n  - focus: loss\n", "s.yaml:6:12: error: focus must be one of plot, update, none; found 'loss'"),
            ("chapter: 3\n", "s.yaml:5:1: error: chapter numbers a lesson: this scenario has no lesson"),
            ("lesson:\n  - pause: 3\n", "s.yaml:6:12: error: pause takes no value; write it as '- pause'"),
            ("lesson: []\n", "s.yaml:5:9: error: lesson must have at least one beat"),
            ("lesson:\n  - {say: a, count: 2}\n", "s.yaml:6:14: error: count belongs to a step beat, not to say"),
            ("lesson:\n  - hello\n", "s.yaml:6:5: error: lesson[0] must be a beat such as {say: …} or pause, found 'hello'"),
            ("lesson:\n  - set: {learning_rate: 0.1, ghost: on}\n",
             "s.yaml:6:10: error: set changes one setting a beat; found learning_rate, ghost"),
        ]
        for (body, message) in cases { XCTAssertEqual(error(perceptron + body), message, body) }
        XCTAssertEqual(error(mlp + "lesson:\n  - step: cell\n"), "s.yaml:6:11: error: an MLP scenario steps by sample, phase, epoch, not by cell")
        XCTAssertEqual(error(mlp + "lesson:\n  - set: {dropout: 1}\n"), "s.yaml:6:20: error: dropout must be less than 1, found 1")
        XCTAssertEqual(error(mlp + "lesson:\n  - set: {max_norm: 0}\n"), "s.yaml:6:21: error: max_norm must be greater than 0, found 0")
        XCTAssertEqual(error(perceptron + "lesson:\n  - set: {dropout: 0.5}\n"),
                       "s.yaml:6:11: error: unknown key 'dropout' in set (allowed: learning_rate, dataset, weights, ghost)")
        XCTAssertEqual(error(mlp + "lesson:\n  - step: visit\n"), "s.yaml:6:11: error: an MLP scenario steps by sample, phase, epoch, not by visit")
    }

    /// Key presses: set and focus join the beat after them; a say right after a step or run is its narration;
    /// a pause joins the press before it; a say, or a step followed by another step, stands alone; set-up beats
    /// at the end form a press.
    func testPressesGroupAMoveWithItsWords() {
        let beats: [LessonBeat] = [.say("a"), .say("b"), .set(.learningRate(1)), .focus(.plot), .step(.sample, count: 1), .say("c"),
                                   .step(.epoch, count: 1), .step(.epoch, count: 1), .say("d"), .pause, .run(.untilConverged),
                                   .pause, .set(.ghost(true)), .say("e"), .focus(nil)]
        let presses = Lesson(chapter: nil, beats: beats).presses
        XCTAssertEqual(presses, [0..<1, 1..<2, 2..<6, 6..<7, 7..<10, 10..<12, 12..<14, 14..<15])
        XCTAssertEqual(Lesson(chapter: nil, beats: [.pause, .pause, .say("a")]).presses, [0..<2, 2..<3])
        XCTAssertEqual(Lesson(chapter: nil, beats: []).presses, [])
    }
}
