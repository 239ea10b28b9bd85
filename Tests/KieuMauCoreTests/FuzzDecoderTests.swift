import Foundation
import Testing
import KieuMauTestSupport
@testable import KieuMauCore

/// The decoders as the fuzz targets drive them (`Catalog.decode…(bytes:)`), and what the fuzzing
/// work found in them. Short fuzz inputs cannot reach the sizes where a quadratic loop hangs, so
/// those were found by reading each decoder for loops over earlier rows while writing its target;
/// each test below took from 18 s to minutes before its fix. They check how the work grows with
/// the input (CPU time at two sizes, `WorkGrowth`): four times the input costs about four times
/// as much when the work is linear, sixteen times when it is quadratic. No clock on the wall.
@Suite struct FuzzDecoderTests {
    func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.good + "/" + relative)))
    }

    /// Below this, four times the input cost less than eight times as much: not quadratic.
    static let linearBound = 8.0

    // MARK: Decoding bytes

    @Test func bytesDecodeAsTheFilesLoad() throws {
        let catalog = Fixtures.goodCatalog
        let map = try catalog.loadMap(id: "tiny-a").get()
        let fromBytes = try catalog.decodeMap(bytes: bytes("tiny-a.map.json"), file: "tiny-a.map.json").get()
        #expect(fromBytes.wards == map.wards && fromBytes.provinces == map.provinces)

        let set = try catalog.decodeCriteriaSet(bytes: bytes("tiny-8.criteria.json"), file: "tiny-8.criteria.json").get()
        #expect(set == catalog.criteriaSets["tiny-8"])

        let crosswalk = try catalog.decodeCrosswalk(bytes: bytes("tiny-a-to-b.crosswalk.json"), file: "tiny-a-to-b.crosswalk.json",
                                                    fromMap: map).get()
        #expect(crosswalk.wards == (try #require(catalog.loadCrosswalk(from: "tiny-a", to: "tiny-b")).get().wards))

        let entry = try #require(catalog.snapshots.first { $0.file == "record/2023-12-31.snapshot.json" })
        let snapshotBytes = try bytes(entry.file)
        for chunk in [1, 7, 64, snapshotBytes.count] {
            #expect(try catalog.decodeSnapshotHeader(bytes: snapshotBytes, file: entry.file, firstChunk: chunk).get() == entry.header)
        }
        let snapshot = try catalog.decodeSnapshot(bytes: snapshotBytes, file: entry.file, map: map).get()
        #expect(snapshot.wards == (try catalog.loadSnapshot(entry, map: map).get().wards))
    }

    @Test func aFileNamedForAnotherKindIsRefused() throws {
        let result = Fixtures.goodCatalog.decodeMap(bytes: try bytes("tiny-8.criteria.json"), file: "data/tiny-8.criteria.json")
        let problem = try #require(result.failureValue?.all.first)
        #expect(problem.file == "data/tiny-8.criteria.json" && problem.message.contains("must end in .map.json"))
    }

    // MARK: Quadratic loops

    /// AdminMap gave each empty province its range by searching forward for the next non-empty
    /// one: 100,000 provinces after the only ward were 5·10⁹ steps.
    @Test func aMapOfManyEmptyProvincesIsBuiltInLinearTime() {
        func build(_ n: Int) -> AdminMap {
            let provinces = (0..<n).map { Province(code: "P\($0)", name: "Tỉnh \($0)", units: 1) }
            let wards = [Ward(code: "W0", name: "Phường 0", provinceCode: "P0"), Ward(code: "W1", name: "Phường 1", provinceCode: "P500")]
            return AdminMap(id: "m", title: "", effective: nil, hasDistricts: false, provinces: provinces, districts: [], wards: wards)
        }
        let growth = WorkGrowth.ratio(small: 25_000, large: 100_000) { _ = build($0) }
        #expect(growth < Self.linearBound, "4× the provinces cost \(growth)× as much")
        let map: AdminMap? = build(100_000)
        #expect(map?.wardRanges[0] == 0..<1 && map?.wardRanges[1] == 1..<1 && map?.wardRanges[500] == 1..<2)
        #expect(map?.wardRanges[99_999] == 2..<2 && map?.wards(ofProvinceAt: 500).map(\.code) == ["W1"])
    }

    /// Criteria groups were checked for a duplicate number by searching the earlier ones.
    @Test func aCriteriaSetOfManyGroupsDecodesInLinearTime() throws {
        func text(_ n: Int) -> [UInt8] {
            let groups = (1...n).map { #"{"number":\#($0)}"# }.joined(separator: ",")
            return Array(#"{"format":"kieumau.criteria","version":1,"id":"tiny-8","count":1,"groups":[{"number":0},\#(groups),{"number":7}]}"#.utf8)
        }
        let (small, large) = (text(25_000), text(100_000))
        let growth = WorkGrowth.ratio(small: 1, large: 2) {
            _ = Fixtures.goodCatalog.decodeCriteriaSet(bytes: $0 == 1 ? small : large, file: "tiny-8.criteria.json")
        }
        #expect(growth < Self.linearBound, "4× the groups cost \(growth)× as much")
        let result: Result<CriteriaSet, Problems>? = Fixtures.goodCatalog.decodeCriteriaSet(bytes: large, file: "tiny-8.criteria.json")
        let problems = try #require(result?.failureValue?.all)
        #expect(problems.map(\.path) == ["groups[0].number", "groups[100001].number"])
        // The first of two equal numbers is named by its place in the file.
        #expect(problems.last?.message == "duplicate group number 7 (first at groups[7])")
    }

    /// Crosswalk links were checked for a repeated old → new pair by searching the old ward's
    /// earlier targets: one old ward split into 100,000 units was 5·10⁹ string comparisons.
    @Test func aCrosswalkSplittingOneWardManyWaysDecodesInLinearTime() throws {
        func text(_ n: Int) -> [UInt8] {
            let rows = (0..<n).map { #"["00004","N\#($0)",1,\#($0 == 0 ? 1 : 0)]"# }.joined(separator: ",")
            return Array(#"{"format":"kieumau.crosswalk","version":1,"id":"tiny-a-to-b","from":"tiny-a","to":"tiny-b","wards":[\#(rows),["00004","N5",1,0]]}"#.utf8)
        }
        let (small, large) = (text(25_000), text(100_000))
        let growth = WorkGrowth.ratio(small: 1, large: 2) {
            _ = Fixtures.goodCatalog.decodeCrosswalk(bytes: $0 == 1 ? small : large, file: "tiny-a-to-b.crosswalk.json")
        }
        #expect(growth < Self.linearBound, "4× the links cost \(growth)× as much")
        let result: Result<Crosswalk, Problems>? = Fixtures.goodCatalog.decodeCrosswalk(bytes: large, file: "tiny-a-to-b.crosswalk.json")
        let problems = try #require(result?.failureValue?.all)
        #expect(problems.map(\.message) == ["duplicate link 00004 → N5 (first at wards[5])"])
    }

    /// Each problem's column was counted from the start of its line: in a minified file of many
    /// megabytes, 100 problems near its end were 100 passes over the whole file. Counted on from
    /// the previous problem, 100 problems cost about what 25 do (one pass); from the line's start,
    /// four times as much.
    @Test func problemsOnOneLongLineGetTheirColumnsInLinearTime() throws {
        let padding = String(repeating: "ă", count: 4 << 20)   // 8 MiB of two-byte characters
        func text(problems: Int) -> [UInt8] {
            let bad = Array(repeating: #"{"number":0}"#, count: problems).joined(separator: ",")
            return Array((#"{"format":"kieumau.criteria","version":1,"id":"tiny-8","count":1,"title":"\#(padding)","groups":[\#(bad)],"#
                + "\n" + #""notes":[1]}"#).utf8)
        }
        let (few, many) = (text(problems: 25), text(problems: 150))
        let growth = WorkGrowth.ratio(small: 1, large: 2) {
            _ = Fixtures.goodCatalog.decodeCriteriaSet(bytes: $0 == 1 ? few : many, file: "tiny-8.criteria.json")
        }
        #expect(growth < 2.5, "4× the problems on one line cost \(growth)× as much")
        let result: Result<CriteriaSet, Problems>? = Fixtures.goodCatalog.decodeCriteriaSet(bytes: many, file: "tiny-8.criteria.json")
        let problems = try #require(result?.failureValue?.all)
        #expect(problems.count == Decoding.problemLimit + 1)
        // Columns count characters from the line's start, also when counted on from the previous problem.
        let prefix = #"{"format":"kieumau.criteria","version":1,"id":"tiny-8","count":1,"title":""#.count + padding.count + #"","groups":["#.count
        let groupWidth = #"{"number":0},"#.count
        for (k, problem) in problems.prefix(3).enumerated() {
            #expect(problem.line == 1 && problem.column == prefix + k * groupWidth + #"{"number":"#.count + 1, "\(problem)")
        }
    }

    /// Counting on from the previous problem must start afresh after a line break.
    @Test func columnsCountedOnRestartAfterALineBreak() throws {
        let text = "{\"format\":\"kieumau.criteria\",\"version\":1,\"id\":\"tiny-8\",\"count\":1,\"groups\":[{\"number\":0},\n  {\"number\":-1}]}"
        let problems = try #require(Fixtures.goodCatalog.decodeCriteriaSet(bytes: Array(text.utf8), file: "tiny-8.criteria.json").failureValue?.all)
        #expect(problems.map(\.line) == [1, 2])
        #expect(problems.last?.column == 13)
    }
}
