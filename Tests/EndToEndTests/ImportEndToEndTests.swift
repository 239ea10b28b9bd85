import Foundation
import Testing
import KieuMauTestSupport

extension EndToEnd {
    /// `kieumau import` run as a program on the spreadsheets of `Tests/KieuMauCoreTests/Fixtures/import/`
    /// (docs/IMPORT.md), into a scratch data folder holding copies of the embedded maps and criteria sets.
    @Suite struct ImportEndToEndTests {

        private static func dataFolder(_ label: String) throws -> ScratchFolder {
            let folder = try ScratchFolder(label)
            try RepositoryFiles.copyEmbeddedData(["maps", "criteria"], into: folder.url)
            return folder
        }

        private static func importSheet(_ fixture: String, into data: ScratchFolder, series: String,
                                        _ more: String...) throws -> ProcessResult {
            try runKieumau(["import", RepositoryFiles.importFixture(fixture).path, "--as-of", "2023-12-31",
                            "--criteria", "bca-5764-22", "--data", data.path, "--series", series] + more)
        }

        /// The snapshot files under `folder`, relative paths, sorted.
        private static func snapshotFiles(in folder: ScratchFolder) -> [String] {
            let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            return names.filter { $0.hasSuffix(".snapshot.json") }.sorted()
        }

        /// The ward rows of a snapshot file as (code, stage, criteria).
        private static func wardRows(of path: String) throws -> [[String]] {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
            let wards = try #require((object as? [String: Any])?["wards"] as? [[Any]], "no wards array in \(path)")
            return wards.map { $0.prefix(3).map { "\($0)" } }
        }

        @Test func aGoodSpreadsheetBecomesASnapshotThatValidatesAndReports() throws {
            let data = try Self.dataFolder("import-good")
            defer { data.remove() }
            let result = try Self.importSheet("nghe-an-2023.csv", into: data, series: "nghe-an")
            #expect(result.status == 0, "stdout:\n\(result.stdout)\nstderr:\n\(result.stderr)")
            let written = data.path("nghe-an/2023-12-31.snapshot.json")
            #expect(result.stdout.contains("wrote \(written) (7 wards)"), "stdout:\n\(result.stdout)")
            #expect(Self.snapshotFiles(in: data) == ["nghe-an/2023-12-31.snapshot.json"])
            #expect(try Self.wardRows(of: written).count == 7)

            let validation = try runKieumau(["validate", data.path])
            #expect(validation.status == 0, "validate:\n\(validation.stdout)\(validation.stderr)")

            let report = try runKieumau(["report", "--data", data.path, "--series", "nghe-an", "--province", "nghe an"])
            #expect(report.status == 0, "report:\n\(report.stderr)")
            // The province's full sheet is a count: its share, band and gaps, dated by its rows.
            #expect(report.stdout.contains("latest known on") && report.stdout.contains("[ward rows] 2023-12-31"), "report:\n\(report.stdout)")
            #expect(report.stdout.contains("Wards (snapshot 2023-12-31"), "report:\n\(report.stdout)")
            #expect(report.stdout.contains("Phường Hà Huy Tập") && report.stdout.contains("Phường Quang Tiến"), "report:\n\(report.stdout)")

            // The same wards as Excel saves them (BOM, `;`, CRLF, codes, English headings): the same rows.
            let excel = try Self.importSheet("nghe-an-2023-excel.csv", into: data, series: "nghe-an-excel")
            #expect(excel.status == 0, "stdout:\n\(excel.stdout)\nstderr:\n\(excel.stderr)")
            let excelRows = try Self.wardRows(of: data.path("nghe-an-excel/2023-12-31.snapshot.json"))
            #expect(excelRows == (try Self.wardRows(of: written)))

            // A second import of the same day is refused and leaves the file as it was.
            let before = try Data(contentsOf: URL(fileURLWithPath: written))
            let again = try Self.importSheet("nghe-an-counts.csv", into: data, series: "nghe-an")
            #expect(again.status != 0, "an existing snapshot was replaced without --force:\n\(again.stdout)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: written)) == before)
        }

        /// A broken spreadsheet: exit status 1, the problem names the file, line, row and column, and
        /// nothing is written.
        @Test(arguments: [
            ("broken-unknown-ward.csv", ":3: row 3, column B (Phường): no ward named \"Hà Huy Tầm\""),
            ("broken-criterion-value.csv", ":3: row 3, column I (Tiêu chí 6): criterion 6"),
        ])
        func aBrokenSpreadsheetIsRefusedWholeNamingRowAndColumn(fixture: String, problem: String) throws {
            let data = try Self.dataFolder("import-broken")
            defer { data.remove() }
            let result = try Self.importSheet(fixture, into: data, series: "broken")
            #expect(result.status == 1, "stdout:\n\(result.stdout)\nstderr:\n\(result.stderr)")
            let path = RepositoryFiles.importFixture(fixture).path
            #expect(result.stderr.contains(path + problem), "stderr:\n\(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"), "a trap:\n\(result.stderr)")
            #expect(result.stdout.contains("nothing written"), "stdout:\n\(result.stdout)")
            #expect(Self.snapshotFiles(in: data).isEmpty, "written: \(Self.snapshotFiles(in: data))")
            #expect(!FileManager.default.fileExists(atPath: data.path("broken")), "the series folder was made")
        }
    }
}
