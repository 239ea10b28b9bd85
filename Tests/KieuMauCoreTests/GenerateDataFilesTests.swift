import Foundation
import Testing
@testable import KieuMauCore

/// A light self-check of every committed data file against docs/FORMAT.md, with Foundation's JSON
/// parser (independent of the real loader, which checks far more).
@Suite struct GenerateDataFilesTests {
    static let keys: [String: [String]] = [
        ".snapshot.json": ["format", "version", "asOf", "title", "series", "synthetic", "map", "criteria", "sources", "notes", "coverage", "reported", "wards"],
        ".criteria.json": ["format", "version", "id", "title", "decision", "issued", "count", "groups", "criteria", "sources", "notes"],
        ".map.json": ["format", "version", "id", "title", "effective", "sources", "notes", "provinces", "districts", "wards"],
        ".crosswalk.json": ["format", "version", "id", "from", "to", "provinces", "wards"],
    ]
    static let formats = [".snapshot.json": "kieumau.snapshot", ".criteria.json": "kieumau.criteria",
                          ".map.json": "kieumau.map", ".crosswalk.json": "kieumau.crosswalk"]
    /// Snapshots are written at version 2 (coverage), the other kinds at version 1.
    static let versions = [".snapshot.json": 2, ".criteria.json": 1, ".map.json": 1, ".crosswalk.json": 1]

    struct DataFile {
        var path: String
        var suffix: String
        var text: String
        var object: [String: Any]
    }

    static func load() -> (files: [DataFile], problems: [String]) {
        var files: [DataFile] = [], problems: [String] = []
        for (path, data) in GenerateSupport.committedFiles().sorted(by: { $0.key < $1.key }) where path.hasSuffix(".json") {
            guard let suffix = keys.keys.first(where: { path.hasSuffix($0) }) else { problems.append("\(path): unknown kind of file"); continue }
            guard let text = String(data: data, encoding: .utf8) else { problems.append("\(path): not UTF-8"); continue }
            guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                problems.append("\(path): not a JSON object"); continue
            }
            files.append(DataFile(path: path, suffix: suffix, text: text, object: object))
        }
        return (files, problems)
    }

    @Test func theDataDirectoryHoldsEveryExpectedFile() {
        let paths = Set(Self.load().files.map(\.path))
        for p in ["criteria/bca-5764-22.criteria.json", "criteria/bca-2024-20.criteria.json", "criteria/bca-9745-34.criteria.json",
                  "maps/vn-2025-01.map.json", "maps/vn-2025-07.map.json", "maps/vn-2025-01-to-07.crosswalk.json",
                  "record/2023-12-31.snapshot.json", "record/2025-07-01.snapshot.json", "demo/2025-06-30.snapshot.json"] {
            #expect(paths.contains(p), "missing \(p)")
        }
        #expect(GenerateSupport.committedFiles()["maps/LICENSE-vietnamadminunits.txt"] != nil)
        let total = GenerateSupport.committedFiles().values.reduce(0) { $0 + $1.count }
        #expect(total < 5_000_000, "embedded data is \(total) bytes")
    }

    @Test func everyFileParsesWithTheRightKeysInOrder() {
        let (files, problems) = Self.load()
        #expect(problems.isEmpty, "\(problems)")
        for f in files {
            let expected = Self.keys[f.suffix] ?? []
            #expect(Set(f.object.keys) == Set(expected), "\(f.path): keys \(f.object.keys.sorted()) expected \(expected)")
            #expect(f.object["format"] as? String == Self.formats[f.suffix] && f.object["version"] as? Int == Self.versions[f.suffix], "\(f.path)")
            #expect(f.text == f.text.precomposedStringWithCanonicalMapping, "\(f.path) is not NFC")
            // Top-level keys as written, in order (our layout puts each on its own line, indented by 2).
            let written = f.text.split(separator: "\n").filter { $0.hasPrefix("  \"") }
                .compactMap { $0.dropFirst(3).split(separator: "\"").first.map(String.init) }
            #expect(written == expected, "\(f.path): keys written as \(written)")
            if let id = f.object["id"] as? String {
                #expect(f.path.split(separator: "/").last.map(String.init) == id + f.suffix, "\(f.path): id \(id) is not the file's stem")
            }
        }
    }

    @Test func criteriaSetsHaveTheirCounts() {
        let sets = Dictionary(Self.load().files.filter { $0.suffix == ".criteria.json" }.map { ($0.object["id"] as? String ?? "", $0.object) }) { a, _ in a }
        #expect(sets["bca-5764-22"]?["count"] as? Int == 22 && (sets["bca-5764-22"]?["groups"] as? [Any])?.count == 7)
        #expect(sets["bca-2024-20"]?["count"] as? Int == 20)
        #expect(sets["bca-9745-34"]?["count"] as? Int == 34)
        let six = (sets["bca-2024-20"]?["criteria"] as? [[String: Any]])?.first { $0["number"] as? Int == 6 }
        // In the words of its source (cadn.com.vn 27/3/2024), so the Vietnamese screen shows no English.
        #expect((six?["subject"] as? String)?.contains("trụ sở") == true && (six?["subject"] as? String)?.contains("trang thiết bị") == true)
        #expect(DemoPlan.set22.count == 22 && DemoPlan.set20.count == 20)
        for (_, set) in sets {
            let count = set["count"] as? Int ?? 0
            for c in set["criteria"] as? [[String: Any]] ?? [] { #expect((1...count).contains(c["number"] as? Int ?? 0)) }
        }
    }

    @Test func snapshotsAgreeWithTheirMapsCriteriaAndSources() {
        let files = Self.load().files
        var mapWards: [String: Set<String>] = [:], mapProvinces: [String: [String: Int]] = [:], wardProvince: [String: [String: String]] = [:]
        for f in files where f.suffix == ".map.json" {
            let id = f.object["id"] as? String ?? ""
            let wards = f.object["wards"] as? [[Any]] ?? []
            mapWards[id] = Set(wards.compactMap { $0.first as? String })
            wardProvince[id] = Dictionary(wards.map { ($0[0] as? String ?? "", $0[2] as? String ?? "") }) { a, _ in a }
            mapProvinces[id] = Dictionary((f.object["provinces"] as? [[Any]] ?? []).map { ($0[0] as? String ?? "", $0[2] as? Int ?? 0) }) { a, _ in a }
        }
        let counts = Dictionary(files.filter { $0.suffix == ".criteria.json" }.map { ($0.object["id"] as? String ?? "", $0.object["count"] as? Int ?? 0) }) { a, _ in a }
        let today = Day.today(secondsSince1970: Int(Date().timeIntervalSince1970)).iso
        for f in files where f.suffix == ".snapshot.json" {
            let o = f.object, p = f.path
            let mapID = o["map"] as? String ?? "", m = counts[o["criteria"] as? String ?? ""]
            #expect(mapWards[mapID] != nil && m != nil, "\(p): unknown map or criteria set")
            let asOf = o["asOf"] as? String ?? ""
            #expect(Day(iso: asOf) != nil && asOf <= today, "\(p): asOf \(asOf)")
            let synthetic = o["synthetic"] as? Bool
            if p.hasPrefix("record/") { #expect(o["series"] as? String == "record" && synthetic == false, "\(p)") }
            if p.hasPrefix("demo/") {
                #expect(o["series"] as? String == "demo" && synthetic == true, "\(p)")
                #expect((o["title"] as? String ?? "").lowercased().contains("synthetic"), "\(p): title must say synthetic")
            }
            let sources = o["sources"] as? [[String: Any]] ?? []
            let ids = sources.compactMap { $0["id"] as? String }
            #expect(Set(ids).count == ids.count, "\(p): duplicate source ids")
            for s in sources {
                let d = s["date"] as? String ?? ""
                #expect([4, 7, 10].contains(d.count) && (d.count != 10 || Day(iso: d) != nil), "\(p): source date \(d)")
                #expect(s["url"] as? String != nil && s["title"] as? String != nil && s["publisher"] as? String != nil, "\(p): source keys")
            }
            for r in o["reported"] as? [[String: Any]] ?? [] {
                #expect(ids.contains(r["source"] as? String ?? ""), "\(p): reported names unknown source")
                let scope = r["scope"] as? String ?? ""
                #expect(scope == "national" || mapProvinces[mapID]?[scope] != nil, "\(p): scope \(scope)")
                let by = r["byCriteriaMet"] as? [String: Int] ?? [:]
                #expect(by.keys.allSatisfy { Int($0).map { (0...(m ?? 0)).contains($0) } == true }, "\(p): byCriteriaMet keys")
                if let reg = r["registered"] as? Int {
                    #expect(by.values.reduce(0, +) <= reg, "\(p): byCriteriaMet above registered")
                    if scope != "national" { #expect(reg <= mapProvinces[mapID]?[scope] ?? 0, "\(p): above the province's units") }
                }
            }
            var seen: Set<String> = []
            for r in o["wards"] as? [[Any]] ?? [] {
                let code = r.first as? String ?? "", stage = r.count > 1 ? r[1] as? String ?? "" : "", marks = r.count > 2 ? r[2] as? String ?? "" : "?"
                #expect(mapWards[mapID]?.contains(code) == true, "\(p): ward \(code) not on \(mapID)")
                #expect(seen.insert(code).inserted, "\(p): ward \(code) twice")
                #expect(["none", "registered", "complete", "recognised"].contains(stage), "\(p): \(code) stage \(stage)")
                #expect(Self.marksAreValid(marks, count: m ?? 0), "\(p): \(code) criteria \(marks)")
                if stage == "complete" || stage == "recognised" { #expect(!marks.contains("0"), "\(p): \(code) \(stage) with 0") }
                let extra = r.count > 3 ? r[3] as? [String: Any] ?? [:] : [:]
                let rowSources = extra["sources"] as? [String] ?? []
                #expect(rowSources.allSatisfy(ids.contains), "\(p): \(code) names an unknown source")
                if p.hasPrefix("record/") { #expect(!rowSources.isEmpty, "\(p): \(code) has no source") }
            }
            // A province never has more rows than units.
            var perProvince: [String: Int] = [:]
            for code in seen { perProvince[wardProvince[mapID]?[code] ?? "", default: 0] += 1 }
            for (prov, n) in perProvince { #expect(n <= mapProvinces[mapID]?[prov] ?? 0, "\(p): province \(prov)") }
        }
    }

    static func marksAreValid(_ marks: String, count m: Int) -> Bool {
        if marks.isEmpty { return true }
        let parts = marks.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 { return Int(parts[1]) == m && Int(parts[0]).map { (0...m).contains($0) } == true }
        return marks.count == m && marks.allSatisfy { "01?".contains($0) }
    }
}
