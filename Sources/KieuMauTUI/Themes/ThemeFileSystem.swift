import Foundation

/// What reading a theme file gave.
public enum ThemeFileRead: Equatable, Sendable {
    /// The whole file (it is no larger than the limit asked for).
    case bytes([UInt8])
    case missing
    /// A directory, device, pipe or socket: never opened, since reading one could block forever.
    case notARegularFile
    /// Larger than the limit; `size` is the size on disk when known. Not read.
    case tooLarge(size: Int?)
    case unreadable(reason: String)
}

/// The file access the theme locator needs, injected so tests run without a real home folder.
public protocol ThemeFileSystem: Sendable {
    /// Names of the entries in a directory, or nil when it is not a readable directory.
    func contentsOfDirectory(atPath path: String) -> [String]?
    /// Whether something (file or directory) exists at the path.
    func exists(atPath path: String) -> Bool
    /// Reads a regular file of at most `limit` bytes, without reading more than `limit + 1`.
    func readRegularFile(atPath path: String, limit: Int) -> ThemeFileRead
}

/// The real file system, through Foundation.
public struct LocalThemeFileSystem: ThemeFileSystem {
    public init() {}

    public func contentsOfDirectory(atPath path: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: path)
    }

    public func exists(atPath path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public func readRegularFile(atPath path: String, limit: Int) -> ThemeFileRead {
        // stat follows links (theme folders are often links from dotfile managers), and is a
        // tenth of the cost of FileManager's attributes at start.
        var info = stat()
        guard stat(path, &info) == 0 else {
            let why = errno
            var link = stat()
            if why == ENOENT, lstat(path, &link) == 0 { return .unreadable(reason: "a symbolic link to a file that does not exist") }
            return why == ENOENT || why == ENOTDIR ? .missing : .unreadable(reason: String(cString: strerror(why)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notARegularFile }
        if Int(info.st_size) > limit { return .tooLarge(size: Int(info.st_size)) }
        // O_NONBLOCK: a path swapped for a FIFO since the stat does not block the open.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .unreadable(reason: errno == EACCES ? "permission denied" : String(cString: strerror(errno))) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .notARegularFile }
        // One byte over the limit tells a file that grew since it was measured.
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                return .unreadable(reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { return .tooLarge(size: nil) }
        bytes.removeSubrange(count...)
        return .bytes(bytes)
    }
}
