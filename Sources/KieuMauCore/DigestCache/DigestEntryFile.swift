#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing one entry file of the digest cache. Reading refuses anything but a regular
/// file (a FIFO, a folder or a link where an entry should be is damage, and nothing waits on it);
/// writing goes to a temporary file in the same folder, renamed over the entry once whole, so a
/// reader sees the old entry or the new one, never part of one.
enum DigestEntryFile {
    enum ReadOutcome {
        case missing
        case unusable(String)
        case read(bytes: [UInt8], modifiedSeconds: Int64)
    }

    static func read(_ path: String, limit: Int = DigestCacheFile.sizeLimit) -> ReadOutcome {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .unusable("cannot read: \(errorText())")
        }
        if let kind = nonRegularKind(info.st_mode) { return .unusable("\(kind) where an entry should be") }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return errno == ENOENT ? .missing : .unusable("cannot read: \(errorText())") }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, nonRegularKind(info.st_mode) == nil else { return .unusable("not a regular file") }
        let size = Int(info.st_size)
        guard size <= limit else { return .unusable(DigestFileError.tooLarge(size: size, limit: limit).description) }
        // One byte more than the size, to notice a file that grew (the decoder refuses any excess);
        // read straight into the array, not zeroed first.
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, filled in
            while filled < buffer.count {
                let got = readBytes(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot read: \(errorText())"
                    return
                }
                if got == 0 { return }
                filled += got
            }
        }
        if let failure { return .unusable(failure) }
        return .read(bytes: bytes, modifiedSeconds: Int64(SnapshotFileIdentity(info).modifiedSeconds))
    }

    /// Writes `bytes` as the entry at `path`: a new temporary file beside it, then a rename.
    /// On failure the temporary file is removed and the entry left as it was.
    static func write(_ bytes: [UInt8], to path: String, using io: DigestCache.FileOutput) -> Result<Void, DigestCache.Skip> {
        let temporary = temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return .failure(.writeFailed("cannot create \(temporary): \(errorText())")) }
        var written = 0
        var failure: String?
        while written < bytes.count {
            let got = bytes.withUnsafeBytes { io.write(fd, $0.baseAddress! + written, $0.count - written) }
            if got < 0 {
                if errno == EINTR { continue }
                failure = errorText()
                break
            }
            if got == 0 { failure = "the disk took no more bytes"; break }
            written += got
        }
        // close reports errors that writing deferred (on NFS, a full disk).
        if close(fd) != 0, failure == nil { failure = errorText() }
        if failure == nil, io.rename(temporary, path) != 0 { failure = "cannot rename into place: \(errorText())" }
        guard let failure else { return .success(()) }
        unlink(temporary)
        return .failure(.writeFailed(failure))
    }

    /// `.tmp-<entry name>-<pid>-<random>`: unique among writers, and recognisable to pruning.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let folder = path[..<slash], name = path[slash...]
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return "\(folder)\(temporaryPrefix)\(name)-\(getpid())-\(random)"
    }

    static let temporaryPrefix = ".tmp-"

    /// Marks an entry used now (its modification time is its last use, which pruning reads).
    static func touch(_ path: String) {
        _ = utimensat(AT_FDCWD, path, nil, 0)
    }

    static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFLNK: return "a symbolic link"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}

/// The C library's `read`, out of reach of `DigestEntryFile.read` inside the enum.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
