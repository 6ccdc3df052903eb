/// The Swift source that embeds the scenario files: each one as a raw multi-line string literal.
enum EmbeddedSource {
    /// `files` must already be in file-name order, so the output depends only on the files.
    static func render(_ files: [(name: String, text: String)]) -> String {
        var out = """
            // GENERATED at build time from scenarios/*.yaml by the EmbedScenarios plugin.

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
