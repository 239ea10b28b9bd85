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

        /// By default the latest known as of today: 172 against 106 and the two reports of the
        /// review side by side, each with its date and source, on the old map; no share of the 687.
        @Test func reportShowsTheLatestKnownWithDatesAndSources() throws {
            let result = try kieumau("report")
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.hasPrefix("KieuMau report — latest known on "))
            #expect(result.stdout.contains("687 ward police units (map vn-2025-07, from 2025-07-01)"))
            #expect(result.stdout.contains("registered 172 against a quota of 106 (2023 round) [seed-04, seed-00]  2023-12 · 63-province map"))
            #expect(result.stdout.contains("144 at 22/22, 25 at 21/22, 3 at 20/22 (2023 round) [seed-00] ≠ 144 at 20/22 (2023 round) [seed-04]"))
            #expect(result.stdout.contains("CONFLICT between sources"))
            #expect(result.stdout.contains("share, 2025 band, gaps, pace: unknown — no complete count since the map change"))
            #expect(!result.stdout.contains("below 30%"), "no band where nothing is counted")
        }

        @Test func reportOfOneSnapshotAsPublished() throws {
            let result = try kieumau("report", "--snapshot", "2023-12-31")
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.hasPrefix("KieuMau report — snapshot 2023-12-31 as published"))
            #expect(result.stdout.contains("registered 172 against a quota of 106"))
            #expect(result.stdout.contains("144 at 22/22, 25 at 21/22, 3 at 20/22"))
            #expect(result.stdout.contains("CONFLICT"))
            let both = try kieumau("report", "--snapshot", "2023-12-31", "--as-of", "2023-12-31")
            #expect(both.status != 0 && both.stderr.contains("give one"))
        }

        @Test func reportForAProvinceListsItsWards() throws {
            let result = try kieumau("report", "--province", "nghe an", "--as-of", "2025-06-11")
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains("Tỉnh Nghệ An (40)"))
            #expect(result.stdout.contains("registered 16 against a quota of 1 (2023 round) [seed-01]  2023-12"))
            #expect(result.stdout.contains("Phường Hà Huy Tập"))
        }

        /// Without a date the province is the one on the map in force today: Nghệ An of the
        /// 34-province map, whose wards no source has named yet, and its 16 carried from 2023.
        @Test func reportForAProvinceWithoutADateIsOnTheMapInForce() throws {
            let result = try kieumau("report", "--province", "nghe an")
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains("11 ward police units (map vn-2025-07"))
            #expect(result.stdout.contains("registered 16 against a quota of 1 (2023 round) [seed-01]  2023-12 · 63-province map"))
            #expect(result.stdout.contains("Phường Cửa Lò") && result.stdout.contains("not named"))
            #expect(!result.stdout.contains("Phường Hà Huy Tập"), "a ward of the old map")
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
