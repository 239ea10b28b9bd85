/// What the trend, the projection, the pace and a ward's history need of one snapshot, computed
/// once when it is loaded and kept after its rows are dropped: its totals and each ward's stage.
/// The ward indices are those of the map named by `totals.mapID`.
public struct SnapshotDigest: Sendable {
    public let totals: ProgressTotals
    public let wards: WardStages
    /// False when the snapshot has no ward rows (it only announces a map): it says nothing about
    /// the share or the pace.
    public let hasRows: Bool

    public init(_ summary: ProgressSummary, hasRows: Bool) {
        totals = ProgressTotals(summary)
        wards = WardStages(summary.wards)
        self.hasRows = hasRows
    }

    public init(_ data: Dataset, summary: ProgressSummary) {
        self.init(summary, hasRows: !data.snapshot.wards.isEmpty)
    }
}
