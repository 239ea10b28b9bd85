/// Reads what the latest-known picture needs from a data directory (for `kieumau report` and the
/// tests; the dashboard reads through its own snapshot source): the digests of the snapshots
/// `LatestKnown.snapshotsNeeded` names, the headers of the others, and how the provinces of an
/// earlier map continue on the later one.
public struct CatalogPictureReader {
    public var catalog: Catalog { loader.catalog }
    private var loader: DatasetLoader

    public init(catalog: Catalog) { loader = DatasetLoader(catalog: catalog) }

    /// A snapshot with its map and criteria set, or why not.
    public mutating func dataset(_ entry: SnapshotEntry) -> Result<Dataset, Problems> { loader.load(entry) }

    public mutating func map(_ id: String) -> Result<AdminMap, Problems> { loader.map(id) }

    /// The picture of a series as of `day`. Snapshots that cannot be read are left out and named
    /// through `skipped`. Nil when no snapshot on or before `day` can be read.
    public mutating func picture(series: String, asOf day: Day, definition: ModelDefinition = .complete,
                                 skipped: (SnapshotEntry, Problems) -> Void = { _, _ in }) -> KnownPicture? {
        let entries = catalog.snapshots(inSeries: series)
        var reader = self
        let result = LatestKnownBuilder.picture(asOf: day, headers: entries.map(\.header), digest: { index in
            switch reader.dataset(entries[index]) {
            case .success(let data): return SnapshotDigest(data, summary: ProgressSummary(data, definition: definition))
            case .failure(let p): skipped(entries[index], p); return nil
            }
        }, map: { id in try? reader.map(id).get() }, crosswalk: { from, to in try? reader.catalog.loadCrosswalk(from: from, to: to)?.get() })
        self = reader
        return result.picture
    }

    /// One picture for each snapshot of a series on its own day, as published.
    public mutating func asPublished(_ entry: SnapshotEntry, definition: ModelDefinition = .complete) -> Result<KnownPicture, Problems> {
        dataset(entry).map { LatestKnown.asPublished(SnapshotDigest($0, summary: ProgressSummary($0, definition: definition))) }
    }
}
