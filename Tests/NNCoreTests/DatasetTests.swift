import XCTest
@testable import NNCore

final class DatasetTests: XCTestCase {
    func testSplitMix64KnownValues() {
        // Reference values of SplitMix64 seeded with 0 (from the published C implementation).
        var rng = SplitMix64(seed: 0)
        XCTAssertEqual(rng.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(rng.next(), 0x6E78_9E6A_A1B9_65F4)
        XCTAssertEqual(rng.next(), 0x06C4_5D18_8009_454F)
    }

    func testTruthTables() {
        let and = DatasetGenerator(kind: .and).generate(seed: 1)
        XCTAssertEqual(and.samples, [Sample(0, 0, label: 0), Sample(0, 1, label: 0), Sample(1, 0, label: 0), Sample(1, 1, label: 1)])
        XCTAssertEqual(DatasetGenerator(kind: .or).generate(seed: 1).samples.map(\.label), [0, 1, 1, 1])
        XCTAssertEqual(DatasetGenerator(kind: .xor).generate(seed: 1).samples.map(\.label), [0, 1, 1, 0])
    }

    func testGeneratorsAreDeterministicBySeed() {
        for kind in DatasetKind.allCases {
            let g = DatasetGenerator(kind: kind, count: 30, noise: 0.2)
            XCTAssertEqual(g.generate(seed: 5), g.generate(seed: 5), "\(kind)")
            XCTAssertNotEqual(g.generate(seed: 5), g.generate(seed: 6), "\(kind)")
        }
    }

    func testTwoDimensionalShapes() {
        let circles = DatasetGenerator(kind: .circles, noise: 0).generate(seed: 2).samples
        XCTAssertEqual(circles.count, 200)
        for s in circles {
            let r = (s.x1 * s.x1 + s.x2 * s.x2).squareRoot()
            if s.label == 1 { XCTAssertLessThanOrEqual(r, 0.5 + 1e-12) } else { XCTAssertEqual(r, 1, accuracy: 1e-12) }
        }
        let moons = DatasetGenerator(kind: .moons, noise: 0).generate(seed: 2).samples
        XCTAssertEqual(Set(moons.map(\.label)), [0, 1])
        let spirals = DatasetGenerator(kind: .spirals, count: 100).generate(seed: 2).samples
        XCTAssertEqual(spirals.filter { $0.label == 1 }.count, 50)
        let blobs = DatasetGenerator(kind: .blobs, count: 90, classes: 3).generate(seed: 2)
        XCTAssertEqual(blobs.name, "3 blobs")
        XCTAssertEqual(Set(blobs.samples.map(\.label)), [0, 1, 2])
        XCTAssertEqual(DatasetGenerator(kind: .blobs, classes: 9).classes, 4)
        XCTAssertEqual(DatasetGenerator(kind: .moons, classes: 3).classes, 2)
    }

    func testSeparableBlobsAreSeparableAndTheirPerceptronConverges() {
        for seed in UInt64(1)...5 {
            let data = DatasetGenerator(kind: .separable, count: 40, margin: 0.2).generate(seed: seed)
            XCTAssertEqual(data.count, 40)
            XCTAssertEqual(data.samples.filter { $0.label == 1 }.count, 20)
            var trainer = PerceptronTrainer(samples: data.samples, settings: PerceptronSettings(maxEpochs: 1000), seed: seed)
            trainer.run()
            guard case .converged = trainer.status else { return XCTFail("seed \(seed): \(trainer.status)") }
        }
    }

    func testOverlappingBlobsDoNotConverge() {
        let data = DatasetGenerator(kind: .overlapping, count: 60).generate(seed: 2)
        var trainer = PerceptronTrainer(samples: data.samples, settings: PerceptronSettings(order: .shuffled, maxEpochs: 200), seed: 2)
        trainer.run()
        XCTAssertEqual(trainer.status, .notConverged(epochs: 200))
    }

    func testCSVParsing() throws {
        let data = try Dataset.parseCSV("x1,x2,class\n# a comment\n0.5, 1, 0\n\n-1,2e-1,1\r\n", name: "t")
        XCTAssertEqual(data.samples, [Sample(0.5, 1, label: 0), Sample(-1, 0.2, label: 1)])
    }

    func testCSVErrorsNameTheRow() {
        func error(_ text: String) -> String {
            do { _ = try Dataset.parseCSV(text, name: "t"); return "no error" } catch { return error.description }
        }
        XCTAssertEqual(error("0,0,0\n1,abc,1\n"), "row 2: x2 is not a number: \"abc\"")
        XCTAssertEqual(error("0,0,0\n1,1\n"), "row 2: expected 3 values (x1,x2,class), found 2: \"1,1\"")
        XCTAssertEqual(error("0,0,2\n"), "row 1: class must be 0 or 1, found \"2\"")
        XCTAssertEqual(error("x1,x2,class\n"), "row 1: no data rows")
        XCTAssertEqual(error("0,0,0\nnan,0,1\n"), "row 2: x1 is not a number: \"nan\"")
        XCTAssertEqual(error("0x10,0,1\n"), "row 1: x1 is not a number: \"0x10\"")
        XCTAssertEqual(error("\"0\",\"0\",\"0\"\n"), "row 1: x1: quoted values are not supported, found \"0\"")
        XCTAssertEqual(error("1e400,0,1\n"), "row 1: x1 must be between -1000000 and 1000000, found 1e400")
        XCTAssertEqual(error("0,2e6,1\n"), "row 1: x2 must be between -1000000 and 1000000, found 2e6")
        XCTAssertEqual(error("x1,abc,1\n"), "row 1: x1 is not a number: \"x1\"")
    }
}

final class ShuffleTests: XCTestCase {
    /// Every permutation of three items comes out about equally often (60,000 shuffles: 10,000 each ± 3 %).
    func testShuffleIsUniform() {
        var rng = SplitMix64(seed: 42)
        var counts: [[Int]: Int] = [:]
        for _ in 0..<60_000 {
            var items = [0, 1, 2]
            rng.shuffle(&items)
            counts[items, default: 0] += 1
        }
        XCTAssertEqual(counts.count, 6)
        for (permutation, count) in counts {
            XCTAssertEqual(Double(count), 10_000, accuracy: 300, "\(permutation)")
        }
    }

    func testShuffleKeepsEveryIndexOnce() {
        var rng = SplitMix64(seed: 3)
        var items = Array(0..<1_001)
        rng.shuffle(&items)
        XCTAssertEqual(items.sorted(), Array(0..<1_001))
        XCTAssertNotEqual(items, Array(0..<1_001))
    }
}
