/// How one ward stands on one criterion, as the analyses read it. A ward that meets every criterion
/// (stage `complete` or `recognised`, or M of M) meets each one even when its marks are not given;
/// a ward known only by a published count ("21/22") has no per-criterion status.
enum CriterionReading {
    /// Per-criterion statuses are known (or implied by meeting every criterion).
    static func isAttributable(_ row: WardPolice?, _ progress: WardProgress) -> Bool {
        guard let row else { return false }
        return progress.meetsAll || (row.marks.publishedCount == nil && row.marks.hasMarks)
    }

    /// The status of criterion `number`; `.unknown` when nothing attributable is known.
    static func status(_ number: Int, _ row: WardPolice?, _ progress: WardProgress) -> CriterionStatus {
        guard let row else { return .unknown }
        if progress.meetsAll { return .met }
        if row.marks.publishedCount != nil { return .unknown }
        return row.marks.status(of: number)
    }
}
