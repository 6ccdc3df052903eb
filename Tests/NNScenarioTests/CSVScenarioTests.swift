import Foundation
import NNCore
import XCTest
@testable import NNScenario

/// Scenario files on disk and the CSV files they name.
final class CSVScenarioTests: ScenarioFolderTestCase {

    /// A scenario whose data is `csv: <path>`; the csv value starts at line 5, column 8.
    func scenario(csv path: String) throws -> String {
        try write("title: T\nsummary: S\nmodel: perceptron\ndata:\n  csv: \(path)\n", to: "s.yaml")
    }

    func testAValidCSVScenarioLoadsItsRows() throws {
        _ = try write("# points from the notebook\nx1,x2,class\n0,0,0\n0.5, 1.5 ,1\n\n-1,2,0\n", to: "data/pts.csv")
        let scenario = try ScenarioLoader.load(contentsOf: try scenario(csv: "data/pts.csv"))
        let samples = [Sample(0, 0, label: 0), Sample(0.5, 1.5, label: 1), Sample(-1, 2, label: 0)]
        XCTAssertEqual(scenario.data, .csv(path: "data/pts.csv", dataset: Dataset(name: "data/pts.csv", samples: samples)))
        XCTAssertEqual(scenario.dataset().samples, samples)
        XCTAssertEqual(scenario.source, folder + "/s.yaml")
    }

    func testAnUnreadableCSVIsReportedAtTheCSVValue() throws {
        let path = try scenario(csv: "nope.csv")
        XCTAssertEqual(error(loading: path), "\(path):5:8: error: cannot read CSV file 'nope.csv': no such file")
        let folderPath = try scenario(csv: "data")
        XCTAssertEqual(error(loading: folderPath), "\(folderPath):5:8: error: cannot read CSV file 'data': it is a folder")
    }

    /// What is not a regular file is named for what it is, never "permission denied", and never read (a FIFO
    /// would block, a device never end).
    func testWhatIsNotARegularFileIsNamed() throws {
        let fifo = folder + "/pipe.csv"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(error(loading: try scenario(csv: "pipe.csv")),
                       "\(folder)/s.yaml:5:8: error: cannot read CSV file 'pipe.csv': it is a FIFO (a named pipe), not a regular file")
        XCTAssertEqual(error(loading: fifo), "\(fifo):1:1: error: cannot read file: it is a FIFO (a named pipe), not a regular file")
        XCTAssertEqual(error(loading: "/dev/zero"), "/dev/zero:1:1: error: cannot read file: it is a device, not a regular file")
        XCTAssertEqual(error(loading: "/dev/null/x"), "/dev/null/x:1:1: error: cannot read file: a part of the path is not a folder")
        let big = try write("0123456789a", to: "big.csv")
        XCTAssertEqual(TextFile.readBytes(big, limit: 10).failureReason, "it is 11 bytes, more than the 10 bytes nnx reads")
        XCTAssertEqual(TextFile.formatBytes(123_456_789), "123.5 MB")
        XCTAssertEqual(TextFile.formatBytes(100_000_000), "100 MB")
    }

    func testABadRowIsReportedInTheCSVFileItself() throws {
        let csv = try write("x1,x2,class\n0,0,0\n1,1,2\n", to: "bad.csv")
        XCTAssertEqual(error(loading: try scenario(csv: "bad.csv")), "\(csv):3:1: error: class must be 0 or 1, found \"2\"")
        let short = try write("0,0,0\n\n1,1\n", to: "short.csv")
        XCTAssertEqual(error(loading: try scenario(csv: "short.csv")),
                       "\(short):3:1: error: expected 3 values (x1,x2,class), found 2: \"1,1\"")
    }

    func testCSVNeedsAScenarioFileOnDisk() {
        XCTAssertThrowsError(try ScenarioLoader.parse("title: T\nsummary: S\nmodel: perceptron\ndata: {csv: x.csv}\n",
                                                      source: "inline", baseDirectory: nil)) { error in
            XCTAssertEqual("\(error)", "inline:4:13: error: cannot read CSV file 'x.csv': "
                + "only a scenario file on disk can name one")
        }
    }

    func testAMissingScenarioFile() {
        let path = folder + "/none.yaml"
        XCTAssertEqual(error(loading: path), "\(path):1:1: error: cannot read file: no such file")
    }

    func testPathsResolveAgainstTheScenarioFolder() {
        XCTAssertEqual(TextFile.directory(of: "s.yaml"), "")
        XCTAssertEqual(TextFile.directory(of: "lessons/s.yaml"), "lessons")
        XCTAssertEqual(TextFile.directory(of: "/s.yaml"), "/")
        XCTAssertEqual(TextFile.resolve("x.csv", relativeTo: ""), "x.csv")
        XCTAssertEqual(TextFile.resolve("x.csv", relativeTo: "lessons"), "lessons/x.csv")
        XCTAssertEqual(TextFile.resolve("x.csv", relativeTo: "/"), "/x.csv")
        XCTAssertEqual(TextFile.resolve("/data/x.csv", relativeTo: "lessons"), "/data/x.csv")
    }
}

final class BareCSVTests: XCTestCase {
    func testABareCSVFileIsAPerceptronScenario() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-bare-\(getpid()).csv")
        try "x1,x2,class\n0,0,0\n1,1,1\n".write(to: url, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(csvFile: url.path)
        XCTAssertEqual(scenario.dataset().samples, [Sample(0, 0, label: 0), Sample(1, 1, label: 1)])
        XCTAssertEqual(scenario.perceptron, PerceptronSettings())
        try "0,0,0\n1,x,1\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ScenarioLoader.load(csvFile: url.path)) { error in
            XCTAssertEqual((error as? ScenarioError)?.description, "\(url.path):2:1: error: x2 is not a number: \"x\"")
        }
    }

    /// Targets that are not all whole numbers: regression, a 2-8-1 network with a linear output.
    func testABareCSVFileOfTargetsIsARegressionScenario() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-bare-targets-\(getpid()).csv")
        try "x1,x2,target\n0,0,0.5\n1,1,-2\n".write(to: url, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(csvFile: url.path)
        XCTAssertEqual(scenario.model, .mlp)
        XCTAssertEqual(scenario.mlp.sizes, [2, 8, 1])
        XCTAssertEqual(scenario.mlp.output, .linear)
        XCTAssertEqual(scenario.mlp.loss, .squaredError)
        XCTAssertEqual(scenario.dataset().samples, [Sample(0, 0, target: 0.5), Sample(1, 1, target: -2)])
    }

    /// More than two classes: an MLP with one softmax unit per class, which trains and tells them apart.
    func testABareCSVFileWithMoreClassesIsAnMLPScenario() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-bare3-\(getpid()).csv")
        var rows = "x1,x2,class\n"
        for k in 0..<30 { rows += "\(Double(k % 3) * 2 + Double(k) * 0.01),\(Double(k % 3) - Double(k) * 0.01),\(k % 3)\n" }
        try rows.write(to: url, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(csvFile: url.path)
        XCTAssertEqual(scenario.model, .mlp)
        XCTAssertEqual(scenario.mlp.sizes, [2, 8, 3])
        XCTAssertEqual(scenario.mlp.output, .softmax)
        var trainer = MLPTrainer(samples: scenario.dataset().samples, settings: scenario.mlp, seed: scenario.seed)
        trainer.run()
        XCTAssertEqual(trainer.history.last?.accuracy, 1)
        try "0,0,0\n1,1,10\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ScenarioLoader.load(csvFile: url.path)) { error in
            XCTAssertEqual((error as? ScenarioError)?.description, "\(url.path):2:1: error: class must be an integer from 0 to 9, found \"10\"")
        }
    }
}

extension Result where Failure == TextFile.Failure {
    var failureReason: String? { if case .failure(let f) = self { f.reason } else { nil } }
}
