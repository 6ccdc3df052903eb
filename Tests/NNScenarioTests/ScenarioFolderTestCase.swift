import Foundation
import XCTest
@testable import NNScenario

/// Tests of scenario files on disk and the files they name, written to a fresh temporary folder (with a
/// `subfolder` in it) per test.
class ScenarioFolderTestCase: XCTestCase {
    var folder = ""
    var subfolder: String { "data" }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/" + subfolder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes `text` to `name` in the folder; its path.
    func write(_ text: String, to name: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The description of the error loading the scenario at `path` gives (fails the test if it loads).
    func error(loading path: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try ScenarioLoader.load(contentsOf: path)
            XCTFail("expected an error", file: file, line: line)
            return ""
        } catch {
            return error.description
        }
    }
}
