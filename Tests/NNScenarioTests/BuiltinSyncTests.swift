import Foundation
import XCTest
@testable import NNScenario

/// `BuiltinScenarios+Files.swift` embeds `scenarios/*.yaml`; this keeps the two in step.
/// After editing a scenario, regenerate with:
///     NNX_UPDATE_BUILTINS=1 swift test --filter NNScenarioTests.BuiltinSyncTests
final class BuiltinSyncTests: XCTestCase {
    static let regenerate = "NNX_UPDATE_BUILTINS=1 swift test --filter NNScenarioTests.BuiltinSyncTests"

    /// The package root: Tests/NNScenarioTests/<this file> is three levels down.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let generatedFile = packageRoot.appendingPathComponent("Sources/NNScenario/BuiltinScenarios+Files.swift")

    func testEmbeddedCopiesMatchScenarioFiles() throws {
        let onDisk = try Self.scenarioFiles()
        XCTAssertFalse(onDisk.isEmpty, "no scenarios/*.yaml found under \(Self.packageRoot.path)")
        let source = BuiltinSource.render(onDisk)

        if ProcessInfo.processInfo.environment["NNX_UPDATE_BUILTINS"] == "1" {
            let current = try? String(contentsOf: Self.generatedFile, encoding: .utf8)
            if current != source {
                try source.write(to: Self.generatedFile, atomically: true, encoding: .utf8)
                print("Rewrote \(Self.generatedFile.path); build again to embed the new copies.")
            }
            return
        }

        let embedded = Dictionary(uniqueKeysWithValues: BuiltinScenarios.files.map { ($0.name, $0.text) })
        for file in onDisk {
            guard let copy = embedded[file.name] else {
                XCTFail("scenarios/\(file.name) is not embedded. Regenerate with: \(Self.regenerate)")
                continue
            }
            XCTAssertTrue(copy == file.text,
                          "scenarios/\(file.name) differs from its embedded copy. Regenerate with: \(Self.regenerate)")
        }
        for name in embedded.keys where !onDisk.contains(where: { $0.name == name }) {
            XCTFail("\(name) is embedded but no longer in scenarios/. Regenerate with: \(Self.regenerate)")
        }
        // Same copies but different source text: the generated file was edited by hand.
        let generated = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        XCTAssertTrue(testRun?.failureCount != 0 || generated == source,
                      "\(Self.generatedFile.lastPathComponent) is not what the generator writes. Regenerate with: \(Self.regenerate)")
    }

    func testRenderedSourceSurvivesAwkwardText() {
        // The delimiter grows until the text cannot close the literal or start an escape.
        XCTAssertEqual(BuiltinSource.literal("a\n"), "#\"\"\"\na\n\n\"\"\"#")
        XCTAssertEqual(BuiltinSource.literal("say \"\"\"# \\#(x)\n"),
                       "##\"\"\"\nsay \"\"\"# \\#(x)\n\n\"\"\"##")
    }

    static func scenarioFiles() throws -> [(name: String, text: String)] {
        let folder = packageRoot.appendingPathComponent("scenarios")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }
}

/// Writes `BuiltinScenarios+Files.swift`: each scenario as a raw multi-line string literal.
enum BuiltinSource {
    static func render(_ files: [(name: String, text: String)]) -> String {
        var out = """
            // GENERATED from scenarios/*.yaml by Tests/NNScenarioTests/BuiltinSyncTests.swift — do not edit.
            // After changing a scenario, regenerate with:
            //     \(BuiltinSyncTests.regenerate)

            extension BuiltinScenarios {
                static let embeddedFiles: [(name: String, text: String)] = [

            """
        for file in files {
            out += "(\(file.name.debugDescription), \(literal(file.text))),\n"
        }
        out += "]\n}\n"
        return out
    }

    /// A raw literal whose closing delimiter is at column 0, so no indentation is stripped. The last newline
    /// before the delimiter is not part of the string, hence the extra one.
    static func literal(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
    }
}
