import Foundation
import Testing

extension EndToEnd {
    /// The real dashboard on the embedded published record, driven with keys in tmux: opening,
    /// drilling national → province → ward, stepping through wards, snapshots and series.
    ///
    /// Figures and names come from the embedded record. It opens on the latest-known picture on the
    /// 34-province map; the tests that walk the wards of the old map open the snapshot of
    /// 2025-06-11 as published (`--snapshot`); the one before it is 2024-10-17, the first 2021-12-31.
    /// Each test has its own tmux server, so the tests run in parallel.
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct DashboardNavigationEndToEndTests {

        /// The opening screen is the latest known as of today on the map in force: 172 against 106 and
        /// the two reports of the review side by side, each dated and sourced; no band anywhere.
        @Test func opensOnTheLatestKnownPicture() async throws {
            let pane = try DashboardPane()
            let lines = DashboardPane.lines(try await pane.waitUntilRunning())
            let header = try #require(lines.first)
            #expect(header.contains("KieuMau"))
            #expect(header.contains("latest known on "))
            #expect(header.contains("34 provinces"))
            #expect(!header.contains("DEMO"), "the published record is not synthetic")
            let screen = lines.joined(separator: "\n")
            #expect(screen.contains("registered 172 · quota 106") && screen.contains("[seed-04, seed-00] 2023-12 · 63-province map"), "\(screen)")
            #expect(screen.contains("144@22 25@21 3@20") && screen.contains("≠ 144@20"))
            #expect(screen.contains("no complete count since the map change"))
            #expect(!screen.contains("▼") && !screen.contains("✘"), "no verdict the record cannot carry")
            #expect(lines.last?.hasPrefix(" Nationwide ") == true, "breadcrumb: \(lines.last ?? "")")
            #expect(DashboardPane.cursorRow(in: lines)?.contains("Tỉnh An Giang") == true, "the cursor starts on the first province")
            #expect(try pane.isRunning())
        }

        @Test func opensInVietnameseWithLangVi() async throws {
            let pane = try DashboardPane(arguments: ["--lang", "vi"])
            let lines = DashboardPane.lines(try await pane.waitUntilRunning())
            let header = try #require(lines.first)
            #expect(header.contains("KieuMau"))
            #expect(header.contains("mới nhất đến "))
            #expect(header.contains("34 tỉnh"))
            #expect(lines.last?.hasPrefix(" Toàn quốc ") == true, "breadcrumb: \(lines.last ?? "")")
        }

        @Test func drillsIntoAWardByFilteringAndComesBackToTheRowItCameFrom() async throws {
            let pane = try DashboardPane(arguments: ["--snapshot", "2025-06-11"])
            try await pane.waitUntilRunning()

            // Province list → filter → Enter keeps the filter → Enter opens the province.
            try pane.press("/")
            try pane.type("nghe an")
            try await pane.waitForCursor(on: "Tỉnh Nghệ An")
            try pane.press("Enter")
            try await pane.waitForStatus("Filter: nghe an")
            try pane.press("Enter")
            try await pane.waitForStatus("Nationwide › Nghệ An")
            try await pane.waitForLines("the ward list's column headings") { $0.contains { $0.hasPrefix("    Ward ") } }

            // Ward list → filter ignoring diacritics → the one ward left.
            try pane.press("/")
            try pane.type("ha huy tap")
            let wardLines = try await pane.waitForLines("only Phường Hà Huy Tập listed") { lines in
                DashboardPane.cursorRow(in: lines)?.contains("Phường Hà Huy Tập") == true
                    && !lines.contains { $0.hasPrefix("    Phường ") }
            }
            #expect(wardLines.last?.contains("Filter: ha huy tap") == true)

            // Enter keeps the filter, Enter opens the ward's detail: criteria rows and history.
            try pane.press("Enter", "Enter")
            let detail = try await pane.waitForLines("the ward detail") {
                ($0.last ?? "").contains("Nationwide › Nghệ An › Phường Hà Huy Tập")
                    && $0.contains { $0.contains("Criterion 1") } && $0.contains { $0.contains("History") }
            }
            let criterion1 = try #require(detail.first { $0.hasSuffix("Criterion 1") || $0.contains("Criterion 1 ") })
            #expect(criterion1.contains("? unknown"), "criterion row: \(criterion1)")
            let historyIndex = try #require(detail.firstIndex { $0.hasSuffix("│ History") })
            // One line per snapshot from the first that registered the ward, oldest first.
            #expect(detail[historyIndex + 1].contains("2021-12-31"), "history: \(detail[historyIndex + 1])")
            #expect(detail[historyIndex + 2].contains("2022-09-20"), "history: \(detail[historyIndex + 2])")

            // Esc leaves the detail for the list as it was (filter kept), then clears the ward filter,
            // then goes up, then clears the province filter; the cursor stays on where we came from.
            try pane.press("Escape")
            try await pane.waitForLines("back on the filtered ward list") { lines in
                (lines.last ?? "").contains("Filter: ha huy tap") && !(lines.last ?? "").contains("› Phường Hà Huy Tập")
            }
            try await pane.waitForCursor(on: "Phường Hà Huy Tập")
            try pane.press("Escape")
            try await pane.waitForLines("the ward filter cleared") { lines in
                (lines.last ?? "").hasPrefix(" Nationwide › Nghệ An ") && !(lines.last ?? "").contains("Filter:")
            }
            try await pane.waitForCursor(on: "Phường Hà Huy Tập")
            try pane.press("Escape")
            try await pane.waitForLines("back on the filtered province list") {
                ($0.last ?? "").hasPrefix(" Nationwide  Filter: nghe an")
            }
            try pane.press("Escape")
            let provinces = try await pane.waitForLines("the whole province list, cursor on Nghệ An") { lines in
                (lines.last ?? "").hasPrefix(" Nationwide ") && !(lines.last ?? "").contains("Filter:")
                    && DashboardPane.cursorRow(in: lines)?.contains("Tỉnh Nghệ An") == true
            }
            #expect(provinces.contains { $0.hasPrefix("  Tỉnh Nam Định") }, "the list is no longer filtered")
        }

        @Test func nextAndPreviousWardCrossIntoTheNeighbouringProvince() async throws {
            let pane = try DashboardPane(arguments: ["--snapshot", "2025-06-11"])
            try await pane.waitUntilRunning()
            // Find Nghệ An with the filter, then clear it (the cursor stays): `n` follows the whole list.
            try pane.press("/")
            try pane.type("nghe an")
            try await pane.waitForCursor(on: "Tỉnh Nghệ An")
            try pane.press("Enter", "Escape")
            try await pane.waitForLines("the whole list, cursor on Nghệ An") {
                $0.contains { $0.hasPrefix("  Tỉnh Nam Định") } && DashboardPane.cursorRow(in: $0)?.contains("Tỉnh Nghệ An") == true
            }
            try pane.press("Enter")
            let wards = try await pane.waitForLines("Nghệ An's ward list") { ($0.last ?? "").hasPrefix(" Nationwide › Nghệ An ") }
            let first = try #require(DashboardPane.cursorRow(in: wards))
            let firstIndex = try #require(wards.firstIndex(of: first))
            let secondName = try #require(Self.rowName(wards[firstIndex + 1]))

            try pane.press("n")
            try await pane.waitForCursor(on: secondName)

            // To the last ward, then `n` goes on into the next province of the list (Ninh Bình).
            try pane.press("G")
            let last = try #require(Self.rowName(try await pane.waitForCursor(on: "Phường Vinh Tân")))
            try pane.press("n")
            try await pane.waitForStatus("Nationwide › Ninh Bình")
            try await pane.waitForStatus("→ Tỉnh Ninh Bình")
            try await pane.waitForLines("Ninh Bình's first ward under the cursor") { lines in
                guard let row = DashboardPane.cursorRow(in: lines), let i = lines.firstIndex(of: row) else { return false }
                return lines[i - 1].hasPrefix("    Ward ")
            }

            // `p` comes back to Nghệ An's last ward.
            try pane.press("p")
            try await pane.waitForStatus("Nationwide › Nghệ An")
            try await pane.waitForCursor(on: last)
        }

        /// With the province list filtered down to one province there is no next province: `n` on the
        /// last ward stays there and says so.
        @Test func nextWardStopsAtTheEndOfAFilteredProvinceList() async throws {
            let pane = try DashboardPane(arguments: ["--snapshot", "2025-06-11"])
            try await pane.waitUntilRunning()
            try pane.press("/")
            try pane.type("nghe an")
            try await pane.waitForCursor(on: "Tỉnh Nghệ An")
            try pane.press("Enter", "Enter")
            try await pane.waitForStatus("Nationwide › Nghệ An")
            try pane.press("G")
            try await pane.waitForCursor(on: "Phường Vinh Tân")
            try pane.press("n")
            try await pane.waitForStatus("No more wards")
            let lines = try pane.screenLines()
            #expect(lines.last?.contains("Nationwide › Nghệ An") == true)
            #expect(DashboardPane.cursorRow(in: lines)?.contains("Phường Vinh Tân") == true)
        }

        @Test func snapshotStepsKeepThePlace() async throws {
            let pane = try DashboardPane(arguments: ["--snapshot", "2025-06-11"])
            try await pane.waitUntilRunning()
            try pane.press("/")
            try pane.type("nghe an")
            try await pane.waitForCursor(on: "Tỉnh Nghệ An")
            try pane.press("Enter", "Enter", "/")
            try pane.type("ha huy tap")
            try await pane.waitForCursor(on: "Phường Hà Huy Tập")
            try pane.press("Enter", "Enter")
            try await pane.waitForStatus("› Phường Hà Huy Tập")

            try pane.press("<")
            try await pane.waitForHeader("2024-10-17")
            let earlier = try pane.screenLines()
            #expect(earlier.first?.contains("(6 of 8)") == true)
            #expect(earlier.last?.contains("Nationwide › Nghệ An › Phường Hà Huy Tập") == true, "the place is kept: \(earlier.last ?? "")")
            #expect(earlier.contains { $0.contains("Criterion 1") })

            try pane.press(">")
            try await pane.waitForHeader("2025-06-11")
            #expect(try pane.screenLines().last?.contains("Nationwide › Nghệ An › Phường Hà Huy Tập") == true)

            // Out of the detail and clear the ward filter, then `,` is `<` too; on the first snapshot
            // one more step says so and stays.
            try pane.press("Escape", "Escape")
            try await pane.waitForLines("the ward filter cleared") { !($0.last ?? "").contains("Filter:") }
            for _ in 0..<6 { try pane.press(",") }
            try await pane.waitForHeader("2021-12-31")
            #expect(try pane.screenLines().first?.contains("(1 of 8)") == true)
            try pane.press("<")
            try await pane.waitForStatus("This is the first snapshot")
            #expect(try pane.screenLines().first?.contains("2021-12-31") == true)
            #expect(try pane.isRunning())
        }

        /// `<` from the latest-known picture shows the snapshot it stands on as published; `>` past
        /// the last snapshot, and `v`, come back to the latest known.
        @Test func stepsBetweenTheLatestKnownAndTheSnapshotsAsPublished() async throws {
            let pane = try DashboardPane()
            try await pane.waitUntilRunning()
            try pane.press("<")
            let published = try await pane.waitForHeader("snapshot 2025-07-01 as published")
            #expect(published.contains("(8 of 8)"))
            try pane.press("<")
            let before = try await pane.waitForHeader("snapshot 2025-06-11 as published")
            #expect(before.contains("63 provinces"))
            try await pane.waitForLines("the snapshot's own figures") { $0.contains { $0.contains("28 of 1,726 wards named in sources") } }
            try pane.press(">", ">")
            try await pane.waitForHeader("latest known on ")
            try pane.press("v")
            try await pane.waitForHeader("snapshot 2025-07-01 as published")
            try pane.press("v")
            try await pane.waitForHeader("latest known on ")
            #expect(try pane.isRunning())
        }

        /// A notice (here the theme's name) must show even while the list is filtered.
        @Test func noticesShowWhileAFilterIsSet() async throws {
            let pane = try DashboardPane()
            try await pane.waitUntilRunning()
            try pane.press("/")
            try pane.type("nghe")
            try pane.press("Enter")
            try await pane.waitForStatus("Filter: nghe")
            try pane.press("t")
            try await pane.waitForStatus("theme: high-contrast")
        }

        @Test func seriesKeySwitchesToTheDemoAndBack() async throws {
            let pane = try DashboardPane()
            try await pane.waitUntilRunning()
            try pane.press("D")
            let demo = try await pane.waitForHeader("DEMO — synthetic data")
            #expect(demo.contains("63 provinces") || demo.contains("34 provinces"))
            try pane.press("D")
            // D, D comes back to the view we left: the latest-known picture (read after the series,
            // so a moment passes with the snapshot as published and "Loading…" on the status line).
            let record = try await pane.waitForLines("the record again, latest known, without the badge") {
                guard let header = $0.first else { return false }
                return header.contains("KieuMau") && !header.contains("DEMO") && header.contains("latest known on ")
            }
            #expect(record.last?.contains("Loading") == false, "\(record.last ?? "")")
        }

        @Test func demoSeriesIsBadgedFromTheStart() async throws {
            let pane = try DashboardPane(width: 80, height: 24, arguments: ["--series", "demo"])
            let lines = DashboardPane.lines(try await pane.waitUntilRunning())
            #expect(lines.first?.contains("DEMO — synthetic data") == true, "badge missing at 80 columns: \(lines.first ?? "")")
        }

        /// The name in a list row: the text after the cursor column up to the first run of two spaces.
        static func rowName(_ row: String) -> String? {
            // After the cursor column, ward rows have a review mark column (✓ ! ✎ or blank).
            let text = row.dropFirst(2).drop { " ✓!✎".contains($0) }
            guard let end = text.range(of: "  ") else { return text.isEmpty ? nil : String(text) }
            return String(text[..<end.lowerBound])
        }
    }
}
