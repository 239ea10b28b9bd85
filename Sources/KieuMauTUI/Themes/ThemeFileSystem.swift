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
        // attributesOfItem describes a symbolic link itself, and theme folders are often links
        // (dotfile managers): look at what the link points to.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: target)
        } catch {
            return FileManager.default.fileExists(atPath: target) ? .unreadable(reason: "\(error.localizedDescription)")
                                                                  : .missing
        }
        switch attributes[.type] as? FileAttributeType {
        case .typeRegular?: break
        case .typeSymbolicLink?: return .unreadable(reason: "a symbolic link to a file that does not exist")
        default: return .notARegularFile
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > limit { return .tooLarge(size: size) }
        guard let handle = FileHandle(forReadingAtPath: target) else {
            return .unreadable(reason: "permission denied or the file vanished")
        }
        defer { try? handle.close() }
        do {
            // One byte over the limit tells a file that grew since it was measured.
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            return data.count > limit ? .tooLarge(size: nil) : .bytes([UInt8](data))
        } catch {
            return .unreadable(reason: "\(error.localizedDescription)")
        }
    }
}
