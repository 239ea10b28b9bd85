/// What a series keeps of one snapshot once its rows are dropped, computed once when it is loaded:
/// its header (dates, sources, coverage, reported figures), its totals (the country and each
/// province counted from the rows) and each ward's stage. The trend, the projection, the pace, a
/// ward's history and the latest-known picture (`LatestKnown`) are read from digests, so none of
/// them needs the rows again. The ward indices are those of the map named by `totals.mapID`.
public struct SnapshotDigest: Hashable, Sendable {
    public let header: SnapshotHeader
    public let totals: ProgressTotals
    public let wards: WardStages
    /// False when the snapshot has no ward rows (it only announces a map): it says nothing about
    /// the share or the pace.
    public let hasRows: Bool

    public init(header: SnapshotHeader, summary: ProgressSummary, hasRows: Bool) {
        self.header = header
        totals = ProgressTotals(summary)
        wards = WardStages(summary.wards)
        self.hasRows = hasRows
    }

    public init(_ data: Dataset, summary: ProgressSummary) {
        self.init(header: data.header, summary: summary, hasRows: !data.snapshot.wards.isEmpty)
    }

    /// A digest from its parts, as the digest cache reads one back (`DigestCacheFile`).
    init(header: SnapshotHeader, totals: ProgressTotals, wards: WardStages, hasRows: Bool) {
        self.header = header; self.totals = totals; self.wards = wards; self.hasRows = hasRows
    }

    public var asOf: Day { header.asOf }
}
