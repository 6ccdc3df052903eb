@testable import NNCore
import XCTest

/// An epoch whose loss overflowed writes `"loss":null` in JSON; the record says why, for the CNN and the MLP.
final class DivergedTraceTests: XCTestCase {
    func testACNNEpochThatDivergedSaysSo() {
        XCTAssertEqual(CNNEpochSummary(epoch: 2, loss: .nan, accuracy: 0.125, testAccuracy: 0.25).traceRecord,
                       #"{"model":"cnn","epoch":2,"diverged":true,"loss":null,"accuracy":0.125,"test_accuracy":0.25}"#)
        XCTAssertEqual(CNNEpochSummary(epoch: 1, loss: 0.5, accuracy: 1, testAccuracy: nil).traceRecord,
                       #"{"model":"cnn","epoch":1,"loss":0.5,"accuracy":1,"test_accuracy":null}"#)
    }

    func testAnMLPEpochThatDivergedSaysSo() throws {
        let trainer = MLPTrainer(samples: [Sample(1, 0, label: 1)], settings: MLPSettings(), seed: 1)
        let record = trainer.traceRecord(EpochSummary(epoch: 3, loss: .infinity, accuracy: 0, validationLoss: nil, validationAccuracy: nil))
        XCTAssertTrue(record.hasPrefix(#"{"model":"mlp","epoch":3,"diverged":true,"loss":null,"accuracy":0,"#), record)
    }
}
