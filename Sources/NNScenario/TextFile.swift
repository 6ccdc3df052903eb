import Foundation

/// Reading the text files a scenario needs, with short reasons when that fails.
enum TextFile {
    struct Failure: Error { var reason: String }

    static func read(_ path: String) -> Result<String, Failure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Failure(reason: "no such file"))
        }
        if isDirectory.boolValue { return .failure(Failure(reason: "it is a folder")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Failure(reason: "permission denied"))
        }
        guard var text = String(data: data, encoding: .utf8) else {
            return .failure(Failure(reason: "it is not UTF-8 text"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }   // a byte-order mark some editors write
        return .success(text)
    }

    /// `path` as seen from `directory` (absolute paths stay as they are; "" is the current folder).
    static func resolve(_ path: String, relativeTo directory: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// The folder holding `path` ("" for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
