import Foundation
import Testing
@testable import KieuMauCore

/// Regression checks that count work instead of timing it (docs/BENCHMARKS.md), and the equivalence
/// of the fast paths the benchmark led to with what they replaced.
@Suite struct BenchWorkCountTests {
    /// A snapshot of `rows` ward rows on the map of `Fixtures/good` (its wards repeated under new
    /// codes do not matter here: listing must not look at rows at all).
    static func snapshotText(rows: Int) -> String {
        var text = """
        {"format": "kieumau.snapshot", "version": 1, "asOf": "2024-01-01", "series": "record", "map": "tiny-a",
         "criteria": "tiny-8", "sources": [{"id": "s"}], "notes": ["header"], "wards": [

        """
        for i in 0..<rows { text += "  [\"\(100_000 + i)\", \"registered\", \"11110000\", {\"year\": 2023}]\(i + 1 < rows ? "," : "")\n" }
        return text + "]}\n"
    }

    @Test func listingParsesTheSameNodesWhetherASnapshotHas10Or20000Rows() throws {
        let folder = NSTemporaryDirectory() + "kieumau-workcount-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var nodeCounts: [Int] = []
        for rows in [10, 20_000] {
            let path = folder + "/\(rows).snapshot.json"
            try Self.snapshotText(rows: rows).write(toFile: path, atomically: true, encoding: .utf8)
            let header = try FileLoading.header(at: path, file: "\(rows).snapshot.json").get()
            nodeCounts.append(header.nodes.count)
            // The whole file parses to a node per value: 7 a row (array, 3 strings, object, key, value).
            let whole = try FileLoading.document(at: path, file: "\(rows).snapshot.json").get()
            #expect(whole.nodes.count - header.nodes.count >= 7 * rows)
        }
        #expect(nodeCounts[0] == nodeCounts[1], "listing must read headers only: \(nodeCounts)")
        #expect(nodeCounts[0] < 30, "the header has about 22 values")
    }

    @Test func notMetListsTheCriteriaMarkedZeroBelowTheTotal() {
        // The reference: what `notMet(of:)` was before it walked the bits.
        func reference(_ marks: CriteriaMarks, _ total: Int) -> [Int] {
            (1...max(1, total)).filter { $0 <= total && marks.status(of: $0) == .notMet }
        }
        var g = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let marks = CriteriaMarks(metMask: g.next() & g.next(), notMetMask: g.next())
            for total in [0, 1, 8, 20, 22, 63, 64] {
                #expect(marks.notMet(of: total) == reference(marks, total))
            }
        }
        #expect(CriteriaMarks.count(18).notMet(of: 22).isEmpty)
    }

    @Test func wardProgressKeepsItsMissingCriteria() {
        let row = WardPolice(wardCode: "1", stage: .registered, marks: CriteriaMarks(statuses: [.met, .notMet, .unknown, .notMet]))
        let wp = WardProgress(row: row, wardIndex: 0, total: 4)
        #expect(wp.missing == [2, 4] && wp.met == 1 && !wp.meetsAll)
        #expect(WardProgress(row: nil, wardIndex: 0, total: 4).missing.isEmpty)
        #expect(WardProgress(row: WardPolice(wardCode: "1", stage: .registered, marks: .count(3)), wardIndex: 0, total: 4).missing.isEmpty)
    }

    @Test func rowsFoundWhetherInMapOrderOrNot() throws {
        let wards = (0..<6).map { Ward(code: "w\($0)", name: "W\($0)", provinceCode: $0 < 3 ? "a" : "b") }
        let map = AdminMap(id: "m", title: "", effective: nil, hasDistricts: false,
                           provinces: [Province(code: "a", name: "A", units: 3), Province(code: "b", name: "B", units: 3)], districts: [], wards: wards)
        // In order, then a jump back, a skip, an unknown code and the rest.
        let codes = ["w0", "w1", "w4", "w2", "nowhere", "w5"]
        let rows = codes.map { WardPolice(wardCode: $0, stage: .registered) }
        let header = SnapshotHeader(asOf: try #require(Day(iso: "2024-01-01")), title: "", series: "s", synthetic: false, mapID: "m", criteriaID: "c")
        let data = Dataset(snapshot: Snapshot(header: header, wards: rows, reported: []), map: map,
                           criteria: CriteriaSet(id: "c", title: "", groups: [], criteria: (1...8).map { Criterion(number: $0) }))
        #expect(data.rowOfWard == [0, 1, 3, -1, 2, 5])
        #expect(data.unmatchedRows == [4])
    }

    /// The map decoder remembers the last province and district checked; a district reused under
    /// another province must still be caught, and a new district still looked up.
    @Test func repeatedDistrictsAreStillCheckedAgainstTheirProvince() {
        let text = """
        {"format": "kieumau.map", "version": 1, "id": "m",
         "provinces": [["01", "A", 3], ["02", "B", 3]],
         "districts": [["001", "D1", "01"], ["002", "D2", "02"]],
         "wards": [["00001", "W1", "01", "001"], ["00002", "W2", "01", "001"], ["00003", "W3", "02", "001"],
                   ["00004", "W4", "02", "002"], ["00005", "W5", "02", "003"], ["00006", "W6", "0\\u0032", "002"]]}
        """
        guard case .parsed(let document) = JSONParser.parse(Array(text.utf8)) else { Issue.record("should parse"); return }
        guard case .failure(let problems) = AdminMapDecoder.decode(document, file: "m.map.json", stem: "m") else {
            Issue.record("wards 3 and 5 are wrong"); return
        }
        #expect(problems.all.map(\.path) == ["wards[2][3]", "wards[4][3]"])
        #expect(problems.all.first?.message == "district `001` is in province 01, not in 02")
        #expect(problems.all.last?.message == "unknown district `003` (not in `districts`)")
    }
}
