import Testing
@testable import KieuMauCore

/// A snapshot's digest (what a series keeps once the rows are dropped) gives what its summary gives.
@Suite struct SnapshotDigestTests {
    static let rows = [
        WardPolice(wardCode: "010", stage: .registered, marks: .count(18)),
        WardPolice(wardCode: "011", stage: .complete),
        WardPolice(wardCode: "012", stage: .recognised),
        WardPolice(wardCode: "013", stage: .registered, marks: .count(300)),   // a count no set has: kept as is
        WardPolice(wardCode: "014", stage: .registered, marks: .count(-2)),
        WardPolice(wardCode: "015", stage: .registered, marks: CriteriaMarks(metMask: 0x3FFFFF)),  // 22 of 22
        WardPolice(wardCode: "020", stage: .registered, marks: CriteriaMarks(metMask: 0xFF, notMetMask: 0x300)),
        WardPolice(wardCode: "021", stage: .complete),
    ]

    @Test func everyWardsStageAndCountSurviveTheTwoBytes() {
        let data = makeDataset(units: ["01": 7, "02": 4], rows: Self.rows)
        let summary = ProgressSummary(data)
        let digest = SnapshotDigest(data, summary: summary)
        #expect(digest.hasRows)
        #expect(digest.wards.count == data.map.wards.count)
        for (i, w) in summary.wards.enumerated() {
            let d = digest.wards[i]
            #expect(d?.stage == w.stage, "ward \(data.map.wards[i].code)")
            #expect(d?.met == w.met, "ward \(data.map.wards[i].code)")
        }
        #expect(digest.wards[data.map.wardIndex["013"]!]?.met == 300)
        #expect(digest.wards[data.map.wardIndex["014"]!]?.met == -2)
        #expect(digest.wards[data.map.wardIndex["016"]!]?.met == nil)
        #expect(digest.wards[data.map.wardIndex["015"]!]?.stage == .complete, "22 of 22 reads as complete")
        #expect(digest.wards[-1] == nil && digest.wards[data.map.wards.count] == nil)
    }

    @Test func aSnapshotWithoutRowsSaysSo() {
        let data = makeDataset(units: ["01": 3], rows: [])
        #expect(!SnapshotDigest(data, summary: ProgressSummary(data)).hasRows)
    }

    @Test func thePaceSinceTotalsIsThePaceSinceTheSummary() {
        let earlier = ProgressSummary(makeDataset(units: ["01": 7, "02": 4], rows: Array(Self.rows.prefix(3)), asOf: "2024-03-31"))
        let now = ProgressSummary(makeDataset(units: ["01": 7, "02": 4], rows: Self.rows, asOf: "2024-09-30"))
        let totals = ProgressTotals(earlier)
        #expect(totals.national == earlier.national)
        #expect(totals.provinces.map(\.tally) == earlier.provinces.map(\.tally))
        #expect(now.paceObserved(since: totals) != nil)
        #expect(now.paceObserved(since: totals) == now.paceObserved(since: earlier))
        for p in now.provinces.indices {
            #expect(now.paceObserved(province: p, since: totals) == now.paceObserved(province: p, since: earlier))
        }
        // Across a map change no pace is claimed, from totals as from the summary.
        let otherMap = ProgressSummary(makeDataset(units: ["01": 7], rows: [], asOf: "2024-03-31"))
        let moved = ProgressSummary(Dataset(snapshot: makeDataset(units: ["01": 7, "02": 4], rows: Self.rows).snapshot,
                                            map: renamed(makeDataset(units: ["01": 7, "02": 4], rows: []).map, id: "m2"),
                                            criteria: makeDataset(units: ["01": 1], rows: []).criteria))
        #expect(moved.paceObserved(since: ProgressTotals(otherMap)) == nil)
        #expect(moved.paceObserved(province: 0, since: ProgressTotals(otherMap)) == nil)
    }

    private func renamed(_ map: AdminMap, id: String) -> AdminMap {
        var m = map
        m.id = id
        return m
    }
}
