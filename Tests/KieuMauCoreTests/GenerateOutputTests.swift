import Foundation
import Testing
@testable import KieuMauCore

/// The generator run on the real reference data: deterministic, equal to the committed files, right counts.
@Suite(.enabled(if: GenerateSupport.referenceAvailable, GenerateSupport.skipReason))
struct GenerateOutputTests {
    @Test func twoRunsGiveTheSameBytes() throws {
        let texts = try #require(GenerateSupport.referenceTexts)
        let a = try DataGenerator.generate(texts)
        let b = try DataGenerator.generate(texts)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, text) in a { #expect(Array(text.utf8) == Array((b[path] ?? "").utf8), "\(path) differs between runs") }
    }

    @Test func committedFilesEqualTheGeneratorOutput() throws {
        let generated = try #require(GenerateSupport.generated)
        let committed = GenerateSupport.committedFiles()
        for (path, text) in generated {
            #expect(committed[path] == Data(text.utf8), "\(path) is not what `kieumau generate` makes; run it and commit")
        }
        // Nothing stale: every committed file under demo/ and maps/ is one the generator makes.
        for path in committed.keys where path.hasPrefix("demo/") || path.hasPrefix("maps/") {
            #expect(generated[path] != nil, "\(path) is committed but no longer generated")
        }
    }

    @Test func mapsHaveTheReferenceCounts() throws {
        let before = try #require(GenerateSupport.json("maps/vn-2025-01.map.json"))
        let after = try #require(GenerateSupport.json("maps/vn-2025-07.map.json"))
        let pb = try #require(before["provinces"] as? [[Any]]), wb = try #require(before["wards"] as? [[Any]])
        let pa = try #require(after["provinces"] as? [[Any]]), wa = try #require(after["wards"] as? [[Any]])
        #expect(pb.count == 63 && wb.count == 1726)
        #expect(pa.count == 34 && wa.count == 687)
        #expect(pb.compactMap { $0[2] as? Int }.reduce(0, +) == 1726)
        #expect(pa.compactMap { $0[2] as? Int }.reduce(0, +) == 687)
        let ngheAn = try #require(pb.first { $0[0] as? String == "40" })
        #expect(ngheAn[1] as? String == "Tỉnh Nghệ An" && ngheAn[2] as? Int == 33)
        #expect(wb.filter { $0[2] as? String == "40" }.count == 33)
        #expect(wb.allSatisfy { $0.count == 4 } && wa.allSatisfy { $0.count == 3 })
        #expect((after["districts"] as? [Any])?.isEmpty == true && (before["districts"] as? [Any])?.isEmpty == false)
        #expect(GenerateSupport.generated?[MapFiles.licencePath]?.contains("MIT License") == true)
    }

    @Test func crosswalkHasOneDefaultPerSplitWard() throws {
        let cw = try #require(GenerateSupport.json("maps/vn-2025-01-to-07.crosswalk.json"))
        let rows = try #require(cw["wards"] as? [[Any]])
        #expect(rows.count == 1997)
        var byOld: [String: [[Any]]] = [:]
        for r in rows { byOld[r[0] as? String ?? "", default: []].append(r) }
        #expect(byOld.count == 1726)
        let split = byOld.filter { $0.value.count > 1 }
        #expect(split.count == 210)
        for (old, rs) in byOld {
            let defaults = rs.filter { $0[3] as? Int == 1 }.count
            #expect(defaults == 1, "old ward \(old) has \(defaults) default targets")
            #expect(rs.allSatisfy { $0[2] as? Int == (rs.count > 1 ? 1 : 0) }, "old ward \(old): split flag")
        }
        let provinces = try #require(cw["provinces"] as? [[String]])
        #expect(provinces.count == 63 && Set(provinces.map { $0[1] }).count == 34)
        #expect(provinces.contains(["40", "40"]))
    }

    @Test func inconsistentReferenceDataIsAProblemNamingTheFile() throws {
        var texts = try #require(GenerateSupport.referenceTexts)
        texts.provincesBefore = texts.provincesBefore.replacingOccurrences(of: "40,Tỉnh Nghệ An,20,33,", with: "40,Tỉnh Nghệ An,20,34,")
        #expect(throws: Problem(file: "wards-2025-01.csv", path: "provinces 40",
                                message: "expected 34 phường as the provinces file says, found 33 in the wards file")) {
            try DataGenerator.generate(texts)
        }
        var twoDefaults = try #require(GenerateSupport.referenceTexts)
        twoDefaults.crosswalk = twoDefaults.crosswalk.replacingOccurrences(of: "00007,Phường Cống Vị,01,00008,Phường Ngọc Hà,phường,01,1,1",
                                                                           with: "00007,Phường Cống Vị,01,00008,Phường Ngọc Hà,phường,01,1,1\n00007,Phường Cống Vị,01,00004,Phường Ba Đình,phường,01,1,1")
        #expect(throws: Problem.self) { try DataGenerator.generate(twoDefaults) }
    }
}
