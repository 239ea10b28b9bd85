/// Builds the two administrative map files and the crosswalk between them from the reference CSVs,
/// after checking that the CSVs agree with each other (counts, codes, defaults of split wards).
enum MapFiles {
    static let beforeID = "vn-2025-01"
    static let afterID = "vn-2025-07"
    static let crosswalkID = "vn-2025-01-to-07"
    static let licencePath = "maps/LICENSE-vietnamadminunits.txt"

    static let packageSource: OrderedJSON = .object([
        ("id", "vietnamadminunits-1.0.4"),
        ("publisher", "Tran Ngoc Minh Hieu (PyPI package vietnamadminunits 1.0.4)"),
        ("title", "vietnamadminunits 1.0.4: dataset.db and converter_2025.json, via shared/data/build.py"),
        ("date", "2025"),
        ("url", "https://github.com/tranngocminhhieu/vietnamadminunits"),
    ])

    static let licenceNote = "Derived from vietnamadminunits 1.0.4, Copyright (c) 2025 Tran Ngoc Minh Hieu, MIT licence: "
        + "the licence text is in LICENSE-vietnamadminunits.txt beside this file and must ship with it. "
        + "The package author compiled the data from danhmuchanhchinh.gso.gov.vn (GSO) and sapnhap.bando.com.vn."

    static func mapBefore(_ ref: ReferenceData) throws(Problem) -> String {
        try checkCounts(file: ReferenceTexts.wardsBeforeFileName, provinces: ref.provincesBefore, wards: ref.wardsBefore)
        var districts: [OrderedJSON] = []
        var seenDistricts: Set<String> = []
        for w in ref.wardsBefore {
            guard let code = w.districtCode, let name = w.districtName else { continue }
            if seenDistricts.insert(code).inserted { districts.append(.array([.string(code), .string(name), .string(w.provinceCode)])) }
        }
        let wards: [OrderedJSON] = ref.wardsBefore.map {
            .array([.string($0.code), .string($0.name), .string($0.provinceCode), .string($0.districtCode ?? "")])
        }
        return DataFileJSON.document([
            ("format", "kieumau.map"), ("version", 1),
            ("id", .string(beforeID)),
            ("title", "63 provinces before 1 July 2025 (phường as of early 2025)"),
            ("effective", .null),
            ("sources", .array([packageSource])),
            ("notes", .array([
                .string(licenceNote),
                "The map just before 1 July 2025, after the 2023–2025 rearrangements of communes (many effective 1 January 2025); it is not the 2023 map (e.g. TP.HCM has 210 phường here, 249 in 2023). The package gives no date for it, hence no effective date.",
                "No freely licensed 2023 ward list exists, so KieuMau uses this map for every snapshot before July 2025.",
                "Only phường are listed: each has one ward police unit (Công an phường), so a province's units = its phường.",
                "Districts are listed only when they hold at least one phường.",
                "Codes are GSO codes. Ward type follows the official name prefix (see PROVENANCE.md of the reference data).",
            ])),
            ("provinces", .array(ref.provincesBefore.map { .array([.string($0.code), .string($0.name), .int($0.phuong)]) })),
            ("districts", .array(districts)),
            ("wards", .array(wards)),
        ])
    }

    static func mapAfter(_ ref: ReferenceData) throws(Problem) -> String {
        try checkCounts(file: ReferenceTexts.wardsAfterFileName, provinces: ref.provincesAfter, wards: ref.wardsAfter)
        return DataFileJSON.document([
            ("format", "kieumau.map"), ("version", 1),
            ("id", .string(afterID)),
            ("title", "34 provinces from 1 July 2025"),
            ("effective", "2025-07-01"),
            ("sources", .array([packageSource])),
            ("notes", .array([
                .string(licenceNote),
                "The map in force from 1 July 2025 (Resolution 202/2025/QH15): 34 provinces, no districts.",
                "Only phường are listed: each has one ward police unit (Công an phường), so a province's units = its phường.",
            ])),
            ("provinces", .array(ref.provincesAfter.map { .array([.string($0.code), .string($0.name), .int($0.phuong)]) })),
            ("districts", .array([])),
            ("wards", .array(ref.wardsAfter.map { .array([.string($0.code), .string($0.name), .string($0.provinceCode)]) })),
        ])
    }

    static func crosswalk(_ ref: ReferenceData) throws(Problem) -> String {
        let oldWards = Set(ref.wardsBefore.map(\.code))
        let newProvinces = Set(ref.provincesAfter.map(\.code))
        var pairs: [String: Set<String>] = [:]
        var rowsByOld: [String: [ReferenceCrosswalkRow]] = [:]
        for (i, r) in ref.crosswalk.enumerated() {
            guard oldWards.contains(r.oldCode) else {
                throw Problem(file: ReferenceTexts.crosswalkFileName, path: "row \(i + 1)", message: "expected an old ward of \(ReferenceTexts.wardsBeforeFileName), found \(r.oldCode)")
            }
            guard newProvinces.contains(r.newProvinceCode) else {
                throw Problem(file: ReferenceTexts.crosswalkFileName, path: "row \(i + 1)", message: "expected a province of \(ReferenceTexts.provincesAfterFileName), found \(r.newProvinceCode)")
            }
            pairs[r.oldProvinceCode, default: []].insert(r.newProvinceCode)
            rowsByOld[r.oldCode, default: []].append(r)
        }
        // Every old phường has a successor; a split one names exactly one default target.
        for code in ref.wardsBefore.map(\.code) {
            let rows = rowsByOld[code] ?? []
            let defaults = rows.filter(\.isDefaultTarget).count
            let split = rows.count > 1
            guard !rows.isEmpty, defaults == 1, rows.allSatisfy({ $0.split == split }) else {
                throw Problem(file: ReferenceTexts.crosswalkFileName, path: "old_ward_code \(code)",
                              message: "expected one row (not split) or several split rows with exactly one default target, found \(rows.count) rows with \(defaults) defaults")
            }
        }
        var provinceRows: [OrderedJSON] = []
        for old in pairs.keys.sorted() {
            for new in (pairs[old] ?? []).sorted() { provinceRows.append(.array([.string(old), .string(new)])) }
        }
        return DataFileJSON.document([
            ("format", "kieumau.crosswalk"), ("version", 1),
            ("id", .string(crosswalkID)), ("from", .string(beforeID)), ("to", .string(afterID)),
            ("provinces", .array(provinceRows)),
            ("wards", .array(ref.crosswalk.map {
                .array([.string($0.oldCode), .string($0.newCode), .int($0.split ? 1 : 0), .int($0.isDefaultTarget ? 1 : 0)])
            })),
        ])
    }

    /// Checks a wards CSV (`file`) against its provinces CSV: each province lists exactly its count of phường, every ward's province exists, codes are unique.
    private static func checkCounts(file: String, provinces: [ReferenceProvince], wards: [ReferenceWard]) throws(Problem) {
        var perProvince: [String: Int] = [:]
        var codes: Set<String> = []
        let known = Set(provinces.map(\.code))
        guard known.count == provinces.count else { throw Problem(file: file, path: "provinces", message: "expected unique province codes") }
        for w in wards {
            guard known.contains(w.provinceCode) else {
                throw Problem(file: file, path: "wards \(w.code)", message: "expected a known province code, found \(w.provinceCode)")
            }
            guard codes.insert(w.code).inserted else { throw Problem(file: file, path: "wards \(w.code)", message: "expected unique ward codes") }
            perProvince[w.provinceCode, default: 0] += 1
        }
        for p in provinces where perProvince[p.code, default: 0] != p.phuong {
            throw Problem(file: file, path: "provinces \(p.code)",
                          message: "expected \(p.phuong) phường as the provinces file says, found \(perProvince[p.code, default: 0]) in the wards file")
        }
    }
}
