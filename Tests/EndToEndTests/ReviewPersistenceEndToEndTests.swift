import Foundation
import Testing

extension EndToEnd {
    /// Reviewers' marks and notes in the real dashboard, each test on a review store of its own
    /// (`--reviews` in a scratch folder): they survive quitting, `kill -9` right after the screen shows
    /// them, and a second dashboard on the same store sees them.
    ///
    /// The ward list is Nghệ An's on the embedded record's snapshot of 2025-06-11 as published
    /// (`--snapshot`): 33 wards on the 63-province map. Ward names are read from the screen, not written here.
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct ReviewPersistenceEndToEndTests {

        private static func dashboard(store: String) throws -> DashboardPane {
            try DashboardPane(arguments: ["--reviews", store, "--reviewer", "e2e", "--snapshot", "2025-06-11"])
        }

        /// Opens a dashboard on `store` at Nghệ An's ward list; returns it and the ward names in order.
        private static func openNgheAn(store: String) async throws -> (DashboardPane, [String]) {
            let pane = try dashboard(store: store)
            try await pane.waitUntilRunning()
            let lines = try await pane.openProvince("nghe an", row: "Tỉnh Nghệ An", breadcrumb: "Nationwide › Nghệ An")
            let names = DashboardPane.wardRows(in: lines).map(\.name)
            try #require(names.count >= 8, "too few wards on screen: \(names)")
            #expect(DashboardPane.cursorWard(in: lines)?.name == names[0], "the cursor starts on the first ward")
            return (pane, names)
        }

        /// Polls single captures (no settling) until `count` wards show ✓: used to kill the program the
        /// moment the screen says a mark is saved.
        private static func waitForOKMarks(_ count: Int, in pane: DashboardPane) async throws {
            try await pane.tmux.waitForScreen("\(count) wards marked ✓") { screen in
                DashboardPane.wardRows(in: DashboardPane.lines(screen)).filter { $0.mark == "✓" }.count >= count
            }
        }

        private static func kill9(_ pane: DashboardPane) async throws {
            let pid = try pane.programPID()
            #expect(kill(pid, SIGKILL) == 0, "kill -9 \(pid): errno \(errno)")
            let exit = try await pane.waitForExit()
            #expect(exit.status == 128 + 9, "the program ended by SIGKILL, not on its own: [exit=\(exit.status)]")
        }

        @Test func marksAndAVietnameseNoteSurviveQuitAndReopen() async throws {
            let folder = try ScratchFolder("reviews")
            defer { folder.remove() }
            let store = folder.path("reviews.sqlite")
            let note = "Chờ quyết định công nhận"

            let (first, names) = try await Self.openNgheAn(store: store)
            // o on the 1st ward, x on the 2nd, o on the 4th (the 3rd stays unmarked), a note on the 4th.
            try first.press("o")
            try await first.waitForMarks([names[0]: "✓"])
            try first.press("j", "x")
            try await first.waitForMarks([names[1]: "!"])
            try first.press("j", "j", "o")
            try await first.waitForMarks([names[3]: "✓", names[2]: nil])
            try first.press("a")
            try await first.waitForStatus("⏎ save")
            try first.type(note)
            try await first.waitForStatus("Note: \(note)")
            try first.press("Enter")
            try await first.waitForStatus("Note saved")
            try first.press("q")
            #expect(try await first.waitForExit().status == 0)

            let (second, reopenedNames) = try await Self.openNgheAn(store: store)
            #expect(reopenedNames == names)
            let lines = try await second.waitForMarks([names[0]: "✓", names[1]: "!", names[2]: nil, names[3]: "✓", names[4]: nil])
            #expect(lines.first?.contains("Nghệ An: 3 / 33 reviewed") == true, "header: \(lines.first ?? "")")

            try second.press("j", "j", "j")
            let detail = try await second.waitForLines("the note in \(names[3])'s detail") { lines in
                DashboardPane.cursorWard(in: lines)?.name == names[3]
                    && DashboardPane.sideDetail(in: lines).contains { $0.contains("Note: \(note)") }
            }
            let review = DashboardPane.sideDetail(in: detail).first { $0.contains("Review:") } ?? ""
            #expect(review.contains("✓ reviewed OK") && review.contains("by e2e"), "review line: \(review)")
        }

        /// A mark the screen shows as saved is in the store: `kill -9` the moment it shows, reopen.
        /// Then a burst of five marks (o, j, o, j, …) and `kill -9` the moment the fifth shows.
        @Test func marksTheScreenShowsSurviveKill9() async throws {
            let folder = try ScratchFolder("reviews-kill9")
            defer { folder.remove() }
            let store = folder.path("reviews.sqlite")

            let (first, names) = try await Self.openNgheAn(store: store)
            try first.press("o")
            try await Self.waitForOKMarks(1, in: first)
            try await Self.kill9(first)

            let (second, _) = try await Self.openNgheAn(store: store)
            try await second.waitForMarks([names[0]: "✓", names[1]: nil])
            // One tmux command for all the keys, so they arrive together.
            try second.tmux.send("j", "o", "j", "o", "j", "o", "j", "o", "j", "o")
            try await Self.waitForOKMarks(6, in: second)
            try await Self.kill9(second)

            let (third, _) = try await Self.openNgheAn(store: store)
            var expected: [String: Character?] = [names[6]: nil]
            for name in names[0...5] { expected[name] = "✓" }
            let lines = try await third.waitForMarks(expected)
            #expect(lines.first?.contains("Nghệ An: 6 / 33 reviewed") == true, "header: \(lines.first ?? "")")
        }

        /// The issue's "done when": a reviewer walks every ward of Nghệ An with `n` in the detail, marks
        /// and annotates each, the program is killed, and all of it is there again.
        @Test func aWalkThroughEveryWardOfAProvinceSurvivesACrash() async throws {
            let folder = try ScratchFolder("reviews-walk")
            defer { folder.remove() }
            let store = folder.path("reviews.sqlite")
            // Tall enough for all 33 wards in the list.
            let arguments = ["--reviews", store, "--reviewer", "e2e", "--snapshot", "2025-06-11"]
            let pane = try DashboardPane(height: 50, arguments: arguments)
            try await pane.waitUntilRunning()
            let list = try await pane.openProvince("nghe an", row: "Tỉnh Nghệ An", breadcrumb: "Nationwide › Nghệ An")
            let names = DashboardPane.wardRows(in: list).map(\.name)
            try #require(names.count == 33, "Nghệ An's 33 wards are not all on screen: \(names.count)")

            try pane.press("Enter")
            try await pane.waitForStatus("› \(names[0])")
            for (i, _) in names.enumerated() {
                try pane.press(i.isMultiple(of: 2) ? "o" : "x", "a")
                try pane.type("Đã xem phường số \(i + 1)")
                try pane.press("Enter", "n")
            }
            // The province list is filtered to Nghệ An, so `n` on the last ward stays and says so:
            // every key before it is done.
            try await pane.waitForStatus("No more wards")
            let pid = try pane.programPID()
            #expect(kill(pid, SIGKILL) == 0)
            #expect(try await pane.waitForExit().status == 128 + 9)

            let again = try DashboardPane(height: 50, arguments: arguments)
            try await again.waitUntilRunning()
            let reopened = try await again.openProvince("nghe an", row: "Tỉnh Nghệ An", breadcrumb: "Nationwide › Nghệ An")
            #expect(reopened.first?.contains("Nghệ An: 33 / 33 reviewed") == true, "header: \(reopened.first ?? "")")
            let marks = DashboardPane.wardRows(in: reopened).map { $0.mark.map(String.init) ?? " " }.joined()
            #expect(marks == String(repeating: "✓!", count: 17).dropLast(), "marks in list order: \(marks)")
            try again.press("u")
            try await again.waitForStatus("All 33 wards of the list are reviewed")
            for (key, i) in [("g", 0), ("G", 32)] {
                try again.press(key)
                try await again.waitForLines("\(names[i])'s note") { lines in
                    DashboardPane.cursorWard(in: lines)?.name == names[i]
                        && DashboardPane.sideDetail(in: lines).contains { $0.contains("Note: Đã xem phường số \(i + 1)") }
                }
            }
        }

        /// Reviews are kept per snapshot: a mark and note on 2024-10-17 do not count on 2025-06-11, where
        /// the same ward shows them as its previous review.
        @Test func aReviewOfAnEarlierSnapshotShowsAsThePreviousReview() async throws {
            let folder = try ScratchFolder("reviews-previous")
            defer { folder.remove() }
            let (pane, names) = try await Self.openNgheAn(store: folder.path("reviews.sqlite"))
            try pane.press("<")
            try await pane.waitForHeader("2024-10-17")
            try pane.press("j", "x", "a")
            try await pane.waitForStatus("⏎ save")
            try pane.type("Hồ sơ quý I")
            try pane.press("Enter")
            try await pane.waitForStatus("Note saved")
            let marked = try await pane.waitForMarks([names[1]: "!"])
            #expect(marked.first?.contains("Nghệ An: 1 / 33 reviewed") == true, "header: \(marked.first ?? "")")

            try pane.press(">")
            let later = try await pane.waitForLines("2025-06-11 with the earlier review as previous") { lines in
                (lines.first ?? "").contains("2025-06-11") && DashboardPane.cursorWard(in: lines)?.name == names[1]
                    && DashboardPane.sideDetail(in: lines).contains { $0.contains("Previous review (2024-10-17): ! needs follow") }
            }
            #expect(DashboardPane.cursorWard(in: later)?.mark == nil, "the 2024 mark shows as this snapshot's")
            #expect(later.first?.contains("Nghệ An: 0 / 33 reviewed") == true, "header: \(later.first ?? "")")
            #expect(DashboardPane.sideDetail(in: later).contains { $0.contains("Note: Hồ sơ quý I") })
        }

        /// Two dashboards open on one store: each shows the other's marks, set and cleared, on its next key.
        @Test func twoDashboardsOnOneStoreSeeEachOthersMarks() async throws {
            let folder = try ScratchFolder("reviews-two")
            defer { folder.remove() }
            let store = folder.path("reviews.sqlite")

            let (a, names) = try await Self.openNgheAn(store: store)
            let (b, _) = try await Self.openNgheAn(store: store)

            try a.press("o")
            try await a.waitForMarks([names[0]: "✓"])
            try b.press("j", "k")
            let seen = try await b.waitForMarks([names[0]: "✓"])
            #expect(seen.first?.contains("Nghệ An: 1 / 33 reviewed") == true, "B's header: \(seen.first ?? "")")

            try b.press("j", "x")
            try await b.waitForMarks([names[1]: "!"])
            try a.press("j")
            try await a.waitForMarks([names[0]: "✓", names[1]: "!"])

            // A clears its mark (o again); B sees it gone.
            try a.press("k", "o")
            try await a.waitForMarks([names[0]: nil])
            try b.press("k")
            let cleared = try await b.waitForMarks([names[0]: nil, names[1]: "!"])
            #expect(cleared.first?.contains("Nghệ An: 1 / 33 reviewed") == true, "B's header: \(cleared.first ?? "")")
        }
    }
}
