import Testing
@testable import KieuMauCore

/// A dataset on a map built in code, for comparisons across maps.
func dataset(on map: AdminMap, _ rows: [WardPolice], asOf: String, criteriaID: String = "c", count: Int = 5,
             reported: [ReportedFigures] = []) -> Dataset {
    let set = CriteriaSet(id: criteriaID, title: criteriaID, criteria: (1...count).map { Criterion(number: $0) })
    let header = SnapshotHeader(asOf: Day(iso: asOf)!, title: asOf, series: "s", synthetic: false, mapID: map.id, criteriaID: criteriaID)
    return Dataset(snapshot: Snapshot(header: header, wards: rows, reported: reported), map: map, criteria: set)
}

@Suite struct AnalysisComparisonTests {
    // MARK: same map

    /// Province 01 (10 units) rises to 30%; province 02 (4 units) falls from 50%.
    func pair(laterCriteria: String = "c") -> (Dataset, Dataset) {
        let earlier = makeDataset(units: ["01": 10, "02": 4], rows: [
            ward("010", .registered, marks("11011")),
            ward("011", .complete, marks("11111")),
            ward("012", .complete, marks("11111")),
            ward("020", .complete, marks("11111")),
            ward("021", .recognised),
        ], asOf: "2024-03-31", criteria: 5, reported: [
            ReportedFigures(scope: .national, sourceID: "a", registered: 10),
            ReportedFigures(scope: .province("01"), sourceID: "b", quota: 1, byCriteriaMet: [CriteriaMetCount(met: 4, wards: 1)]),
        ])
        let later = dataset(on: earlier.map, [
            ward("010", .complete, marks("11111")),        // became model, criterion 3 newly met
            ward("011", .complete, marks("11111")),
            ward("012", .complete, marks("11111")),
            ward("020", .registered, marks("11101")),      // fell back, criterion 4 lost
            ward("021", .recognised),
        ], asOf: "2024-06-30", criteriaID: laterCriteria, reported: [
            ReportedFigures(scope: .national, sourceID: "a", registered: 12),
            ReportedFigures(scope: .province("01"), sourceID: "b", quota: 1, byCriteriaMet: [CriteriaMetCount(met: 4, wards: 0)]),
        ])
        return (earlier, later)
    }

    @Test func wardsBecameModelAndFellBack() {
        let (a, b) = pair()
        let c = SnapshotComparison(a, b)
        #expect(c.matching == .sameMap && !c.crossesMapChange && c.crosswalkID == nil)
        #expect(c.wardsCompared)
        #expect(c.becameModel.map { b.map.wards[$0.ward].code } == ["010"])
        #expect(c.becameModel.first?.before?.met == 4)
        #expect(c.fellBack.map { b.map.wards[$0.ward].code } == ["020"])
        #expect(c.fellBack.first?.before?.meetsAll == true && c.fellBack.first?.after.met == 4)
        #expect(c.fellBack.first?.criteriaUnknownNow == false)
        #expect(c.mergedIntoNonModel.isEmpty)
        #expect(c.netModelWards == c.later.national.model - c.earlier.national.model)
    }

    @Test func eitherOrderGivesTheSameComparison() {
        let (a, b) = pair()
        let forward = SnapshotComparison(a, b), backward = SnapshotComparison(b, a)
        #expect(backward.earlier.asOf == a.header.asOf && backward.later.asOf == b.header.asOf)
        #expect(forward.becameModel == backward.becameModel && forward.fellBack == backward.fellBack)
        #expect(forward.reportedChanges == backward.reportedChanges)
    }

    @Test func criteriaNewlyMetAndLost() {
        let (a, b) = pair()
        let c = SnapshotComparison(a, b)
        let byCode = Dictionary(uniqueKeysWithValues: c.criteriaChanges.map { (b.map.wards[$0.ward].code, $0) })
        #expect(byCode.count == 2)
        #expect(byCode["010"]?.newlyMet == [3] && byCode["010"]?.lost == [])
        #expect(byCode["020"]?.newlyMet == [] && byCode["020"]?.lost == [4])
        #expect(c.criterionTotals == [.init(number: 3, newlyMet: 1, lost: 0), .init(number: 4, newlyMet: 0, lost: 1)])
    }

    @Test func anotherCriteriaSetIsNotComparedCriterionByCriterion() {
        let (a, b) = pair(laterCriteria: "other")
        let c = SnapshotComparison(a, b)
        #expect(c.criteriaSetChanged)
        #expect(c.criteriaChanges.isEmpty && c.criterionTotals.isEmpty)
        #expect(c.becameModel.count == 1)  // model status is still compared
        // "wards at 4" means another thing on another set: only the other figures are compared.
        #expect(!c.reportedChanges.contains { if case .wardsAt = $0.field { return true } else { return false } })
    }

    @Test func provincesCrossingThresholds() {
        let (a, b) = pair()
        let c = SnapshotComparison(a, b)
        #expect(c.provinces.count == 2 && c.provinces[0].predecessors == [0])
        #expect(c.provinces[0].before.model == 2 && c.provinces[0].after.model == 3)
        let crossings = c.crossings.map { "\(b.map.provinces[$0.province].code) \($0.upward ? "up" : "down") \($0.percent)" }
        // 02 falls from 50% to 25%: below both thresholds.
        #expect(crossings == ["01 up 30", "02 down 30", "02 down 50"])
    }

    @Test func reportedFiguresThatChanged() {
        let (a, b) = pair()
        let changes = SnapshotComparison(a, b).reportedChanges
        #expect(changes == [
            ReportedChange(scope: .national, field: .registered, before: [10], after: [12]),
            ReportedChange(scope: .province("01"), field: .wardsAt(met: 4), before: [1], after: [0]),
        ])
        let all = changes.allSatisfy { $0.reportedOnBothSides }
        #expect(all)
    }

    @Test func aSnapshotWithoutWardRowsIsNotKnownNotZero() {
        let (a, _) = pair()
        let empty = dataset(on: a.map, [], asOf: "2024-09-30")
        let c = SnapshotComparison(a, empty)
        #expect(!c.later.hasWardRows && !c.wardsCompared)
        #expect(c.fellBack.isEmpty && c.crossings.isEmpty && c.criteriaChanges.isEmpty)
        #expect(c.earlier.national.model == 4 && c.later.national.model == 0)  // totals are still given
    }

    // MARK: across a map change

    /// Old map: provinces 01 and 02 merge into new province 01; old ward 010 is split between new
    /// 01A (default) and 01B; 011 goes into 01A; 012 into a commune; 020 into 01B (its principal).
    func mapChange() -> (old: AdminMap, new: AdminMap, crosswalk: Crosswalk) {
        let old = AdminMap(id: "old", title: "", effective: nil, hasDistricts: false,
                           provinces: [Province(code: "01", name: "Một", units: 3), Province(code: "02", name: "Hai", units: 2)], districts: [],
                           wards: [Ward(code: "010", name: "A", provinceCode: "01"), Ward(code: "011", name: "B", provinceCode: "01"),
                                   Ward(code: "012", name: "C", provinceCode: "01"), Ward(code: "020", name: "D", provinceCode: "02"),
                                   Ward(code: "021", name: "E", provinceCode: "02")])
        let new = AdminMap(id: "new", title: "", effective: nil, hasDistricts: false,
                           provinces: [Province(code: "01", name: "Một mới", units: 3)], districts: [],
                           wards: [Ward(code: "011", name: "AB", provinceCode: "01"), Ward(code: "01B", name: "AD", provinceCode: "01"),
                                   Ward(code: "01C", name: "N", provinceCode: "01")])
        let cw = Crosswalk(id: "old-to-new", fromMapID: "old", toMapID: "new",
                           provinces: [ProvinceLink(oldCode: "01", newCode: "01"), ProvinceLink(oldCode: "02", newCode: "01")],
                           wards: [WardLink(oldCode: "010", newCode: "011", split: true, isDefaultTarget: true),
                                   WardLink(oldCode: "010", newCode: "01B", split: true, isDefaultTarget: false),
                                   WardLink(oldCode: "011", newCode: "011", split: false, isDefaultTarget: true),
                                   WardLink(oldCode: "012", newCode: "X999", split: false, isDefaultTarget: true),
                                   WardLink(oldCode: "020", newCode: "01B", split: false, isDefaultTarget: true),
                                   WardLink(oldCode: "021", newCode: "01B", split: false, isDefaultTarget: true)])
        return (old, new, cw)
    }

    func acrossTheChange() -> (SnapshotComparison, AdminMap, AdminMap) {
        let (old, new, cw) = mapChange()
        let a = dataset(on: old, [
            ward("010", .complete, marks("11111")),
            ward("011", .registered, marks("10111")),
            ward("012", .registered),
            ward("020", .registered, marks("11110")),
            ward("021", .complete, marks("11111")),
        ], asOf: "2025-06-30")
        let b = dataset(on: new, [
            ward("011", .registered, marks("11101")),   // principal 011 (same code): not model before; 010 was
            ward("01B", .complete, marks("11111")),     // principal 020 was not model, 021 was: stays model
            ward("01C", .complete, marks("11111")),     // a new unit with no predecessor
        ], asOf: "2025-09-30")
        return (SnapshotComparison(b, a, crosswalk: cw), old, new)
    }

    @Test func provincesMergedWhole() {
        let (c, _, _) = acrossTheChange()
        #expect(c.matching == .crosswalk(id: "old-to-new"))
        #expect(c.crossesMapChange && c.crosswalkID == "old-to-new" && c.wardsCompared)
        #expect(c.provinces.count == 1)
        #expect(c.provinces[0].predecessors == [0, 1])
        #expect(c.provinces[0].before.units == 5 && c.provinces[0].before.registered == 5 && c.provinces[0].before.model == 2)
        #expect(c.provinces[0].after.units == 3 && c.provinces[0].after.model == 2)
        // 40% → 66.7%: rose to 50%, and was already above 30%.
        #expect(c.crossings.map(\.percent) == [50] && c.crossings.first?.upward == true)
    }

    @Test func wardsThroughTheCrosswalk() throws {
        let (c, old, new) = acrossTheChange()
        #expect(c.splitWardsCountedOnce == 1)  // 010, counted in 011 only
        #expect(c.wentIntoCommune.map { old.wards[$0].code } == ["012"])
        #expect(c.withoutSuccessor.isEmpty)
        #expect(c.becameModel.map { new.wards[$0.ward].code } == ["01C"])
        #expect(c.becameModel.first?.predecessors == [] && c.becameModel.first?.before == nil)
        // 011 continues 010 (model) and 011 (not): its principal keeps the code, so it did not fall back itself.
        #expect(c.fellBack.isEmpty)
        #expect(c.mergedIntoNonModel.map { new.wards[$0.ward].code } == ["011"])
        #expect(c.mergedIntoNonModel.first?.predecessors.map { old.wards[$0].code } == ["010", "011"])
        #expect(c.mergedIntoNonModel.first?.before?.meetsAll == true)
        // Criteria against the principal predecessor 011: 2 newly met, 4 lost.
        let change = try #require(c.criteriaChanges.first { new.wards[$0.ward].code == "011" })
        #expect(change.newlyMet == [2] && change.lost == [4])
        #expect(old.wards[change.predecessor].code == "011")
    }

    @Test func mapsWithoutACrosswalkCompareOnlyNationalFigures() {
        let (old, new, cw) = mapChange()
        let a = dataset(on: old, [ward("010", .complete, marks("11111"))], asOf: "2025-06-30")
        let b = dataset(on: new, [ward("011", .complete, marks("11111"))], asOf: "2025-09-30")
        for c in [SnapshotComparison(a, b), SnapshotComparison(b, a, crosswalk: Crosswalk(
            id: "wrong", fromMapID: "new", toMapID: "old", provinces: cw.provinces, wards: cw.wards))] {
            #expect(c.matching == .nationalOnly && c.crossesMapChange && c.crosswalkID == nil)
            #expect(!c.wardsCompared && c.provinces.isEmpty && c.becameModel.isEmpty)
            #expect(c.earlier.national.model == 1 && c.later.national.model == 1)
        }
    }

    // MARK: the embedded data

    @Test func recordFrom2023To2024() throws {
        let a = try Embedded.dataset("record", asOf: "2023-12-31"), b = try Embedded.dataset("record", asOf: "2024-03-27")
        let c = SnapshotComparison(b, a)
        #expect(c.criteriaSetChanged && c.matching == .sameMap)
        // Tân Chánh Hiệp met all 22 of the 2021 set; on the 20 nothing is published.
        let fell = try #require(c.fellBack.first)
        #expect(c.fellBack.count == 1 && b.map.wards[fell.ward].code == "26776" && fell.criteriaUnknownNow)
        #expect(c.reportedChanges.contains(ReportedChange(scope: .national, field: .registered, before: [172], after: [])))
        #expect(c.reportedChanges.contains(ReportedChange(scope: .province("77"), field: .registered, before: [], after: [24])))
    }

    /// The record names wards but counts none: no province "crosses 30%" on what named rows add up to.
    @Test func namedRowsCrossNoThreshold() throws {
        let a = try Embedded.dataset("record", asOf: "2024-10-17"), b = try Embedded.dataset("record", asOf: "2025-06-11")
        let c = SnapshotComparison(a, b)
        #expect(c.wardsCompared && c.becameModel.count == 5, "the five recognitions of 2025 are still listed")
        #expect(c.crossings.isEmpty)
        // Rows read as a count cross; the same rows named do not.
        let small = makeDataset(units: ["01": 2], rows: [WardPolice(wardCode: "011", stage: .registered)], asOf: "2024-01-01")
        var named = makeDataset(units: ["01": 2], rows: [WardPolice(wardCode: "010", stage: .recognised)], asOf: "2024-06-30").snapshot
        named.header.coverage = .named
        let later = Dataset(snapshot: named, map: small.map, criteria: small.criteria)
        var countedHeader = later.snapshot
        countedHeader.header.coverage = .complete
        let counted = Dataset(snapshot: countedHeader, map: small.map, criteria: small.criteria)
        #expect(SnapshotComparison(small, counted).crossings.count == 2, "0 → 1 of 2 crosses 30% and 50%")
        var namedBefore = small.snapshot
        namedBefore.header.coverage = .named
        let before = Dataset(snapshot: namedBefore, map: small.map, criteria: small.criteria)
        #expect(SnapshotComparison(before, later).crossings.isEmpty)
    }

    @Test func recordAcrossTheMapChangeHasNoWardRowsAfter() throws {
        let a = try Embedded.dataset("record", asOf: "2025-06-11"), b = try Embedded.dataset("record", asOf: "2025-07-01")
        let c = SnapshotComparison(a, b, crosswalk: try Embedded.crosswalk())
        #expect(c.crossesMapChange && c.crosswalkID == "vn-2025-01-to-07")
        #expect(!c.wardsCompared && c.fellBack.isEmpty && c.mergedIntoNonModel.isEmpty)
        #expect(c.earlier.national.model == 6, "Phước Trung, Quảng Nam's 3 and Kon Tum's 2 named as recognised")
        #expect(c.provinces.count == 34)
    }

    @Test func demoAcrossTheMapChange() throws {
        let demo = try Embedded.series("demo")
        let a = try #require(demo.last { $0.map.id == "vn-2025-01" }), b = try #require(demo.first { $0.map.id == "vn-2025-07" })
        let c = SnapshotComparison(b, a, crosswalk: try Embedded.crosswalk())
        #expect(c.crosswalkID == "vn-2025-01-to-07" && c.wardsCompared)
        #expect(c.earlier.national.units == 1726 && c.later.national.units == 687)
        // Every old province is merged whole into exactly one new province.
        #expect(c.provinces.count == 34)
        #expect(c.provinces.flatMap(\.predecessors).sorted() == Array(0..<63))
        #expect(c.provinces.reduce(0) { $0 + $1.before.units } == 1726)
        #expect(c.splitWardsCountedOnce > 0)
        // Each old ward is counted once: no old ward stands behind two new ones.
        let listed = c.becameModel + c.fellBack + c.mergedIntoNonModel
        let olds = listed.flatMap(\.predecessors)
        #expect(Set(olds).count == olds.count)
        #expect(Set(listed.map(\.ward)).count == listed.count)
        let all = c.mergedIntoNonModel.allSatisfy { w in w.predecessors.contains { a.wardProgress(at: $0).isModel(.complete) } }
        #expect(all)
    }

    @Test func demoOnOneMapModelChangeIsBecameMinusFell() throws {
        let demo = try Embedded.series("demo")
        for (a, b) in zip(demo, demo.dropFirst()) where a.map.id == b.map.id {
            let c = SnapshotComparison(a, b)
            #expect(c.netModelWards == c.later.national.model - c.earlier.national.model, "\(a.header.asOf) → \(b.header.asOf)")
            #expect(c.mergedIntoNonModel.isEmpty && c.splitWardsCountedOnce == 0)
        }
    }
}
