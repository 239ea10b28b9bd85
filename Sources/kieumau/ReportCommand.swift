import ArgumentParser
import KieuMauCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print national and per-province progress, bands and gaps (no terminal needed).")

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: "Only this province (name without diacritics or case, or its code), with its wards.")
    var province: String?

    @Option(name: .long, help: "text, markdown, csv or json.")
    var format: Report.Format = .text

    func run() throws {
        let catalog = try options.catalog()
        let series = try options.chosenSeries(in: catalog)
        let entries = catalog.snapshots(inSeries: series)
        let index = try options.chosenIndex(in: entries)
        var loader = DatasetLoader(catalog: catalog)
        let data: Dataset
        switch loader.load(entries[index]) {
        case .success(let d): data = d
        case .failure(let p): throw CLIError("cannot load \(entries[index].file):\n\(p)")
        }
        let summary = ProgressSummary(data, definition: options.model)
        var previous: ProgressSummary?
        if index > 0, case .success(let d) = loader.load(entries[index - 1]) {
            previous = ProgressSummary(d, definition: options.model)
        }
        var provinceIndex: Int?
        if let province {
            provinceIndex = try ProvinceLookup.find(province, in: data.map)
        }
        print(Report(data: data, summary: summary, previous: previous, province: provinceIndex).render(format), terminator: "")
        if !catalog.problems.isEmpty {
            printError("note: \(catalog.problems.count) problem(s) in the data directory; run `kieumau validate` for the list")
        }
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
            return name == q || ListKey.stripType(name) == q
        }
        if exact.count == 1 { return exact[0] }
        let partial = map.provinces.indices.filter { SearchFolding.fold(map.provinces[$0].name).contains(q) }
        if partial.count == 1 { return partial[0] }
        if partial.isEmpty { throw CLIError("no province matches '\(query)' on map \(map.id)") }
        throw CLIError("'\(query)' matches several provinces: " + partial.map { map.provinces[$0].name }.joined(separator: ", "))
    }
}

enum ListKey {
    static func stripType(_ folded: String) -> String {
        for p in ["thanh pho ", "tinh "] where folded.hasPrefix(p) { return String(folded.dropFirst(p.count)) }
        return folded
    }
}
