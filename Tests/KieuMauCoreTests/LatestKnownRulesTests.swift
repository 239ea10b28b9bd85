import Testing
@testable import KieuMauCore

/// The rules of the latest-known picture on small made-up series: coverage, conflicts, rounds,
/// map changes, and which snapshots have to be read.
@Suite struct LatestKnownRulesTests {
    static let criteria = CriteriaSet(id: "c", title: "c", criteria: (1...4).map { Criterion(number: $0) })

    /// Old map: 01 (4 wards), 02 (3), 03 (2). New map: 01 kept its borders (2 wards); 02 is the old
    /// 02 and 03 merged whole (3 wards).
    static let old = map("old", [("01", 4), ("02", 3), ("03", 2)])
    static let new = map("new", [("01", 2), ("02", 3)])
    static let succession: ProvinceSuccession = {
        let links = old.wards.map { w in
            WardLink(oldCode: w.code, newCode: w.provinceCode == "01" ? "010" : "020", split: false, isDefaultTarget: true)
        }
        let cw = Crosswalk(id: "old-to-new", fromMapID: "old", toMapID: "new",
                           provinces: [.init(oldCode: "01", newCode: "01"), .init(oldCode: "02", newCode: "02"), .init(oldCode: "03", newCode: "02")],
                           wards: links)
        return ProvinceSuccession(crosswalk: cw, earlier: old, later: new)
    }()

    static func map(_ id: String, _ provinces: [(String, Int)]) -> AdminMap {
        var ps: [Province] = [], ws: [Ward] = []
        for (code, n) in provinces {
            ps.append(Province(code: code, name: "Tỉnh \(code)", units: n))
            for i in 0..<n { ws.append(Ward(code: "\(code)\(i)", name: "Phường \(i)", provinceCode: code)) }
        }
        return AdminMap(id: id, title: id, effective: nil, hasDistricts: false, provinces: ps, districts: [], wards: ws)
    }

    static func digest(_ asOf: String, on map: AdminMap, coverage: SnapshotCoverage, rows: [WardPolice] = [],
                       reported: [ReportedFigures] = [], definition: ModelDefinition = .complete) -> SnapshotDigest {
        let header = SnapshotHeader(asOf: Day(iso: asOf)!, title: asOf, series: "s", synthetic: false, mapID: map.id, criteriaID: "c",
                                    sources: [Source(id: "a", publisher: "A", title: "", date: asOf), Source(id: "b", publisher: "B", title: "", date: "")],
                                    coverage: coverage)
        let data = Dataset(snapshot: Snapshot(header: header, wards: rows, reported: reported), map: map, criteria: criteria)
        return SnapshotDigest(data, summary: ProgressSummary(data, definition: definition))
    }

    static func complete(_ code: String) -> WardPolice { WardPolice(wardCode: code, stage: .complete, marks: CriteriaMarks(metMask: 0xF)) }
    static func registered(_ code: String) -> WardPolice { WardPolice(wardCode: code, stage: .registered) }

    @Test func aProvinceImportedCompleteBesideNamedOnes() throws {
        // A province's full sheet for 01 (2 of 4 model), named wards elsewhere.
        let d = Self.digest("2024-06-30", on: Self.old, coverage: SnapshotCoverage(default: .named, provinces: ["01": .complete]),
                            rows: [Self.complete("010"), Self.complete("011"), Self.registered("012"), Self.registered("020")])
        let p = LatestKnown.picture(asOf: Day(iso: "2024-06-30")!, digests: [d])!
        let counted = try #require(p.province(code: "01")?.count)
        #expect(counted.modelCount == 2 && counted.units == 4 && counted.band == .above && counted.needed(percent: 100) == 2)
        #expect(p.province(code: "01")?.figure(.registered)?.single?.fromRows == true)
        #expect(p.province(code: "02")?.verdict == .unknown(.namedOnly(named: 1, units: 3)))
        #expect(p.province(code: "02")?.figure(.registered) == nil, "named rows give no figure")
        #expect(p.province(code: "03")?.verdict == .unknown(.namedOnly(named: 0, units: 2)))
        #expect(p.national.count == nil, "the nation is counted only when every province is")
        #expect(p.bandCounts == [.below: 0, .within: 0, .above: 1] && p.uncountedProvinces == 2)
    }

    @Test func aCompleteSnapshotIsCountedEverywhere() throws {
        let d = Self.digest("2024-06-30", on: Self.old, coverage: .complete, rows: [Self.complete("010"), Self.registered("020")])
        let p = LatestKnown.asPublished(d)
        #expect(p.basis == .asPublished)
        #expect(p.national.count?.modelCount == 1 && p.national.count?.units == 9)
        #expect(p.province(code: "03")?.count?.modelCount == 0, "a complete count of zero is zero, not unknown")
        #expect(p.bandCounts == [.below: 3, .within: 0, .above: 0], "1 of 4, 0 of 3, 0 of 2")
    }

    @Test func sourcesOfOneDayThatDisagreeAreKeptApart() throws {
        let d = Self.digest("2024-06-30", on: Self.old, coverage: .named, reported: [
            ReportedFigures(scope: .province("01"), sourceID: "a", registered: 3, complete: 2),
            ReportedFigures(scope: .province("01"), sourceID: "b", registered: 3, complete: 1),
        ])
        let p = LatestKnown.picture(asOf: Day(iso: "2025-01-01")!, digests: [d])!
        let p01 = try #require(p.province(code: "01"))
        #expect(p01.figure(.registered)?.single?.sourceIDs == ["a", "b"], "agreeing sources are one value")
        #expect(p01.figure(.complete)?.isConflict == true)
        #expect(p01.verdict == .unknown(.sourcesDisagree), "no share from two model counts")
    }

    @Test func aReportedCountOfTheWholeScopeCarriesAVerdictButARoundsDoesNot() throws {
        let d = Self.digest("2024-06-30", on: Self.old, coverage: .named, reported: [
            ReportedFigures(scope: .province("01"), sourceID: "a", registered: 4, complete: 2),
            ReportedFigures(scope: .province("02"), sourceID: "a", registered: 3, complete: 3, round: 2024),
        ])
        let p = LatestKnown.picture(asOf: Day(iso: "2024-06-30")!, digests: [d])!
        #expect(p.province(code: "01")?.count?.modelCount == 2)
        #expect(p.province(code: "02")?.count == nil, "registered and complete for one round are not the province's counts")
        #expect(p.province(code: "02")?.figure(.complete)?.single?.round == 2024)
    }

    @Test func theLatestValueWinsWithItsOwnDate() throws {
        let early = Self.digest("2023-12-31", on: Self.old, coverage: .named, reported: [
            ReportedFigures(scope: .national, sourceID: "a", registered: 10, quota: 5)])
        let later = Self.digest("2024-06-30", on: Self.old, coverage: .named, reported: [
            ReportedFigures(scope: .national, sourceID: "b", registered: 12)])
        let p = LatestKnown.picture(asOf: Day(iso: "2025-01-01")!, digests: [later, early])!
        #expect(p.national.figure(.registered)?.single?.value == .count(12))
        #expect(p.national.figure(.registered)?.single?.asOf == Day(iso: "2024-06-30"))
        #expect(p.national.figure(.quota)?.single?.value == .count(5), "carried: the later report did not repeat it")
        #expect(p.national.figure(.quota)?.single?.asOf == Day(iso: "2023-12-31"))
        #expect(p.national.figure(.quota)?.single?.dateLabel == "2023-12-31", "the source's date")
        let before = LatestKnown.picture(asOf: Day(iso: "2024-01-01")!, digests: [later, early])!
        #expect(before.national.figure(.registered)?.single?.value == .count(10), "nothing after the day asked")
    }

    @Test func acrossTheMapChangeMergedWholeProvincesSum() throws {
        let oldDigest = Self.digest("2025-06-30", on: Self.old, coverage: .named, reported: [
            ReportedFigures(scope: .province("01"), sourceID: "a", registered: 3),
            ReportedFigures(scope: .province("02"), sourceID: "a", registered: 2, recognised: 1),
            ReportedFigures(scope: .province("03"), sourceID: "b", registered: 1),
        ])
        let newDigest = Self.digest("2025-07-01", on: Self.new, coverage: .named)
        let p = LatestKnown.picture(asOf: Day(iso: "2026-01-01")!, digests: [oldDigest, newDigest], successions: [Self.succession])!
        #expect(p.mapID == "new")
        let kept = try #require(p.province(code: "01")?.figure(.registered)?.single)
        #expect(kept.value == .count(3) && kept.mapID == "old" && kept.summedFrom.isEmpty)
        let merged = try #require(p.province(code: "02")?.figure(.registered)?.single)
        #expect(merged.value == .count(3) && merged.summedFrom.map(\.code) == ["02", "03"] && merged.sourceIDs == ["a", "b"])
        // Recognised is known for 02 only: shown as its part, on the old map, not as 02+03.
        let recognised = try #require(p.province(code: "02")?.figure(.recognised))
        #expect(recognised.isPartial && recognised.values.map { $0.part?.code } == ["02"])
        #expect(p.province(code: "02")?.verdict == .unknown(.noCountSinceMapChange))
        #expect(p.national.units == 5, "the units of the map in force")
    }

    @Test func aProvinceNotMergedWholeIsNotSummed() throws {
        // One ward of old 03 went to new 01: 03 was split, so new 02 is not 02 + 03.
        var links = Self.old.wards.map { w in
            WardLink(oldCode: w.code, newCode: w.provinceCode == "01" ? "010" : "020", split: false, isDefaultTarget: true)
        }
        links[links.count - 1].newCode = "011"
        let cw = Crosswalk(id: "x", fromMapID: "old", toMapID: "new",
                           provinces: [.init(oldCode: "01", newCode: "01"), .init(oldCode: "02", newCode: "02"), .init(oldCode: "03", newCode: "02")],
                           wards: links)
        let s = ProvinceSuccession(crosswalk: cw, earlier: Self.old, later: Self.new)
        #expect(s.mergedWhole == ["01", "02"])
        let oldDigest = Self.digest("2025-06-30", on: Self.old, coverage: .named, reported: [
            ReportedFigures(scope: .province("02"), sourceID: "a", registered: 2),
            ReportedFigures(scope: .province("03"), sourceID: "b", registered: 1)])
        let p = LatestKnown.picture(asOf: Day(iso: "2026-01-01")!, digests: [oldDigest, Self.digest("2025-07-01", on: Self.new, coverage: .named)],
                                    successions: [s])!
        #expect(p.province(code: "02")?.figure(.registered)?.values.map { $0.part?.code } == ["02", "03"])
    }

    @Test func countsOnTheNewMapAreCountedAndOldOnesNot() throws {
        let oldDigest = Self.digest("2025-06-30", on: Self.old, coverage: .complete, rows: [Self.complete("010")])
        let newDigest = Self.digest("2025-12-31", on: Self.new, coverage: SnapshotCoverage(default: .named, provinces: ["02": .complete]),
                                    rows: [Self.complete("020"), Self.complete("021")])
        let p = LatestKnown.picture(asOf: Day(iso: "2026-06-30")!, digests: [oldDigest, newDigest], successions: [Self.succession])!
        #expect(p.province(code: "02")?.count?.modelCount == 2 && p.province(code: "02")?.count?.units == 3)
        // 01's count is of the old map's 4 units: carried as a figure, never as a share of 2.
        #expect(p.province(code: "01")?.figure(.model)?.single?.mapID == "old")
        #expect(p.province(code: "01")?.count == nil && p.province(code: "01")?.verdict == .unknown(.noCountSinceMapChange))
    }

    @Test func onlySnapshotsBackToTheFirstCompleteOneAreRead() {
        func header(_ day: String, _ coverage: SnapshotCoverage) -> SnapshotHeader {
            SnapshotHeader(asOf: Day(iso: day)!, title: "", series: "s", synthetic: false, mapID: "old", criteriaID: "c", coverage: coverage)
        }
        let headers = [header("2023-01-01", .named), header("2023-06-30", .complete), header("2024-01-01", .named),
                       header("2024-06-30", SnapshotCoverage(default: .named, provinces: ["01": .complete])), header("2025-01-01", .named)]
        #expect(LatestKnown.snapshotsNeeded(headers, asOf: Day(iso: "2024-12-31")!) == [1, 2, 3])
        #expect(LatestKnown.snapshotsNeeded(headers, asOf: Day(iso: "2023-06-30")!) == [1])
        #expect(LatestKnown.snapshotsNeeded(headers, asOf: Day(iso: "2022-01-01")!) == [])
        #expect(LatestKnown.snapshotsNeeded(headers.filter { $0.coverage == .named }, asOf: Day(iso: "2030-01-01")!) == [0, 1, 2])
    }

    @Test func aQuotaFromASnapshotNotReadStillComesFromItsHeader() throws {
        let early = Self.digest("2023-12-31", on: Self.old, coverage: .complete,
                                reported: [ReportedFigures(scope: .national, sourceID: "a", quota: 3)])
        let later = Self.digest("2024-06-30", on: Self.old, coverage: .complete, rows: [Self.complete("010")])
        let p = LatestKnown.picture(asOf: Day(iso: "2024-12-31")!, digests: [later], headers: [early.header])!
        #expect(p.national.figure(.quota)?.single?.value == .count(3))
        #expect(p.national.count?.modelCount == 1, "the rows of the snapshot read")
    }

    @Test func theModelDefinitionChoosesWhatIsCounted() throws {
        let d = Self.digest("2024-06-30", on: Self.old, coverage: .named, reported: [
            ReportedFigures(scope: .province("01"), sourceID: "a", complete: 3, recognised: 1)], definition: .recognised)
        let p = LatestKnown.picture(asOf: Day(iso: "2024-06-30")!, digests: [d])!
        #expect(p.definition == .recognised && p.province(code: "01")?.count?.modelCount == 1)
    }
}
