/// The latest-known picture of a series as of a day, from whatever reads its snapshots: the
/// report (a catalog), the dashboard's runner (its snapshot source and cache). Reads only the
/// snapshots `LatestKnown.snapshotsNeeded` names; the others give their headers. A snapshot that
/// cannot be read is left out, and the ones it would have stood for are read instead (a broken
/// complete snapshot leaves the named ones before it needed).
public enum LatestKnownBuilder {
    /// - Parameters:
    ///   - headers: the series' snapshot headers, in order.
    ///   - digest: the digest of the snapshot at an index, or nil when it cannot be read.
    ///   - map: a map by id (for how an earlier map's provinces continue on a later one).
    ///   - crosswalk: the crosswalk from one map to another, or nil.
    /// - Returns: the picture, and the indices that could not be read (nil picture: none on or
    ///   before `day` can be).
    public static func picture(asOf day: Day, headers: [SnapshotHeader], digest: (Int) -> SnapshotDigest?,
                               map: (String) -> AdminMap?, crosswalk: (_ from: String, _ to: String) -> Crosswalk?)
        -> (picture: KnownPicture?, unreadable: [Int]) {
        var digests: [Int: SnapshotDigest] = [:]
        var failed: [Int] = []
        var usable: [Int] = []
        while true {
            usable = headers.indices.filter { !failed.contains($0) }
            let needed = LatestKnown.snapshotsNeeded(usable.map { headers[$0] }, asOf: day).map { usable[$0] }
            var allRead = true
            for index in needed.reversed() where digests[index] == nil {
                if let d = digest(index) {
                    digests[index] = d
                } else {
                    failed.append(index)
                    allRead = false
                }
            }
            if allRead { break }
        }
        let others = usable.filter { digests[$0] == nil }.map { headers[$0] }
        let read = digests.keys.sorted().compactMap { digests[$0] }
        guard !read.isEmpty || !others.isEmpty else { return (nil, failed) }
        let picture = LatestKnown.picture(asOf: day, digests: read, headers: others,
                                          successions: successions(for: read, map: map, crosswalk: crosswalk))
        return (picture, failed)
    }

    /// How the provinces of each earlier map of `digests` continue on the newest one's map, where a
    /// crosswalk between them can be read.
    static func successions(for digests: [SnapshotDigest], map: (String) -> AdminMap?,
                            crosswalk: (String, String) -> Crosswalk?) -> [ProvinceSuccession] {
        guard let target = digests.max(by: { $0.asOf < $1.asOf })?.totals.mapID else { return [] }
        var out: [ProvinceSuccession] = []
        for id in Set(digests.map(\.totals.mapID)) where id != target {
            guard let cw = crosswalk(id, target), cw.fromMapID == id, let earlier = map(id), let later = map(target) else { continue }
            out.append(ProvinceSuccession(crosswalk: cw, earlier: earlier, later: later))
        }
        return out.sorted { $0.fromMapID < $1.fromMapID }
    }
}
