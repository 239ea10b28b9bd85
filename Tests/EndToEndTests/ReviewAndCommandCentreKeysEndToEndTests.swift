import Foundation
import Testing

extension EndToEnd {
    /// The reviewer's `u` and the command centre's keys in the real dashboard: the criteria view (`c`),
    /// the compare view (`d`, `[`, `]`) and exporting the list on screen (`e`, `E`). Each test has its
    /// own review store, and the dashboard runs in a scratch folder, where exports go.
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct ReviewAndCommandCentreKeysEndToEndTests {

        private static func dashboard(_ folder: ScratchFolder, _ arguments: String...) throws -> DashboardPane {
            try DashboardPane(arguments: ["--reviews", folder.path("reviews.sqlite"), "--reviewer", "e2e"] + arguments,
                              directory: folder.path)
        }

        /// `u` goes to the next ward after the cursor with no mark, wrapping past the end and saying so.
        @Test func nextUnreviewedSkipsMarkedWardsAndWraps() async throws {
            let folder = try ScratchFolder("unreviewed")
            defer { folder.remove() }
            let pane = try Self.dashboard(folder, "--snapshot", "2025-06-11")
            try await pane.waitUntilRunning()
            let lines = try await pane.openProvince("nghe an", row: "Tỉnh Nghệ An", breadcrumb: "Nationwide › Nghệ An")
            let names = DashboardPane.wardRows(in: lines).map(\.name)
            try #require(names.count >= 5)

            // ✓ on the 1st and 2nd, ! on the 4th; back to the top.
            try pane.press("o", "j", "o", "j", "j", "x", "g")
            try await pane.waitForMarks([names[0]: "✓", names[1]: "✓", names[2]: nil, names[3]: "!", names[4]: nil])
            try await pane.waitForHeader("Nghệ An: 3 / 33 reviewed")
            try await pane.waitForLines("the cursor back on the first ward") { DashboardPane.cursorWard(in: $0)?.name == names[0] }

            try pane.press("u")
            try await pane.waitForLines("u on \(names[2])") { DashboardPane.cursorWard(in: $0)?.name == names[2] }
            try pane.press("u")
            try await pane.waitForLines("u past the marked \(names[3]) to \(names[4])") {
                DashboardPane.cursorWard(in: $0)?.name == names[4]
            }
            // From the last ward (unmarked itself: `u` looks after the cursor) round to the first unmarked.
            try pane.press("G", "u")
            try await pane.waitForStatus("Wrapped to the top of the list")
            let wrapped = try pane.screenLines()
            #expect(DashboardPane.cursorWard(in: wrapped)?.name == names[2], "after wrapping: \(DashboardPane.cursorWard(in: wrapped)?.name ?? "none")")
        }

        /// `c` on the demo's national scope: criteria weakest first; Enter lists the wards missing the
        /// weakest, as many as its row counted, each with that criterion not met.
        @Test func criteriaViewListsTheWeakestFirstAndTheWardsMissingOne() async throws {
            let folder = try ScratchFolder("criteria")
            defer { folder.remove() }
            let pane = try Self.dashboard(folder, "--series", "demo")
            try await pane.waitUntilRunning()
            try pane.press("c")
            let lines = try await pane.waitForLines("the criteria view") {
                ($0.last ?? "").contains("Nationwide › Criteria") && Self.criterionRows(in: $0).count >= 10
            }
            let rows = Self.criterionRows(in: lines)
            let shares = rows.map(\.share)
            #expect(shares == shares.sorted(), "not weakest first: \(rows.map { "\($0.number): \($0.share)%" })")
            let weakest = try #require(rows.first)
            #expect(weakest.isCursor, "the cursor starts on the weakest criterion")
            #expect(weakest.missing > 0)

            try pane.press("Enter")
            let missing = try await pane.waitForLines("the wards missing criterion \(weakest.number)") {
                ($0.last ?? "").contains("\(weakest.missing) wards missing criterion \(weakest.number)")
                    && !DashboardPane.wardRows(in: $0).isEmpty
            }
            #expect(missing.contains { $0.contains("· \(weakest.missing) wards missing criterion \(weakest.number)") },
                    "the list's rule names the count")
            #expect(missing.first?.contains("/ \(weakest.missing) reviewed") == true, "header: \(missing.first ?? "")")
            // The detail beside the list: the ward under the cursor, then the next, miss that criterion.
            for step in 0..<2 {
                if step > 0 { try pane.press("j") }
                let screen = try await pane.waitForLines("ward \(step + 1)'s detail") { lines in
                    DashboardPane.cursorWard(in: lines)?.name == DashboardPane.wardRows(in: lines)[step].name
                        && DashboardPane.sideDetail(in: lines).contains { $0.contains("History") }
                }
                let row = DashboardPane.sideDetail(in: screen)
                    .first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(weakest.number)  ") }
                #expect(row?.contains("✘ not met") == true, "criterion \(weakest.number) in the detail: \(row ?? "no row")")
            }
        }

        /// `d` compares with the previous snapshot; `[` with the one before, across the July-2025 map
        /// change (which it says), `]` back; one `]` too many says it is the latest.
        @Test func compareViewShowsWhatChangedAndStepsBetweenSnapshots() async throws {
            let folder = try ScratchFolder("compare")
            defer { folder.remove() }
            let pane = try Self.dashboard(folder, "--series", "demo", "--snapshot", "2025-12-31")
            let first = DashboardPane.lines(try await pane.waitUntilRunning())
            #expect(first.first?.contains("2025-12-31") == true, "the demo opens on its latest snapshot: \(first.first ?? "")")

            try pane.press("d")
            let previous = try await pane.waitForLines("what changed since the previous snapshot") {
                $0.contains { $0.contains("What changed: 2025-09-30 → 2025-12-31") } && ($0.last ?? "").contains("What changed")
            }
            #expect(previous.contains { $0.hasPrefix(" Became model (") })
            #expect(previous.contains { $0.hasPrefix(" model: ") && $0.contains("→") })

            try pane.press("[")
            let older = try await pane.waitForLines("what changed since 2025-06-30") {
                $0.contains { $0.contains("What changed: 2025-06-30 → 2025-12-31") }
            }
            #expect(older.contains { $0.contains("Across the map change (crosswalk") && $0.contains("split wards counted once") },
                    "the map change is said on screen:\n\(older.joined(separator: "\n"))")

            try pane.press("]")
            try await pane.waitForLines("back to the previous snapshot") {
                $0.contains { $0.contains("What changed: 2025-09-30 → 2025-12-31") }
            }
            try pane.press("]")
            try await pane.waitForStatus("This is the latest snapshot")
            try pane.press("Escape")
            try await pane.waitForLines("the province list again") {
                $0.contains { $0.contains("Tỉnh ") } && !$0.contains { $0.contains("What changed:") }
            }
        }

        /// `e` and `E` on a filtered ward list write what is on screen into the current directory and
        /// say where.
        @Test func exportWritesTheFilteredWardListIntoTheCurrentDirectory() async throws {
            let folder = try ScratchFolder("export")
            defer { folder.remove() }
            let pane = try Self.dashboard(folder, "--snapshot", "2025-06-11")
            try await pane.waitUntilRunning()
            try await pane.openProvince("nghe an", row: "Tỉnh Nghệ An", breadcrumb: "Nationwide › Nghệ An")
            try pane.press("/")
            try pane.type("nghi")
            try pane.press("Enter")
            let filtered = try await pane.waitForLines("the ward list filtered to Nghi …") { lines in
                (lines.last ?? "").contains("Filter: nghi") && DashboardPane.wardRows(in: lines).allSatisfy { $0.name.contains("Nghi") }
            }
            let shown = DashboardPane.wardRows(in: filtered).map(\.name)
            try #require(shown.count >= 2, "rows: \(shown)")

            try pane.press("e")
            let csvName = try await Self.exportedFile(by: pane, extension: "csv", rows: shown.count)
            let csv = try String(contentsOfFile: folder.path(csvName), encoding: .utf8)
            let csvLines = csv.split(whereSeparator: \.isNewline)
            #expect(csvLines.count == shown.count + 1, "a header and one line per row:\n\(csv)")
            for name in shown { #expect(csvLines.contains { $0.contains(name) }, "\(name) is not in the CSV") }

            try pane.press("E")
            let jsonName = try await Self.exportedFile(by: pane, extension: "json", rows: shown.count)
            let json = try Data(contentsOf: URL(fileURLWithPath: folder.path(jsonName)))
            #expect((try? JSONSerialization.jsonObject(with: json)) != nil, "not JSON: \(String(decoding: json, as: UTF8.self))")
            let text = String(decoding: json, as: UTF8.self)
            for name in shown { #expect(text.contains(name), "\(name) is not in the JSON") }
        }

        // MARK: - Reading the screen

        /// Waits for the notice "Exported N rows to ./NAME.ext", checks N, and returns NAME.ext after
        /// checking the file is in the scratch folder (the dashboard's current directory).
        private static func exportedFile(by pane: DashboardPane, extension ext: String, rows: Int) async throws -> String {
            let status = try await pane.waitForStatus(".\(ext)")
            let match = try #require(status.firstMatch(of: #/Exported (\d+) rows to \./(\S+)/#), "notice: \(status)")
            #expect(Int(match.output.1) == rows, "notice: \(status)")
            let name = String(match.output.2)
            #expect(name.hasSuffix(".\(ext)"), "notice: \(status)")
            return name
        }

        struct CriterionRow {
            var number: Int
            var share: Double
            var missing: Int
            var isCursor: Bool
        }

        /// Rows of the criteria view: "▸  11 Criterion 11 … ███▒▒ 77.5%  ✘ 107  ? 0".
        static func criterionRows(in lines: [String]) -> [CriterionRow] {
            lines.compactMap { line in
                guard let m = line.firstMatch(of: #/^(▸| ) +(\d+) .*? ([0-9]+\.[0-9])%  ✘ (\d+)/#),
                      let number = Int(m.output.2), let share = Double(m.output.3), let missing = Int(m.output.4) else { return nil }
                return CriterionRow(number: number, share: share, missing: missing, isCursor: m.output.1 == "▸")
            }
        }
    }
}
