#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A snapshot file found in a data directory, known by its header.
public struct SnapshotEntry: Hashable, Sendable {
    /// Relative to the data directory.
    public var file: String
    /// Absolute path.
    public var path: String
    public var header: SnapshotHeader

    public init(file: String, path: String, header: SnapshotHeader) {
        self.file = file; self.path = path; self.header = header
    }
}

/// A crosswalk file found in a data directory, known by its header.
public struct CrosswalkEntry: Hashable, Sendable {
    public var id: String
    public var fromMapID: String
    public var toMapID: String
    /// Relative to the data directory.
    public var file: String
    /// Absolute path.
    public var path: String
}

/// What a data directory holds: every criteria set (loaded: they are small), the map and crosswalk
/// files by id (loaded on demand) and the header of every snapshot (the rows are loaded on demand).
/// A file with an error is left out and its problems listed; every other file is still used.
public struct Catalog: Sendable {
    /// The data directory, absolute.
    public internal(set) var directory: String
    /// Snapshots dated after it are refused.
    public internal(set) var today: Day
    /// Problems found while scanning (errors and warnings), in file order.
    public internal(set) var problems: [Problem] = []
    public internal(set) var criteriaSets: [String: CriteriaSet] = [:]
    /// Map files by id, relative to the directory.
    public internal(set) var mapFiles: [String: String] = [:]
    public internal(set) var crosswalks: [CrosswalkEntry] = []
    /// Sorted by series, then by `asOf`. At most one per series and day.
    public internal(set) var snapshots: [SnapshotEntry] = []
    /// Criteria sets (and, when validating, maps) whose files have errors.
    var brokenIDs: Set<String> = []

    init(directory: String, today: Day) {
        self.directory = directory; self.today = today
    }

    /// Scans a data directory (and its sub-folders two levels deep). Never fails: what cannot be
    /// read becomes a problem.
    public static func scan(directory: String, today: Day) -> Catalog {
        var catalog = Catalog(directory: absolutePath(directory), today: today)
        catalog.index(mode: .listing)
        return catalog
    }

    /// The series present, in name order.
    public func series() -> [String] {
        var names: [String] = []
        for entry in snapshots where names.last != entry.header.series { names.append(entry.header.series) }
        return names
    }

    /// The snapshots of one series, oldest first.
    public func snapshots(inSeries series: String) -> [SnapshotEntry] {
        snapshots.filter { $0.header.series == series }
    }

    public func loadMap(id: String) -> Result<AdminMap, Problems> {
        guard let file = mapFiles[id] else {
            return .failure(Problems([Problem(file: id + DataFileKind.map.suffix, message: "no such map file in \(directory)")]))
        }
        return FileLoading.document(at: path(of: file), file: file).flatMap {
            AdminMapDecoder.decode($0, file: file, stem: id)
        }
    }

    /// A map's head (id, title, date in force, sources, notes) with `provinces` as its provinces:
    /// the file is read only up to its provinces (a digest holds them; issue 14).
    public func loadMapHead(id: String, provinces: [Province]) -> Result<AdminMap, Problems> {
        guard let file = mapFiles[id] else {
            return .failure(Problems([Problem(file: id + DataFileKind.map.suffix, message: "no such map file in \(directory)")]))
        }
        return FileLoading.header(at: path(of: file), file: file, orAt: "provinces").flatMap {
            AdminMapDecoder.decodeHead($0, file: file, stem: id, provinces: provinces)
        }
    }

    /// The crosswalk from one map to another; nil when the directory has none.
    public func loadCrosswalk(from: String, to: String) -> Result<Crosswalk, Problems>? {
        guard let entry = crosswalks.first(where: { $0.fromMapID == from && $0.toMapID == to }) else { return nil }
        return FileLoading.document(at: entry.path, file: entry.file).flatMap {
            CrosswalkDecoder.decode($0, file: entry.file, stem: entry.id, maps: Set(mapFiles.keys))
        }
    }

    /// The whole snapshot, checked against `map` (the map its header names) and its criteria set.
    public func loadSnapshot(_ entry: SnapshotEntry, map: AdminMap) -> Result<Snapshot, Problems> {
        FileLoading.document(at: entry.path, file: entry.file).flatMap {
            SnapshotDecoder.decode($0, file: entry.file, context: snapshotContext, map: map)
        }
    }

    /// The criteria set a snapshot uses (always present for a listed snapshot).
    public func criteriaSet(of entry: SnapshotEntry) -> CriteriaSet? { criteriaSets[entry.header.criteriaID] }

    var snapshotContext: SnapshotDecoder.Context {
        SnapshotDecoder.Context(today: today, criteriaSets: criteriaSets, mapIDs: Set(mapFiles.keys), brokenIDs: brokenIDs)
    }

    func path(of relative: String) -> String { directory + "/" + relative }

    /// The absolute path of a map's file, if the directory has that map.
    public func mapPath(id: String) -> String? { mapFiles[id].map(path(of:)) }

    static func absolutePath(_ path: String) -> String {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.hasPrefix("/") { return trimmed }
        guard let cwd = getcwd(nil, 0) else { return trimmed }
        defer { free(cwd) }
        let base = String(cString: cwd)
        return trimmed == "." ? base : base + "/" + trimmed
    }
}
