import CLibPQ

/// The rows of a successful query; text format only (every parameter and column is text).
final class PGResult {
    private let result: OpaquePointer

    init(_ result: OpaquePointer) { self.result = result }

    deinit { km_PQclear(result) }

    var rowCount: Int { Int(km_PQntuples(result)) }

    /// A column's text, nil for SQL NULL. Invalid UTF-8 is repaired with U+FFFD, never a trap.
    func text(_ row: Int, _ column: Int) -> String? {
        guard km_PQgetisnull(result, Int32(row), Int32(column)) == 0,
              let pointer = km_PQgetvalue(result, Int32(row), Int32(column)) else { return nil }
        let count = Int(km_PQgetlength(result, Int32(row), Int32(column)))
        return pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    /// The first column of the first row (for `SELECT count(*)`, `SELECT version`…).
    var scalar: String? { rowCount > 0 ? text(0, 0) : nil }
}
