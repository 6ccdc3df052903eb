@testable import NNCore
import XCTest

/// The table of epoch-boundary weights behind the perceptron's cycle detection.
final class EpochHistoryTests: XCTestCase {
    func testARepeatReturnsTheFirstEpochAcrossGrowth() {
        var history = EpochHistory(exactEpochs: 10_000)
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

    /// Beyond the table's epochs a cycle is still found (Brent's checkpoint), within about twice its length,
    /// and what it reports is a true repeat; a repeat of an epoch the table holds is still found at once.
    func testCyclesBeyondTheTableAreFound() throws {
        func key(_ i: Int) -> EpochHistory.Key { EpochHistory.Key([Double(i), 1, 2], learningRate: 1) }
        // Epochs 0…39 distinct, then a cycle of 7: the key at epoch e ≥ 40 is that of 40 + (e − 40) % 7.
        func keyAt(_ e: Int) -> EpochHistory.Key { key(e < 40 ? e : 40 + (e - 40) % 7) }
        var history = EpochHistory(exactEpochs: 8)
        var found: (epoch: Int, sameAs: Int)?
        for e in 0..<200 {
            if let earlier = history.record(keyAt(e), epoch: e) { found = (e, earlier); break }
        }
        let (epoch, sameAs) = try XCTUnwrap(found)
        XCTAssertEqual(keyAt(epoch), keyAt(sameAs))
        XCTAssertEqual((epoch - sameAs) % 7, 0)
        XCTAssertLessThanOrEqual(epoch, 40 + 2 * 64)
        var early = EpochHistory(exactEpochs: 8)
        for e in 0..<8 { _ = early.record(key(e), epoch: e) }
        for e in 8..<30 { XCTAssertNil(early.record(key(100 + e), epoch: e)) }
        XCTAssertEqual(early.record(key(3), epoch: 30), 3)
    }
}
