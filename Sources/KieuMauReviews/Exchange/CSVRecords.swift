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

    /// A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break.
    /// Looked for among scalars, as `parse` reads them: a comma followed by a combining mark is one
    /// Character, not equal to ",", and was left unquoted, splitting the field (found by fuzzing).
    static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = "\""
        for c in text.unicodeScalars {
            if c == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(c) }
        }
        return quoted + "\""
    }
}
