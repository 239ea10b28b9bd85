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
        var digests: [Int: SnapshotDigest] = [:]
        var failed = Set<Int>()
        // A snapshot that cannot be read is left out, and the ones it would have stood for are read
        // instead (a broken complete snapshot leaves the named ones before it needed).
        var usable: [Int] = []
        while true {
            usable = entries.indices.filter { !failed.contains($0) }
            let needed = LatestKnown.snapshotsNeeded(usable.map { entries[$0].header }, asOf: day).map { usable[$0] }
            var allRead = true
            for index in needed.reversed() where digests[index] == nil {
                switch dataset(entries[index]) {
                case .success(let data):
                    digests[index] = SnapshotDigest(data, summary: ProgressSummary(data, definition: definition))
                case .failure(let p):
                    skipped(entries[index], p)
                    failed.insert(index)
                    allRead = false
                }
            }
            if allRead { break }
        }
        let headers = usable.filter { digests[$0] == nil }.map { entries[$0].header }
        let digestList = digests.keys.sorted().compactMap { digests[$0] }
        return LatestKnown.picture(asOf: day, digests: digestList, headers: headers, successions: successions(for: digestList))
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
