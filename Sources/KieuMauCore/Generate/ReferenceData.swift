import Foundation

/// The texts of the reference files in `shared/data` that the generator reads (see PROVENANCE.md there).
public struct ReferenceTexts: Sendable {
    public static let wardsBeforeFileName = "wards-2025-01.csv"
    public static let provincesBeforeFileName = "provinces-2025-01.csv"
    public static let wardsAfterFileName = "wards-2025-07.csv"
    public static let provincesAfterFileName = "provinces-2025-07.csv"
    public static let crosswalkFileName = "ward-crosswalk-2025.csv"
    public static let licenceFileName = "LICENSE-vietnamadminunits.txt"
    public static let allFileNames = [wardsBeforeFileName, provincesBeforeFileName, wardsAfterFileName,
                                      provincesAfterFileName, crosswalkFileName, licenceFileName]

    public var wardsBefore: String
    public var provincesBefore: String
    public var wardsAfter: String
    public var provincesAfter: String
    public var crosswalk: String
    /// The MIT licence of the vietnamadminunits package, shipped beside the maps derived from it.
    public var licence: String

    public init(wardsBefore: String, provincesBefore: String, wardsAfter: String, provincesAfter: String,
                crosswalk: String, licence: String) {
        self.wardsBefore = wardsBefore; self.provincesBefore = provincesBefore; self.wardsAfter = wardsAfter
        self.provincesAfter = provincesAfter; self.crosswalk = crosswalk; self.licence = licence
    }

    /// Reads the six files from a directory; a missing or unreadable file is a problem naming it.
    public static func read(directory: URL) throws(Problems) -> ReferenceTexts {
        var texts: [String: String] = [:]
        var problems: [Problem] = []
        for name in allFileNames {
            let url = directory.appendingPathComponent(name)
            do {
                texts[name] = try String(contentsOf: url, encoding: .utf8)
            } catch {
                problems.append(Problem(file: url.path, message: "expected a readable UTF-8 reference file (\(error.localizedDescription))"))
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return ReferenceTexts(wardsBefore: texts[wardsBeforeFileName] ?? "", provincesBefore: texts[provincesBeforeFileName] ?? "",
                              wardsAfter: texts[wardsAfterFileName] ?? "", provincesAfter: texts[provincesAfterFileName] ?? "",
                              crosswalk: texts[crosswalkFileName] ?? "", licence: texts[licenceFileName] ?? "")
    }
}

/// One province row of a provinces CSV.
struct ReferenceProvince: Sendable {
    var code: String
    var name: String
    var phuong: Int
}

/// One phường row of a wards CSV; `district` is nil on the map without districts.
struct ReferenceWard: Sendable {
    var provinceCode: String
    var districtCode: String?
    var districtName: String?
    var code: String
    var name: String
}

/// One row of the crosswalk: an old phường and one new unit it went (wholly or partly) into.
struct ReferenceCrosswalkRow: Sendable {
    var oldCode: String
    var oldProvinceCode: String
    var newCode: String
    var newType: String
    var newProvinceCode: String
    var split: Bool
    var isDefaultTarget: Bool
}

/// The reference files parsed into typed rows, in file order.
struct ReferenceData: Sendable {
    var provincesBefore: [ReferenceProvince]
    var wardsBefore: [ReferenceWard]
    var provincesAfter: [ReferenceProvince]
    var wardsAfter: [ReferenceWard]
    var crosswalk: [ReferenceCrosswalkRow]
    var licence: String

    init(_ texts: ReferenceTexts) throws(Problem) {
        provincesBefore = try ReferenceData.provinces(CSVTable(file: ReferenceTexts.provincesBeforeFileName, text: texts.provincesBefore))
        provincesAfter = try ReferenceData.provinces(CSVTable(file: ReferenceTexts.provincesAfterFileName, text: texts.provincesAfter))
        wardsBefore = try ReferenceData.wards(CSVTable(file: ReferenceTexts.wardsBeforeFileName, text: texts.wardsBefore), withDistricts: true)
        wardsAfter = try ReferenceData.wards(CSVTable(file: ReferenceTexts.wardsAfterFileName, text: texts.wardsAfter), withDistricts: false)
        crosswalk = try ReferenceData.crosswalk(CSVTable(file: ReferenceTexts.crosswalkFileName, text: texts.crosswalk))
        licence = texts.licence
    }

    private static func provinces(_ t: CSVTable) throws(Problem) -> [ReferenceProvince] {
        let code = try t.column("province_code"), name = try t.column("province_name"), phuong = try t.column("phuong")
        var out: [ReferenceProvince] = []
        for (i, r) in t.rows.enumerated() {
            try requireCode(t, i, code, digits: 2)
            guard let n = Int(r[phuong]), n >= 0 else { throw t.problem(row: i, column: phuong, "expected a count of phường, found \"\(r[phuong])\"") }
            out.append(ReferenceProvince(code: r[code], name: r[name], phuong: n))
        }
        return out
    }

    private static func wards(_ t: CSVTable, withDistricts: Bool) throws(Problem) -> [ReferenceWard] {
        let pc = try t.column("province_code"), wc = try t.column("ward_code"), wn = try t.column("ward_name")
        let dc = withDistricts ? try t.column("district_code") : nil
        let dn = withDistricts ? try t.column("district_name") : nil
        var out: [ReferenceWard] = []
        out.reserveCapacity(t.rows.count)
        for (i, r) in t.rows.enumerated() {
            try requireCode(t, i, pc, digits: 2)
            try requireCode(t, i, wc, digits: 5)
            if let dc { try requireCode(t, i, dc, digits: 3) }
            out.append(ReferenceWard(provinceCode: r[pc], districtCode: dc.map { r[$0] }, districtName: dn.map { r[$0] },
                                     code: r[wc], name: r[wn]))
        }
        return out
    }

    private static func crosswalk(_ t: CSVTable) throws(Problem) -> [ReferenceCrosswalkRow] {
        let oc = try t.column("old_ward_code"), op = try t.column("old_province_code")
        let nc = try t.column("new_unit_code"), nt = try t.column("new_unit_type"), np = try t.column("new_province_code")
        let sp = try t.column("split"), df = try t.column("is_default_target")
        var out: [ReferenceCrosswalkRow] = []
        out.reserveCapacity(t.rows.count)
        for (i, r) in t.rows.enumerated() {
            for (c, d) in [(oc, 5), (op, 2), (nc, 5), (np, 2)] { try requireCode(t, i, c, digits: d) }
            out.append(ReferenceCrosswalkRow(oldCode: r[oc], oldProvinceCode: r[op], newCode: r[nc], newType: r[nt],
                                             newProvinceCode: r[np], split: try flag(t, i, sp), isDefaultTarget: try flag(t, i, df)))
        }
        return out
    }

    private static func requireCode(_ t: CSVTable, _ row: Int, _ column: Int, digits: Int) throws(Problem) {
        let v = t.rows[row][column]
        guard v.utf8.count == digits, v.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw t.problem(row: row, column: column, "expected a code of \(digits) digits, found \"\(v)\"")
        }
    }

    private static func flag(_ t: CSVTable, _ row: Int, _ column: Int) throws(Problem) -> Bool {
        switch t.rows[row][column] {
        case "0": return false
        case "1": return true
        case let v: throw t.problem(row: row, column: column, "expected 0 or 1, found \"\(v)\"")
        }
    }
}
