import Testing
@testable import KieuMauCore

/// The latest-known picture of the published record: each figure carried from the snapshot that
/// gave it, with its date and source, and no verdict where the record names wards but counts none.
@Suite struct LatestKnownRecordTests {
    static let today = Day(iso: "2026-12-04")!

    static func picture(series: String = "record", asOf: String) throws -> KnownPicture {
        let dir = try #require(EmbeddedData.directory(), "the embedded data is part of the package")
        var reader = CatalogPictureReader(catalog: Catalog.scan(directory: dir, today: today))
        var skipped: [String] = []
        let picture = reader.picture(series: series, asOf: try #require(Day(iso: asOf))) { entry, _ in skipped.append(entry.file) }
        #expect(skipped.isEmpty, "every snapshot of the record loads: \(skipped)")
        return try #require(picture)
    }

    func count(_ v: KnownValue?) -> Int? { v?.value.count }

    @Test func registered172AgainstQuota106CarriedTo2025WithTheirDate() throws {
        for day in ["2025-06-11", "2026-12-04"] {
            let p = try Self.picture(asOf: day)
            let registered = try #require(p.national.figure(.registered)?.single, "as of \(day)")
            #expect(count(registered) == 172)
            #expect(registered.asOf == Day(iso: "2023-12-31"))
            #expect(registered.sourceIDs == ["seed-04", "seed-00"], "two sources that agree are one value")
            #expect(registered.dateLabel == "2023-12")
            #expect(registered.round == 2023)
            #expect(registered.mapID == "vn-2025-01")
            let quota = try #require(p.national.figure(.quota)?.single)
            #expect(count(quota) == 106 && quota.sourceIDs == ["seed-04"] && quota.asOf == Day(iso: "2023-12-31"))
        }
    }

    @Test func todayIsOnThe34ProvinceMapWith687Units() throws {
        let p = try Self.picture(asOf: "2026-12-04")
        #expect(p.mapID == "vn-2025-07")
        #expect(p.provinces.count == 34)
        #expect(p.national.units == 687)
        #expect(p.basis == .latestKnown)
        // The 172 were counted on the old map: no share of 687 is made from them.
        #expect(p.national.count == nil)
        #expect(p.national.verdict == .unknown(.noCountSinceMapChange))
    }

    @Test func theTwoReportsOfTheReviewSideBySide() throws {
        let p = try Self.picture(asOf: "2026-12-04")
        let split = try #require(p.national.figure(.byCriteriaMet))
        #expect(split.isConflict)
        #expect(split.values.count == 2)
        let seed00 = try #require(split.values.first { $0.sourceIDs == ["seed-00"] })
        let seed04 = try #require(split.values.first { $0.sourceIDs == ["seed-04"] })
        #expect(seed00.value == .distribution([.init(met: 22, wards: 144), .init(met: 21, wards: 25), .init(met: 20, wards: 3)]))
        #expect(seed04.value == .distribution([.init(met: 20, wards: 144)]))
        #expect(seed00.asOf == seed04.asOf, "of the same day, so neither replaces the other")
    }

    @Test func ngheAnsSixteenAt21CarriedAcrossTheMapChange() throws {
        let p = try Self.picture(asOf: "2026-12-04")
        let ngheAn = try #require(p.province(code: "40"))
        #expect(ngheAn.units == 11, "Nghệ An's phường on the 34-province map")
        let registered = try #require(ngheAn.figure(.registered)?.single, "Nghệ An kept its borders: its figure carries whole")
        #expect(count(registered) == 16 && registered.sourceIDs == ["seed-01"] && registered.mapID == "vn-2025-01")
        #expect(registered.summedFrom.isEmpty && registered.part == nil)
        let split = try #require(ngheAn.figure(.byCriteriaMet)?.single)
        #expect(split.value == .distribution([.init(met: 21, wards: 16)]))
        #expect(ngheAn.count == nil, "16 old units against 11 new ones is no share")
        #expect(ngheAn.verdict == .unknown(.noCountSinceMapChange))
    }

    @Test func aProvinceMergedWithOneThatHasNoFigureShowsItsPartOnTheOldMap() throws {
        // Quảng Nam (49) went into Đà Nẵng (48): its 3 recognised for 2024 are a part, not Đà Nẵng's.
        let p = try Self.picture(asOf: "2026-12-04")
        let daNang = try #require(p.province(code: "48"))
        let recognised = try #require(daNang.figure(.recognised))
        #expect(recognised.isPartial)
        #expect(recognised.values.map { $0.part?.code } == ["49"])
        #expect(count(recognised.values.first) == 3)
        // Kon Tum (62) into Quảng Ngãi (51): the same.
        let quangNgai = try #require(p.province(code: "51")?.figure(.registered))
        #expect(quangNgai.values.map { $0.part?.code } == ["62"] && count(quangNgai.values.first) == 2)
    }

    @Test func namedOnlyScopesHaveNoBandAndSayWhy() throws {
        let p = try Self.picture(asOf: "2025-06-11")
        #expect(p.mapID == "vn-2025-01")
        #expect(p.bandCounts.values.reduce(0, +) == 0, "no province is counted: \(p.bandCounts)")
        #expect(p.uncountedProvinces == 63)
        for scope in p.provinces { #expect(scope.count == nil, "\(scope.province?.name ?? "")") }
        // Nghệ An names 8 wards of its 33 in the rows of 2025-06-11.
        let ngheAn = try #require(p.province(code: "40"))
        #expect(ngheAn.verdict == .unknown(.namedOnly(named: 8, units: 33)))
        #expect(ngheAn.named?.registered == 8 && ngheAn.named?.asOf == Day(iso: "2025-06-11"))
        // A province no source speaks of: none named.
        let anGiang = try #require(p.province(code: "89"))
        #expect(anGiang.verdict == .unknown(.namedOnly(named: 0, units: anGiang.units)))
        #expect(anGiang.figures.isEmpty && anGiang.named == nil)
    }

    @Test func recognitionsNamedInSourcesAreALowerBound() throws {
        let p = try Self.picture(asOf: "2026-12-04")
        let named = try #require(p.national.named, "the nation's named wards, on the old map")
        #expect(named.recognised == 6, "Phước Trung, Quảng Nam's 3, Kon Tum's 2")
        #expect(named.mapID == "vn-2025-01" && named.asOf == Day(iso: "2025-06-11"))
        #expect(p.national.figure(.recognised) == nil, "no source counts the nation's recognised units")
    }

    @Test func thePictureAsOfADateBeforeAFigureDoesNotHaveIt() throws {
        let p = try Self.picture(asOf: "2023-11-30")
        #expect(p.national.figure(.registered)?.single.map { count($0) } == 5, "the 2022 pilot's five, not 2023's 172")
        #expect(count(p.province(code: "01")?.figure(.registered)?.single) == 15)
        #expect(p.national.figure(.quota)?.single?.asOf == Day(iso: "2021-12-31"))
    }

    @Test func theDemoSeriesKeepsItsBands() throws {
        let p = try Self.picture(series: "demo", asOf: "2026-12-04")
        #expect(p.synthetic)
        let dir = try #require(EmbeddedData.directory())
        let catalog = Catalog.scan(directory: dir, today: Self.today)
        var reader = CatalogPictureReader(catalog: catalog)
        let latest = try #require(catalog.snapshots(inSeries: "demo").last)
        let summary = ProgressSummary(try reader.dataset(latest).get())
        #expect(p.bandCounts == summary.bandCounts)
        #expect((p.bandCounts[.above] ?? 0) > 0 && (p.bandCounts[.below] ?? 0) > 0)
        #expect(p.uncountedProvinces == 0)
        let national = try #require(p.national.count)
        #expect(national.modelCount == summary.national.model && national.units == summary.national.units)
        #expect(national.model.fromRows && national.model.asOf == latest.header.asOf)
    }
}
