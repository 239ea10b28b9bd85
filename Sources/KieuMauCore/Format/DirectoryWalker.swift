#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A data file found in a data directory.
struct DataFile: Sendable, Hashable {
    var kind: DataFileKind
    /// The name without its kind suffix: the id of a criteria set, map or crosswalk.
    var stem: String
    /// Relative to the data directory, with `/` separators.
    var relative: String
    var absolute: String
}

/// Lists the data files of a directory and of its sub-folders two levels deep, in name order.
/// Folders reached through symbolic links are not followed (no loops, no surprises); names
/// starting with `.` are skipped; what cannot be read becomes a problem, never a crash.
enum DirectoryWalker {
    static let maximumDepth = 2

    static func walk(_ root: String) -> (files: [DataFile], problems: [Problem]) {
        var files: [DataFile] = []
        var problems: [Problem] = []
        visit(root: root, relative: "", depth: 0, files: &files, problems: &problems)
        return (files, problems)
    }

    private static func visit(root: String, relative: String, depth: Int, files: inout [DataFile], problems: inout [Problem]) {
        let directory = relative.isEmpty ? root : root + "/" + relative
        guard let names = entries(of: directory) else {
            problems.append(Problem(file: relative.isEmpty ? root : relative + "/", message: "cannot read folder: \(FileReader.errorText())"))
            return
        }
        for (name, isUTF8) in names where !name.hasPrefix(".") {
            let rel = relative.isEmpty ? name : relative + "/" + name
            let path = root + "/" + rel
            let kind = DataFileKind.of(fileName: name)
            // A name that is not UTF-8 cannot be opened again from its (repaired) text, and one with
            // escape sequences or invisible characters would be printed in messages and listings:
            // such data files and folders are named (inert) and left out.
            if !isUTF8 || name.unicodeScalars.contains(where: DisplaySafe.isUnsafe) {
                if !isUTF8 || kind != nil || name.hasSuffix(".json") || isFolder(path) {
                    let why = isUTF8 ? "has control, bidi or invisible characters" : "is not valid UTF-8"
                    problems.append(Problem(file: rel, message: "not read: the name \(why)", severity: .warning))
                }
                continue
            }
            var info = stat()
            guard lstat(path, &info) == 0 else {
                problems.append(Problem(file: rel, message: "cannot read: \(FileReader.errorText())")); continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if depth < maximumDepth {
                    visit(root: root, relative: rel, depth: depth + 1, files: &files, problems: &problems)
                } else {
                    problems.append(Problem(file: rel + "/", message: "not read: folders more than \(maximumDepth) levels below the data directory are not searched",
                                            severity: .warning))
                }
                continue
            case S_IFLNK:
                var target = stat()
                if stat(path, &target) == 0 && target.st_mode & S_IFMT == S_IFDIR {
                    problems.append(Problem(file: rel, message: "not read: symbolic links to folders are not followed", severity: .warning))
                    continue
                }
            default:
                break
            }
            if let (kind, stem) = kind {
                files.append(DataFile(kind: kind, stem: stem, relative: rel, absolute: path))
            } else if name.hasSuffix(".json") {
                problems.append(Problem(file: rel, message: "not read: a data file's name ends in \(DataFileKind.suffixList)",
                                        severity: .warning))
            }
        }
    }

    /// The names in a folder, sorted by their bytes, each with whether it is valid UTF-8 (if not, the
    /// name holds U+FFFD in place of the bad bytes); nil when the folder cannot be read.
    private static func entries(of directory: String) -> [(name: String, isUTF8: Bool)]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [(name: String, isUTF8: Bool)] = []
        while let entry = readdir(dir) {
            let read = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    (String(validatingCString: $0), String(cString: $0))
                }
            }
            if read.1 != "." && read.1 != ".." { names.append((read.0 ?? read.1, read.0 != nil)) }
        }
        return names.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// Whether `path` is a folder (not following a link).
    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
