@testable import NNCore
import XCTest

/// The table of epoch-boundary weights behind the perceptron's cycle detection.
final class EpochHistoryTests: XCTestCase {
    func testARepeatReturnsTheFirstEpochAcrossGrowth() {
        var history = EpochHistory()
        let keys = (0..<5_000).map { i in EpochHistory.Key([Double(i % 7) - 3, Double(i) * 0.1, -Double(i / 3)], learningRate: 0.1) }
        for (epoch, key) in keys.enumerated() { XCTAssertNil(history.record(key, epoch: epoch), "epoch \(epoch)") }
        XCTAssertEqual(history.count, 5_000)
        for (epoch, key) in keys.enumerated().reversed() { XCTAssertEqual(history.record(key, epoch: 9_999), epoch) }
        XCTAssertEqual(history.count, 5_000)
    }

    /// Sums of η-multiples that differ only by rounding are the same key; a step of η·2⁻²⁰ is not.
    func testKeysAreOnAGridOfTheLearningRate() {
        let eta = 0.1
        let a = EpochHistory.Key([0.1 + 0.2, 0.3, -0.7], learningRate: eta)
        let b = EpochHistory.Key([0.3, 0.1 + 0.1 + 0.1, -0.7], learningRate: eta)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, EpochHistory.Key([0.3, 0.3 + eta * 0x1p-20, -0.7], learningRate: eta))
        XCTAssertNotEqual(EpochHistory.Key([1e-9, 0, 0], learningRate: 1e-6), EpochHistory.Key([0, 0, 0], learningRate: 1e-6))
    }
}
