#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads data files defensively: only regular files (a FIFO, a device or a symbolic link to
/// /dev/zero is refused before it is opened, so nothing hangs), at most `sizeLimit` bytes (a huge or
/// sparse file is refused from its size before reading, and reading stops at limit + 1 bytes
/// in case it grows).
enum FileReader {
    static let sizeLimit = 256 << 20

    /// Why a file could not be read, in words for a problem message.
    struct Failure: Error, Sendable { var message: String }

    static func readAll(_ path: String, limit: Int = sizeLimit) -> Result<[UInt8], Failure> {
        switch openChecked(path, limit: limit) {
        case .failure(let failure): return .failure(failure)
        case .success(let (fd, size)):
            defer { close(fd) }
            var bytes: [UInt8] = []
            // One more byte than stat said, to see the end; more only if the file grew meanwhile.
            var want = min(size + 1, limit + 1)
            while true {
                switch readMore(fd, into: &bytes, upTo: want) {
                case .failure(let failure): return .failure(failure)
                case .success(true): return .success(bytes)
                case .success(false):
                    if bytes.count > limit { return .failure(tooLarge(bytes.count, limit)) }
                    want = min(max(want * 2, 4096), limit + 1)
                }
            }
        }
    }

    /// Reads the file's first bytes, then more (doubling) for as long as `parse` says it needs more.
    /// A header is read this way without reading the rows after it.
    static func readPrefix<T>(_ path: String, limit: Int = sizeLimit, firstChunk: Int = 16 << 10,
                              parse: (_ bytes: [UInt8], _ isComplete: Bool) -> T?) -> Result<T, Failure> {
        switch openChecked(path, limit: limit) {
        case .failure(let failure): return .failure(failure)
        case .success(let (fd, _)):
            defer { close(fd) }
            var bytes: [UInt8] = []
            var want = firstChunk
            while true {
                let reachedEnd: Bool
                switch readMore(fd, into: &bytes, upTo: min(want, limit + 1)) {
                case .failure(let failure): return .failure(failure)
                case .success(let atEnd): reachedEnd = atEnd
                }
                if bytes.count > limit { return .failure(tooLarge(bytes.count, limit)) }
                if let result = parse(bytes, reachedEnd) { return .success(result) }
                if reachedEnd { return .failure(Failure(message: "could not be parsed")) } // parse returns non-nil when complete
                want *= 2
            }
        }
    }

    /// Opens a regular file for reading after checking its type and size; returns it with its size.
    private static func openChecked(_ path: String, limit: Int) -> Result<(Int32, Int), Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Failure(message: "cannot read: \(errorText())")) }
        if let kind = nonRegularKind(info.st_mode) {
            return .failure(Failure(message: "not a regular file (\(kind)); data files must be plain files"))
        }
        if Int(info.st_size) > limit { return .failure(tooLarge(Int(info.st_size), limit)) }
        // O_NONBLOCK: should the path have been swapped for a FIFO since stat, opening it does not wait.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Failure(message: "cannot read: \(errorText())")) }
        guard fstat(fd, &info) == 0, nonRegularKind(info.st_mode) == nil else {
            close(fd)
            return .failure(Failure(message: "not a regular file; data files must be plain files"))
        }
        return .success((fd, Int(info.st_size)))
    }

    /// Appends bytes until `bytes` holds `total` or the file ends; returns whether it ended.
    private static func readMore(_ fd: Int32, into bytes: inout [UInt8], upTo total: Int) -> Result<Bool, Failure> {
        while bytes.count < total {
            let start = bytes.count
            let want = total - start
            var got = 0
            var failed: Int32 = 0
            bytes.append(contentsOf: repeatElement(0, count: want))
            bytes.withUnsafeMutableBytes { buffer in
                repeat {
                    guard let base = buffer.baseAddress else { return }
                    got = read(fd, base + start, want)
                } while got < 0 && errno == EINTR
                if got < 0 { failed = errno }
            }
            bytes.removeLast(want - max(got, 0))
            if got < 0 { return .failure(Failure(message: "cannot read: \(String(cString: strerror(failed)))")) }
            if got == 0 { return .success(true) }
        }
        return .success(false)
    }

    private static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a plain file"
        }
    }

    private static func tooLarge(_ size: Int, _ limit: Int) -> Failure {
        Failure(message: "file is \(size) bytes, above the limit of \(limit) bytes (\(limit >> 20) MiB) for a data file")
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
