import Foundation
import Testing

extension EndToEnd {
    /// Live reload: the dashboard on a scratch copy of the embedded record, missing the 2024-10-17
    /// snapshot (the one before 2025-06-11, which the dashboard opens as published). Files added to the data
    /// folder while it runs show without a restart, keeping the user's place.
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct LiveReloadEndToEndTests {

        @Test func aNewSnapshotAppearsKeepingThePlaceAndABrokenOneIsAWarning() async throws {
            let folder = try ScratchFolder("live-reload")
            defer { folder.remove() }
            let held = "record/2024-10-17.snapshot.json"
            let data = folder.url.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            try RepositoryFiles.copyEmbeddedData(["maps", "criteria", "record"], into: data, leavingOut: [held])

            let pane = try DashboardPane(arguments: ["--data", data.path, "--reviews", folder.path("reviews.sqlite"), "--snapshot", "2025-06-11"])
            let opening = DashboardPane.lines(try await pane.waitUntilRunning())
            #expect(opening.first?.contains("2025-06-11") == true && opening.first?.contains("(6 of 7)") == true,
                    "header: \(opening.first ?? "")")
            // The place: Nghệ An's ward list, the cursor on its fourth ward.
            let list = try await pane.openProvince("nghe an", row: "Tỉnh Nghệ An", breadcrumb: "Nationwide › Nghệ An")
            let names = DashboardPane.wardRows(in: list).map(\.name)
            try #require(names.count >= 5)
            try pane.press("j", "j", "j")
            try await pane.waitForLines("the cursor on \(names[3])") { DashboardPane.cursorWard(in: $0)?.name == names[3] }

            // The held-back snapshot arrives.
            try FileManager.default.copyItem(at: RepositoryFiles.embeddedData.appendingPathComponent(held),
                                             to: data.appendingPathComponent(held))
            let reloaded = try await pane.waitForLines("the notice of the new snapshot") {
                ($0.last ?? "").contains("New snapshot: 2024-10-17")
            }
            #expect(reloaded.first?.contains("2025-06-11") == true && reloaded.first?.contains("(7 of 8)") == true,
                    "header: \(reloaded.first ?? "")")
            #expect(reloaded.last?.contains("Nationwide › Nghệ An") == true, "status: \(reloaded.last ?? "")")
            #expect(DashboardPane.cursorWard(in: reloaded)?.name == names[3], "the cursor moved: \(DashboardPane.cursorWard(in: reloaded)?.name ?? "none")")

            // `<` now steps to the new snapshot, still on the same ward.
            try pane.press("<")
            let earlier = try await pane.waitForHeader("2024-10-17")
            #expect(earlier.contains("(6 of 8)"), "header: \(earlier)")
            try await pane.waitForLines("the same ward on 2024-10-17") { lines in
                DashboardPane.cursorWard(in: lines)?.name == names[3] && (lines.last ?? "").contains("Nationwide › Nghệ An")
            }
            try pane.press(">")
            try await pane.waitForHeader("2025-06-11")

            // A broken snapshot arrives: a warning that names it; the rest keeps working.
            try #"{"format": "kieumau.snapshot", "version": 1, "asOf": "2024-01-1"#
                .write(to: data.appendingPathComponent("record/2024-01-15.snapshot.json"), atomically: true, encoding: .utf8)
            let warned = try await pane.waitForLines("the data warning") {
                ($0.last ?? "").contains("Data warning: record/2024-01-15.snapshot.json")
            }
            #expect(warned.first?.contains("2025-06-11") == true, "header: \(warned.first ?? "")")
            #expect(DashboardPane.cursorWard(in: warned)?.name == names[3])
            try pane.press("j")
            try await pane.waitForLines("the cursor on \(names[4])") { DashboardPane.cursorWard(in: $0)?.name == names[4] }
            try pane.press("<")
            try await pane.waitForHeader("2024-10-17")
            #expect(try pane.isRunning())
        }

        /// The snapshot on screen is rewritten (as an editor saves: a new file renamed over it) with one
        /// ward's row changed: the row shows its new stage at once, in the same place, with a notice.
        ///
        /// Known bug: no notice. `AppController.dataChanged` (Sources/KieuMauTUI/AppController.swift)
        /// reports a changed file only when its header (date, title, map, sources, …) changed; a file
        /// whose ward rows alone changed is reloaded silently, so the figures change under the user's
        /// eyes without a word. Expected: "Updated: record/2025-06-11.snapshot.json".
        @Test func aChangedSnapshotShowsItsNewRowsWithANotice() async throws {
            let folder = try ScratchFolder("live-reload-changed")
            defer { folder.remove() }
            let data = folder.url.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            try RepositoryFiles.copyEmbeddedData(["maps", "criteria", "record"], into: data)
            let file = data.appendingPathComponent("record/2025-06-11.snapshot.json")
            let original = try String(contentsOf: file, encoding: .utf8)
            // Phường Hà Huy Tập (16666): registered, not scored → all 20 criteria met.
            let row = #"["16666", "registered", """#
            try #require(original.components(separatedBy: row).count == 2, "the row of 16666 is not in \(file.path)")
            let changed = original.replacingOccurrences(of: row, with: #"["16666", "complete", "11111111111111111111""#)

            let pane = try DashboardPane(arguments: ["--data", data.path, "--reviews", folder.path("reviews.sqlite"), "--snapshot", "2025-06-11"])
            try await pane.waitUntilRunning()
            try await pane.openProvince("nghe an", row: "Tỉnh Nghệ An", breadcrumb: "Nationwide › Nghệ An")
            try pane.press("/")
            try pane.type("ha huy tap")
            try pane.press("Enter")
            let before = try await pane.waitForLines("the cursor on Phường Hà Huy Tập") {
                DashboardPane.cursorWard(in: $0)?.name == "Phường Hà Huy Tập" && ($0.last ?? "").contains("Filter: ha huy tap")
            }
            let rowBefore = try #require(DashboardPane.cursorRow(in: before))
            #expect(rowBefore.contains("registered") && !rowBefore.contains("20/20"), "row: \(rowBefore)")

            try changed.write(to: file, atomically: true, encoding: .utf8)
            let after = try await pane.waitForLines("Phường Hà Huy Tập at 20/20") {
                DashboardPane.cursorRow(in: $0)?.contains("20/20") == true
            }
            #expect(DashboardPane.cursorWard(in: after)?.name == "Phường Hà Huy Tập")
            #expect(after.first?.contains("2025-06-11") == true && after.first?.contains("(7 of 8)") == true, "header: \(after.first ?? "")")
            let status = after.last ?? ""
            #expect(status.contains("Updated: record/2025-06-11.snapshot.json"), "status: \(status)")
        }
    }
}
