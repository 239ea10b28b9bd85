import Foundation
import Testing
import KieuMauTestSupport

extension EndToEnd {
    /// The command centre's loop as programs: `kieumau template` writes a province's workbook,
    /// the province fills it in, `kieumau import` reads it back; hostile workbooks write nothing.
    @Suite struct WorkbookEndToEndTests {
        /// Tests/EndToEndTests/WorkbookEndToEndTests.swift → Tests/KieuMauWorkbookTests/Fixtures/NAME.
        private static func workbookFixture(_ name: String, filePath: String = #filePath) -> String {
            URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("KieuMauWorkbookTests/Fixtures").appendingPathComponent(name).path
        }

        private static func snapshotFiles(in folder: ScratchFolder) -> [String] {
            let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            return names.filter { $0.hasSuffix(".snapshot.json") }.sorted()
        }

        @Test func aTemplateIsWrittenOnceAndImportsBackBlankOrFilled() throws {
            let data = try ScratchFolder("workbook-loop")
            defer { data.remove() }
            try RepositoryFiles.copyEmbeddedData(["maps", "criteria"], into: data.url)
            let out = data.path("gửi tỉnh/Nghệ An.xlsx")

            let made = try runKieumau(["template", "--province", "nghe an", "--as-of", "2025-12-31", "--out", out])
            #expect(made.status == 0, "stderr:\n\(made.stderr)")
            #expect(made.stdout.contains("wrote \(out): 11 wards of Tỉnh Nghệ An (40), 20 criteria"), "stdout:\n\(made.stdout)")
            let written = try Data(contentsOf: URL(fileURLWithPath: out))
            #expect(written.starts(with: [0x50, 0x4B, 0x03, 0x04]))

            let again = try runKieumau(["template", "--province", "40", "--as-of", "2025-12-31", "--out", out])
            #expect(again.status != 0)
            #expect(again.stderr.contains("\(out): the file exists already; it is not replaced (pass --force to replace it)"), "stderr:\n\(again.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == written)
            let forced = try runKieumau(["template", "--province", "Nghệ An", "--as-of", "2025-12-31", "--out", out, "--force"])
            #expect(forced.status == 0, "stderr:\n\(forced.stderr)")

            // Sent back blank: no figures, no error, nothing written.
            let blank = try runKieumau(["import", out, "--as-of", "2025-12-31", "--data", data.path])
            #expect(blank.status == 0, "stdout:\n\(blank.stdout)\nstderr:\n\(blank.stderr)")
            #expect(blank.stdout.contains("wards without figures: 11"))
            #expect(blank.stdout.contains("no figures: every row names a ward and none has a stage or a criterion filled in; nothing written"))
            #expect(Self.snapshotFiles(in: data).isEmpty)

            // Filled in and saved by LibreOffice: imported with no edits and no --criteria.
            let filled = try runKieumau(["import", Self.workbookFixture("libreoffice-template-nghe-an-filled.xlsx"), "--as-of", "2025-12-31",
                                         "--data", data.path, "--series", "nghe-an"])
            #expect(filled.status == 0, "stdout:\n\(filled.stdout)\nstderr:\n\(filled.stderr)")
            #expect(filled.stdout.contains("wrote \(data.path("nghe-an/2025-12-31.snapshot.json")) (3 wards)"), "stdout:\n\(filled.stdout)")
            let validation = try runKieumau(["validate", data.path])
            #expect(validation.status == 0, "validate:\n\(validation.stdout)\(validation.stderr)")
        }

        @Test func aBadCellIsNamedAndAHostileWorkbookWritesNothing() throws {
            let data = try ScratchFolder("workbook-bad")
            defer { data.remove() }
            try RepositoryFiles.copyEmbeddedData(["maps", "criteria"], into: data.url)

            let bad = try runKieumau(["import", Self.workbookFixture("types.xlsx"), "--as-of", "2024-06-30", "--criteria", "bca-2024-20",
                                      "--data", data.path])
            #expect(bad.status == 1)
            #expect(bad.stderr.contains("types.xlsx: Kiểu ô!B4 (Trạng thái): expected a stage"), "stderr:\n\(bad.stderr)")

            for fixture in ["hostile-zip-bomb-ratio.xlsx", "hostile-dtd-external.xlsx", "hostile-encrypted.xlsx", "hostile-really-html.xlsx"] {
                let result = try runKieumau(["import", Self.workbookFixture(fixture), "--as-of", "2023-12-31", "--criteria", "bca-5764-22",
                                             "--data", data.path])
                #expect(result.status == 1, "\(fixture)")
                let lines = result.stderr.split(separator: "\n")
                #expect(lines.count == 1 && lines.first?.contains("\(fixture): ") == true, "\(fixture): \(result.stderr)")
                #expect(result.stdout.hasSuffix("nothing written\n"), "\(fixture): \(result.stdout)")
            }
            let sheetOfCSV = try runKieumau(["import", RepositoryFiles.importFixture("nghe-an-2023.csv").path, "--sheet", "Nghệ An",
                                             "--as-of", "2023-12-31", "--criteria", "bca-5764-22", "--data", data.path])
            #expect(sheetOfCSV.status == 1)
            #expect(sheetOfCSV.stderr.contains("--sheet: the file is not a workbook (.xlsx): --sheet names a sheet of a workbook"), "\(sheetOfCSV.stderr)")
            let unknown = try runKieumau(["template", "--province", "atlantis", "--out", data.path("a.xlsx")])
            #expect(unknown.status != 0 && unknown.stderr.contains("no province matches 'atlantis'"), "\(unknown.stderr)")
            #expect(Self.snapshotFiles(in: data).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: data.path("a.xlsx")))
        }
    }
}
