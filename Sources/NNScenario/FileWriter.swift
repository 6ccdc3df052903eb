#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why nnx will not write a file, as a short reason ("it exists (--force replaces it)").
public struct FileWriteError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}

/// How nnx writes every file it makes: into a temporary file next to the target, then renamed over it, so a
/// reader never sees half a file and a failure leaves nothing behind. Only a new path, or (with `force`) an
/// existing regular file its permissions let this user write, is written; a folder, a device (`/dev/null`),
/// a FIFO, a socket or a symbolic link never is, whoever runs nnx. A replaced file keeps its permissions.
public enum FileWriter {
    public static func write(_ bytes: [UInt8], to path: String, force: Bool) throws(FileWriteError) {
        func fail(_ reason: String) -> FileWriteError { FileWriteError(path: path, reason: reason) }
        var existing = stat()
        let exists = lstat(path, &existing) == 0
        if !exists && errno != ENOENT { throw fail(reason(errno)) }
        var mode = mode_t(0o666) & ~currentUmask()
        if exists {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFLNK: throw fail("it is a symbolic link (nnx writes only regular files)")
            case S_IFDIR: throw fail("it is a folder")
            case S_IFCHR, S_IFBLK: throw fail("it is a device, not a regular file")
            case S_IFIFO: throw fail("it is a FIFO (a named pipe), not a regular file")
            default: throw fail("it is not a regular file")
            }
            guard force else { throw fail("it exists (--force replaces it)") }
            guard writableByMode(existing) else { throw fail("its permissions do not let you write it") }
            mode = existing.st_mode & 0o7777
        }
        let folder = directory(of: path)
        var temporary = Array("\(folder)/.\(baseName(of: path)).nnx-XXXXXX".utf8CString)
        let descriptor = temporary.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw fail(errno == ENOENT ? "no such folder \(folder)" : reason(errno)) }
        let temporaryPath = String(cString: temporary)
        var done = false
        defer { if !done { unlink(temporaryPath) } }
        fchmod(descriptor, mode)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { posixWrite(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { close(descriptor); throw fail(reason(errno)) }
            written += count
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else { throw fail(reason(errno)) }
        if exists {
            guard rename(temporaryPath, path) == 0 else { throw fail(reason(errno)) }
        } else {
            // A hard link fails if the path appeared meanwhile, where a rename would replace it; a disk without
            // hard links (a FAT memory stick) gets the rename, the path checked just before.
            if link(temporaryPath, path) == 0 {
                unlink(temporaryPath)
            } else if errno == EEXIST {
                throw fail("it exists (--force replaces it)")
            } else {
                let linkError = errno
                guard lstat(path, &existing) != 0, errno == ENOENT, rename(temporaryPath, path) == 0 else { throw fail(reason(linkError)) }
            }
        }
        done = true
    }

    private static func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }

    /// Whether the file's permission bits let this user write it (root included: its power to write anything
    /// is not a reason to replace another user's read-only file).
    private static func writableByMode(_ status: stat) -> Bool {
        if status.st_uid == geteuid() { return status.st_mode & S_IWUSR != 0 }
        if status.st_gid == getegid() { return status.st_mode & S_IWGRP != 0 }
        return status.st_mode & S_IWOTH != 0
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func baseName(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    private static func reason(_ error: Int32) -> String {
        switch error {
        case ENOENT: "no such folder"
        case EACCES, EPERM: "permission denied"
        case ENOSPC: "no space left on the disk"
        case EROFS: "the disk is read-only"
        default: String(cString: strerror(error)).lowercased()
        }
    }
}
