import Foundation
import Testing
@testable import KieuMauCore

/// The synthetic demo series: plausible shape, as the design asks.
@Suite(.enabled(if: GenerateSupport.referenceAvailable, GenerateSupport.skipReason))
struct GenerateDemoTests {
    struct Loaded {
        var asOf: String
        var map: String
        var criteria: String
        var rows: [[Any]]
    }

    static func series() throws -> [Loaded] {
        let generated = try #require(GenerateSupport.generated)
        return try generated.keys.filter { $0.hasPrefix("demo/") }.sorted().map { path in
            let doc = try #require(GenerateSupport.json(path))
            return Loaded(asOf: doc["asOf"] as? String ?? "", map: doc["map"] as? String ?? "",
                          criteria: doc["criteria"] as? String ?? "", rows: doc["wards"] as? [[Any]] ?? [])
        }
    }

    /// Province code of each ward and units of each province, of a generated map.
    static func map(_ id: String) throws -> (wardProvince: [String: String], units: [String: Int]) {
        let doc = try #require(GenerateSupport.json("maps/\(id).map.json"))
        var wp: [String: String] = [:], units: [String: Int] = [:]
        for w in doc["wards"] as? [[Any]] ?? [] { wp[w[0] as? String ?? ""] = w[2] as? String }
        for p in doc["provinces"] as? [[Any]] ?? [] { units[p[0] as? String ?? ""] = p[2] as? Int }
        return (wp, units)
    }

    static func modelShares(_ s: Loaded) throws -> [String: Double] {
        let m = try map(s.map)
        var model: [String: Int] = [:]
        for r in s.rows where ["complete", "recognised"].contains(r[1] as? String ?? "") {
            model[m.wardProvince[r[0] as? String ?? ""] ?? "?", default: 0] += 1
        }
        var out: [String: Double] = [:]
        for (code, units) in m.units { out[code] = Double(model[code] ?? 0) / Double(max(units, 1)) }
        return out
    }

    @Test func quarterlyDatesOnTheRightMapsAndCriteria() throws {
        let s = try Self.series()
        #expect(s.map(\.asOf) == ["2023-06-30", "2023-09-30", "2023-12-31", "2024-03-31", "2024-06-30", "2024-09-30",
                                  "2024-12-31", "2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"])
        #expect(s.map(\.map) == Array(repeating: "vn-2025-01", count: 9) + ["vn-2025-07", "vn-2025-07"])
        #expect(s.map(\.criteria) == Array(repeating: "bca-5764-22", count: 3) + Array(repeating: "bca-2024-20", count: 8))
    }

    @Test func mid2025HasProvincesAboveHalfAndBelowThirty() throws {
        let s = try #require(try Self.series().first { $0.asOf == "2025-06-30" })
        let shares = try Self.modelShares(s)
        #expect(shares.count == 63)
        #expect(shares.values.contains { $0 >= 0.5 })
        #expect(shares.values.contains { $0 < 0.3 })
    }

    @Test func everyProvinceRegisteredByEnd2023AndGrowthIsMonotoneIsh() throws {
        let s = try Self.series().filter { $0.map == "vn-2025-01" }
        let m = try Self.map("vn-2025-01")
        let end2023 = try #require(s.first { $0.asOf == "2023-12-31" })
        #expect(Set(end2023.rows.compactMap { m.wardProvince[$0[0] as? String ?? ""] }).count == 63)
        var previousRegistered = 0, previousModel = 0, fellBack = 0, modelTotal = 0
        var previousStage: [String: String] = [:]
        for snap in s {
            #expect(snap.rows.count >= previousRegistered, "registered wards shrink at \(snap.asOf)")
            let model = snap.rows.filter { ["complete", "recognised"].contains($0[1] as? String ?? "") }.count
            #expect(model >= previousModel, "model wards shrink at \(snap.asOf)")
            for r in snap.rows {
                let code = r[0] as? String ?? "", stage = r[1] as? String ?? ""
                if previousStage[code] == "complete" && stage == "registered" { fellBack += 1 }
                previousStage[code] = stage
            }
            modelTotal += model
            previousRegistered = snap.rows.count; previousModel = model
        }
        #expect(fellBack > 0, "a few wards should fall back")
        #expect(Double(fellBack) < 0.05 * Double(modelTotal), "falling back should be rare")
    }

    @Test func aFewCriteriaHoldWardsBackMostOften() throws {
        for snap in try Self.series() where snap.map == "vn-2025-01" && snap.asOf >= "2024-06-30" {
            var unmet: [Int: Int] = [:]
            for r in snap.rows where r[1] as? String == "registered" {
                for (i, c) in (r[2] as? String ?? "").enumerated() where c == "0" { unmet[i + 1, default: 0] += 1 }
            }
            let top = unmet.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3).map(\.key)
            #expect(Set(top) == Set(DemoPlan.set20.hard), "at \(snap.asOf) the most often unmet are \(top)")
        }
    }

    @Test func rowsAreWellFormedForTheirStage() throws {
        for snap in try Self.series() {
            let count = snap.criteria == "bca-5764-22" ? 22 : 20
            for r in snap.rows {
                let stage = r[1] as? String ?? "", marks = r[2] as? String ?? ""
                let extra = r.count > 3 ? r[3] as? [String: Any] ?? [:] : [:]
                #expect(marks.count == count && marks.allSatisfy { "01?".contains($0) }, "\(snap.asOf) \(r[0])")
                if stage != "registered" { #expect(!marks.contains("0"), "\(snap.asOf) \(r[0]) \(stage) with an unmet criterion") }
                if stage == "recognised" {
                    let on = extra["recognisedOn"] as? String ?? "9999"
                    #expect(on <= snap.asOf && (extra["decision"] as? String)?.hasPrefix("QĐ ") == true)
                    #expect((extra["note"] as? String)?.contains("synthetic") == true)
                }
                #expect((2023...2025).contains(extra["year"] as? Int ?? 0))
            }
        }
    }

    @Test func newMapWardTakesItsPrincipalPredecessorsState() {
        let done = DemoWardState(stage: .complete, criteria: "1111", year: 2023, recognition: nil)
        let reg = DemoWardState(stage: .registered, criteria: "1011", year: 2024, recognition: nil)
        #expect(DemoSnapshots.principal(of: "00004", predecessors: ["00001", "00004"], defaults: ["00001"]) == "00004")
        #expect(DemoSnapshots.principal(of: "00097", predecessors: ["00001", "00094"], defaults: ["00094"]) == "00094")
        #expect(DemoSnapshots.principal(of: "00097", predecessors: ["00001"], defaults: []) == "00001")
        #expect(DemoSnapshots.carried(principal: done, others: [nil, reg], count: 4) == done)
        #expect(DemoSnapshots.carried(principal: nil, others: [reg, nil], count: 4)
                == DemoWardState(stage: .registered, criteria: "????", year: 2024, recognition: nil))
        #expect(DemoSnapshots.carried(principal: nil, others: [nil], count: 4) == nil)
    }
}
