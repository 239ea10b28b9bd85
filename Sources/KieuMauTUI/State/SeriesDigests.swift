import KieuMauCore

/// A digest of every snapshot of the series loaded so far (by file), and the maps their ward
/// indices refer to (maps are shared between snapshots, so this holds one per map, not per file).
/// The trend, the projection, the pace and a ward's history are read from here, so none of them
/// needs the rows once a snapshot has been loaded once.
struct SeriesDigests {
    private var byFile: [String: SnapshotDigest] = [:]
    private var maps: [String: AdminMap] = [:]
    /// Files that could not be loaded: not tried again for a digest (a broken file would otherwise
    /// be decoded again at every ward selected) until the data change or a step loads it.
    private var failed: Set<String> = []

    subscript(file: String) -> SnapshotDigest? { byFile[file] }

    func hasFailed(_ file: String) -> Bool { failed.contains(file) }

    /// A map the digests refer to, by id.
    func map(_ id: String) -> AdminMap? { maps[id] }

    mutating func add(_ digest: SnapshotDigest, file: String, map: AdminMap?) {
        byFile[file] = digest
        if let map, !map.wards.isEmpty || map.provinces.isEmpty, maps[map.id] == nil { maps[map.id] = map }
        failed.remove(file)
    }

    mutating func noteFailure(_ file: String) { failed.insert(file) }
    mutating func forgetFailure(_ file: String) { failed.remove(file) }

    mutating func removeAll() { byFile = [:]; maps = [:]; failed = [] }

    /// The ward with this code in each of `digests` (in their order) whose map has it.
    func history(ofWard code: String, in digests: [SnapshotDigest]) -> WardHistory {
        var points: [WardHistory.Point] = []
        for d in digests {
            guard let map = maps[d.totals.mapID], let w = map.wardIndex[code], let ward = d.wards[w] else { continue }
            points.append(.init(asOf: d.totals.asOf, stage: ward.stage, met: ward.met, total: d.totals.criteriaCount,
                                coverage: d.header.coverage.of(province: map.wards[w].provinceCode)))
        }
        return WardHistory(wardCode: code, points: points)
    }
}
