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

        var batches = 1
        while state.hasPendingWork {
            update(&state, .work)
            batches += 1
        }
        XCTAssertEqual(batches, (count + batch - 1) / batch)
        var explorer = try XCTUnwrap(AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-digits")).cnn)
        explorer.stepEpoch()
        XCTAssertEqual(state.cnn?.trainer?.network, explorer.trainer?.network)
        XCTAssertEqual(state.cnn?.trainer?.history, explorer.trainer?.history)
        XCTAssertEqual(state.cnn?.confusion, explorer.confusion)
        XCTAssertTrue(view(state).plainText.contains("status: 1 of 10 epochs done"))
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
