import KieuMauReviews

/// One clear line for each way connecting to the shared store fails, from libpq's message
/// (a failed connection has no SQLSTATE to go by). The server's own words follow, shortened.
enum ConnectionFailure {
    static func storeError(_ failure: PGFailure, store: String) -> ReviewStoreError {
        let message = failure.message
        let detail = firstLine(message)
        let reason = withoutPreamble(detail)
        func error(_ kind: ReviewStoreError.Kind, _ text: String) -> ReviewStoreError {
            ReviewStoreError(kind, path: store, text)
        }
        if failure.sqlState == "KMLIB" { return error(.failed, message) }
        if message.contains("password authentication failed") {
            return error(.wrongPassword, "the server refused the password\(quoted(after: "for user ", in: message).map { " of role \($0)" } ?? "") (check PGPASSWORD, ~/.pgpass or the URI)")
        }
        if message.contains("no password supplied") {
            return error(.wrongPassword, "the server asks for a password and none was given (set PGPASSWORD, ~/.pgpass or put it in the URI)")
        }
        if message.contains("database \""), message.contains("does not exist"), let name = quoted(after: "database ", in: message) {
            return error(.unknownDatabase, "the server has no database \(name); create it (createdb) or fix the URI")
        }
        if message.contains("role \""), message.contains("does not exist"), let name = quoted(after: "role ", in: message) {
            return error(.unknownRole, "the server has no role \(name); ask its administrator to create it, or fix the user in the URI")
        }
        if message.contains("SSL") || message.contains("certificate") || message.contains("GSSAPI") {
            return error(.tlsFailed, "TLS failed: \(reason) (sslmode=require needs a server with TLS set up)")
        }
        if message.contains("in URI") || message.contains("invalid URI") || message.contains("invalid connection option") || message.contains("invalid sslmode")
            || message.contains("invalid integer value") || message.contains("invalid percent-encoded") || message.contains("missing \"=\"") {
            return error(.badAddress, "is not a connection URI libpq accepts: \(reason)")
        }
        let unreachable = ["could not connect", "Connection refused", "No such file or directory", "could not translate host name",
                           "timeout expired", "Is the server running", "the database system is", "server closed the connection",
                           "Network is unreachable", "No route to host", "failed: "]
        if unreachable.contains(where: message.contains) {
            return error(.unreachable, "no PostgreSQL server answers there (stopped, or a wrong host, port or socket): \(detail)")
        }
        return error(.failed, "cannot connect: \(reason)")
    }

    /// libpq's first line, without the `connection to server … failed:` preamble when a
    /// server message follows it.
    static func firstLine(_ message: String) -> String {
        var line = message.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? message
        if let fatal = line.range(of: "FATAL:") { line = String(line[fatal.upperBound...]) }
        return line.trimmingSpacesAround
    }

    /// What follows libpq's `connection to server at "host", port 5432 failed: ` (the address
    /// is already in the store's name), or the line itself.
    static func withoutPreamble(_ line: String) -> String {
        guard line.hasPrefix("connection to server"), let failed = line.range(of: "failed: ") else { return line }
        return String(line[failed.upperBound...])
    }

    /// The double-quoted name after `prefix` (`role "lan"` → `"lan"`), quotes kept.
    static func quoted(after prefix: String, in message: String) -> String? {
        guard let start = message.range(of: prefix + "\"") else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return "\"" + rest[..<end] + "\""
    }
}

extension String {
    var trimmingSpacesAround: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
