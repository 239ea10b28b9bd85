import Foundation
import Testing

extension EndToEnd {
    /// `kieumau reviews export` and `import` as programs: marks and a note made in the dashboard on one
    /// store, exported, imported into a fresh store, show there as they were.
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct ReviewExchangeEndToEndTests {

        private static func openNgheAn(store: String) async throws -> (DashboardPane, [String]) {
            let pane = try DashboardPane(arguments: ["--reviews", store, "--reviewer", "Lê Thị Hoa", "--snapshot", "2025-06-11"])
            try await pane.waitUntilRunning()
            let lines = try await pane.openProvince("nghe an", row: "Tỉnh Nghệ An", breadcrumb: "Nationwide › Nghệ An")
            return (pane, DashboardPane.wardRows(in: lines).map(\.name))
        }

        @Test func exportThenImportIntoAFreshStoreReproducesTheMarks() async throws {
            let folder = try ScratchFolder("reviews-exchange")
            defer { folder.remove() }
            let mine = folder.path("mine.sqlite")
            let note = "Thiếu hồ sơ tiêu chí 6, hẹn bổ sung"

            // Two marks and a note, made with the keys.
            let (pane, names) = try await Self.openNgheAn(store: mine)
            try #require(names.count >= 3)
            try pane.press("o", "j", "j", "x", "a")
            try await pane.waitForStatus("⏎ save")
            try pane.type(note)
            try pane.press("Enter")
            try await pane.waitForStatus("Note saved")
            try await pane.waitForMarks([names[0]: "✓", names[1]: nil, names[2]: "!"])
            try pane.press("q")
            #expect(try await pane.waitForExit().status == 0)

            for format in ["csv", "json"] {
                let file = folder.path("mine.\(format)")
                let export = try runKieumau(["reviews", "export", "--reviews", mine, "--format", format, "--out", file])
                #expect(export.status == 0, "export: \(export.stderr)")
                #expect(export.stderr.contains("wrote 2 review(s) to \(file)"), "export: \(export.stderr)")

                let store = folder.path("theirs-\(format).sqlite")
                let imported = try runKieumau(["reviews", "import", file, "--reviews", store])
                #expect(imported.status == 0, "import: \(imported.stdout)\(imported.stderr)")
                #expect(imported.stdout.contains("2 added, 0 updated, 0 unchanged"), "import: \(imported.stdout)")
                // Again: nothing changes.
                let again = try runKieumau(["reviews", "import", file, "--reviews", store])
                #expect(again.stdout.contains("0 added, 0 updated, 2 unchanged"), "second import: \(again.stdout)")

                // The fresh store exports the same text: mark, note, reviewer and time all came through.
                let original = try String(contentsOfFile: file, encoding: .utf8)
                let copy = try runKieumau(["reviews", "export", "--reviews", store, "--format", format])
                #expect(copy.status == 0)
                #expect(copy.stdout == original, "\(format) export of the copy differs:\n\(copy.stdout)\n---\n\(original)")
                #expect(original.contains(note) && original.contains("Lê Thị Hoa"), "\(format) export:\n\(original)")
            }

            // And the dashboard on the imported store shows them.
            let (copy, _) = try await Self.openNgheAn(store: folder.path("theirs-csv.sqlite"))
            let lines = try await copy.waitForMarks([names[0]: "✓", names[1]: nil, names[2]: "!"])
            #expect(lines.first?.contains("Nghệ An: 2 / 33 reviewed") == true, "header: \(lines.first ?? "")")
            try copy.press("j", "j")
            try await copy.waitForLines("the note in \(names[2])'s detail") { lines in
                DashboardPane.cursorWard(in: lines)?.name == names[2]
                    && DashboardPane.sideDetail(in: lines).contains { $0.contains("Note: \(note)") }
            }
        }
    }
}
