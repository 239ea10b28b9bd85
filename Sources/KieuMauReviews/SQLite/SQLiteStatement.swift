import CSQLite

/// A prepared statement: bind parameters (1-based), step through rows, read columns (0-based).
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let connection: SQLiteConnection

    init(_ statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Binds text (copied by SQLite) or NULL for nil. Bytes are passed with their length, so a
    /// NUL inside a note survives.
    func bind(_ value: String?, at index: Int32) throws(SQLiteFailure) {
        let rc: Int32
        if let value {
            // withCString keeps interior NULs; the explicit byte count makes SQLite take them all.
            // A string too large for SQLite gets SQLITE_TOOBIG, not a trap.
            let count = sqlite3_uint64(value.utf8.count)
            rc = value.withCString {
                sqlite3_bind_text64(statement, index, $0, count, kieumau_sqlite_transient(), UInt8(SQLITE_UTF8))
            }
        } else {
            rc = sqlite3_bind_null(statement, index)
        }
        guard rc == SQLITE_OK else { throw connection.failure(rc) }
    }

    func bind(_ value: Int64, at index: Int32) throws(SQLiteFailure) {
        let rc = sqlite3_bind_int64(statement, index, value)
        guard rc == SQLITE_OK else { throw connection.failure(rc) }
    }

    /// Binds each value in order from parameter 1.
    func bind(_ values: [String?]) throws(SQLiteFailure) {
        for (offset, value) in values.enumerated() { try bind(value, at: Int32(offset + 1)) }
    }

    /// Advances: true when a row is ready, false when done.
    @discardableResult
    func step() throws(SQLiteFailure) -> Bool {
        let rc = sqlite3_step(statement)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.failure(rc)
        }
    }

    /// Clears bindings and rewinds, to run the statement again.
    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    /// Column text, or nil for NULL. Invalid UTF-8 (a file edited by another program) is repaired
    /// with U+FFFD rather than trapping.
    func text(_ column: Int32) -> String? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL,
              let pointer = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}
