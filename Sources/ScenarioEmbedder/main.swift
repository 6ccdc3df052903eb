import Foundation

// Run by the EmbedScenarios plugin: ScenarioEmbedder OUTPUT.swift SCENARIO.yaml...
let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: ScenarioEmbedder OUTPUT.swift SCENARIO.yaml...\n".utf8))
    exit(2)
}
let scenarioFiles = arguments.dropFirst().map(URL.init(fileURLWithPath:))
    .sorted { $0.lastPathComponent < $1.lastPathComponent }
let files = try scenarioFiles.map { (name: $0.lastPathComponent, text: try String(contentsOf: $0, encoding: .utf8)) }
try EmbeddedSource.render(files).write(toFile: outputPath, atomically: true, encoding: .utf8)
