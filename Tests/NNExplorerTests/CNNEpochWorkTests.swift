import NNCore
import NNRender
import XCTest
@testable import NNExplorer

/// `e` on the CNN screen trains the rest of the epoch a batch per `.work` message, so the terminal loop can
/// take keys, draw and stop between batches; the result is the epoch `stepEpoch` trains at once.
final class CNNEpochWorkTests: XCTestCase {
    func testTheEpochGoesABatchAtATimeToTheSameWeights() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-digits"))
        update(&state, .key(.character("e")))
        let started = try XCTUnwrap(state.cnn)
        let trainer = try XCTUnwrap(started.trainer)
        XCTAssertTrue(state.hasPendingWork)
        XCTAssertEqual(trainer.epoch, 1)
        let batch = trainer.settings.batchSize, count = trainer.trainingSet.count
        XCTAssertEqual(trainer.positionInEpoch, batch)   // one batch so far
        let text = view(state).plainText
        XCTAssertTrue(text.contains("status: epoch 1, \(batch)/\(formatCount(count)) images"), text)

        var slices = 1, testing: [String] = []
        while state.hasPendingWork {
            update(&state, .work)
            slices += 1
            if let t = state.cnn?.trainer?.testing {
                testing.append(view(state).plainText.contains("status: epoch 1, testing \(t.done)/\(t.of)") ? "\(t.done)" : "missing")
            }
        }
        // The test pass after the last batch goes in slices too (128 images each), its progress on screen.
        let tests = trainer.testSet.count
        XCTAssertEqual(tests, 449)
        XCTAssertEqual(testing, ["0", "128", "256", "384"])
        XCTAssertEqual(slices, (count + batch - 1) / batch + (tests + 127) / 128)
        var explorer = try XCTUnwrap(AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-digits")).cnn)
        explorer.stepEpoch()
        XCTAssertEqual(state.cnn?.trainer?.network, explorer.trainer?.network)
        XCTAssertEqual(state.cnn?.trainer?.history, explorer.trainer?.history)
        XCTAssertEqual(state.cnn?.confusion, explorer.confusion)
        XCTAssertTrue(view(state).plainText.contains("status: 1 of 10 epochs done"))
    }

    /// With the front end's clock the panel shows images a second over the last readings and the time the
    /// epoch's training still takes; headless (no clock) neither.
    func testTheClockGivesImagesASecondAndTheTimeLeft() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-digits"))
        update(&state, .key(.character("e")))
        XCTAssertFalse(view(state).plainText.contains("images/s"))
        update(&state, .clock(milliseconds: 10_000))
        for _ in 0..<4 { update(&state, .work) }
        update(&state, .clock(milliseconds: 10_500))
        // 4 batches of 16 in 0.5 s: 128 images a second; 1,348 − 80 images left: 9.9 s, shown as 10 s.
        let t = try XCTUnwrap(state.cnn?.trainer)
        XCTAssertEqual(t.positionInEpoch, 80)
        XCTAssertEqual(t.trainingSet.count, 1_348)
        let text = view(state).plainText
        XCTAssertTrue(text.contains("128 images/s, 10 s to go"), text)
        XCTAssertTrue(text.contains("│█" + String(repeating: "░", count: 32) + " 5%"), text)   // 80/1,348 of 33 cells
        // Paused, the readings are forgotten.
        while state.hasPendingWork { update(&state, .work) }
        update(&state, .clock(milliseconds: 11_000))
        XCTAssertNil(state.cnn?.speed.imagesPerSecond)
    }

    func testDurationsReadAsAPersonSaysThem() {
        XCTAssertEqual(formatDuration(seconds: 0.2), "1 s")
        XCTAssertEqual(formatDuration(seconds: 59), "59 s")
        XCTAssertEqual(formatDuration(seconds: 125), "2 min 5 s")
        XCTAssertEqual(formatDuration(seconds: 3_600 + 185), "1 h 3 min")
    }

    /// A reset while the epoch is under way ends the work (the new first weights are not trained on).
    func testResetEndsTheWork() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-digits"))
        update(&state, .key(.character("e")))
        XCTAssertTrue(state.hasPendingWork)
        update(&state, .key(.character("r")))
        XCTAssertFalse(state.hasPendingWork)
        XCTAssertEqual(state.cnn?.trainer?.steps, 0)
    }
}
