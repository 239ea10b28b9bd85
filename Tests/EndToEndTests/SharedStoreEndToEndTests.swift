import Foundation
import Testing
import KieuMauReviewsPostgres
import KieuMauTestSupport

extension EndToEnd {
    /// Dashboards on one shared review store (a private PostgreSQL cluster, `--reviews
    /// postgresql://…`): another dashboard's mark appears without a key; a role is refused on a
    /// province it was not granted and the screen says so; a server stopped and started again is
    /// said offline, then found again by itself; `kill -9` in a burst of marks loses none shown.
    ///
    /// The ward list is Nghệ An's on the snapshot of 2025-06-11 as published (33 wards).
    @Suite(.enabled(if: TmuxSession.isAvailable && PostgresBinaries.isAvailable,
                    Comment(rawValue: PostgresBinaries.unavailableReason ?? "tmux is not installed; end-to-end tests need it")))
    struct SharedStoreEndToEndTests {
        /// A database with the schema, and a role granted Nghệ An (40) only.
        private static func sharedStore(_ cluster: PostgresCluster) throws -> (owner: String, reviewer: String, role: String) {
            let name = try cluster.createDatabase(prefix: "e2e")
            let owner = cluster.uri(database: name)
            _ = try PostgresReviewStore.initialize(uri: owner)
            let role = "e2e_\(name.suffix(8))"
            try cluster.psql("CREATE ROLE \(role) LOGIN", database: "postgres")
            _ = try PostgresReviewStore.grant(role: role, provinces: ["40"], uri: owner)
            return (owner, cluster.uri(database: name, user: role), role)
        }

        private static func dashboard(_ uri: String, reviewer: String) throws -> DashboardPane {
            try DashboardPane(width: 120, height: 50, arguments: ["--snapshot", "2025-06-11", "--reviews", uri, "--reviewer", reviewer])
        }

        private static func open(_ pane: DashboardPane, province query: String, row: String, crumb: String) async throws -> [String] {
            try await pane.waitUntilRunning()
            let lines = try await pane.openProvince(query, row: row, breadcrumb: "Nationwide › \(crumb)")
            return DashboardPane.wardRows(in: lines).map(\.name)
        }

        @Test func aMarkOnOneDashboardAppearsOnAnotherWithoutAKey() async throws {
            let store = try Self.sharedStore(try PostgresCluster.shared())
            let lan = try Self.dashboard(store.reviewer, reviewer: "Lan")
            let minh = try Self.dashboard(store.owner, reviewer: "Minh")
            let names = try await Self.open(lan, province: "nghe an", row: "Tỉnh Nghệ An", crumb: "Nghệ An")
            _ = try await Self.open(minh, province: "nghe an", row: "Tỉnh Nghệ An", crumb: "Nghệ An")
            try lan.press("o", "j", "x")
            try await lan.waitForMarks([names[0]: "✓", names[1]: "!"])
            // No key is sent to Minh's dashboard: it hears the store's notification.
            let clock = ContinuousClock(), start = clock.now
            try await minh.waitForMarks([names[0]: "✓", names[1]: "!"], timeout: .seconds(10))
            let heard = clock.now - start
            #expect(heard < .seconds(5), "the other dashboard showed the marks after \(heard)")
            // And back the other way, a note's ✎ included.
            try minh.press("j", "j", "a")
            try minh.type("Chờ hồ sơ")
            try minh.press("Enter")
            try await lan.waitForMarks([names[2]: "✎"], timeout: .seconds(10))
        }

        @Test func aRoleGrantedNgheAnIsRefusedOnAHaNoiWardAndTheScreenSaysSo() async throws {
            let store = try Self.sharedStore(try PostgresCluster.shared())
            let lan = try Self.dashboard(store.reviewer, reviewer: "Lan")
            let names = try await Self.open(lan, province: "ha noi", row: "Thành phố Hà Nội", crumb: "Hà Nội")
            try lan.press("o")
            let status = try await lan.waitForStatus("Not saved")
            #expect(status.contains("not allowed to review wards of Hà Nội (01) as role \(store.role)"), "\(status)")
            // Never shown as saved, also after a while (no late answer turns it into a mark).
            try await Task.sleep(for: .milliseconds(500))
            #expect(DashboardPane.wardRows(in: try lan.screenLines()).first { $0.name == names[0] }?.mark == nil)
            // Its own province is open to it (Esc to the province list, Esc again clears its filter).
            try lan.press("Escape", "Escape")
            _ = try await lan.openProvince("nghe an", row: "Tỉnh Nghệ An", breadcrumb: "Nationwide › Nghệ An")
            try lan.press("o")
            try await lan.waitForStatus("Saved")
        }

        @Test func aServerStoppedMidSessionIsSaidOfflineAndFoundAgainByItself() async throws {
            let cluster = try PostgresCluster.start()
            defer { cluster.stop() }
            let store = try Self.sharedStore(cluster)
            let lan = try Self.dashboard(store.owner, reviewer: "Lan")
            let names = try await Self.open(lan, province: "nghe an", row: "Tỉnh Nghệ An", crumb: "Nghệ An")
            try lan.press("o")
            try await lan.waitForMarks([names[0]: "✓"])

            try cluster.stopServer()
            // No key: the lost connection is heard on its own socket.
            try await lan.waitForHeader("review store offline since ", timeout: .seconds(15))
            try lan.press("j", "o")
            try await lan.waitForStatus("not saved")
            #expect(DashboardPane.wardRows(in: try lan.screenLines()).first { $0.name == names[1] }?.mark == nil)

            try cluster.startServer()
            // Found again with backoff, without a key; the header says so no more.
            try await lan.waitForLines("the header without the outage", timeout: .seconds(30)) {
                ($0.first ?? "").contains("Nghệ An: 1 / 33 reviewed") && !($0.first ?? "").contains("offline")
            }
            try lan.press("o")
            try await lan.waitForMarks([names[0]: "✓", names[1]: "✓"])
        }

        @Test func killNineInABurstOfMarksLosesNoneShownAsSaved() async throws {
            let store = try Self.sharedStore(try PostgresCluster.shared())
            let lan = try Self.dashboard(store.owner, reviewer: "Lan")
            let names = try await Self.open(lan, province: "nghe an", row: "Tỉnh Nghệ An", crumb: "Nghệ An")
            // One tmux command for all the keys, so they arrive together.
            try lan.tmux.send("o", "j", "o", "j", "o", "j", "o", "j", "o", "j", "o", "j", "o", "j", "o", "j", "o", "j", "o")
            let shown = try await lan.tmux.waitForScreen("some wards marked ✓") { screen in
                DashboardPane.wardRows(in: DashboardPane.lines(screen)).filter { $0.mark == "✓" }.count >= 3
            }
            let pid = try lan.programPID()
            #expect(kill(pid, SIGKILL) == 0)
            #expect(try await lan.waitForExit().status == 128 + 9)
            let saved = Set(DashboardPane.wardRows(in: DashboardPane.lines(shown)).filter { $0.mark == "✓" }.map(\.name))

            let again = try Self.dashboard(store.owner, reviewer: "Lan")
            _ = try await Self.open(again, province: "nghe an", row: "Tỉnh Nghệ An", crumb: "Nghệ An")
            let lines = try await again.waitForLines("the marks read back") { lines in
                let marked = Set(DashboardPane.wardRows(in: lines).filter { $0.mark == "✓" }.map(\.name))
                return marked.isSuperset(of: saved)
            }
            let reread = Set(DashboardPane.wardRows(in: lines).filter { $0.mark == "✓" }.map(\.name))
            #expect(reread.isSuperset(of: saved), "shown as saved before kill -9 but not stored: \(saved.subtracting(reread))")
            #expect(names.count == 33)
        }

        @Test func aStoreThatRefusesTheLoginOpensTheDashboardViewOnlyWithOneLine() async throws {
            let cluster = try PostgresCluster.shared()
            let pane = try Self.dashboard(cluster.uri(database: "no_such_database_e2e"), reviewer: "Lan")
            try await pane.waitUntilRunning()
            try await pane.waitForStatus("view only")
            _ = try await pane.openProvince("nghe an", row: "Tỉnh Nghệ An", breadcrumb: "Nationwide › Nghệ An")
            try pane.press("o")
            try await pane.waitForStatus("No review store could be opened")
            try pane.press("q")
            #expect(try await pane.waitForExit().status == 0)
            // The reason, in one line on standard error (left on the terminal after quitting).
            let screen = try pane.tmux.command(["capture-pane", "-p", "-J", "-t", "main"])   // -J: wrapped lines joined
            let line = try #require(screen.split(separator: "\n").first { $0.contains("kieumau: reviews:") }, "\(screen)")
            #expect(line.contains("the server has no database \"no_such_database_e2e\""), "\(line)")
        }
    }
}
