import CSQLite

/// A failed SQLite call: the result code (extended when SQLite gives one) and SQLite's message.
struct SQLiteFailure: Error, Sendable {
    var code: Int32
    var message: String

    /// The primary result code (SQLITE_BUSY, SQLITE_READONLY…) without the extended bits.
    var primary: Int32 { code & 0xFF }
}

/// One connection to an SQLite database file, used from one thread at a time.
///
/// A thin wrapper over the system's libsqlite3 rather than GRDB: the review store needs a dozen
/// statements, and GRDB (tens of thousands of lines, plus its own SQLite build on Linux) would
/// add minutes to a clean build on the 2-core machines this is built on, for an API we would not
/// use. What the wrapper adds is only what Swift needs: typed errors, statement lifetimes, text
/// bound as UTF-8 and read back without trapping on bad bytes.
final class SQLiteConnection {
    private let db: OpaquePointer
    let path: String

    /// Opens `filename` with SQLite's `flags` (SQLITE_OPEN_*). With `uri`, `filename` is a
    /// `file:` URI (used for `immutable=1`).
    init(filename: String, flags: Int32, path: String) throws(SQLiteFailure) {
        var handle: OpaquePointer?
        let rc = sqlite3_open_v2(filename, &handle, flags | SQLITE_OPEN_EXRESCODE, nil)
        guard rc == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(handle)
            throw SQLiteFailure(code: rc, message: message)
        }
        sqlite3_extended_result_codes(handle, 1)
        db = handle
        self.path = path
    }

    deinit {
        sqlite3_close_v2(db)
    }

    /// True when SQLite opened the main database read-only (asked for, or the file forced it).
    var isReadOnly: Bool { sqlite3_db_readonly(db, "main") == 1 }

    func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(db, milliseconds)
    }

    /// Runs SQL that returns no rows we need (several statements allowed).
    func execute(_ sql: String) throws(SQLiteFailure) {
        let rc = sqlite3_exec(db, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw failure(rc) }
    }

    /// A prepared statement; finalised when the value goes away.
    func prepare(_ sql: String) throws(SQLiteFailure) -> SQLiteStatement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw failure(rc) }
        return SQLiteStatement(statement, connection: self)
    }

    /// The integer a one-row, one-column query returns (PRAGMA user_version, COUNT(*)…).
    func integer(_ sql: String) throws(SQLiteFailure) -> Int64 {
        let statement = try prepare(sql)
        guard try statement.step() else { throw SQLiteFailure(code: SQLITE_ERROR, message: "no row from \(sql)") }
        return statement.int64(0)
    }

    /// The text a one-row, one-column query returns (PRAGMA journal_mode).
    func text(_ sql: String) throws(SQLiteFailure) -> String {
        let statement = try prepare(sql)
        guard try statement.step() else { throw SQLiteFailure(code: SQLITE_ERROR, message: "no row from \(sql)") }
        return statement.text(0) ?? ""
    }

    /// Runs `body` inside BEGIN IMMEDIATE … COMMIT (the write lock is taken up front, so a busy
    /// store fails at BEGIN, before any work), rolling back when it throws.
    func immediateTransaction<T>(_ body: () throws(SQLiteFailure) -> T) throws(SQLiteFailure) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The error SQLite reports for the last call, with its extended code.
    func failure(_ rc: Int32) -> SQLiteFailure {
        let code = sqlite3_extended_errcode(db)
        return SQLiteFailure(code: code != SQLITE_OK ? code : rc, message: String(cString: sqlite3_errmsg(db)))
    }
}
