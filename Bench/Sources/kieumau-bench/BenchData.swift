import Foundation
import KieuMauCore
import KieuMauTUI

/// The dashboard's view of a benchmark data directory, as the executable's `CatalogSource` has it:
/// snapshot lists per series, snapshots loaded on demand, each map decoded once.
final class BenchSource: SnapshotSource {
    let catalog: Catalog
    private var maps: [String: AdminMap] = [:]
    /// Snapshots loaded so far (the work counted by "deferred work").
    private(set) var loads = 0

    init(catalog: Catalog) { self.catalog = catalog }

    func load(_ ref: SnapshotRef) -> Result<Dataset, Problems> {
        guard let entry = catalog.snapshots.first(where: { $0.file == ref.file }) else {
            return .failure(Problems([Problem(file: ref.file, message: "not in the catalog")]))
        }
        return load(entry)
    }

    func load(_ entry: SnapshotEntry) -> Result<Dataset, Problems> {
        loads += 1
        guard let criteria = catalog.criteriaSets[entry.header.criteriaID] else {
            return .failure(Problems([Problem(file: entry.file, message: "unknown criteria set \(entry.header.criteriaID)")]))
        }
        let map: AdminMap
        if let m = maps[entry.header.mapID] { map = m } else {
            switch catalog.loadMap(id: entry.header.mapID) {
            case .success(let m): maps[entry.header.mapID] = m; map = m
            case .failure(let p): return .failure(p)
            }
        }
        return catalog.loadSnapshot(entry, map: map).map { Dataset(snapshot: $0, map: map, criteria: criteria) }
    }

    var seriesNames: [String] { catalog.series() }

    func snapshots(inSeries series: String) -> [SnapshotRef] {
        catalog.snapshots(inSeries: series).map { SnapshotRef(file: $0.file, header: $0.header) }
    }
}

/// One benchmark data directory opened the way `kieumau --data DIR --series demo` opens it.
struct OpenedData {
    static let series = "demo"

    let directory: String
    let catalog: Catalog
    let entries: [SnapshotEntry]
    let index: Int

    init(directory: String) throws {
        self.directory = directory
        catalog = Catalog.scan(directory: directory, today: OpenedData.today)
        if let problem = catalog.problems.first(where: { $0.severity == .error }) {
            throw BenchError("\(directory): \(problem)")
        }
        entries = catalog.snapshots(inSeries: OpenedData.series)
        guard !entries.isEmpty else { throw BenchError("\(directory): no snapshot in series \(OpenedData.series)") }
        index = entries.count - 1
    }

    static var today: Day { Day.today(secondsSince1970: Int(Date().timeIntervalSince1970)) }

    /// A runtime on the snapshot the dashboard opens on, laid out for `width`×`height`, as the
    /// dashboard has it just before its first frame. Its effects run in the background, as the
    /// dashboard's do; `waitUntilIdle()` waits for them.
    func controller(width: Int, height: Int) throws -> (AppRuntime, BenchSource) {
        let source = BenchSource(catalog: catalog)
        let data: Dataset
        switch source.load(entries[index]) {
        case .success(let d): data = d
        case .failure(let p): throw BenchError("cannot load \(entries[index].file): \(p)")
        }
        let state = AppState(dataset: data, snapshots: source.snapshots(inSeries: OpenedData.series), snapshotIndex: index, lang: .en)
        let runtime = AppRuntime(state: state, themes: [Theme(name: "default", styles: [:])], source: source, exports: ExportsInMemory(),
                                 execution: .background, width: width, height: height)
        // As the dashboard: the terminal loop draws once per key; the bench's sample is that draw.
        runtime.settlesAfterEachKey = false
        return (runtime, source)
    }
}
