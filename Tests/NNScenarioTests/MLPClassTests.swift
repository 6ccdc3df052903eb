import Foundation
import XCTest
@testable import NNScenario

/// Class labels are checked against the model: 0/1 for the perceptron and a single output unit, 0 to K − 1
/// for K output units; in inline points, generators and CSV files.
final class MLPClassTests: XCTestCase {
    func error(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        scenarioError(yaml, file: file, line: line)
    }

    func testPointClassesMustBeBelowTheOutputUnits() {
        let head = "title: T\nsummary: S\nmodel: mlp\ndata:\n  points:\n    - [0, 0, 1]\n"
        XCTAssertEqual(error(head + "    - [1, 1, 3]\nmlp: {layers: [2, 4, 3], output: softmax}\n"),
                       "s.yaml:7:14: error: class must be an integer from 0 to 2, found 3 "
                       + "(layers ends in 3 output units, one per class)")
        XCTAssertEqual(error(head + "    - [1, 1, 2]\nmlp: {layers: [2, 4, 1]}\n"),
                       "s.yaml:7:14: error: class must be 0 or 1, found 2 (one output unit tells two classes apart: layers ends in 1)")
        // Without an mlp block the network is the lecture's 2-2-1.
        XCTAssertEqual(error(head + "    - [1, 1, 2]\n"),
                       "s.yaml:7:14: error: class must be 0 or 1, found 2 (one output unit tells two classes apart: layers ends in 1)")
        XCTAssertEqual(error(head + "    - [1, 1, -1]\nmlp: {layers: [2, 3], output: softmax}\n"),
                       "s.yaml:7:14: error: class must be an integer from 0 to 2, found -1 "
                       + "(layers ends in 3 output units, one per class)")
        // The perceptron's message is unchanged.
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata: {points: [[0, 0, 2]]}\n"),
                       "s.yaml:4:24: error: class must be 0 or 1, found 2")
    }

    func testGeneratorClasses() {
        let head = "title: T\nsummary: S\nmodel: mlp\ndata:\n  generator: {kind: blobs, classes: 4}\n"
        XCTAssertEqual(error(head + "mlp: {layers: [2, 8, 3], output: softmax}\n"),
                       "s.yaml:5:37: error: classes must be at most 3, found 4 (layers ends in 3 output units, one per class)")
        XCTAssertEqual(error(head), "s.yaml:5:37: error: classes must be at most 2, found 4 "
                       + "(one output unit tells two classes apart: layers ends in 1)")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata: {generator: {kind: blobs, classes: 3}}\n"),
                       "s.yaml:4:42: error: classes must be at most 2, found 3 (the perceptron tells two classes apart)")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: mlp\ndata: {generator: {kind: xor, classes: 2}}\n"),
                       "s.yaml:4:31: error: classes is only for kind blobs; xor always has 2 classes")
    }

    func testCSVClassesAreCheckedInTheCSVFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-mlp-csv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = folder + "/three.csv"
        try "x1,x2,class\n0,0,0\n1,0,1\n0,1,2\n1,1,3\n".write(toFile: csv, atomically: true, encoding: .utf8)
        func scenario(_ mlp: String) throws -> String {
            let path = folder + "/s.yaml"
            try "title: T\nsummary: S\nmodel: mlp\ndata: {csv: three.csv}\nmlp: \(mlp)\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        func error(loading path: String) -> String {
            do { _ = try ScenarioLoader.load(contentsOf: path); return "loaded" } catch { return error.description }
        }
        XCTAssertEqual(error(loading: try scenario("{layers: [2, 5, 3], output: softmax}")),
                       "\(csv):5:1: error: class must be an integer from 0 to 2, found \"3\" "
                       + "(layers ends in 3 output units, one per class)")
        XCTAssertEqual(error(loading: try scenario("{layers: [2, 5, 1]}")),
                       "\(csv):4:1: error: class must be 0 or 1, found \"2\" (one output unit tells two classes apart: layers ends in 1)")
        let four = try ScenarioLoader.load(contentsOf: try scenario("{layers: [2, 5, 4], output: softmax}"))
        XCTAssertEqual(four.dataset().samples.map(\.label), [0, 1, 2, 3])
    }
}
