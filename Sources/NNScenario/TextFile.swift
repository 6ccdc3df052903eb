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

    /// The most bytes a file may have, unless the caller says otherwise: far more than any scenario, CSV or
    /// picture a class uses, and a bound on the memory and time a mistaken path costs.
    static let defaultLimit = 100_000_000

    /// The file's bytes; a file larger than `limit` is not read, nor anything that is not a regular file (a
    /// folder, a device such as /dev/zero, a FIFO, a socket), which could block or never end.
    static func readBytes(_ path: String, limit: Int = defaultLimit) -> Result<[UInt8], Failure> {
        // Non-blocking, so that opening a FIFO nobody writes to returns at once.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(Failure(reason: reason(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(Failure(reason: reason(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(Failure(reason: "it is a folder"))
        case S_IFCHR, S_IFBLK: return .failure(Failure(reason: "it is a device, not a regular file"))
        case S_IFIFO: return .failure(Failure(reason: "it is a FIFO (a named pipe), not a regular file"))
        default: return .failure(Failure(reason: "it is not a regular file"))
        }
        let size = Int(status.st_size)
        guard size <= limit else {
            return .failure(Failure(reason: "it is \(formatBytes(size)), more than the \(formatBytes(limit)) nnx reads"))
        }
        // The size as it was when opened; a file that grows meanwhile is read to that size.
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + done, size - done) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? .success(Array(bytes[..<done])) : .failure(Failure(reason: reason(errno))) }
            done += count
        }
        return .success(bytes)
    }

    private static func reason(_ error: Int32) -> String {
        switch error {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case ENOTDIR: "a part of the path is not a folder"
        case ELOOP: "too many symbolic links"
        case EISDIR: "it is a folder"
        default: String(cString: strerror(error)).lowercased()
        }
    }

    /// "812 bytes", "12.3 MB" (decimal megabytes, as `ls -h --si` and file managers show them).
    static func formatBytes(_ count: Int) -> String {
        count < 1_000_000 ? "\(count) bytes" : "\((Double(count) / 100_000).rounded() / 10) MB".replacing(".0 MB", with: " MB")
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
