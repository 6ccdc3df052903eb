@testable import NNCore
import XCTest

/// A batch size beyond the data (a lesson, a key, an API caller) is the whole training set: the same updates,
/// no memory for a batch that cannot fill, no overflow.
final class HugeBatchTests: XCTestCase {
    func testABatchBeyondTheDataIsTheWholeSet() {
        let samples = DatasetGenerator(kind: .xor, count: 20, noise: 0.1).generate(seed: 1).samples
        func trained(batch: Int) -> MLPTrainer {
            var settings = MLPSettings()
            settings.batchSize = batch
            settings.maxEpochs = 3
            var trainer = MLPTrainer(samples: samples, settings: settings, seed: 1)
            trainer.run()
            return trainer
        }
        let whole = trained(batch: 20)
        for huge in [21, 2_147_483_647, Int.max] {
            let trainer = trained(batch: huge)
            XCTAssertEqual(trainer.network.parameters, whole.network.parameters)
            XCTAssertEqual(trainer.history, whole.history)
        }
    }
}
