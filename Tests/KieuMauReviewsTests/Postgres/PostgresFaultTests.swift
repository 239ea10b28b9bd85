import Foundation
import Testing
import KieuMauCore
import KieuMauReviews
@testable import KieuMauReviewsPostgres
import KieuMauTestSupport

/// Each way of failing to connect is one clear line; a lost server is `.offline` and never a
/// saved mark; reconnecting works once the server is back.
@Suite(needsPostgres)
struct PostgresFaultTests {
    private func openError(_ uri: String) -> ReviewStoreError? {
        #expect(throws: ReviewStoreError.self) { try PostgresReviewStore.open(uri: uri) }
    }

    private func expectOneLine(_ error: ReviewStoreError?, _ kind: ReviewStoreError.Kind, saying words: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error?.kind == kind, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.description.contains(words) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.description.contains("\n") == false, sourceLocation: sourceLocation)
    }

    @Test func aServerThatIsNotThereIsUnreachable() throws {
        let folder = try TemporaryFolder()
        let error = openError("postgresql:///kieumau?host=\(folder.path)")
        expectOneLine(error, .unreachable, saying: "no PostgreSQL server answers there")
    }

    @Test func aWrongPasswordAnUnknownDatabaseAndAnUnknownRoleEachSaySo() throws {
        let database = try TestDatabase()
        let role = try database.makeRole("with_password", password: "đúng")
        _ = try PostgresReviewStore.grant(role: role, provinces: ["40"], uri: database.uri)
        #expect(try PostgresReviewStore.open(uri: database.uri(user: role, password: "đúng")).readOnlyReason == nil)

        expectOneLine(openError(database.uri(user: role, password: "sai")), .wrongPassword,
                      saying: "the server refused the password of role \"\(role)\"")
        expectOneLine(openError(database.uri(user: role)), .wrongPassword, saying: "asks for a password and none was given")
        expectOneLine(openError(database.cluster.uri(database: "no_such_database")), .unknownDatabase,
                      saying: "the server has no database \"no_such_database\"")
        expectOneLine(openError(database.uri(user: "no_such_role")), .unknownRole, saying: "the server has no role \"no_such_role\"")
        expectOneLine(openError("postgresql://[bad"), .badAddress, saying: "is not a connection URI libpq accepts")
    }

    @Test func requiringTLSFromAServerWithoutItIsATLSFailure() throws {
        let cluster = try PostgresCluster.start(tcp: true)
        defer { cluster.stop() }
        let name = try cluster.createDatabase()
        // Over TCP (a unix socket never uses TLS): sslmode=require against a server without TLS.
        let error = openError(cluster.uri(database: name, tcp: true, extra: "sslmode=require"))
        expectOneLine(error, .tlsFailed, saying: "TLS failed: server does not support SSL, but SSL was required")
        // The same server without the requirement works.
        _ = try PostgresReviewStore.initialize(uri: cluster.uri(database: name, tcp: true))
    }

    @Test func aServerRestartedMidSessionIsOfflineUntilReconnectedAndSavesNothingMeanwhile() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let database = try TestDatabase(cluster: cluster)
        let store = try database.open(listening: true)
        try store.setMark(.ok, snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(1))

        try cluster.stopServer()
        let lost = #expect(throws: ReviewStoreError.self) {
            try store.setMark(.followUp, snapshot: Sample.q2, ward: "2", reviewer: "Lan", at: Sample.time(2))
        }
        #expect(lost?.kind == .offline)
        #expect(lost?.message.hasPrefix("offline:") == true)
        #expect(lost?.message.contains("not saved") == true)
        let lostNote = #expect(throws: ReviewStoreError.self) {
            try store.setNote("x", snapshot: Sample.q2, ward: "3", reviewer: "Lan", at: Sample.time(3))
        }
        #expect(lostNote?.kind == .offline)
        #expect(throws: ReviewStoreError.self) { try store.drainChanges() }
        let stillDown = #expect(throws: ReviewStoreError.self) { try store.reconnect() }
        #expect(stillDown?.kind == .unreachable)

        try cluster.startServer()
        try store.reconnect()
        let saved = try store.setMark(.followUp, snapshot: Sample.q2, ward: "4", reviewer: "Lan", at: Sample.time(4))
        #expect(saved.mark == .followUp)
        // Only what returned as saved is there: not the mark or note tried while offline.
        #expect(try store.allReviews().map(\.ward) == ["1", "4"])
        // The listener listens again after reconnecting.
        try database.open().setMark(.ok, snapshot: Sample.q2, ward: "5", reviewer: "Minh", at: Sample.time(5))
        var pollFD = pollfd(fd: try #require(store.changeDescriptor), events: Int16(POLLIN), revents: 0)
        #expect(poll(&pollFD, 1, 1000) == 1)
        #expect(try store.drainChanges() == .reviews([ReviewKey(snapshot: Sample.q2, ward: "5")]))
    }
}
