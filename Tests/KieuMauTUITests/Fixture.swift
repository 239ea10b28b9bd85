import KieuMauCore
@testable import KieuMauTUI

/// A small two-snapshot series on real names, built in code so screens are stable and checkable.
enum Fixture {
    static let provinces: [(String, String, [(String, String, String)])] = [
        ("01", "Thành phố Hà Nội", [("00094", "Phường Nhật Tân", "Quận Tây Hồ"), ("00091", "Phường Phú Thượng", "Quận Tây Hồ"),
                                    ("00167", "Phường Dịch Vọng Hậu", "Quận Cầu Giấy"), ("00001", "Phường Phúc Xá", "Quận Ba Đình")]),
        ("40", "Tỉnh Nghệ An", [("16666", "Phường Hà Huy Tập", "Thành phố Vinh"), ("16690", "Phường Trường Thi", "Thành phố Vinh"),
                                ("16726", "Phường Nghi Hòa", "Thành phố Vinh"), ("16939", "Phường Hòa Hiếu", "Thị xã Thái Hòa"),
                                ("16994", "Phường Quang Tiến", "Thị xã Thái Hòa")]),
        ("48", "Thành phố Đà Nẵng", [("20227", "Phường Khuê Trung", "Quận Cẩm Lệ"), ("20194", "Phường Hải Châu I", "Quận Hải Châu")]),
        ("54", "Tỉnh Phú Yên", []),
    ]

    static var map: AdminMap {
        var ps: [Province] = [], ds: [District] = [], ws: [Ward] = []
        var dcodes: [String: String] = [:]
        for (code, name, wards) in provinces {
            ps.append(Province(code: code, name: name, units: wards.count))
            for (wcode, wname, dname) in wards {
                let dcode = dcodes[dname] ?? { let c = "\(code)\(dcodes.count)"; dcodes[dname] = c; ds.append(District(code: c, name: dname, provinceCode: code)); return c }()
                ws.append(Ward(code: wcode, name: wname, provinceCode: code, districtCode: dcode))
            }
        }
        return AdminMap(id: "vn-test", title: "test", effective: nil, hasDistricts: true, provinces: ps, districts: ds, wards: ws)
    }

    static let criteria = CriteriaSet(id: "c22", title: "22", groups: (1...6).map { CriterionGroup(number: $0) },
                                      criteria: (1...22).map { Criterion(number: $0, group: ($0 - 1) / 4 + 1) })

    static func marks(_ s: String) -> CriteriaMarks {
        CriteriaMarks(statuses: s.map { $0 == "1" ? .met : $0 == "0" ? .notMet : .unknown })
    }

    static let sources = [Source(id: "seed-01", publisher: "Công an Nghệ An", title: "Hội nghị", date: "2023-12")]

    static func snapshot(_ asOf: String, rows: [WardPolice], reported: [ReportedFigures] = [], synthetic: Bool = false) -> Dataset {
        let header = SnapshotHeader(asOf: Day(iso: asOf)!, title: "Fixture \(asOf)", series: "test", synthetic: synthetic,
                                    mapID: "vn-test", criteriaID: "c22", sources: sources)
        return Dataset(snapshot: Snapshot(header: header, wards: rows, reported: reported), map: map, criteria: criteria)
    }

    static let first = snapshot("2023-10-31", rows: [
        WardPolice(wardCode: "16666", stage: .registered, pilotYear: 2021, marks: .count(18)),
        WardPolice(wardCode: "16726", stage: .registered, marks: .count(18)),
    ])

    static let second = snapshot("2023-12-31", rows: [
        WardPolice(wardCode: "16666", stage: .registered, pilotYear: 2021, marks: .count(21), sourceIDs: ["seed-01"], note: "Thiếu tiêu chí xếp loại thi đua"),
        WardPolice(wardCode: "16690", stage: .complete, marks: marks("1111111111111111111111")),
        WardPolice(wardCode: "16726", stage: .registered, marks: marks("1111101111111111111?10")),
        WardPolice(wardCode: "16939", stage: .recognised, recognition: Recognition(decision: "QĐ 1", date: Day(iso: "2023-12-20"))),
        WardPolice(wardCode: "00094", stage: .complete),
        WardPolice(wardCode: "00091", stage: .registered, marks: .count(20)),
        WardPolice(wardCode: "20227", stage: .registered, marks: marks("1111101111111111111111")),
    ], reported: [
        ReportedFigures(scope: .national, sourceID: "seed-01", registered: 172, quota: 106),
        ReportedFigures(scope: .national, sourceID: "seed-01", byCriteriaMet: [.init(met: 22, wards: 144)]),
        ReportedFigures(scope: .national, sourceID: "seed-02", byCriteriaMet: [.init(met: 20, wards: 144)], note: "conflicting report"),
    ], synthetic: true)

    static let refs = [SnapshotRef(file: "a.snapshot.json", header: first.header),
                       SnapshotRef(file: "b.snapshot.json", header: second.header)]

    final class MemorySource: SnapshotSource {
        func load(_ ref: SnapshotRef) -> Result<Dataset, Problems> {
            ref.file == "a.snapshot.json" ? .success(Fixture.first) : .success(Fixture.second)
        }
        var seriesNames: [String] { ["test"] }
        func snapshots(inSeries series: String) -> [SnapshotRef] { Fixture.refs }
    }

    static func controller(lang: Language = .en, width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicodeSet) -> AppRuntime {
        let state = AppState(dataset: second, snapshots: refs, snapshotIndex: 1, lang: lang, glyphs: glyphs)
        let c = AppRuntime(state: state, themes: [Theme(name: "default", styles: [:]), Theme(name: "light", styles: [:])], source: MemorySource(), exports: ExportsInMemory(), width: width, height: height)
        c.start()
        return c
    }
}

