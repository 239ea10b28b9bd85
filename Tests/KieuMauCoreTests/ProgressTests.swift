import Testing
@testable import KieuMauCore

/// A small map and snapshot built in code, so each figure below can be checked by hand.
func makeDataset(units: [String: Int], rows: [WardPolice], asOf: String = "2024-06-30",
                 criteria: Int = 22, reported: [ReportedFigures] = []) -> Dataset {
    var provinces: [Province] = []
    var wards: [Ward] = []
    for code in units.keys.sorted() {
        provinces.append(Province(code: code, name: "Tỉnh \(code)", units: units[code]!))
        for i in 0..<units[code]! { wards.append(Ward(code: "\(code)\(i)", name: "Phường \(i)", provinceCode: code)) }
    }
    let map = AdminMap(id: "m", title: "m", effective: nil, hasDistricts: false, provinces: provinces, districts: [], wards: wards)
    let set = CriteriaSet(id: "c", title: "c", criteria: (1...criteria).map { Criterion(number: $0) })
    let header = SnapshotHeader(asOf: Day(iso: asOf)!, title: "t", series: "s", synthetic: false, mapID: "m", criteriaID: "c")
    return Dataset(snapshot: Snapshot(header: header, wards: rows, reported: reported), map: map, criteria: set)
}

@Suite struct TargetsTests {
    @Test func unitsNeededRoundsUpWithIntegers() {
        #expect(Targets.unitsNeeded(percent: 30, of: 10, have: 0) == 3)   // not 4 from 3.0000000000000004
        #expect(Targets.unitsNeeded(percent: 30, of: 33, have: 0) == 10)  // 9.9 → 10
        #expect(Targets.unitsNeeded(percent: 50, of: 33, have: 10) == 7)  // 16.5 → 17
        #expect(Targets.unitsNeeded(percent: 100, of: 33, have: 40) == 0)
        #expect(Targets.unitsNeeded(percent: 30, of: 0, have: 0) == 0)
    }
    @Test func bandsAtTheirEdges() {
        #expect(TargetBand.of(model: 2, units: 10) == .below)
        #expect(TargetBand.of(model: 3, units: 10) == .within)  // exactly 30%
        #expect(TargetBand.of(model: 4, units: 10) == .within)
        #expect(TargetBand.of(model: 5, units: 10) == .above)   // exactly 50%
        #expect(TargetBand.of(model: 9, units: 30) == .within)
        #expect(TargetBand.of(model: 8, units: 30) == .below)   // 26.7%
    }
}

@Suite struct WardProgressTests {
    @Test func perCriterionMarks() {
        var s = [CriterionStatus](repeating: .met, count: 20)
        s[5] = .notMet  // criterion 6, as at Khuê Trung in 2024
        let row = WardPolice(wardCode: "x", stage: .registered, marks: CriteriaMarks(statuses: s))
        let w = WardProgress(row: row, wardIndex: 0, total: 20)
        #expect(w.met == 19)
        #expect(w.missing == [6])
        #expect(!w.meetsAll)
    }
    @Test func publishedCountOnly() {
        let w = WardProgress(row: WardPolice(wardCode: "x", stage: .registered, marks: .count(21)), wardIndex: 0, total: 22)
        #expect(w.met == 21)
        #expect(w.missing.isEmpty)
        #expect(!w.isModel(.complete))
    }
    @Test func fullCountMakesARegisteredWardComplete() {
        let w = WardProgress(row: WardPolice(wardCode: "x", stage: .registered, marks: .count(22)), wardIndex: 0, total: 22)
        #expect(w.meetsAll)
        #expect(w.stage == .complete)
        #expect(w.isModel(.complete))
        #expect(!w.isModel(.recognised))
    }
    @Test func unknownStatusIsNeitherMetNorMissing() {
        var s = [CriterionStatus](repeating: .met, count: 22)
        s[0] = .unknown
        let w = WardProgress(row: WardPolice(wardCode: "x", stage: .registered, marks: CriteriaMarks(statuses: s)), wardIndex: 0, total: 22)
        #expect(w.met == 21)
        #expect(w.missing.isEmpty)
        #expect(!w.meetsAll)
    }
    @Test func recognisedWithoutMarks() {
        let w = WardProgress(row: WardPolice(wardCode: "x", stage: .recognised), wardIndex: 0, total: 20)
        #expect(w.meetsAll)
        #expect(w.met == 20)
        #expect(w.isModel(.recognised))
    }
    @Test func absentRowIsNotRegistered() {
        let w = WardProgress(row: nil, wardIndex: 0, total: 22)
        #expect(w.stage == .notRegistered)
        #expect(w.met == nil)
    }
}

@Suite struct ProgressSummaryTests {
    @Test func provinceFiguresAndBands() {
        let rows = [
            WardPolice(wardCode: "010", stage: .recognised),
            WardPolice(wardCode: "011", stage: .complete),
            WardPolice(wardCode: "012", stage: .complete),
            WardPolice(wardCode: "013", stage: .registered, marks: .count(21)),
            WardPolice(wardCode: "020", stage: .registered, marks: .count(18)),
        ]
        let data = makeDataset(units: ["01": 10, "02": 4, "03": 0], rows: rows)
        let s = ProgressSummary(data)
        let p1 = s.provinces[0].tally
        #expect(p1.units == 10 && p1.registered == 4 && p1.complete == 3 && p1.recognised == 1 && p1.model == 3)
        #expect(p1.band == .within)       // exactly 30%
        #expect(p1.needed(percent: 30) == 0)
        #expect(p1.needed(percent: 50) == 2)
        #expect(p1.needed(percent: 100) == 7)
        let p2 = s.provinces[1].tally
        #expect(p2.band == .below && p2.needed(percent: 30) == 2)
        let p3 = s.provinces[2].tally    // a province with no wards
        #expect(p3.units == 0 && p3.share == 0 && p3.needed(percent: 30) == 0)
        #expect(s.bandCounts[.below] == 1 && s.bandCounts[.within] == 1 && s.bandCounts[.above] == 0)
        #expect(s.national.units == 14 && s.national.model == 3)
        #expect(s.neededFor2025Floor == 2)

        let recognisedOnly = ProgressSummary(data, definition: .recognised)
        #expect(recognisedOnly.provinces[0].tally.model == 1)
        #expect(recognisedOnly.provinces[0].tally.band == .below)
    }

    @Test func paceNeededAndDeadlinePassed() {
        let data = makeDataset(units: ["01": 10], rows: [], asOf: "2025-06-30")
        let s = ProgressSummary(data)
        guard case .perMonth(let p) = s.paceNeeded2025 else { Issue.record("expected a pace"); return }
        // 3 units in 184 days ≈ 6.05 months → ≈ 0.496 a month
        #expect(abs(p - 3.0 / (184.0 / 30.436875)) < 1e-9)

        let late = ProgressSummary(makeDataset(units: ["01": 10], rows: [], asOf: "2026-01-15"))
        #expect(late.paceNeeded2025 == .deadlinePassed(short: 3))
        guard case .perMonth = late.paceNeeded2030 else { Issue.record("2030 still ahead"); return }

        let done = ProgressSummary(makeDataset(units: ["01": 2], rows: [WardPolice(wardCode: "010", stage: .complete)], asOf: "2026-01-15"))
        #expect(done.paceNeeded2025 == .reached)
    }

    @Test func paceObservedBetweenSnapshots() {
        let a = ProgressSummary(makeDataset(units: ["01": 10], rows: [], asOf: "2024-01-01"))
        let b = ProgressSummary(makeDataset(units: ["01": 10], rows: [
            WardPolice(wardCode: "010", stage: .complete), WardPolice(wardCode: "011", stage: .complete),
            WardPolice(wardCode: "012", stage: .complete)], asOf: "2024-07-01"))
        let pace = b.paceObserved(since: a)!
        #expect(abs(pace - 3.0 / (182.0 / 30.436875)) < 1e-9)
        #expect(b.paceObserved(province: 0, since: a) == pace)
        #expect(a.paceObserved(since: b) == nil)
        let day = Pace.projectedDay(needed: 2, perMonth: pace, from: b.asOf)!
        #expect(day > b.asOf && day < Day(iso: "2024-12-31")!)
        #expect(Pace.projectedDay(needed: 2, perMonth: 0, from: b.asOf) == nil)
    }

    @Test func reportedFiguresDisagreeingWithRows() {
        let reported = [
            ReportedFigures(scope: .national, sourceID: "seed-04", registered: 172, quota: 106),
            ReportedFigures(scope: .national, sourceID: "seed-00", byCriteriaMet: [.init(met: 22, wards: 144), .init(met: 21, wards: 25), .init(met: 20, wards: 3)]),
            ReportedFigures(scope: .national, sourceID: "seed-04b", byCriteriaMet: [.init(met: 20, wards: 144)]),
            ReportedFigures(scope: .province("01"), sourceID: "seed-01", registered: 2, byCriteriaMet: [.init(met: 21, wards: 2)]),
        ]
        let rows = [WardPolice(wardCode: "010", stage: .registered, marks: .count(21)),
                    WardPolice(wardCode: "011", stage: .registered, marks: .count(21))]
        let s = ProgressSummary(makeDataset(units: ["01": 10], rows: rows, reported: reported))
        #expect(s.nationalDiscrepancies.contains(Discrepancy(field: .registered, reported: 172, fromRows: 2, sourceID: "seed-04")))
        #expect(s.nationalDiscrepancies.contains(Discrepancy(field: .wardsAt(met: 22), reported: 144, fromRows: 0, sourceID: "seed-00")))
        #expect(s.nationalConflicts.count == 1)
        #expect(s.nationalConflicts.first?.field == .criteriaMetDistribution)
        #expect(s.provinces[0].discrepancies.isEmpty)   // Nghệ An-like: rows agree with the report
        #expect(s.provinces[0].conflicts.isEmpty)
    }
}

@Suite struct MapChangeTests {
    /// Between snapshots on different maps (the July-2025 reform) the units counted differ, so no
    /// pace is claimed; provinces are matched only on the same map.
    @Test func noPaceAcrossAMapChange() {
        let before = ProgressSummary(makeDataset(units: ["01": 10], rows: [], asOf: "2025-06-30"))
        let provinces = [Province(code: "01", name: "Thành phố Hà Nội", units: 4)]
        let wards = (0..<4).map { Ward(code: "N\($0)", name: "Phường \($0)", provinceCode: "01") }
        let newMap = AdminMap(id: "other", title: "34 provinces", effective: Day(iso: "2025-07-01"), hasDistricts: false,
                              provinces: provinces, districts: [], wards: wards)
        let header = SnapshotHeader(asOf: Day(iso: "2025-09-30")!, title: "t", series: "s", synthetic: false, mapID: "other", criteriaID: "c")
        let after = ProgressSummary(Dataset(snapshot: Snapshot(header: header, wards: [WardPolice(wardCode: "N0", stage: .complete)], reported: []),
                                            map: newMap, criteria: CriteriaSet(id: "c", title: "c", criteria: (1...20).map { Criterion(number: $0) })))
        #expect(after.national.model == 1 && after.national.units == 4)
        #expect(after.paceObserved(since: before) == nil)
        #expect(after.paceObserved(province: 0, since: before) == nil)
    }
}
