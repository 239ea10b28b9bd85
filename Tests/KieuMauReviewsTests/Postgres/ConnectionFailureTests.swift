import Testing
import KieuMauReviews
@testable import KieuMauReviewsPostgres

/// libpq's words for failed connections, as PostgreSQL 15 writes them, each to its one line.
/// (The same cases against a real server are in `PostgresFaultTests`; these cover the variants a
/// test cannot easily provoke: a TCP refusal, a host that does not resolve, a timeout.)
struct ConnectionFailureTests {
    private func kind(_ message: String) -> ReviewStoreError {
        ConnectionFailure.storeError(PGFailure(sqlState: "", message: message, connectionLost: true), store: "postgresql://db/k")
    }

    @Test(arguments: [
        "connection to server at \"127.0.0.1\", port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n",
        "could not translate host name \"db.invalid\" to address: Name or service not known\n",
        "connection to server at \"10.0.0.9\", port 5432 failed: timeout expired\n",
        "connection to server on socket \"/run/postgresql/.s.PGSQL.5432\" failed: FATAL:  the database system is shutting down\n",
    ])
    func unreachableServers(_ message: String) {
        let error = kind(message)
        #expect(error.kind == .unreachable)
        #expect(error.description.hasPrefix("review store postgresql://db/k: no PostgreSQL server answers there"))
        #expect(!error.description.contains("\n"))
    }

    @Test func serverRefusalsNameWhatWasWrong() {
        let password = kind("connection to server at \"db\" (10.0.0.2), port 5432 failed: FATAL:  password authentication failed for user \"lan\"\n")
        #expect(password.kind == .wrongPassword && password.message.contains("of role \"lan\""))
        let database = kind("connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: FATAL:  database \"kieumau\" does not exist\n")
        #expect(database.kind == .unknownDatabase && database.message.hasPrefix("the server has no database \"kieumau\""))
        let role = kind("connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: FATAL:  role \"minh\" does not exist\n")
        #expect(role.kind == .unknownRole && role.message.hasPrefix("the server has no role \"minh\""))
        let certificate = kind("connection to server at \"db\" (10.0.0.2), port 5432 failed: SSL error: certificate verify failed\n")
        #expect(certificate.kind == .tlsFailed && certificate.message == "TLS failed: SSL error: certificate verify failed (sslmode=require needs a server with TLS set up)")
        let uri = kind("invalid URI query parameter: \"sslmod\"\n")
        #expect(uri.kind == .badAddress)
    }
}
