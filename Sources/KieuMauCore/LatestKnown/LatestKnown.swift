/// The latest known picture of the programme on a day: for each scope (the nation, each province
/// of the map in force) and each figure, the latest value on or before the day from any snapshot,
/// with its own date and source. Pure: it reads digests (`SnapshotDigest`: header, coverage,
/// reported figures, totals), never ward rows, so it costs the same however many wards there are.
///
/// Rules (docs/FORMAT.md "Coverage", README "What you see"):
/// - A figure comes from the newest snapshot that gives it for the scope: ward rows that count the
///   scope completely, or a source's report. Values of that snapshot that disagree are all kept,
///   side by side, never merged; sources that agree are one value with several sources.
/// - Rows that only name some wards give no figure; they give `NamedWards`, a lower bound.
/// - The picture is on the map of the latest snapshot on or before the day. A figure counted on an
///   earlier map is carried across the change only where that is exact: the nation, and a
///   province formed from old provinces merged whole into it, which sums theirs when every one of
///   them has the figure. Otherwise the old provinces' values are shown as parts, on the old map.
/// - A share, band or gap needs the model units and the units on one map: never across two maps.
public enum LatestKnown {
    /// The picture as of `day`.
    /// - Parameters:
    ///   - digests: digests of the snapshots of one series (any order); those after `day` are
    ///     ignored. The newest on or before `day` gives the map; it must be among them.
    ///   - headers: headers of snapshots without a digest (older than one whose rows are complete
    ///     everywhere, see `snapshotsNeeded`): their reported figures are used, their rows are not
    ///     needed.
    ///   - successions: how the provinces of earlier maps continue on later ones.
    /// - Returns: nil when no digest is on or before `day`.
    public static func picture(asOf day: Day, digests: [SnapshotDigest], headers: [SnapshotHeader] = [],
                               successions: [ProvinceSuccession] = [], basis: KnownPicture.Basis = .latestKnown) -> KnownPicture? {
        let digested = Set(digests.map(\.asOf))
        let records = digests.map { Record(header: $0.header, totals: $0.totals) }
            + headers.filter { !digested.contains($0.asOf) }.map { Record(header: $0, totals: nil) }
        return picture(asOf: day, records: records, successions: successions, basis: basis)
    }

    /// One snapshot exactly as it was published: the picture of its header and totals alone, on its day.
    public static func asPublished(header: SnapshotHeader, totals: ProgressTotals) -> KnownPicture {
        // A record with totals always gives a picture of its own day.
        picture(asOf: header.asOf, records: [Record(header: header, totals: totals)], successions: [], basis: .asPublished)!
    }

    /// One snapshot as published, from its digest.
    public static func asPublished(_ digest: SnapshotDigest) -> KnownPicture {
        asPublished(header: digest.header, totals: digest.totals)
    }

    /// The picture from records (a header, with the totals of its rows when they were read).
    public static func picture(asOf day: Day, records all: [Record], successions: [ProvinceSuccession],
                               basis: KnownPicture.Basis = .latestKnown) -> KnownPicture? {
        var records = all.filter { $0.header.asOf <= day }
        records.sort { $0.header.asOf > $1.header.asOf }
        guard let target = records.first(where: { $0.totals != nil })?.totals else { return nil }
        let reader = Reader(records: records, target: target, successions: successions)
        let national = reader.scope(nil)
        let provinces = target.provinces.map { reader.scope($0.province) }
        var provinceCounts: [String: Int] = [:]
        for r in records { if let t = r.totals { provinceCounts[t.mapID] = t.provinces.count } }
        return KnownPicture(basis: basis, asOf: day, mapID: target.mapID, series: records[0].header.series,
                            synthetic: records.contains { $0.header.synthetic }, definition: target.definition,
                            national: national, provinces: provinces,
                            snapshotDays: records.map(\.header.asOf).reversed(), mapProvinceCounts: provinceCounts)
    }

    /// Indices (into `headers`, sorted by day) of the snapshots whose digests the picture as of
    /// `day` needs: from the latest on or before it back to the first whose rows are complete
    /// everywhere. That one's counts supersede every figure before it that rows can give, so the
    /// earlier ones are needed only for their headers (a reported quota).
    public static func snapshotsNeeded(_ headers: [SnapshotHeader], asOf day: Day) -> [Int] {
        var out: [Int] = []
        for i in headers.indices.reversed() where headers[i].asOf <= day {
            out.append(i)
            if headers[i].coverage.isCompleteEverywhere { break }
        }
        return out.reversed()
    }

    /// A snapshot as the picture reads it: its header, and its totals when its rows were read.
    /// A class: the picture passes records through every scope of every kind of figure, and a
    /// header's copy retained a dozen arrays and strings each time (a tenth of a 700-province start).
    public final class Record: Sendable {
        public let header: SnapshotHeader
        public let totals: ProgressTotals?
        public init(header: SnapshotHeader, totals: ProgressTotals?) { self.header = header; self.totals = totals }
    }
}

/// Age of a figure, for the eye: older figures are shown dimmed, with "3 years old".
public enum FigureAge {
    /// Whole months from `day` to `asOf`, rounded, never negative.
    public static func months(from day: Day, to asOf: Day) -> Int {
        max(0, Int(Day.months(from: day, to: asOf).rounded()))
    }

    /// A figure more than a year older than the day on screen.
    public static func isOld(_ day: Day, on asOf: Day) -> Bool { months(from: day, to: asOf) >= 12 }
}
