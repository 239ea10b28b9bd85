import KieuMauCore
@testable import KieuMauTUI

/// The embedded data behind a controller, as the dashboard reads it (a catalog-backed source), with
/// the day of the latest-known view fixed so screens are stable.
final class EmbeddedSource: SnapshotSource {
    let catalog: Catalog
    private var reader: CatalogPictureReader

    init(today: Day) throws {
        guard let dir = EmbeddedData.directory() else { throw Problems([Problem(file: "embedded data", message: "not found")]) }
        catalog = Catalog.scan(directory: dir, today: today)
        reader = CatalogPictureReader(catalog: catalog)
    }

    func load(_ ref: SnapshotRef) -> Result<Dataset, Problems> {
        guard let entry = catalog.snapshots.first(where: { $0.file == ref.file }) else {
            return .failure(Problems([Problem(file: ref.file, message: "not in the catalog")]))
        }
        return reader.dataset(entry)
    }

    var seriesNames: [String] { catalog.series() }

    func snapshots(inSeries series: String) -> [SnapshotRef] {
        catalog.snapshots(inSeries: series).map { SnapshotRef(file: $0.file, header: $0.header) }
    }

    func crosswalk(between a: String, and b: String) -> Crosswalk? {
        for (from, to) in [(a, b), (b, a)] {
            if case .success(let c)? = catalog.loadCrosswalk(from: from, to: to) { return c }
        }
        return nil
    }
}

enum EmbeddedRecord {
    /// The day the screens of the opening view are drawn on (the dashboard uses the clock).
    static let today = Day(iso: "2026-12-04")!

    /// A controller on a series of the embedded data, opened as the dashboard opens it: on the
    /// snapshot the latest-known picture as of `day` stands on, then that picture.
    static func controller(series: String = "record", day: Day = today, lang: Language = .en,
                           width: Int = 80, height: Int = 24, exports: ExportsInMemory = ExportsInMemory()) throws -> AppRuntime {
        let source = try EmbeddedSource(today: day)
        let refs = source.snapshots(inSeries: series)
        guard let index = refs.lastIndex(where: { $0.header.asOf <= day }) else {
            throw Problems([Problem(file: series, message: "no snapshot on or before \(day.iso)")])
        }
        let data = try source.load(refs[index]).get()
        let opening = LatestKnownView.read(on: day, refs: refs, definition: .complete, source: source)
        let state = AppState(dataset: data, snapshots: refs, snapshotIndex: index, lang: lang,
                             seriesNames: source.seriesNames, latestKnown: opening)
        let c = AppRuntime(state: state, themes: [Theme(name: "default", styles: [:])], source: source, exports: exports,
                           width: width, height: height)
        c.start()
        return c
    }
}
