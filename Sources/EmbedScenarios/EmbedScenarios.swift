import Foundation
import PackagePlugin

/// Build-tool plugin: before a target compiles, writes a Swift file that embeds every `scenarios/*.yaml`
/// (file name → text), so the binary carries its built-ins and needs no resource bundle beside it.
@main
struct EmbedScenarios: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "scenarios")
        let scenarioFiles = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinScenarios+Files.swift")
        // The files are both inputs (an edit reruns the command) and arguments (adding or removing one
        // changes the command line, which also reruns it).
        return [.buildCommand(displayName: "Embedding \(scenarioFiles.count) scenarios from scenarios/",
                              executable: try context.tool(named: "ScenarioEmbedder").url,
                              arguments: [output.path] + scenarioFiles.map(\.path),
                              inputFiles: scenarioFiles,
                              outputFiles: [output])]
    }
}
