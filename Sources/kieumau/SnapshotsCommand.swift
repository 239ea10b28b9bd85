import ArgumentParser
import KieuMauCore

struct SnapshotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshots",
        abstract: "List the snapshots: series, date, map, criteria set, what the rows cover, number of sources, synthetic or not.")

    @Option(name: .long, help: "A directory of your own data files (default: the embedded data).")
    var data: String?

    func run() throws {
        let options = DataChoice(data: data)
        let catalog = try options.catalog()
        var rows = [["series", "as of", "map", "criteria", "rows", "sources", "synthetic", "file"]]
        for e in catalog.snapshots {
            let h = e.header
            rows.append([h.series, h.asOf.iso, h.mapID, h.criteriaID, Self.coverage(h.coverage), String(h.sources.count),
                         h.synthetic ? "DEMO (synthetic)" : "no", e.file])
        }
        var widths = rows[0].map { _ in 0 }
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], TextWidth.of(c)) } }
        for r in rows {
            print(r.enumerated().map { i, c in c + String(repeating: " ", count: widths[i] - TextWidth.of(c)) }
                .joined(separator: "  ").trailingSpacesRemoved)
        }
        if !catalog.problems.isEmpty {
            printError("\(catalog.problems.count) problem(s) in the data directory; run `kieumau validate`")
        }
    }

    /// "complete", "named", or "named; complete: 40, 77".
    static func coverage(_ c: SnapshotCoverage) -> String {
        guard !c.provinces.isEmpty else { return c.defaultCoverage.rawValue }
        let others = c.provinces.keys.sorted().joined(separator: ", ")
        return "\(c.defaultCoverage.rawValue); \(c.defaultCoverage == .named ? "complete" : "named"): \(others)"
    }
}
