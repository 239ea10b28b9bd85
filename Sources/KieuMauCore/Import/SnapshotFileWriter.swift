#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a snapshot file whole or not at all: the text goes to a hidden temporary file beside the
/// target (names starting with "." are not read by the loader), which then becomes the target —
/// by `link`, which fails when the target exists, so an existing snapshot is never replaced
/// unless `replace` is set (then by `rename`, which swaps it atomically).
enum SnapshotFileWriter {
    /// Nil on success, else why not, in words (the caller names the file).
    static func store(_ text: String, to path: String, replace: Bool) -> String? {
        let folder = parentFolder(of: path)
        if let failure = makeFolders(folder) { return failure }
        let temporary = folder + "/.kieumau-import-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        if let failure = writeNew(text, to: temporary) { return failure }
        defer { unlink(temporary) }
        if replace {
            guard rename(temporary, path) == 0 else { return "cannot write the file: \(FileReader.errorText())" }
            return nil
        }
        if link(temporary, path) == 0 { return nil }
        let linkError = errno
        if linkError == EEXIST { return existsMessage }
        // A file system without hard links: create the target exclusively instead.
        return writeNew(text, to: path)
    }

    static let existsMessage = "the file exists already; snapshots are records and are not replaced (pass --force to replace it)"

    /// Creates `path` (which must not exist) with `text`, flushed to disk.
    private static func writeNew(_ text: String, to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno == EEXIST ? existsMessage : "cannot create the file: \(FileReader.errorText())" }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let message = "cannot write the file: \(FileReader.errorText())"
                close(fd); unlink(path)
                return message
            }
            bytes = bytes.dropFirst(written)
        }
        let synced = fsync(fd) == 0
        let message = synced ? nil : "cannot write the file: \(FileReader.errorText())"
        close(fd)
        if !synced { unlink(path) }
        return message
    }

    private static func makeFolders(_ folder: String) -> String? {
        var built = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o755) != 0 && errno != EEXIST { return "cannot create the folder \(built): \(FileReader.errorText())" }
        }
        return nil
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
