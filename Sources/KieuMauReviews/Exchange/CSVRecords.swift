import KieuMauCore

/// CSV (RFC 4180) for review exchange files: records through Core's reader (the same one the
/// generator and the spreadsheet import use), with its problems as `ReviewImportError`s.
enum CSVRecords {
    static func parse(_ text: String, file: String) throws(ReviewImportError) -> [(fields: [String], line: Int)] {
        do {
            return try CSVTable.records(file: file, text: text).map { (fields: $0.0, line: $0.1) }
        } catch {
            throw ReviewImportError(file: file, line: error.line ?? 1, error.message)
        }
    }
}
