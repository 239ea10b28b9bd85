import Testing
@testable import KieuMauCore

/// Per-criterion marks from a string such as "11011?" (1 met, 0 not met, ? unknown).
func marks(_ s: String) -> CriteriaMarks {
    CriteriaMarks(statuses: s.map { $0 == "1" ? .met : $0 == "0" ? .notMet : .unknown })
}

/// A ward row of a hand-made dataset (codes as `makeDataset` makes them: province code + index).
func ward(_ code: String, _ stage: Stage = .registered, _ m: CriteriaMarks = .unknown) -> WardPolice {
    WardPolice(wardCode: code, stage: stage, marks: m)
}

/// The embedded data, loaded the way the report loads it.
enum Embedded {
    static let today = Day(iso: "2026-11-24")!

    static func catalog() throws -> Catalog {
        let dir = try #require(EmbeddedData.directory(), "the embedded data is part of the package")
        return Catalog.scan(directory: dir, today: today)
    }

    /// Every snapshot of a series, oldest first.
    static func series(_ name: String) throws -> [Dataset] {
        let catalog = try catalog()
        var maps: [String: AdminMap] = [:]
        return try catalog.snapshots(inSeries: name).map { entry in
            let map = try maps[entry.header.mapID] ?? catalog.loadMap(id: entry.header.mapID).get()
            maps[entry.header.mapID] = map
            let snapshot = try catalog.loadSnapshot(entry, map: map).get()
            return Dataset(snapshot: snapshot, map: map, criteria: try #require(catalog.criteriaSet(of: entry)))
        }
    }

    static func dataset(_ name: String, asOf: String) throws -> Dataset {
        let day = try #require(Day(iso: asOf))
        return try #require(try series(name).last { $0.header.asOf <= day })
    }

    static func crosswalk() throws -> Crosswalk {
        try #require(try catalog().loadCrosswalk(from: "vn-2025-01", to: "vn-2025-07")).get()
    }
}

@Suite struct AnalysisCriteriaTests {
    /// Province 01: six wards with every kind of knowledge; province 02: one ward missing criterion 1.
    func sample(reported: [ReportedFigures] = []) -> Dataset {
        makeDataset(units: ["01": 7, "02": 2], rows: [
            ward("010", .registered, marks("11011")),      // misses 3
            ward("011", .registered, marks("10011")),      // misses 2 and 3
            ward("012", .registered, marks("1111?")),      // 5 unknown
            ward("013", .registered, .count(4)),           // 4/5: which one is not published
            ward("014", .recognised),                      // recognised: every criterion met
            ward("015", .registered),                      // nothing known
            ward("016", .notRegistered, marks("00000")),   // not registered: left out
            ward("020", .registered, marks("01111")),      // misses 1
        ], criteria: 5, reported: reported)
    }

    @Test func countsPerCriterionWeakestFirst() {
        let data = sample()
        let a = CriteriaAnalysis(data)
        #expect(a.registered == 7)
        #expect(a.assessed == 5)
        #expect(a.criteria.map(\.number) == [3, 1, 2, 5, 4])  // 3/5, then 4/5 with one unmet (1, 2), 4/5 with one unknown (5), 5/5
        let c3 = a.share(of: 3)
        #expect(c3?.met == 3 && c3?.notMet == 2 && c3?.unknown == 0 && c3?.assessed == 5)
        #expect(c3?.share == 0.6)
        #expect(a.share(of: 5)?.unknown == 1)
        #expect(a.share(of: 4)?.share == 1)
        #expect(a.wardsMissing(criterion: 3) == ["010", "011"].compactMap { data.map.wardIndex[$0] })
        #expect(a.wardsMissing(criterion: 1) == [data.map.wardIndex["020"]!])
        #expect(a.wardsMissing(criterion: 4).isEmpty)
        #expect(a.share(of: 6) == nil && a.wardsMissing(criterion: 0).isEmpty)
    }

    @Test func countOnlyAndUnknownWardsAreKeptApart() {
        let data = sample()
        let a = CriteriaAnalysis(data)
        #expect(a.unattributed == [CriteriaAnalysis.Unattributed(missing: 1, wards: [data.map.wardIndex["013"]!])])
        #expect(a.unattributedWards == 1)
        #expect(a.unknownWards == [data.map.wardIndex["015"]!])
        #expect(a.assessed + a.unattributedWards + a.unknownWards.count == a.registered)
    }

    @Test func provinceScope() {
        let data = sample()
        let second = CriteriaAnalysis(data, province: 1)
        #expect(second.province == 1)
        #expect(second.registered == 1 && second.assessed == 1)
        #expect(second.criteria.first?.number == 1)
        #expect(second.unattributed.isEmpty)
        let first = CriteriaAnalysis(data, province: 0)
        #expect(first.registered == 6 && first.criteria.first?.number == 3)
        // An index outside the map is an empty scope, not a trap.
        let none = CriteriaAnalysis(data, province: 9)
        #expect(none.registered == 0 && none.criteria.count == 5)
    }

    @Test func reportedShortfallsFollowTheScope() {
        let data = sample(reported: [
            ReportedFigures(scope: .national, sourceID: "n", byCriteriaMet: [CriteriaMetCount(met: 5, wards: 2), CriteriaMetCount(met: 4, wards: 3)]),
            ReportedFigures(scope: .province("02"), sourceID: "p", byCriteriaMet: [CriteriaMetCount(met: 3, wards: 1)]),
        ])
        let national = CriteriaAnalysis(data).reportedShortfalls
        #expect(national.map(\.sourceID) == ["n"])
        #expect(national.first?.met == 4 && national.first?.wards == 3 && national.first?.missing == 1)
        #expect(CriteriaAnalysis(data, province: 1).reportedShortfalls.map(\.missing) == [2])
        #expect(CriteriaAnalysis(data, province: 0).reportedShortfalls.isEmpty)
    }

    @Test func noRegisteredWard() {
        let a = CriteriaAnalysis(makeDataset(units: ["01": 3], rows: [], criteria: 4))
        #expect(a.registered == 0 && a.assessed == 0)
        #expect(a.criteria.map(\.number) == [1, 2, 3, 4])
        let all = a.criteria.allSatisfy { $0.share == 0 && $0.assessed == 0 }
        #expect(all)
    }

    // MARK: the embedded data

    @Test func ngheAnEndOf2023CannotBeAttributed() throws {
        let data = try Embedded.dataset("record", asOf: "2023-12-31")
        let p = try #require(data.map.provinceIndex["40"])
        let a = CriteriaAnalysis(data, province: p)
        #expect(a.assessed == 0)
        // Only the wards with a published score of their own: Nghi Thu at 19/22 misses three criteria
        // whose numbers are not published, Nghi Hòa and Nghi Hương at 18/22 four (their October and
        // November scores; which wards are the province's 16 at 21/22 is not published).
        #expect(a.unattributed.map(\.missing) == [3, 4])
        #expect(a.unattributed.first?.wards.map { data.map.wards[$0].code } == ["16735"])
        #expect(a.unattributed.last?.wards.map { data.map.wards[$0].code } == ["16726", "16732"])
        #expect(a.unattributedWards == 3)
        // As reported: all 16 at 21/22.
        let reported = try #require(a.reportedShortfalls.first)
        #expect(reported.sourceID == "seed-01" && reported.wards == 16 && reported.met == 21 && reported.missing == 1)
    }

    @Test func criterion6HeldKhueTrungIn2024() throws {
        let data = try Embedded.dataset("record", asOf: "2024-03-27")
        let khueTrung = try #require(data.map.wards.firstIndex { $0.name == "Phường Khuê Trung" })
        for scope in [nil, data.map.provinceIndex[data.map.wards[khueTrung].provinceCode]] {
            let a = CriteriaAnalysis(data, province: scope)
            #expect(a.criteria.first?.number == 6)
            #expect(a.criteria.first?.notMet == 1)
            #expect(a.wardsMissing(criterion: 6) == [khueTrung])
            let all = a.criteria.dropFirst().allSatisfy { $0.notMet == 0 }
            #expect(all)
        }
    }

    @Test func demoHardCriteriaComeOutWeakest() throws {
        // docs/DATA.md: criteria 5, 12, 18 of the 22 and 6, 11, 17 of the 20 are met last.
        let hard: [Int: Set<Int>] = [22: [5, 12, 18], 20: [6, 11, 17]]
        for data in try Embedded.series("demo") {
            let a = CriteriaAnalysis(data)
            let weakest = Set(a.criteria.prefix(3).map(\.number))
            #expect(weakest == hard[data.criteria.count], "\(data.header.asOf): \(a.criteria.prefix(3).map(\.number))")
        }
    }
}
