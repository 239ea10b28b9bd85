import Testing
@testable import KieuMauCore

/// The published figures, read from the embedded record the way the dashboard and the report read them.
@Suite struct PublishedRecordTests {
    static let today = Day(iso: "2026-11-24")!

    func dataset(series: String, asOf: String) throws -> Dataset {
        let dir = try #require(EmbeddedData.directory(), "the embedded data is part of the package")
        let catalog = Catalog.scan(directory: dir, today: Self.today)
        #expect(catalog.problems.filter { $0.severity == .error }.isEmpty, "\(catalog.problems)")
        let day = try #require(Day(iso: asOf))
        let entry = try #require(catalog.snapshots(inSeries: series).last { $0.header.asOf <= day })
        let map = try catalog.loadMap(id: entry.header.mapID).get()
        let snapshot = try catalog.loadSnapshot(entry, map: map).get()
        let criteria = try #require(catalog.criteriaSet(of: entry))
        return Dataset(snapshot: snapshot, map: map, criteria: criteria)
    }

    @Test func endOf2023NationalFigures() throws {
        let data = try dataset(series: "record", asOf: "2023-12-31")
        #expect(data.header.asOf == Day(iso: "2023-12-31"))
        #expect(data.criteria.count == 22)
        let s = ProgressSummary(data)
        let registered = s.nationalReported.compactMap(\.registered)
        #expect(registered.contains(172))
        #expect(s.nationalReported.compactMap(\.quota) == [106])
        let split = s.nationalReported.first { $0.sourceID == "seed-00" }?.byCriteriaMet.sorted { $0.met > $1.met }
        #expect(split == [CriteriaMetCount(met: 22, wards: 144), CriteriaMetCount(met: 21, wards: 25), CriteriaMetCount(met: 20, wards: 3)])
        // The conflicting "144 reached 20/22" is a second report, flagged, not merged.
        #expect(s.nationalConflicts.contains { $0.field == .criteriaMetDistribution && Set([$0.first.sourceID, $0.second.sourceID]) == ["seed-00", "seed-04"] })
        // The rows are the wards the sources name: a lower bound, not a count to set against 172.
        #expect(s.nationalCoverage == .named && !s.nationalIsCounted)
        #expect(s.national.registered < 172 && s.nationalDiscrepancies.isEmpty)
        #expect(s.bandCounts.values.reduce(0, +) == 0, "no province is in a band")
    }

    @Test func ngheAnSixteenWardsAt21Of22() throws {
        let data = try dataset(series: "record", asOf: "2023-12-31")
        let s = ProgressSummary(data)
        let ngheAn = try #require(s.provinces.first { $0.province.code == "40" })
        let reported = try #require(ngheAn.reported.first { $0.sourceID == "seed-01" })
        #expect(reported.registered == 16)
        #expect(reported.byCriteriaMet == [CriteriaMetCount(met: 21, wards: 16)])
        #expect(ngheAn.province.units == 33)
        // Which wards the 16 are is not published: a named ward keeps its own last score, or none.
        let haHuyTap = try #require(data.map.wardIndex["16666"]), nghiHoa = try #require(data.map.wardIndex["16726"]),
            nghiHuong = try #require(data.map.wardIndex["16732"])
        #expect(data.wardProgress(at: haHuyTap).met == nil)
        #expect(data.wardProgress(at: nghiHoa).met == 18 && data.wardProgress(at: nghiHuong).met == 18, "treated alike")
        // Named rows: no band, whatever they add up to.
        #expect(ngheAn.coverage == .named && !ngheAn.isCounted)
    }

    @Test func nghiHoa18Of22InOctober2023() throws {
        let data = try dataset(series: "record", asOf: "2023-11-10")
        let w = try #require(data.map.wardIndex["16726"])
        #expect(data.map.wards[w].name == "Phường Nghi Hòa")
        #expect(data.wardProgress(at: w).met == 18)
        #expect(data.wardProgress(at: w).total == 22)
    }

    @Test func khueTrung19Of20WithCriterion6Unmet() throws {
        let data = try dataset(series: "record", asOf: "2024-03-27")
        #expect(data.criteria.count == 20)
        let w = try #require(data.map.wards.firstIndex { $0.name == "Phường Khuê Trung" })
        let wp = data.wardProgress(at: w)
        #expect(wp.met == 19 && wp.missing == [6])
    }

    @Test func demoIsMarkedSyntheticAndSpreadsAcrossBands() throws {
        let data = try dataset(series: "demo", asOf: "2025-06-30")
        #expect(data.header.synthetic)
        let bands = ProgressSummary(data).bandCounts
        #expect((bands[.above] ?? 0) > 0 && (bands[.below] ?? 0) > 0)
    }

    @Test func reportOfTheSnapshotAsPublished() throws {
        let data = try dataset(series: "record", asOf: "2023-12-31")
        let text = Report(data: data, summary: ProgressSummary(data), previous: nil).render(.text)
        #expect(text.hasPrefix("KieuMau report — snapshot 2023-12-31 as published"))
        #expect(text.contains("registered 172 against a quota of 106 (2023 round) [seed-04, seed-00]  2023-12\n"))
        #expect(text.contains("144 at 22/22, 25 at 21/22, 3 at 20/22 (2023 round) [seed-00] ≠ 144 at 20/22 (2023 round) [seed-04]"))
        #expect(text.contains("CONFLICT between sources"))
        #expect(text.contains("share, 2025 band, gaps, pace: unknown — 20 of 1726 wards named in sources"))
        #expect(text.contains("Tỉnh Nghệ An"))
        let csv = Report(data: data, summary: ProgressSummary(data), previous: nil).render(.csv)
        #expect(csv.split(separator: "\n").count == 1 + 1 + 63)  // header, national, 63 provinces
        let national = try #require(csv.split(separator: "\n").dropFirst().first)
        #expect(national.contains(",172,2023,2023-12,seed-04 seed-00,106,2023,2023-12,seed-04,"), "\(national)")
        #expect(national.hasSuffix(",unknown,,,,20 of 1726 wards named in sources"), "\(national)")
        let json = Report(data: data, summary: ProgressSummary(data), previous: nil).render(.json)
        #expect(json.contains("\"value\": 106") && json.contains("\"view\": \"as published\""))
    }
}
