#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a path, before SQLite is asked to open it (SQLite's own errors do not say "folder").
enum FileStatus: Equatable {
    case missing, regular, folder, other

    init(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { self = .missing; return }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        default: self = .other
        }
    }
}

extension ReviewStore {
    /// `mkdir -p` of the path's folder, mode 0700 (the XDG specification's choice for data folders).
    static func createFolders(for path: String) throws(ReviewStoreError) {
        var folder = ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (index, part) in parts.enumerated() {
            folder += (index == 0 ? "" : "/") + part
            guard !part.isEmpty, part != ".", part != ".." else { continue }
            switch FileStatus(folder) {
            case .folder: continue
            case .regular, .other:
                throw ReviewStoreError(.cannotCreateFolder, path: path, "cannot create the folder \(folder): a file of that name is in the way")
            case .missing:
                if mkdir(folder, 0o700) != 0, errno != EEXIST {
                    throw ReviewStoreError(.cannotCreateFolder, path: path, "cannot create the folder \(folder): \(String(cString: strerror(errno)))")
                }
            }
        }
    }

    /// Why writing is impossible, or nil when it looks possible. A file with no write bits at all
    /// is taken as write-protected on purpose, even for root (who could write it anyway). WAL
    /// needs to create `-wal` and `-shm` files beside the database, so the folder must be writable.
    static func writeProtection(_ path: String, exists: Bool) -> String? {
        if exists {
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & 0o222 == 0 { return "the file is write-protected" }
            if access(path, W_OK) != 0 { return "no permission to write the file (\(String(cString: strerror(errno))))" }
        }
        let folder = folderOf(path)
        if access(folder, W_OK) != 0 { return "no permission to write in the folder \(folder) (\(String(cString: strerror(errno))))" }
        return nil
    }

    static func folderOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A `file:` URI for SQLite, with `%`, `?`, `#` and anything outside printable ASCII escaped.
    static func fileURI(_ path: String) -> String {
        var uri = "file:"
        for byte in path.utf8 {
            let safe = byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") && byte != UInt8(ascii: "?") && byte != UInt8(ascii: "#")
            if safe {
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                uri += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return uri
    }
}
