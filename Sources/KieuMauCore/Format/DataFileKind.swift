/// The four kinds of data file, told apart by how their names end (docs/FORMAT.md).
enum DataFileKind: CaseIterable, Sendable {
    case criteria, map, crosswalk, snapshot

    /// The versions of each kind this program reads, oldest first; the last is the one it writes.
    /// Snapshots are at version 2 (`coverage`, `reported[].round`); a version-1 snapshot is read as
    /// it always was, its rows a complete count. The other kinds are at version 1.
    var versions: [Int] { self == .snapshot ? [1, 2] : [1] }
    /// The version this program writes.
    var currentVersion: Int { versions[versions.count - 1] }

    var suffix: String {
        switch self {
        case .criteria: return ".criteria.json"
        case .map: return ".map.json"
        case .crosswalk: return ".crosswalk.json"
        case .snapshot: return ".snapshot.json"
        }
    }

    /// The value of the file's `format` key.
    var format: String {
        switch self {
        case .criteria: return "kieumau.criteria"
        case .map: return "kieumau.map"
        case .crosswalk: return "kieumau.crosswalk"
        case .snapshot: return "kieumau.snapshot"
        }
    }

    /// The kind of a file by its name, and its name stem (the id criteria, map and crosswalk files
    /// must carry). Nil for other names.
    static func of(fileName: String) -> (kind: DataFileKind, stem: String)? {
        for kind in allCases where fileName.hasSuffix(kind.suffix) {
            let stem = String(fileName.dropLast(kind.suffix.count))
            return stem.isEmpty ? nil : (kind, stem)
        }
        return nil
    }

    static var suffixList: String { allCases.map(\.suffix).joined(separator: ", ") }
}
