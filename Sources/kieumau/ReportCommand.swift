import ArgumentParser
import Foundation
import KieuMauCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print what is known: by default the latest known picture as of today (or --as-of), each figure with its date and source; --snapshot DATE for one snapshot as published. With --section also the criteria holding wards back, what changed and the projection (no terminal needed).")

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: "Only this province (name without diacritics or case, or its code), with its wards.")
    var province: String?

    @Option(name: .long, help: "text, markdown, csv or json.")
    var format: Report.Format = .text

    @Option(name: .long, help: "Sections: summary, provinces, criteria, compare, projection, or all; repeat or separate with commas (default: summary,provinces).")
    var section: [String] = []

    @Option(name: .customLong("with"), help: "For --section compare: the snapshot on or before this date (YYYY-MM-DD) to compare with (default: the previous one).")
    var with: String?

    func run() throws {
        let options = self.options.choice
        let sections = try chosenSections()
        let catalog = try options.catalog()
        let series = try options.chosenSeries(in: catalog)
        let entries = catalog.snapshots(inSeries: series)
        var loader = DatasetLoader(catalog: catalog)
        let (index, data) = try options.opening(entries, skipped: { entry, problems in
            printError("note: \(entry.file) could not be loaded, so an earlier snapshot is reported:\n\(problems)")
        }) { loader.load($0) }
        let summary = ProgressSummary(data, definition: options.model)
        var previous: ProgressSummary?
        if index > 0, case .success(let d) = loader.load(entries[index - 1]) {
            previous = ProgressSummary(d, definition: options.model)
        }
        var provinceIndex: Int?
        if let province {
            provinceIndex = try ProvinceLookup.find(province, in: data.map)
        }
        var comparison: SnapshotComparison?
        if sections.contains(.compare) {
            comparison = try compare(data, at: index, in: entries, catalog: catalog, loader: &loader)
        }
        var projection: Projection?
        if sections.contains(.projection) {
            // Only the snapshots on the shown one's map count for the pace: the others are not loaded.
            var series: [ProgressSummary] = [summary]
            for entry in entries[..<index] where entry.header.mapID == data.map.id {
                switch loader.load(entry) {
                case .success(let d): series.append(ProgressSummary(d, definition: options.model))
                case .failure(let p): printError("note: \(entry.file) left out of the projection:\n\(p)")
                }
            }
            projection = Projection(series: series)
        }
        // The latest known as of the day (default), or the snapshot as published (--snapshot).
        var picture: KnownPicture?
        var result2025: KnownPicture?
        if try options.snapshotDay() == nil {
            let day = try options.latestKnownDay()
            var reader = CatalogPictureReader(catalog: catalog)
            picture = reader.picture(series: series, asOf: day, definition: options.model)
            if day > Targets.deadline2025 {
                result2025 = reader.picture(series: series, asOf: Targets.deadline2025, definition: options.model)
            }
        }
        let report = Report(data: data, summary: summary, previous: previous, province: provinceIndex,
                            sections: sections, comparison: comparison, projection: projection,
                            picture: picture, result2025: result2025)
        print(report.render(format), terminator: "")
        if !catalog.problems.isEmpty {
            printError("note: \(catalog.problems.count) problem(s) in the data directory; run `kieumau validate` for the list")
        }
    }
}

extension ReportCommand {
    /// The --section values: names separated by commas or repeated, `all` for every section.
    func chosenSections() throws -> [Report.Section] {
        let names = section.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !names.isEmpty else { return Report.defaultSections }
        var out: [Report.Section] = []
        for name in names {
            if name == "all" { return Report.Section.allCases }
            guard let s = Report.Section(rawValue: name) else {
                throw CLIError("--section: expected one of " + (Report.Section.allCases.map(\.rawValue) + ["all"]).joined(separator: ", ") + ", found '\(name)'")
            }
            out.append(s)
        }
        return out
    }

    /// The comparison for --section compare: with the snapshot --with names, else the previous one;
    /// nil when the series has no other. Across a map change the crosswalk between the maps is used.
    func compare(_ data: Dataset, at index: Int, in entries: [SnapshotEntry], catalog: Catalog,
                 loader: inout DatasetLoader) throws -> SnapshotComparison? {
        let other: Int
        if let with {
            guard let day = Day(iso: with) else { throw CLIError("--with: expected a date as YYYY-MM-DD, found '\(with)'") }
            guard let i = entries.lastIndex(where: { $0.header.asOf <= day }) else {
                throw CLIError("--with: no snapshot on or before \(day.iso); the first is \(entries[0].header.asOf.iso)")
            }
            guard i != index else {
                throw CLIError("--with \(day.iso) picks the snapshot shown (\(entries[i].header.asOf.iso)); give the date of another")
            }
            other = i
        } else {
            guard index > 0 else { return nil }
            other = index - 1
        }
        let otherData: Dataset
        switch loader.load(entries[other]) {
        case .success(let d): otherData = d
        case .failure(let p): throw CLIError("cannot load \(entries[other].file):\n\(p)")
        }
        let (earlier, later) = otherData.header.asOf < data.header.asOf ? (otherData, data) : (data, otherData)
        var crosswalk: Crosswalk?
        if earlier.map.id != later.map.id {
            switch catalog.loadCrosswalk(from: earlier.map.id, to: later.map.id) {
            case .success(let c): crosswalk = c
            case .failure(let p): printError("note: the crosswalk could not be read, so only national figures are compared:\n\(p)")
            case nil: break
            }
        }
        return SnapshotComparison(data, otherData, crosswalk: crosswalk, definition: options.model)
    }
}

extension Report.Format: ExpressibleByArgument {}

/// Finds a province by code or by name, ignoring diacritics and case ("nghe an", "Nghệ An", "40").
enum ProvinceLookup {
    static func find(_ query: String, in map: AdminMap) throws -> Int {
        if let i = map.provinceIndex[query] { return i }
        let q = SearchFolding.fold(query)
        let exact = map.provinces.indices.filter { i in
            let name = SearchFolding.fold(map.provinces[i].name)
            return name == q || NameTypePrefix.strip(name, prefixes: NameTypePrefix.province) == q
        }
        if exact.count == 1 { return exact[0] }
        let partial = map.provinces.indices.filter { SearchFolding.fold(map.provinces[$0].name).contains(q) }
        if partial.count == 1 { return partial[0] }
        if partial.isEmpty { throw CLIError("no province matches '\(query)' on map \(map.id)") }
        throw CLIError("'\(query)' matches several provinces: " + partial.map { map.provinces[$0].name }.joined(separator: ", "))
    }
}
