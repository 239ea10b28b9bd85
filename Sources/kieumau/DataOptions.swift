import ArgumentParser
import Foundation
import KieuMauCore

/// Options every command that reads snapshots shares: where the data is and which snapshot.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "A directory of your own snapshot, criteria and map files (default: the embedded data).")
    var data: String?

    @Option(name: .long, help: "The series to show: 'record' (published figures) or 'demo' (synthetic); default record.")
    var series: String?

    @Option(name: .customLong("as-of"), help: "The latest known picture as of this date (YYYY-MM-DD; default today): each figure from the latest snapshot on or before it that gives it.")
    var asOf: String?

    @Option(name: .long, help: "Instead of the latest known picture, the snapshot on or before this date (YYYY-MM-DD) exactly as published.")
    var snapshot: String?

    @Option(name: .long, help: "What counts as model: 'complete' (recognised or meeting every criterion, the default) or 'recognised'.")
    var model: ModelDefinition = .complete

    /// The same choice as a plain value, which the dashboard's quick start builds without parsing.
    var choice: DataChoice { DataChoice(data: data, series: series, asOf: asOf, snapshot: snapshot, model: model) }

    /// Today from the system clock, for the "date in the future" check.
    static var today: Day { DataChoice.today }
}

/// Where the data is and which snapshot: what `DataOptions` parsed, as a plain value.
struct DataChoice: Equatable {
    var data: String?
    var series: String?
    var asOf: String?
    var snapshot: String?
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
        return Catalog.scan(directory: dir, today: DataChoice.today)
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

    /// The day of the latest-known picture: --as-of, else today (the day the program runs).
    func latestKnownDay() throws -> Day {
        guard let asOf else { return DataChoice.today }
        guard let day = Day(iso: asOf) else { throw CLIError("--as-of: expected a date as YYYY-MM-DD, found '\(asOf)'") }
        return day
    }

    /// The day of the snapshot asked for as published (--snapshot), or nil for the latest known.
    func snapshotDay() throws -> Day? {
        guard let snapshot else { return nil }
        guard asOf == nil else { throw CLIError("--as-of and --snapshot: give one (the latest known as of a day, or one snapshot as published)") }
        guard let day = Day(iso: snapshot) else { throw CLIError("--snapshot: expected a date as YYYY-MM-DD, found '\(snapshot)'") }
        return day
    }

    /// Index of the snapshot to show within the series: the latest on or before --snapshot's day,
    /// else on or before the latest-known day (the snapshot that picture stands on).
    func chosenIndex(in entries: [SnapshotEntry]) throws -> Int {
        guard !entries.isEmpty else { throw CLIError("the series has no snapshots") }
        let day = try snapshotDay() ?? latestKnownDay()
        guard let i = entries.lastIndex(where: { $0.header.asOf <= day }) else {
            throw CLIError("no snapshot on or before \(day.iso); the first is \(entries[0].header.asOf.iso)")
        }
        return i
    }

    /// The snapshot to open and its data: --snapshot's, else the one the latest-known picture
    /// stands on (the latest on or before its day, even one that only announces a new map: it puts
    /// the picture on the map in force). The dashboard and the report use this one rule.
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
        guard let data else {
            let before = chosen > 0 ? " nor any snapshot before it" : ""
            throw CLIError("cannot load \(entries[chosen].file)\(before):\n\(firstFailure?.description ?? "")")
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


/// Writes to standard error (Glibc's `stderr` is not usable from Swift 6 strict concurrency).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
