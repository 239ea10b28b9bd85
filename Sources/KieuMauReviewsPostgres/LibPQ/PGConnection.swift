import Foundation
import CLibPQ

/// One libpq connection, used from one thread at a time. Blocking calls (`execute`) for the store;
/// the socket and `consumeNotifications` for a listener that must never block.
///
/// A thin wrapper over the system's libpq, like `SQLiteConnection` over SQLite: typed failures,
/// results freed by their owner, parameters always passed separately from the SQL (never pasted in).
final class PGConnection {
    private let connection: OpaquePointer

    /// Connects with a URI or `key=value` string. libpq's conventions hold: PGHOST, PGUSER,
    /// PGPASSWORD, ~/.pgpass, PGSSLMODE… fill in what the string leaves out. `defaults` are
    /// keywords the string and the environment may override (a connect timeout, the application
    /// name), so a program with nothing configured still does not wait forever.
    init(_ conninfo: String, defaults: [(String, String)]) throws(PGFailure) {
        if let problem = km_pq_load() {
            throw PGFailure(sqlState: "KMLIB", message: "the shared review store needs libpq (libpq.so.5), which cannot be loaded: \(String(cString: problem)); install it (apt-get install libpq5)", connectionLost: true)
        }
        // With expand_dbname, `dbname` holding a URI is expanded in its place; keywords after it
        // would override it, so the defaults go first.
        let keywords = defaults.map(\.0) + ["dbname"]
        let values = defaults.map(\.1) + [conninfo]
        let handle = withCStrings(keywords) { keywordPointers in
            withCStrings(values) { valuePointers in km_PQconnectdbParams(keywordPointers, valuePointers, 1) }
        }
        guard let handle else { throw PGFailure(sqlState: "", message: "out of memory", connectionLost: true) }
        guard km_PQstatus(handle) == CONNECTION_OK else {
            let message = String(cString: km_PQerrorMessage(handle))
            km_PQfinish(handle)
            throw PGFailure(sqlState: "", message: message, connectionLost: true)
        }
        connection = handle
        // Server notices (e.g. "relation already exists, skipping") would go to standard error
        // and tear the dashboard's screen: drop them.
        km_PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }

    deinit { km_PQfinish(connection) }

    var isBroken: Bool { km_PQstatus(connection) != CONNECTION_OK }

    /// The socket, readable when the server sent something (a notification): for `poll`.
    var socket: Int32 { km_PQsocket(connection) }

    /// The server process serving this connection (tells our own notifications from others').
    var backendPID: Int32 { km_PQbackendPID(connection) }

    /// A connection parameter as in force (`user`, `dbname`, `host`).
    var user: String { km_PQuser(connection).map { String(cString: $0) } ?? "" }

    /// Runs one statement with text parameters (`$1`, `$2`… in the SQL; nil is NULL).
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws(PGFailure) -> PGResult {
        let raw = withOptionalCStrings(parameters) { pointers in
            km_PQexecParams(connection, sql, Int32(parameters.count), nil, pointers, nil, nil, 0)
        }
        guard let raw else { throw failure(nil) }
        switch km_PQresultStatus(raw) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PGResult(raw)
        default:
            let failed = failure(raw)
            km_PQclear(raw)
            throw failed
        }
    }

    /// Runs several statements separated by semicolons (a migration), without parameters.
    func executeScript(_ sql: String) throws(PGFailure) {
        guard let raw = km_PQexec(connection, sql) else { throw failure(nil) }
        defer { km_PQclear(raw) }
        switch km_PQresultStatus(raw) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: return
        default: throw failure(raw)
        }
    }

    /// Runs `body` in BEGIN … COMMIT, rolling back when it throws. A failure of COMMIT itself is
    /// thrown: the caller reports nothing as saved unless COMMIT returned.
    func transaction<T>(_ body: () throws(PGFailure) -> T) throws(PGFailure) -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if !isBroken { _ = try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Reconnects with the same parameters (libpq's PQreset); throws when the server still
    /// cannot be reached.
    func reset() throws(PGFailure) {
        km_PQreset(connection)
        guard km_PQstatus(connection) == CONNECTION_OK else {
            throw PGFailure(sqlState: "", message: String(cString: km_PQerrorMessage(connection)), connectionLost: true)
        }
    }

    /// Reads what the server sent without blocking, and returns the notifications received as
    /// (channel, payload, sending backend). Throws when the connection is gone.
    func consumeNotifications() throws(PGFailure) -> [(channel: String, payload: String, sender: Int32)] {
        // A server that shut down sends its farewell and then closes: the first read takes the
        // message, a second finds the end and marks the connection broken. Read while the socket
        // still has something (a few times at most: it is never waited on).
        for _ in 0..<4 {
            guard km_PQconsumeInput(connection) == 1, !isBroken else { throw failure(nil) }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) == 1 else { break }
        }
        var received: [(channel: String, payload: String, sender: Int32)] = []
        while let notify = km_PQnotifies(connection) {
            let item = notify.pointee
            received.append((String(cString: item.relname), String(cString: item.extra), item.be_pid))
            km_PQfreemem(notify)
        }
        return received
    }

    /// `"name"` with quotes doubled, for a role in GRANT (identifiers cannot be parameters).
    func quotedIdentifier(_ name: String) throws(PGFailure) -> String {
        guard let escaped = km_PQescapeIdentifier(connection, name, name.utf8.count) else { throw failure(nil) }
        defer { km_PQfreemem(escaped) }
        return String(cString: escaped)
    }

    private func failure(_ result: OpaquePointer?) -> PGFailure {
        let lost = km_PQstatus(connection) != CONNECTION_OK
        if let result {
            let state = km_pq_sqlstate(result).map { String(cString: $0) } ?? ""
            let primary = km_pq_primary_message(result).map { String(cString: $0) }
            let message = primary ?? String(cString: km_PQresultErrorMessage(result))
            return PGFailure(sqlState: state, message: message.trimmedLine, connectionLost: lost)
        }
        return PGFailure(sqlState: "", message: String(cString: km_PQerrorMessage(connection)).trimmedLine, connectionLost: lost)
    }
}

/// C strings for the duration of `body` (libpq copies what it keeps).
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    var pointers = strings.map { UnsafePointer(strdup($0)) } + [nil]
    defer { for pointer in pointers { free(UnsafeMutablePointer(mutating: pointer)) } }
    return pointers.withUnsafeMutableBufferPointer { body(UnsafePointer($0.baseAddress!)) }
}

private func withOptionalCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    var pointers: [UnsafePointer<CChar>?] = strings.map { $0.map { UnsafePointer(strdup($0)) } ?? nil }
    defer { for pointer in pointers { free(UnsafeMutablePointer(mutating: pointer)) } }
    return pointers.withUnsafeMutableBufferPointer { body(UnsafePointer($0.baseAddress)) }
}

extension String {
    /// libpq's messages end in a newline and may carry a second, indented line (a hint):
    /// one line, the parts joined.
    var trimmedLine: String {
        split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
