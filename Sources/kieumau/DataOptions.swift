import ArgumentParser
import Foundation
import KieuMauCore

/// Options every command that reads snapshots shares: where the data is and which snapshot.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "A directory of your own snapshot, criteria and map files (default: the embedded data).")
    var data: String?

    @Option(name: .long, help: "The series to show: 'record' (published figures) or 'demo' (synthetic); default record.")
    var series: String?

    @Option(name: .customLong("as-of"), help: "Show the latest snapshot on or before this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(name: .long, help: "What counts as model: 'complete' (recognised or meeting every criterion, the default) or 'recognised'.")
    var model: ModelDefinition = .complete

    /// Today from the system clock, for the "date in the future" check.
    static var today: Day { Day.today(secondsSince1970: Int(Date().timeIntervalSince1970)) }

    /// The data directory: --data, else the embedded resources.
    func directory() throws -> String {
        if let data { return data }
        guard let dir = EmbeddedData.directory() else {
            throw CLIError("the embedded data was not found next to the program; install the kieumau_KieuMauCore.resources folder beside the binary, or pass --data DIR")
        }
        return dir
    }

    func catalog() throws -> Catalog {
        let dir = try directory()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw CLIError("data directory \(dir) does not exist or is not a directory")
        }
        return Catalog.scan(directory: dir, today: DataOptions.today)
    }

    /// The series to use: the one asked for, else "record" when present, else the first.
    func chosenSeries(in catalog: Catalog) throws -> String {
        let all = catalog.series()
        if let series {
            guard all.contains(series) else {
                throw CLIError("no snapshots in series '\(series)'; series found: \(all.isEmpty ? "none" : all.joined(separator: ", "))")
            }
            return series
        }
        if all.contains("record") { return "record" }
        guard let first = all.first else { throw CLIError("no loadable snapshot in \(catalog.directory)" + problemHint(catalog)) }
        return first
    }

    /// Index of the snapshot to show within the series.
    func chosenIndex(in entries: [SnapshotEntry]) throws -> Int {
        guard !entries.isEmpty else { throw CLIError("the series has no snapshots") }
        guard let asOf else { return entries.count - 1 }
        guard let day = Day(iso: asOf) else { throw CLIError("--as-of: expected a date as YYYY-MM-DD, found '\(asOf)'") }
        guard let i = entries.lastIndex(where: { $0.header.asOf <= day }) else {
            throw CLIError("no snapshot on or before \(day.iso); the first is \(entries[0].header.asOf.iso)")
        }
        return i
    }

    /// The snapshot to open and its data: --as-of's, else the latest that says something (one that
    /// only announces a new map, with no ward rows and no reported figures, is passed over).
    /// The dashboard and the report use this one rule, so they open on the same snapshot.
    /// One that cannot be loaded (broken rows, a map that cannot be read) is passed over for the
    /// nearest earlier one that can, and named through `skipped`: one hostile file must not keep
    /// the rest of the data from being shown.
    func opening(_ entries: [SnapshotEntry], skipped: (SnapshotEntry, Problems) -> Void = { _, _ in },
                 load: (SnapshotEntry) -> Result<Dataset, Problems>) throws -> (Int, Dataset) {
        let chosen = try chosenIndex(in: entries)
        var index = chosen
        var data: Dataset?
        var firstFailure: Problems?
        while data == nil, index >= 0 {
            switch load(entries[index]) {
            case .success(let d): data = d
            case .failure(let p):
                skipped(entries[index], p)
                firstFailure = firstFailure ?? p
                index -= 1
            }
        }
        guard var data else {
            let before = chosen > 0 ? " nor any snapshot before it" : ""
            throw CLIError("cannot load \(entries[chosen].file)\(before):\n\(firstFailure?.description ?? "")")
        }
        if asOf == nil, index > 0, data.snapshot.wards.isEmpty, data.snapshot.reported.isEmpty,
           case .success(let earlier) = load(entries[index - 1]) {
            index -= 1
            data = earlier
        }
        return (index, data)
    }

    /// Why nothing could be listed, in brief: the first error says it (e.g. a folder that cannot
    /// be read: permission denied) without a second command.
    func problemHint(_ catalog: Catalog) -> String {
        guard let first = catalog.problems.first(where: { $0.severity == .error }) ?? catalog.problems.first else { return "" }
        return " (\(catalog.problems.count) problem(s), the first: \(first); run `kieumau validate \(catalog.directory)`)"
    }
}

extension ModelDefinition: ExpressibleByArgument {}

/// A message for the user, printed without a stack trace, with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Loads a snapshot with its map and criteria set, or explains why not.
struct DatasetLoader {
    let catalog: Catalog
    private var maps: [String: AdminMap] = [:]

    init(catalog: Catalog) { self.catalog = catalog }

    mutating func load(_ entry: SnapshotEntry) -> Result<Dataset, Problems> {
        let h = entry.header
        guard let criteria = catalog.criteriaSets[h.criteriaID] else {
            return .failure(Problems([Problem(file: entry.file, path: "criteria", message: "unknown criteria set '\(h.criteriaID)'")]))
        }
        let map: AdminMap
        if let m = maps[h.mapID] { map = m } else {
            switch catalog.loadMap(id: h.mapID) {
            case .success(let m): maps[h.mapID] = m; map = m
            case .failure(let p): return .failure(p)
            }
        }
        return catalog.loadSnapshot(entry, map: map).map { Dataset(snapshot: $0, map: map, criteria: criteria) }
    }
}

/// Writes to standard error (Glibc's `stderr` is not usable from Swift 6 strict concurrency).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
