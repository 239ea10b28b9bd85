import Testing
@testable import KieuMauCore

@Suite struct AnalysisProjectionTests {
    static let units = ["01": 10, "02": 20, "03": 0]

    /// A summary where the first `models[code]` wards of each province are complete.
    func summary(_ asOf: String, _ models: [String: Int], mapID: String = "m") -> ProgressSummary {
        var provinces: [Province] = [], wards: [Ward] = [], rows: [WardPolice] = []
        for code in Self.units.keys.sorted() {
            let n = Self.units[code] ?? 0
            provinces.append(Province(code: code, name: "Tỉnh \(code)", units: n))
            for i in 0..<n {
                wards.append(Ward(code: "\(code)\(i)", name: "Phường \(i)", provinceCode: code))
                if i < models[code, default: 0] { rows.append(ward("\(code)\(i)", .complete, marks("11111"))) }
            }
        }
        let map = AdminMap(id: mapID, title: "", effective: nil, hasDistricts: false, provinces: provinces, districts: [], wards: wards)
        return ProgressSummary(dataset(on: map, rows, asOf: asOf))
    }

    func day(_ base: String, plus days: Int) -> String {
        Day.today(secondsSince1970: (Day(iso: base)!.ordinal + days) * 86400).iso
    }

    @Test func emptySeriesHasNoProjection() {
        #expect(Projection(series: []) == nil)
    }

    @Test func oneSnapshotGivesNoPace() throws {
        let p = try #require(Projection(series: [summary("2024-06-30", ["01": 3, "02": 1])]))
        #expect(!p.hasPace && p.basis.count == 1)
        let first = p.provinces[0], second = p.provinces[1]
        #expect(first.paceObserved == nil)
        #expect(first.at30 == .reached && first.at50 == .noPace && first.outlook2025 == .reached)
        #expect(second.at30 == .noPace && second.outlook2025 == .unknown && second.outlook2030 == .unknown)
        #expect(!second.outlook2025.misses)
        #expect(p.provincesMissing2025.isEmpty)
    }

    @Test func twoSnapshotsGiveThePaceFirstToLast() throws {
        let a = summary("2024-01-01", ["01": 0, "02": 2]), b = summary("2024-07-01", ["01": 2, "02": 2])
        let p = try #require(Projection(series: [b, a]))  // any order
        #expect(p.basis.map(\.iso) == ["2024-01-01", "2024-07-01"] && p.asOf.iso == "2024-07-01")
        let observed = try #require(Pace.observed(modelThen: 0, on: a.asOf, modelNow: 2, on: b.asOf))
        let first = p.provinces[0]
        #expect(abs((first.paceObserved ?? 0) - observed) < 1e-12)
        // From 2 of 10 at that pace: 30% (1 more unit), 50% (3 more), 100% (8 more).
        #expect(first.at30 == .on(try #require(Pace.projectedDay(needed: 1, perMonth: observed, from: b.asOf))))
        #expect(first.at100 == .on(try #require(Pace.projectedDay(needed: 8, perMonth: observed, from: b.asOf))))
        guard case .onTrack(let d) = first.outlook2025 else { Issue.record("expected on track, got \(first.outlook2025)"); return }
        #expect(d <= Targets.deadline2025)
        #expect(first.paceNeeded2025 == Pace.needed(units: 1, from: b.asOf, to: Targets.deadline2025))
        #expect(p.national.paceObserved.map { abs($0 - observed) < 1e-12 } == true)  // only province 01 moved
    }

    @Test func leastSquaresOverEverySnapshotOnTheMap() throws {
        // Four snapshots 91 days apart, model 0, 3, 3, 6: the line's slope is 1.8 units a step,
        // not the 2 a step of first → last.
        let days = (0..<4).map { day("2023-01-01", plus: 91 * $0) }
        let series = zip(days, [0, 3, 3, 6]).map { summary($0, ["02": $1]) }
        let p = try #require(Projection(series: series))
        let step = Day.months(from: Day(iso: days[0])!, to: Day(iso: days[1])!)
        #expect(abs((p.provinces[1].paceObserved ?? 0) - 1.8 / step) < 1e-9)
        #expect(p.provinces[0].paceObserved == 0)
    }

    @Test func aMapChangeRestartsTheBasis() throws {
        let series = [summary("2025-03-31", ["01": 9]), summary("2025-06-30", ["01": 9]),
                      summary("2025-09-30", ["01": 1], mapID: "n"), summary("2025-12-31", ["01": 2], mapID: "n")]
        let p = try #require(Projection(series: series))
        #expect(p.mapID == "n" && p.basis.map(\.iso) == ["2025-09-30", "2025-12-31"])
        #expect((p.provinces[0].paceObserved ?? 0) > 0)
    }

    @Test func aTrendThatDoesNotRiseProjectsNothing() throws {
        let p = try #require(Projection(series: [summary("2024-01-01", ["01": 2, "02": 3]), summary("2024-06-30", ["01": 1, "02": 3])]))
        let falling = p.provinces[0], flat = p.provinces[1]
        #expect((falling.paceObserved ?? 0) < 0 && flat.paceObserved == 0)
        for s in [falling, flat] {
            #expect(s.at30 == .noRise && s.at100 == .noRise)
            // No verdict drawn from a flat or falling line: not "will miss", not known.
            #expect(s.outlook2025 == .unknown && !s.outlook2025.misses && !s.outlook2030.misses)
        }
        #expect(p.provincesMissing2025.isEmpty)
    }

    @Test func aSlowPaceMissesTheDeadline() throws {
        // 1 unit in a year, 5 still needed for 30% of 20 by the end of 2025: projected in 2029.
        let p = try #require(Projection(series: [summary("2023-06-30", ["01": 3, "02": 0]), summary("2024-06-30", ["01": 3, "02": 1])]))
        let s = p.provinces[1]
        guard case .willMiss(let day?) = s.outlook2025 else { Issue.record("expected a miss with a day, got \(s.outlook2025)"); return }
        #expect(day > Targets.deadline2025 && s.at30 == .on(day))
        #expect(p.provincesMissing2025 == [1])
    }

    @Test func aTinyPaceIsBeyondTheHorizon() throws {
        // 1 unit over 40 years: 100% of 20 is centuries away; no date past 2100 is given.
        let p = try #require(Projection(series: [summary("1985-01-01", ["02": 0]), summary("2025-01-01", ["02": 1])]))
        #expect(p.provinces[1].at100 == .beyondHorizon && p.provinces[1].outlook2030 == .willMiss(nil))
    }

    @Test func noProjectedDayIsAfter2100() throws {
        // Every pace from fast to slow: a day on or before 31/12/2100, or none at all.
        let from = try #require(Day(iso: "2025-12-31"))
        for pace in stride(from: 0.001, through: 50, by: 0.37) {
            for needed in [1, 10, 100, 687] {
                if let day = Pace.projectedDay(needed: needed, perMonth: pace, from: from) {
                    #expect(day <= Pace.horizon, "pace \(pace), needed \(needed): \(day)")
                }
            }
        }
        // 75 years at one unit a month lands in 2100; 76 years does not.
        #expect(Pace.projectedDay(needed: 12 * 74, perMonth: 1, from: from).map { $0.year } == 2099)
        #expect(Pace.projectedDay(needed: 12 * 76, perMonth: 1, from: from) == nil)
    }

    @Test func theDeadlineHasPassed() throws {
        let p = try #require(Projection(series: [summary("2025-06-30", ["01": 1, "02": 10]), summary("2026-01-15", ["01": 2, "02": 10])]))
        #expect(p.provinces[0].outlook2025 == .missed && p.provinces[0].outlook2025.misses)
        #expect(p.provinces[1].outlook2025 == .reached)  // 50% of 20
        if case .deadlinePassed(let short) = p.provinces[0].paceNeeded2025 { #expect(short == 1) } else { Issue.record("deadline passed") }
        // 2030 is still ahead: 01 gains a unit in six months and makes it; 02 stands still, and a
        // flat line projects nothing.
        if case .onTrack = p.provinces[0].outlook2030 {} else { Issue.record("01: \(p.provinces[0].outlook2030)") }
        #expect(p.provinces[1].outlook2030 == .unknown && p.provinces[1].at100 == .noRise)
    }

    @Test func aProvinceWithoutUnits() throws {
        let p = try #require(Projection(series: [summary("2024-01-01", [:]), summary("2024-06-30", ["01": 1])]))
        let none = p.provinces[2]
        #expect(none.tally.units == 0)
        #expect(none.at30 == .noUnits && none.at100 == .noUnits)
        #expect(none.outlook2025 == .noUnits && none.outlook2030 == .noUnits && !none.outlook2025.misses)
        #expect(!p.provincesMissing2025.contains(2))
        #expect(none.milestone(percent: 50) == .noUnits && none.milestone(percent: 40) == nil)
    }

    // MARK: the embedded data

    @Test func demoProvincesThatWillMiss2025() throws {
        let demo = try Embedded.series("demo").filter { $0.map.id == "vn-2025-01" }
        let p = try #require(Projection(series: demo.map { ProgressSummary($0) }))
        #expect(p.basis.count == demo.count && p.asOf.iso == "2025-06-30")
        let missing = p.provincesMissing2025
        #expect(!missing.isEmpty && missing.count < 63)
        for i in p.provinces.indices {
            let s = p.provinces[i]
            if missing.contains(i) {
                #expect(s.tally.band == .below)
                if case .willMiss(let d?) = s.outlook2025 { #expect(d > Targets.deadline2025) }
            } else if case .onTrack(let d) = s.outlook2025 {
                #expect(d <= Targets.deadline2025)
            } else {
                #expect(s.outlook2025 == .reached)
            }
        }
    }

    @Test func demoAfterTheMapChange() throws {
        let p = try #require(Projection(series: try Embedded.series("demo").map { ProgressSummary($0) }))
        #expect(p.mapID == "vn-2025-07" && p.basis.map(\.iso) == ["2025-09-30", "2025-12-31"])
        #expect(p.provinces.count == 34)
        // As of the 2025 deadline itself a province below 30% has missed it.
        for s in p.provinces where s.tally.band == .below { #expect(s.outlook2025 == .missed) }
    }

    @Test func recordAfterTheMapChangeHasNoPace() throws {
        let p = try #require(Projection(series: try Embedded.series("record").map { ProgressSummary($0) }))
        #expect(!p.hasPace && p.national.outlook2025 == .unknown && p.national.outlook2030 == .unknown)
    }
}
