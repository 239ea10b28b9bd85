import Foundation
import Testing
import KieuMauTestSupport

extension EndToEnd {
    /// The commands beside the dashboard, run directly (no terminal, no tmux): `report` on the
    /// published figures of the embedded record and `validate` on the embedded data and on a broken file.
    @Suite struct DashboardCommandsEndToEndTests {

        private func kieumau(_ arguments: String...) throws -> ProcessResult {
            var environment = ProcessInfo.processInfo.environment
            environment["LANG"] = "C.UTF-8"
            environment["LC_ALL"] = nil
            return try runProcess(try BuiltBinary.kieumau().path, arguments, environment: environment)
        }

        @Test func reportShowsTheEndOf2023ReviewAndItsConflict() throws {
            let result = try kieumau("report", "--as-of", "2023-12-31")
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains("as of 2023-12-31"))
            #expect(result.stdout.contains("registered 172 · quota 106"))
            #expect(result.stdout.contains("144 at 22/22, 25 at 21/22, 3 at 20/22"))
            #expect(result.stdout.contains("CONFLICT"))
            #expect(result.stdout.contains("144@20"), "the conflicting \"144 at 20/22\" report is kept and named")
        }

        @Test func reportForAProvinceListsItsWards() throws {
            let result = try kieumau("report", "--province", "nghe an", "--as-of", "2025-06-11")
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains("Tỉnh Nghệ An (40)"))
            #expect(result.stdout.contains("Phường Hà Huy Tập"))
        }

        /// The dashboard opens on the latest snapshot with content (2025-06-11); the report, without
        /// --as-of, takes the latest of all (2025-07-01, the new 34-province map with no ward rows),
        /// where Hà Huy Tập no longer exists.
        @Test func reportForAProvinceWithoutADateUsesTheDashboardsSnapshot() throws {
            let result = try kieumau("report", "--province", "nghe an")
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let listed = result.stdout.contains("Phường Hà Huy Tập")
            #expect(listed, "report opened: \(result.stdout.split(separator: "\n").first ?? "")")
        }

        @Test func reportErrorsGoToStandardErrorWithoutATrace() throws {
            let result = try kieumau("report", "--province", "atlantis")
            #expect(result.status != 0)
            #expect(result.stderr.contains("no province matches 'atlantis'"))
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack"), "a trap: \(result.stderr)")
        }

        @Test func validateAcceptsTheEmbeddedData() throws {
            let result = try kieumau("validate")
            #expect(result.status == 0, "embedded data invalid:\n\(result.stdout)\(result.stderr)")
        }

        @Test func validateNamesTheFileAndThePathOfABrokenValue() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kieumau-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("2023-12-31.snapshot.json")
            // A ward row with 3 criteria characters where the 22-criteria set needs 22 (line 14, column 29).
            try """
                {
                  "format": "kieumau.snapshot",
                  "version": 1,
                  "asOf": "2023-12-31",
                  "title": "Broken on purpose",
                  "series": "mine",
                  "synthetic": false,
                  "map": "vn-2025-01",
                  "criteria": "bca-5764-22",
                  "sources": [],
                  "notes": [],
                  "reported": [],
                  "wards": [
                    ["16666", "registered", "111"]
                  ]
                }

                """.write(to: file, atomically: true, encoding: .utf8)

            let result = try kieumau("validate", file.path)
            #expect(result.status == 1)
            let output = result.stdout + result.stderr
            let line = try #require(output.split(separator: "\n").first { $0.contains("wards[0][2]") },
                                    "no problem names wards[0][2]:\n\(output)")
            #expect(line.hasPrefix(file.path + ":14:29: "), "file, line and column first: \(line)")
            #expect(line.contains("expected 22 characters"))
            #expect(line.contains("found 3"))
        }
    }
}
