import Foundation

/// Reading the text files a scenario needs, with short reasons when that fails.
enum TextFile {
    struct Failure: Error { var reason: String }

    static func read(_ path: String) -> Result<String, Failure> {
        readBytes(path).flatMap { bytes in
            guard var text = String(validating: bytes, as: UTF8.self) else {
                return .failure(Failure(reason: "it is not UTF-8 text"))
            }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }   // a byte-order mark some editors write
            return .success(text)
        }
    }

    /// The file's bytes; a file larger than `limit` is not read.
    static func readBytes(_ path: String, limit: Int = .max) -> Result<[UInt8], Failure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Failure(reason: "no such file"))
        }
        if isDirectory.boolValue { return .failure(Failure(reason: "it is a folder")) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            return .failure(Failure(reason: "it is \(size) bytes, more than the \(limit) nnx reads"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Failure(reason: "permission denied"))
        }
        return .success([UInt8](data))
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
