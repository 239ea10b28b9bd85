import Foundation
import KieuMauCore
import KieuMauReviews
import KieuMauReviewsPostgres
import KieuMauTestSupport
import Testing
@testable import KieuMauDashboard

/// The dashboard's review backend on a shared store (`--reviews postgresql://…`), through the
/// `ReviewBackend` port the screens use: marks, refusals, other dashboards' marks, a lost server.
@Suite(.enabled(if: PostgresBinaries.isAvailable, Comment(rawValue: PostgresBinaries.unavailableReason ?? "PostgreSQL is installed")))
struct SharedStoreBackendTests {
    static let day = Day(year: 2025, month: 6, day: 30)!
    static let haNoiWard = "00001", ngheAnWard = "16666"

    /// A database with the schema, and a role granted Nghệ An; the owner's and the role's URIs.
    private func sharedStore(_ cluster: PostgresCluster) throws -> (owner: String, reviewer: String, role: String) {
        let name = try cluster.createDatabase(prefix: "dash")
        let owner = cluster.uri(database: name)
        _ = try PostgresReviewStore.initialize(uri: owner)
        let role = "dash_\(name.suffix(8))"
        try cluster.psql("CREATE ROLE \(role) LOGIN", database: "postgres")
        _ = try PostgresReviewStore.grant(role: role, provinces: ["40"], uri: owner)
        return (owner, cluster.uri(database: name, user: role), role)
    }

    @Test func marksRefusalsAndOtherDashboardsMarksGoThroughThePort() throws {
        let store = try sharedStore(try PostgresCluster.shared())
        let (lan, lanProblem) = StoreReviewBackend.open(flag: store.reviewer, reviewer: "Lan", environment: [:])
        let (minh, _) = StoreReviewBackend.open(flag: store.owner, reviewer: "Minh", environment: [:])
        let reviewer = try #require(lan, "\(lanProblem ?? "")"), owner = try #require(minh)
        #expect(lanProblem == nil && reviewer.readOnlyReason == nil)
        #expect(!((try? owner.drainChanges()) ?? false))

        let saved = try reviewer.setMark(.ok, snapshot: Self.day, ward: Self.ngheAnWard)
        #expect(saved.mark == .ok && saved.markedBy == "Lan")
        // The other dashboard hears it without reading anything (within a second).
        let deadline = ContinuousClock.now + .seconds(1)
        var heard = ((try? owner.drainChanges()) ?? false)
        while !heard, ContinuousClock.now < deadline {
            usleep(10_000)
            heard = ((try? owner.drainChanges()) ?? false)
        }
        #expect(heard)
        #expect(try owner.reviews(snapshot: Self.day)[Self.ngheAnWard]?.mark == .ok)

        let refused = #expect(throws: ReviewStoreError.self) { try reviewer.setMark(.ok, snapshot: Self.day, ward: Self.haNoiWard) }
        #expect("\(refused.map { "\($0)" } ?? "")" == "not allowed to review wards of Hà Nội (01) as role \(store.role)")
        #expect(try owner.reviews(snapshot: Self.day)[Self.haNoiWard] == nil)

        // A note written by the other dashboard after this one read the ward is kept with this one's.
        let asRead = try reviewer.reviews(snapshot: Self.day)[Self.ngheAnWard]?.note ?? ""
        _ = try owner.setNote("Minh: thiếu hồ sơ", replacing: nil, snapshot: Self.day, ward: Self.ngheAnWard)
        let note = try reviewer.setNote("Lan: đã đủ", replacing: asRead, snapshot: Self.day, ward: Self.ngheAnWard)
        #expect(note.note.hasPrefix("Lan: đã đủ\n\n[Minh, "))
        #expect(note.note.hasSuffix("] Minh: thiếu hồ sơ"))
    }

    @Test func aLostServerFailsTheWriteAsOfflineAndReconnectBringsItBack() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let store = try sharedStore(cluster)
        let backend = try #require(StoreReviewBackend.open(flag: store.owner, reviewer: "Lan", environment: [:]).0)
        try cluster.stopServer()
        let offline = #expect(throws: ReviewStoreError.self) { try backend.setMark(.ok, snapshot: Self.day, ward: "1") }
        #expect(offline?.kind == .offline)
        #expect(offline.map { "\($0)".hasPrefix("offline: ") } == true)
        #expect(throws: ReviewStoreError.self, "the server is still down") { try backend.reconnect() }
        try cluster.startServer()
        try backend.reconnect()
        #expect(try backend.setMark(.ok, snapshot: Self.day, ward: "2").mark == .ok)
        #expect(try backend.reviews(snapshot: Self.day).keys.sorted() == ["2"])
    }

    @Test func aSharedStoreThatCannotBeReachedLeavesTheDashboardViewOnlyWithOneLine() throws {
        let (backend, problem) = StoreReviewBackend.open(flag: "postgresql:///kieumau?host=/nonexistent-kieumau-socket-folder",
                                                        reviewer: "Lan", environment: [:])
        #expect(backend == nil)
        let line = try #require(problem)
        #expect(line.contains("no PostgreSQL server answers there") && !line.contains("\n"), "\(line)")
    }
}
