extension ProgressSummary {
    /// The summary of a snapshot as its digest has it: the country and every province, what
    /// sources reported and where they disagree — everything but the progress of each ward
    /// (`wards` is empty until the rows are read). The first frame is drawn from this (issue 14).
    public init(digest: SnapshotDigest) {
        let totals = digest.totals
        asOf = totals.asOf
        mapID = totals.mapID
        definition = totals.definition
        criteriaCount = totals.criteriaCount
        wards = []
        coverage = digest.header.coverage
        let (nationalReported, byScope) = Self.reportedByScope(digest.header.reported)
        let coverage = self.coverage
        provinces = totals.provinces.enumerated().map { i, p in
            let reported = byScope[p.province.code] ?? []
            return ProvinceProgress(
                index: i, province: p.province, tally: p.tally, reported: reported,
                discrepancies: p.coverage == .complete ? Reconciliation.discrepancies(reported, tally: p.tally) : [],
                conflicts: Reconciliation.conflicts(reported), coverage: coverage.of(province: p.province.code))
        }
        national = totals.national
        self.nationalReported = nationalReported
        nationalCoverage = totals.nationalCoverage
        nationalDiscrepancies = nationalCoverage == .complete ? Reconciliation.discrepancies(nationalReported, tally: national) : []
        nationalConflicts = Reconciliation.conflicts(nationalReported)
    }
}

extension Dataset {
    /// A snapshot's header on a map's outline (provinces, no wards), with no rows: what the
    /// first frame shows before the rows are read (`ProgressSummary(digest:)` holds the figures).
    public static func outline(header: SnapshotHeader, map: AdminMap, criteria: CriteriaSet) -> Dataset {
        let bare = map.wards.isEmpty ? map : AdminMap(id: map.id, title: map.title, effective: map.effective, hasDistricts: map.hasDistricts,
                                                     provinces: map.provinces, districts: [], wards: [], sources: map.sources, notes: map.notes)
        return Dataset(snapshot: Snapshot(header: header, wards: [], reported: header.reported), map: bare, criteria: criteria)
    }
}
