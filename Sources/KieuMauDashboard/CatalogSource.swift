import KieuMauCore
import KieuMauTUI

/// The dashboard's window on the data directory: snapshot lists per series and loading on demand,
/// each map decoded once.
public final class CatalogSource: SnapshotSource {
    private var loader: DatasetLoader
    private(set) var catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
        self.loader = DatasetLoader(catalog: catalog)
    }

    public func load(_ ref: SnapshotRef) -> Result<Dataset, Problems> {
        guard let entry = catalog.snapshots.first(where: { $0.file == ref.file }) else {
            return .failure(Problems([Problem(file: ref.file, message: "snapshot is no longer in the catalog")]))
        }
        return loader.load(entry)
    }

    public var seriesNames: [String] { catalog.series() }

    /// Scans the directory again (live reload); returns the problems that are new.
    public func reload() -> [Problem] {
        let old = Set(catalog.problems.map(\.description))
        catalog = Catalog.scan(directory: catalog.directory, today: catalog.today)
        loader = DatasetLoader(catalog: catalog)
        crosswalks = [:]
        return catalog.problems.filter { !old.contains($0.description) }
    }

    private var crosswalks: [String: Crosswalk] = [:]

    public func crosswalk(between a: String, and b: String) -> Crosswalk? {
        let key = [a, b].sorted().joined(separator: "|")
        if let c = crosswalks[key] { return c }
        for (from, to) in [(a, b), (b, a)] {
            if case .success(let c)? = catalog.loadCrosswalk(from: from, to: to) {
                crosswalks[key] = c
                return c
            }
        }
        return nil
    }

    public func snapshots(inSeries series: String) -> [SnapshotRef] {
        catalog.snapshots(inSeries: series).map { SnapshotRef(file: $0.file, header: $0.header) }
    }
}
