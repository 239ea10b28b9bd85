import Foundation
import Testing
import KieuMauCore

extension EndToEnd {
    /// Where exports go and what they hold when a name in the user's own map is a formula: the
    /// report's CSV and the dashboard's export both guard it, and `--export-dir` sends exports to
    /// a folder of the user's choosing, leaving the working directory alone.
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct ExportDestinationEndToEndTests {
        /// A formula hidden behind a combining mark: compared as Characters, "=\u{301}" is not "=".
        static let formulaName = "=\u{301}HYPERLINK(\"http://example.invalid\",\"Nghệ An\")"

        /// Copies of the embedded data whose maps call Nghệ An (code 40) `formulaName`.
        private static func dataWithFormulaName(_ folder: ScratchFolder) throws -> String {
            let data = folder.path("data")
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            try RepositoryFiles.copyEmbeddedData(["maps", "criteria", "record"], into: URL(fileURLWithPath: data))
            let jsonName = "\"=\\u0301HYPERLINK(\\\"http://example.invalid\\\",\\\"Nghệ An\\\")\""
            for map in ["vn-2025-01", "vn-2025-07"] {
                let path = data + "/maps/\(map).map.json"
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let changed = text.replacingOccurrences(of: "[\"40\", \"Tỉnh Nghệ An\",", with: "[\"40\", \(jsonName),")
                try #require(changed != text, "Nghệ An's row was not found in \(map)")
                try changed.write(toFile: path, atomically: false, encoding: .utf8)
            }
            return data
        }

        /// Every cell of a CSV text; none may start with a formula trigger unless it is a plain number.
        private static func expectGuarded(_ csv: String, file: String) throws -> [[String]] {
            let rows = try CSVTable.records(file: file, text: csv).map { $0.0 }
            for cell in rows.joined() {
                guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { continue }
                #expect(cell.range(of: #"^-[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil,
                        "\(file): a cell starts with a formula trigger: \(cell.debugDescription)")
            }
            return rows
        }

        /// The row whose "code" column (named in the header row) is `code`.
        private static func row(code: String, in rows: [[String]]) -> [String]? {
            guard let column = rows.first?.firstIndex(of: "code") else { return nil }
            return rows.dropFirst().first { $0.count > column && $0[column] == code }
        }

        @Test func theReportGuardsAFormulaInAProvinceName() throws {
            let folder = try ScratchFolder("export-formula-report")
            defer { folder.remove() }
            let data = try Self.dataWithFormulaName(folder)
            let report = try runKieumau(["report", "--format", "csv", "--data", data])
            #expect(report.status == 0, "\(report.stderr)")
            let rows = try Self.expectGuarded(report.stdout, file: "report.csv")
            let ngheAn = try #require(Self.row(code: "40", in: rows), "no row of province 40:\n\(report.stdout)")
            #expect(ngheAn.contains("'" + Self.formulaName), "\(ngheAn)")
        }

        @Test func exportsGoToTheExportFolderGuarded() async throws {
            let folder = try ScratchFolder("export-dir")
            defer { folder.remove() }
            let data = try Self.dataWithFormulaName(folder)
            let exports = folder.path("exports"), work = folder.path("work")
            for path in [exports, work] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }

            let pane = try DashboardPane(width: 200, height: 40, arguments: ["--data", data, "--export-dir", exports], directory: work)
            try await pane.waitUntilRunning()
            try pane.press("e")
            let status = try await pane.waitForStatus(".csv")
            #expect(status.contains("Exported") && status.contains(exports + "/kieumau-provinces-"), "\(status)")
            try pane.press("q")
            #expect(try await pane.waitForExit().status == 0)

            #expect(try FileManager.default.contentsOfDirectory(atPath: work).isEmpty, "an export went to the working directory")
            let written = try FileManager.default.contentsOfDirectory(atPath: exports)
            let name = try #require(written.first { $0.hasSuffix(".csv") }, "no CSV in the export folder: \(written)")
            let rows = try Self.expectGuarded(try String(contentsOfFile: exports + "/" + name, encoding: .utf8), file: name)
            let ngheAn = try #require(Self.row(code: "40", in: rows), "no row of province 40 in \(name)")
            #expect(ngheAn.contains("'" + Self.formulaName), "\(ngheAn)")
        }

        @Test func aMissingExportFolderIsRefusedWithItsName() throws {
            let result = try runKieumau(["--export-dir", "/nonexistent/kieumau-exports"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--export-dir: no such folder: /nonexistent/kieumau-exports"), "\(result.stderr)")
        }
    }
}
