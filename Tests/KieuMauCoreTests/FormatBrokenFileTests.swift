import Foundation
import Testing
@testable import KieuMauCore

/// Paths of the fixture files, beside this source file.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let good = root + "/good"
    static let broken = root + "/broken"
    static let today = Day(year: 2025, month: 11, day: 24)!

    /// The good data directory, scanned once per use (it is small).
    static var goodCatalog: Catalog { Catalog.scan(directory: good, today: today) }

    /// A fresh temporary folder holding a copy of `good/`.
    static func copyOfGood() throws -> String {
        let folder = NSTemporaryDirectory() + "kieumau-loader-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: good, toPath: folder)
        return folder
    }
}

/// One case per broken file: the path inside the file and the key phrase of the message.
struct BrokenCase: CustomTestStringConvertible, Sendable {
    var file: String
    var path: String
    var phrase: String
    var testDescription: String { file }
}

@Suite struct FormatBrokenFileTests {
    static let cases: [BrokenCase] = [
        // JSON syntax
        .init(file: "json-trailing-comma.criteria.json", path: "notes[1]", phrase: "trailing commas are not allowed"),
        .init(file: "json-nan.criteria.json", path: "count", phrase: "found `NaN`"),
        .init(file: "json-bad-escape.criteria.json", path: "title", phrase: #"invalid escape \x"#),
        .init(file: "json-lone-surrogate.criteria.json", path: "title", phrase: "not followed by a low surrogate"),
        .init(file: "json-leading-zero.criteria.json", path: "count", phrase: "leading zeros are not allowed"),
        .init(file: "json-truncated.criteria.json", path: "notes[1]", phrase: "found the end of the file"),
        .init(file: "json-invalid-utf8.map.json", path: "title", phrase: "invalid UTF-8 at byte offset 88"),
        .init(file: "json-line-break.map.json", path: "title", phrase: "line break inside a string"),
        .init(file: "json-duplicate-key.criteria.json", path: "count", phrase: "duplicate key `count`"),
        .init(file: "json-not-object.criteria.json", path: "", phrase: "expected an object at the top level, found an array of 3 elements"),
        // Kind and version
        .init(file: "format-unknown.snapshot.json", path: "format", phrase: #"expected "kieumau.snapshot" (the file name ends in .snapshot.json), found the string "kieumau.snapshots""#),
        .init(file: "version-unknown.map.json", path: "version", phrase: "unsupported version: this program reads version 1 of kieumau.map, found the number 2"),
        // Keys and types
        .init(file: "snapshot-missing-asof.snapshot.json", path: "asOf", phrase: "missing required key `asOf`"),
        .init(file: "snapshot-wrong-types.snapshot.json", path: "asOf", phrase: "expected a date YYYY-MM-DD, found the number 20231231"),
        .init(file: "snapshot-wrong-types.snapshot.json", path: "wards[1][1]", phrase: "expected a string, found the number 3"),
        .init(file: "snapshot-unknown-key.snapshot.json", path: "asof", phrase: "unknown key `asof`; did you mean `asOf`?"),
        .init(file: "snapshot-wards-not-last.snapshot.json", path: "notes", phrase: "`wards` must be the last key"),
        .init(file: "snapshot-bad-row.snapshot.json", path: "wards[0]", phrase: "expected a row [code, stage, criteria] or [code, stage, criteria, {details}], found an array of 2 elements"),
        .init(file: "snapshot-bad-stage.snapshot.json", path: "wards[0][1]", phrase: #"expected a stage none, registered, complete or recognised, found "model""#),
        // Duplicates
        .init(file: "map-duplicate-province.map.json", path: "provinces[2][0]", phrase: "duplicate province code `01` (first at provinces[0])"),
        .init(file: "map-duplicate-ward.map.json", path: "wards[3][0]", phrase: "duplicate ward code `00004` (first at wards[1])"),
        .init(file: "map-duplicate-district.map.json", path: "districts[1][0]", phrase: "duplicate district code `001`"),
        .init(file: "snapshot-duplicate-source.snapshot.json", path: "sources[1].id", phrase: "duplicate source id `seed-00` (first at sources[0])"),
        .init(file: "snapshot-duplicate-ward-row.snapshot.json", path: "wards[2][0]", phrase: "duplicate row for ward `16666` (first at wards[0])"),
        .init(file: "criteria-duplicate-number.criteria.json", path: "criteria[1].number", phrase: "duplicate criterion number 3 (first at criteria[0])"),
        // Codes that do not resolve
        .init(file: "map-ward-unknown-province.map.json", path: "wards[1][2]", phrase: "unknown province `99`"),
        .init(file: "map-ward-unknown-district.map.json", path: "wards[0][3]", phrase: "unknown district `999`"),
        .init(file: "snapshot-unknown-ward.snapshot.json", path: "wards[1][0]", phrase: "unknown ward `99999` (not in map tiny-a)"),
        .init(file: "snapshot-unknown-scope.snapshot.json", path: "reported[0].scope", phrase: #"expected "national" or a province code of map tiny-a, found "99""#),
        // Version 2: coverage and rounds
        .init(file: "snapshot-coverage-in-version-1.snapshot.json", path: "coverage", phrase: "`coverage` belongs to version 2 of kieumau.snapshot; this file says version 1"),
        .init(file: "snapshot-coverage-missing.snapshot.json", path: "coverage", phrase: "missing required key `coverage`"),
        .init(file: "snapshot-coverage-value.snapshot.json", path: "coverage.default", phrase: #"expected "complete" (every ward of the scope is listed) or "named" (only the wards named in sources), found "partial""#),
        .init(file: "snapshot-coverage-unknown-province.snapshot.json", path: "coverage.provinces.99", phrase: #"expected a province code of map tiny-a, found "99""#),
        .init(file: "snapshot-round-in-version-1.snapshot.json", path: "reported[0].round", phrase: "`round` belongs to version 2 of kieumau.snapshot"),
        .init(file: "snapshot-round-after-asof.snapshot.json", path: "reported[0].round", phrase: "expected a year no later than asOf (2023-12-31), found 2024"),
        .init(file: "snapshot-version-3.snapshot.json", path: "version", phrase: "unsupported version: this program reads version 1 or 2 of kieumau.snapshot, found the number 3"),
        .init(file: "snapshot-unknown-criteria.snapshot.json", path: "criteria", phrase: "unknown criteria set `nope`"),
        .init(file: "snapshot-unknown-map.snapshot.json", path: "map", phrase: "unknown map `nope`"),
        .init(file: "snapshot-unknown-source.snapshot.json", path: "reported[0].source", phrase: "unknown source `seed-77` (not declared in `sources`)"),
        .init(file: "snapshot-unknown-source.snapshot.json", path: "wards[0][3].sources[0]", phrase: "unknown source `seed-99`"),
        .init(file: "crosswalk-unknown-map.crosswalk.json", path: "from", phrase: "unknown map `tiny-z`"),
        .init(file: "crosswalk-unknown-old-ward.crosswalk.json", path: "wards[0][0]", phrase: "unknown ward `55555` (not in map tiny-a)"),
        // Criterion numbers and criteria strings
        .init(file: "criteria-number-out-of-range.criteria.json", path: "criteria[0].number", phrase: "expected a criterion number 1…8, found 9"),
        .init(file: "criteria-count-too-large.criteria.json", path: "count", phrase: "expected a whole number 1…64, found 65"),
        .init(file: "snapshot-by-criteria-met-key.snapshot.json", path: "reported[0].byCriteriaMet.9", phrase: "expected a number of criteria met 0…8 (criteria set tiny-8 has 8), found key `9`"),
        .init(file: "snapshot-criteria-length.snapshot.json", path: "wards[0][2]", phrase: "expected 8 characters of 1, 0 or ? (criteria set tiny-8 has 8), found 7"),
        .init(file: "snapshot-criteria-character.snapshot.json", path: "wards[0][2]", phrase: "expected 1, 0 or ? for criterion 3, found 'x'"),
        .init(file: "snapshot-count-wrong-total.snapshot.json", path: "wards[0][2]", phrase: #"expected N/8 (criteria set tiny-8 has 8), found "5/22""#),
        // Counts above totals
        .init(file: "snapshot-count-above-total.snapshot.json", path: "wards[0][2]", phrase: #"expected at most 8 of 8 criteria met, found "9/8""#),
        .init(file: "snapshot-by-criteria-met-sum.snapshot.json", path: "reported[0].byCriteriaMet", phrase: "expected at most registered (3) wards in all, found 4"),
        .init(file: "snapshot-complete-above-registered.snapshot.json", path: "reported[0].complete", phrase: "expected at most registered (3), found 4"),
        .init(file: "snapshot-province-above-units.snapshot.json", path: "reported[0].registered", phrase: "expected at most the 2 units of province 40, found 3"),
        .init(file: "map-province-over-units.map.json", path: "provinces[0][2]", phrase: "province 01 has 1 unit but the map lists 2 of its wards"),
        // Dates
        .init(file: "snapshot-future.snapshot.json", path: "asOf", phrase: "expected a day no later than today (2025-11-24), found 2099-01-01"),
        .init(file: "snapshot-year-after-asof.snapshot.json", path: "wards[0][3].year", phrase: "expected a year no later than asOf (2023-12-31), found 2024"),
        // Stage and marks
        .init(file: "snapshot-complete-with-zero.snapshot.json", path: "wards[0][2]", phrase: "stage complete means every criterion is met, but criterion 3 is marked 0"),
        .init(file: "snapshot-recognised-below-total.snapshot.json", path: "wards[0][2]", phrase: "stage recognised means every criterion is met, found 7/8"),
        .init(file: "snapshot-recognition-wrong-stage.snapshot.json", path: "wards[0][3].decision", phrase: "`decision` belongs to stage recognised, found stage registered"),
        // Ids and file names
        .init(file: "criteria-id-mismatch.criteria.json", path: "id", phrase: #"expected "criteria-id-mismatch" (the file is named criteria-id-mismatch.criteria.json), found "tiny-8""#),
        .init(file: "map-id-mismatch.map.json", path: "id", phrase: #"expected "map-id-mismatch""#),
        // Crosswalk links
        .init(file: "crosswalk-two-defaults.crosswalk.json", path: "wards[1][3]", phrase: "old ward 00004 has 2 default targets"),
        .init(file: "crosswalk-no-default.crosswalk.json", path: "wards[0][3]", phrase: "old ward 00004 has no default target"),
        .init(file: "crosswalk-split-flag.crosswalk.json", path: "wards[0][2]", phrase: "old ward 00004 has 2 targets, so split must be 1, found 0"),
    ]

    @Test(arguments: cases)
    func reportsTheProblemWithItsPath(_ c: BrokenCase) {
        let path = Fixtures.broken + "/" + c.file
        let problems = Catalog.validateFile(path, today: Fixtures.today, against: Fixtures.goodCatalog)
        let match = problems.first { $0.path == c.path && $0.message.contains(c.phrase) }
        #expect(match != nil, "\(c.file): no problem at `\(c.path)` saying \(c.phrase); got:\n\(problems.map(\.description).joined(separator: "\n"))")
        #expect(match?.file == path)
        #expect(match?.severity == .error)
        #expect(match?.line != nil && match?.column != nil)
    }

    @Test func everyBrokenFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.broken)
        let covered = Set(Self.cases.map(\.file))
        #expect(Set(files).subtracting(covered).sorted() == [])
    }

    @Test func problemsCarryLineAndColumn() {
        let path = Fixtures.broken + "/snapshot-unknown-ward.snapshot.json"
        let problem = Catalog.validateFile(path, today: Fixtures.today, against: Fixtures.goodCatalog).first
        #expect(problem?.line == 15 && problem?.column == 4)
        #expect(problem?.description == "\(path):15:4: wards[1][0]: unknown ward `99999` (not in map tiny-a)")
    }

    @Test func collectsEveryProblemOfAFile() {
        let path = Fixtures.broken + "/snapshot-wrong-types.snapshot.json"
        let problems = Catalog.validateFile(path, today: Fixtures.today, against: Fixtures.goodCatalog)
        #expect(problems.map(\.path) == ["asOf", "wards[1][1]"])
    }

    @Test func aBrokenFileIsNotLoaded() {
        let catalog = Fixtures.goodCatalog
        for name in ["snapshot-unknown-ward", "snapshot-complete-with-zero"] {
            let entry = SnapshotEntry(file: name, path: Fixtures.broken + "/\(name).snapshot.json", header: catalog.snapshots[0].header)
            guard case .success(let map) = catalog.loadMap(id: "tiny-a") else { Issue.record("map"); return }
            guard case .failure(let problems) = catalog.loadSnapshot(entry, map: map) else {
                Issue.record("\(name) loaded"); continue
            }
            #expect(problems.all.allSatisfy { $0.file == name })
        }
    }

    @Test func capsTheNumberOfProblemsOfOneFile() throws {
        var rows: [String] = []
        for i in 0..<500 { rows.append("[\"x\(i)\", \"registered\", \"\"]") }
        let text = """
        {"format": "kieumau.snapshot", "version": 1, "asOf": "2023-12-31", "series": "s", "map": "tiny-a", "criteria": "tiny-8",
         "wards": [\(rows.joined(separator: ",\n"))]}
        """
        guard case .parsed(let document) = JSONParser.parse(Array(text.utf8)) else { Issue.record("parse"); return }
        let catalog = Fixtures.goodCatalog
        guard case .success(let map) = catalog.loadMap(id: "tiny-a"),
              case .failure(let problems) = SnapshotDecoder.decode(document, file: "f", context: catalog.snapshotContext, map: map) else {
            Issue.record("should fail"); return
        }
        #expect(problems.all.count == Decoding.problemLimit + 1)
        #expect(problems.all.last?.message == "400 more problems in this file are not shown")
    }
}
