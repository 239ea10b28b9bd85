import Glibc

/// Tells when files in a data directory (and its sub-folders, two levels) are added, changed,
/// moved or removed, through inotify: the main loop waits on `descriptor` with the keyboard, so
/// watching costs no CPU while nothing happens.
public final class DirectoryWatcher {
    let descriptor: Int32

    /// nil when inotify is not available (the dashboard then simply does not reload).
    public init?(directory: String) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        descriptor = fd
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)
        for dir in Self.folders(under: directory, depth: 2) {
            _ = inotify_add_watch(fd, dir, mask)
        }
    }

    deinit { close(descriptor) }

    /// Reads every pending event; true when one concerned a data file (a `.json` file or a folder).
    func drain() -> Bool {
        var relevant = false
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let (len, mask, name) = buffer.withUnsafeBytes { raw -> (Int, UInt32, String) in
                    let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = raw[nameStart..<min(n, nameStart + Int(event.len))].prefix { $0 != 0 }
                    return (Int(event.len), event.mask, String(decoding: nameBytes, as: UTF8.self))
                }
                if name.hasSuffix(".json") || mask & UInt32(IN_ISDIR) != 0 { relevant = true }
                offset += MemoryLayout<inotify_event>.size + len
            }
        }
        return relevant
    }

    /// The directory and its sub-folders to `depth` levels, without following symbolic links.
    static func folders(under root: String, depth: Int) -> [String] {
        var out = [root]
        guard depth > 0, let dir = opendir(root) else { return out }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = root + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { continue }
            out += folders(under: path, depth: depth - 1)
        }
        return out
    }
}
