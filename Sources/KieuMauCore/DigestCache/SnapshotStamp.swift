#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path names and how it was last written, as `stat` tells: a file replaced by another
/// (a new inode) or written again (a new size or modification time) has another identity.
public struct SnapshotFileIdentity: Hashable, Sendable, CustomStringConvertible {
    public var device: UInt64
    public var inode: UInt64
    public var size: UInt64
    /// Modification time: seconds since 1970 and nanoseconds within the second.
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: UInt32

    public init(device: UInt64, inode: UInt64, size: UInt64, modifiedSeconds: Int64, modifiedNanoseconds: UInt32) {
        self.device = device; self.inode = inode; self.size = size
        self.modifiedSeconds = modifiedSeconds; self.modifiedNanoseconds = modifiedNanoseconds
    }

    init(_ info: stat) {
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        self.init(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino),
                  size: UInt64(max(0, info.st_size)), modifiedSeconds: Int64(modified.tv_sec),
                  modifiedNanoseconds: UInt32(truncatingIfNeeded: modified.tv_nsec))
    }

    /// The identity of the file at `path` now (a `stat`, no reading); nil when it cannot be stat'ed.
    public static func of(_ path: String) -> SnapshotFileIdentity? {
        var info = stat()
        return stat(path, &info) == 0 ? SnapshotFileIdentity(info) : nil
    }

    /// The same file (device and inode), whatever was written to it since.
    func isSameFile(as other: SnapshotFileIdentity) -> Bool { device == other.device && inode == other.inode }

    public var description: String {
        "device \(device), inode \(inode), \(size) bytes, modified \(modifiedSeconds).\(modifiedNanoseconds)"
    }
}

/// A snapshot file as it was read once: its identity and the hash of the bytes read (`ContentHash`).
/// A cache entry is made under the stamp taken *before* its digest was decoded, so that a file
/// changed in between leaves an entry that no longer matches, never one that matches wrongly.
public struct SnapshotStamp: Hashable, Sendable {
    public var identity: SnapshotFileIdentity
    public var contentHash: UInt64

    public init(identity: SnapshotFileIdentity, contentHash: UInt64) {
        self.identity = identity; self.contentHash = contentHash
    }

    /// Why a file could not be stamped, in words.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Reads the file at `path` through, hashing it in chunks (no copy of the whole file is kept).
    /// Only a regular file of at most `limit` bytes is read; one that changes while it is read
    /// (its identity before and after differ, or it ends elsewhere than its size said) fails.
    public static func read(_ path: String, limit: Int = 256 << 20) -> Result<SnapshotStamp, Failure> {
        var info = stat()
        // stat first, as `FileReader` does: a FIFO or a device is refused before it is opened.
        guard stat(path, &info) == 0 else { return .failure(Failure(message: "cannot read: \(errorText())")) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(Failure(message: "not a regular file")) }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Failure(message: "cannot read: \(errorText())")) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .failure(Failure(message: "not a regular file"))
        }
        let before = SnapshotFileIdentity(info)
        guard before.size <= UInt64(limit) else {
            return .failure(Failure(message: "file is \(before.size) bytes, above the limit of \(limit) bytes"))
        }
        let hashed: (hash: UInt64, count: Int)
        switch FileContentHashing.hash(fd, upTo: Int(before.size)) {
        case .success(let h): hashed = h
        case .failure(let failure): return .failure(failure)
        }
        guard fstat(fd, &info) == 0 else { return .failure(Failure(message: "cannot read: \(errorText())")) }
        guard SnapshotFileIdentity(info) == before, hashed.count == Int(before.size) else {
            return .failure(Failure(message: "changed while it was read"))
        }
        return .success(SnapshotStamp(identity: before, contentHash: hashed.hash))
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}

/// `ContentHash` of an open file, read in chunks into one buffer: the hash of a file equals the hash
/// of its bytes in memory (`ContentHash.of`).
enum FileContentHashing {
    static let chunk = 256 << 10
    /// Bytes kept at the front of the buffer between chunks: the hash's last steps read up to 64
    /// bytes back from the end, and a 48-byte block is only taken while more follows it.
    static let carried = 112

    /// The hash of what `fd` holds from where it stands to its end, and how many bytes that was;
    /// reading stops one byte past `expected` (a file that grew is not read on and on).
    static func hash(_ fd: Int32, upTo expected: Int) -> Result<(hash: UInt64, count: Int), SnapshotStamp.Failure> {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk + carried, alignment: 16)
        defer { buffer.deallocate() }
        guard let base = buffer.baseAddress else { return .failure(.init(message: "no memory to read")) }
        var state = ContentHash.State(seed: 0)
        var total = 0
        var held = 0          // bytes at the front of the buffer, not yet consumed
        var consumedBlocks = false
        while total <= expected {
            let got = read(fd, base + held, buffer.count - held)
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.init(message: "cannot read: \(SnapshotStamp.errorText())"))
            }
            if got == 0 { break }
            total += got
            held += got
            var offset = 0
            while held - offset > carried {
                state.consumeBlock(base + offset)
                offset += 48
                consumedBlocks = true
            }
            if offset > 0 {
                (base).copyMemory(from: base + offset, byteCount: held - offset)
                held -= offset
            }
        }
        let rest = UnsafeRawBufferPointer(start: base, count: held)
        if !consumedBlocks { return .success((ContentHash.of(rest), total)) }
        return .success((state.finish(at: base, remaining: held, total: total, consumedBlocks: true), total))
    }
}
