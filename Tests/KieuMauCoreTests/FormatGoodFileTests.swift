import Foundation
import Testing
@testable import KieuMauCore

/// Good files decode into exactly the model values they describe.
@Suite struct FormatGoodFileTests {
    let catalog = Fixtures.goodCatalog

    func map(_ id: String) throws -> AdminMap {
        try catalog.loadMap(id: id).get()
    }

    func snapshot(_ file: String) throws -> Snapshot {
        let entry = try #require(catalog.snapshots.first { $0.file == file })
        return try catalog.loadSnapshot(entry, map: try map(entry.header.mapID)).get()
    }

    @Test func criteriaSetHasEveryNumberAndTheListedNames() throws {
        let set = try #require(catalog.criteriaSets["tiny-8"])
        #expect(set.title == "Eight criteria (test set)")
        #expect(set.decision == "QĐ 1/TEST")
        #expect(set.issued == Day(year: 2021, month: 7, day: 13))
        #expect(set.count == 8)
        #expect(set.criteria.map(\.number) == Array(1...8))
        #expect(set.criteria[0] == Criterion(number: 1, group: 1, nameVi: "Tiêu chí một", nameEn: "Criterion one", subject: "headquarters"))
        #expect(set.criteria[5] == Criterion(number: 6, subject: "equipment"))
        #expect(set.criteria[7].group == 2)
        #expect(set.criteria[2] == Criterion(number: 3))
        #expect(set.groups == [CriterionGroup(number: 1, nameVi: "Nhóm một", nameEn: "Group one"), CriterionGroup(number: 2)])
        #expect(set.sources == [Source(id: "bca", publisher: "Bộ Công an", title: "Decision", date: "2021-07-13")])
        #expect(set.notes == ["Test set."])
    }

    @Test func mapWithDistricts() throws {
        let m = try map("tiny-a")
        #expect(m.title == "Three provinces with districts (test map)")
        #expect(m.effective == Day(year: 2025, month: 1, day: 1))
        #expect(m.hasDistricts)
        #expect(m.provinces == [Province(code: "01", name: "Thành phố Hà Nội", units: 3),
                                Province(code: "40", name: "Tỉnh Nghệ An", units: 2),
                                Province(code: "79", name: "Thành phố Hồ Chí Minh", units: 4)])
        #expect(m.districts.map(\.code) == ["001", "412", "760"])
        #expect(m.wards.count == 6)
        #expect(m.ward("16666") == Ward(code: "16666", name: "Phường Hà Huy Tập", provinceCode: "40", districtCode: "412"))
        #expect(m.wards(ofProvinceAt: 1).map(\.code) == ["16666", "16690"])
        #expect(m.sources.map(\.id) == ["gso"])
        #expect(m.notes.count == 1)
    }

    @Test func mapWithoutDistricts() throws {
        let m = try map("tiny-b")
        #expect(!m.hasDistricts)
        #expect(m.effective == Day(year: 2025, month: 7, day: 1))
        #expect(m.ward("00097")?.districtCode == nil)
    }

    @Test func snapshotRowsAndReports() throws {
        let s = try snapshot("record/2023-12-31.snapshot.json")
        #expect(s.header == SnapshotHeader(asOf: Day(year: 2023, month: 12, day: 31)!, title: "Test record, end of 2023",
                                           series: "record", synthetic: false, mapID: "tiny-a", criteriaID: "tiny-8",
                                           sources: [Source(id: "seed-00", publisher: "Công an Nghệ An", title: "Hội nghị sơ kết", date: "2023-12"),
                                                     Source(id: "seed-01", publisher: "Báo Nghệ An", title: "Phường kiểu mẫu", date: "2023")],
                                           notes: ["Fixture for the loader tests."], coverage: .complete, reported: s.reported))
        #expect(s.header.coverage == .complete, "a version-1 file reads as it always did: a complete count")
        #expect(s.wards == [
            WardPolice(wardCode: "16666", stage: .registered, pilotYear: 2021, marks: .count(7), sourceIDs: ["seed-01"],
                       note: "emulation-ranking criterion not met"),
            WardPolice(wardCode: "16690", stage: .complete, marks: CriteriaMarks(metMask: 0xFF)),
            WardPolice(wardCode: "00001", stage: .registered, marks: CriteriaMarks(metMask: 0b1111_0001, notMetMask: 0b0000_0100),
                       sourceIDs: ["seed-00", "seed-01"]),
            WardPolice(wardCode: "00004", stage: .recognised,
                       recognition: Recognition(decision: "QĐ 2878", date: Day(year: 2023, month: 4, day: 22)), marks: .unknown),
            WardPolice(wardCode: "26734", stage: .notRegistered),
        ])
        #expect(s.wards[2].marks.status(of: 2) == .unknown)
        #expect(s.wards[2].marks.status(of: 3) == .notMet)
        #expect(s.reported == [
            ReportedFigures(scope: .national, sourceID: "seed-00", registered: 5, quota: 3),
            ReportedFigures(scope: .national, sourceID: "seed-00",
                            byCriteriaMet: [CriteriaMetCount(met: 8, wards: 3), CriteriaMetCount(met: 7, wards: 1)], note: "expected"),
            ReportedFigures(scope: .province("40"), sourceID: "seed-01", registered: 2, complete: 1, recognised: 1,
                            byCriteriaMet: [CriteriaMetCount(met: 8, wards: 1)]),
        ])
    }

    @Test func versionTwoSaysWhatTheRowsCover() throws {
        let s = try snapshot("record/2024-12-31.snapshot.json")
        #expect(s.header.coverage == SnapshotCoverage(default: .named, provinces: ["40": .complete]))
        #expect(s.header.coverage.of(province: "40") == .complete && s.header.coverage.of(province: "01") == .named)
        #expect(s.header.coverage.national(provinceCodes: ["01", "40", "79"]) == .named)
        #expect(s.reported == [ReportedFigures(scope: .national, sourceID: "s", registered: 3, note: "registered for 2024", round: 2024)])
        // The header alone (as a listing reads it) has the coverage and the reported figures too.
        let entry = try #require(Fixtures.goodCatalog.snapshots.first { $0.file == "record/2024-12-31.snapshot.json" })
        #expect(entry.header.coverage == s.header.coverage && entry.header.reported == s.reported)
    }

    @Test func syntheticSnapshotOnAnotherMap() throws {
        let s = try snapshot("demo/2024-06-30.snapshot.json")
        #expect(s.header.synthetic)
        #expect(s.header.series == "demo")
        #expect(s.wards == [WardPolice(wardCode: "00097", stage: .registered, marks: .count(4))])
    }

    @Test func crosswalkLinks() throws {
        let result = try #require(catalog.loadCrosswalk(from: "tiny-a", to: "tiny-b"))
        let c = try result.get()
        #expect(c.id == "tiny-a-to-b")
        #expect(c.fromMapID == "tiny-a" && c.toMapID == "tiny-b")
        #expect(c.newProvince(of: "79") == "01")
        #expect(c.targets(of: "00004") == [WardLink(oldCode: "00004", newCode: "00004", split: true, isDefaultTarget: true),
                                           WardLink(oldCode: "00004", newCode: "00097", split: true, isDefaultTarget: false)])
        #expect(c.defaultTarget(of: "00004") == "00004")
        #expect(c.defaultTarget(of: "26734") == "XA-01")
        #expect(c.defaultTarget(of: "26737") == nil)
        #expect(catalog.loadCrosswalk(from: "tiny-b", to: "tiny-a") == nil)
    }

    @Test func nfdNamesLoadEqualToNFC() throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/tiny-a.map.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.decomposedStringWithCanonicalMapping.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) != Data(text.utf8)) // really NFD on disk
        let nfd = try Catalog.scan(directory: folder, today: Fixtures.today).loadMap(id: "tiny-a").get()
        let nfc = try map("tiny-a")
        #expect(nfd.provinces == nfc.provinces)
        #expect(nfd.wards == nfc.wards)
        #expect(Array(nfd.wards[0].name.utf8) == Array("Phường Phúc Xá".utf8))
    }
}
