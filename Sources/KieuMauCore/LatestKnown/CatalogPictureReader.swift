/// Reads what the latest-known picture needs from a data directory (for `kieumau report` and the
/// tests; the dashboard reads through its own snapshot source): the digests of the snapshots
/// `LatestKnown.snapshotsNeeded` names, the headers of the others, and how the provinces of an
/// earlier map continue on the later one.
public struct CatalogPictureReader {
    public let catalog: Catalog
    private var maps: [String: AdminMap] = [:]

    public init(catalog: Catalog) { self.catalog = catalog }

    /// A snapshot with its map and criteria set, or why not.
    public mutating func dataset(_ entry: SnapshotEntry) -> Result<Dataset, Problems> {
        let h = entry.header
        guard let criteria = catalog.criteriaSets[h.criteriaID] else {
            return .failure(Problems([Problem(file: entry.file, path: "criteria", message: "unknown criteria set '\(h.criteriaID)'")]))
        }
        let map: AdminMap
        switch self.map(h.mapID) {
        case .success(let m): map = m
        case .failure(let p): return .failure(p)
        }
        return catalog.loadSnapshot(entry, map: map).map { Dataset(snapshot: $0, map: map, criteria: criteria) }
    }

    public mutating func map(_ id: String) -> Result<AdminMap, Problems> {
        if let m = maps[id] { return .success(m) }
        let loaded = catalog.loadMap(id: id)
        if case .success(let m) = loaded { maps[id] = m }
        return loaded
    }

    /// The picture of a series as of `day`. Snapshots that cannot be read are left out and named
    /// through `skipped`. Nil when no snapshot on or before `day` can be read.
    public mutating func picture(series: String, asOf day: Day, definition: ModelDefinition = .complete,
                                 skipped: (SnapshotEntry, Problems) -> Void = { _, _ in }) -> KnownPicture? {
        let entries = catalog.snapshots(inSeries: series)
        var needed = LatestKnown.snapshotsNeeded(entries.map(\.header), asOf: day)
        var digests: [SnapshotDigest] = []
        var failed = Set<Int>()
        var i = needed.count - 1
        while i >= 0 {
            let index = needed[i]
            switch dataset(entries[index]) {
            case .success(let data):
                digests.append(SnapshotDigest(data, summary: ProgressSummary(data, definition: definition)))
            case .failure(let p):
                skipped(entries[index], p)
                failed.insert(index)
                // The one before it is needed in its place, if it was not already.
                if i == 0, index > 0, !needed.contains(index - 1) { needed.insert(index - 1, at: 0); i += 1 }
            }
            i -= 1
        }
        let digested = Set(digests.map(\.asOf))
        let headers = entries.enumerated().filter { !failed.contains($0.offset) && !digested.contains($0.element.header.asOf) }.map(\.element.header)
        return LatestKnown.picture(asOf: day, digests: digests, headers: headers, successions: successions(for: digests))
    }

    /// One picture for each snapshot of a series on its own day, as published.
    public mutating func asPublished(_ entry: SnapshotEntry, definition: ModelDefinition = .complete) -> Result<KnownPicture, Problems> {
        dataset(entry).map { LatestKnown.asPublished(SnapshotDigest($0, summary: ProgressSummary($0, definition: definition))) }
    }

    /// How the provinces of each earlier map of `digests` continue on the newest one's map, where a
    /// crosswalk between them can be read.
    mutating func successions(for digests: [SnapshotDigest]) -> [ProvinceSuccession] {
        guard let target = digests.max(by: { $0.asOf < $1.asOf })?.totals.mapID else { return [] }
        var out: [ProvinceSuccession] = []
        for id in Set(digests.map(\.totals.mapID)) where id != target {
            guard case .success(let crosswalk)? = catalog.loadCrosswalk(from: id, to: target),
                  case .success(let earlier) = map(id), case .success(let later) = map(target) else { continue }
            out.append(ProvinceSuccession(crosswalk: crosswalk, earlier: earlier, later: later))
        }
        return out.sorted { $0.fromMapID < $1.fromMapID }
    }
}
