import Foundation
import Testing

extension EndToEnd {
    /// The dashboard on a data folder of one's own with a broken snapshot in it, and scrolling the
    /// help and the ward detail past their ends and back.
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct DashboardDataAndScrollingEndToEndTests {

        /// The embedded record, maps and criteria copied to a temporary folder, plus a snapshot dated
        /// 2024-01-15 (between 2023-12-31 and 2024-03-27) whose only ward row is too short.
        private static func dataFolderWithABrokenSnapshot(filePath: String = #filePath) throws -> URL {
            let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let embedded = root.appendingPathComponent("Sources/KieuMauCore/Resources/Data")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kieumau-e2e-data-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for part in ["maps", "criteria", "record"] {
                try FileManager.default.copyItem(at: embedded.appendingPathComponent(part), to: folder.appendingPathComponent(part))
            }
            try """
                {
                  "format": "kieumau.snapshot", "version": 2, "asOf": "2024-01-15", "title": "Broken on purpose",
                  "series": "record", "synthetic": false, "map": "vn-2025-01", "criteria": "bca-5764-22",
                  "sources": [], "notes": [], "coverage": {"default": "named"}, "reported": [],
                  "wards": [["16666", "registered", "111"]]
                }

                """.write(to: folder.appendingPathComponent("record/2024-01-15.snapshot.json"), atomically: true, encoding: .utf8)
            return folder
        }

        /// README: "A broken file gets a message naming the file …; the other files still load."
        @Test func aBrokenSnapshotIsNamedAndDoesNotBlockTheOnesBeforeIt() async throws {
            let folder = try Self.dataFolderWithABrokenSnapshot()
            defer { try? FileManager.default.removeItem(at: folder) }
            let pane = try DashboardPane(arguments: ["--data", folder.path, "--snapshot", "2024-03-27"])
            let lines = DashboardPane.lines(try await pane.waitUntilRunning())
            #expect(lines.first?.contains("2024-03-27") == true)

            try pane.press("<")
            try await pane.waitForStatus("2024-01-15.snapshot.json")
            try await pane.waitForLines("an earlier snapshot than the broken one") {
                ($0.first ?? "").contains("2023-12-31") || ($0.first ?? "").contains("2023-11-10")
            }
            #expect(try pane.isRunning())
        }

        /// j past the end of the help, then k: the help must move back up at once.
        @Test func helpScrollsBackAfterScrollingPastItsEnd() async throws {
            let pane = try DashboardPane(width: 80, height: 24)
            try await pane.waitUntilRunning()
            try pane.press("?")
            let top = try await pane.waitForLines("the help") { $0.contains { $0.contains("Help — KieuMau") } }
            for _ in 0..<30 { try pane.press("j") }
            // The last entry in view means the end (the footer "Esc or ? to close" is always shown).
            let bottom = try await pane.waitForLines("the end of the help") {
                $0.contains { $0.contains("30% and 50% markers") } && $0 != top
            }
            try pane.press("k")
            try await pane.waitForLines("the help one line further up") { $0 != bottom && $0.count == bottom.count }
        }

        /// End (G) in a ward's detail, then k: the detail must scroll back up at once.
        @Test func detailScrollsBackUpAfterEnd() async throws {
            let pane = try DashboardPane(width: 80, height: 24, arguments: ["--snapshot", "2025-06-11"])
            try await pane.waitUntilRunning()
            try pane.press("/")
            try pane.type("nghe an")
            try await pane.waitForCursor(on: "Tỉnh Nghệ An")
            try pane.press("Enter", "Enter", "/")
            try pane.type("ha huy tap")
            try await pane.waitForCursor(on: "Phường Hà Huy Tập")
            try pane.press("Enter", "Enter")
            try await pane.waitForLines("the detail at its top") { $0.contains { $0.hasPrefix(" Phường Hà Huy Tập · ") } }
            try pane.press("G")
            let end = try await pane.waitForLines("the detail at its end") { $0.contains { $0.hasPrefix(" Sources") } }
            try pane.press("k")
            try await pane.waitForLines("the detail one line further up") { $0 != end }
            try pane.press("g")
            try await pane.waitForLines("the detail at its top again") { $0.contains { $0.hasPrefix(" Phường Hà Huy Tập · ") } }
        }
    }
}
