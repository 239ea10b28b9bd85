/// Splits CSV text (RFC 4180) into records of fields, each with the line it starts on: quoted
/// fields may hold commas, doubled quotes and line breaks; CRLF or LF; a final line break is
/// optional and blank lines are skipped.
///
/// Core's `CSVTable` does the same for the data generator but is internal to KieuMauCore; this
/// one reports `ReviewImportError`s.
enum CSVRecords {
    static func parse(_ text: String, file: String) throws(ReviewImportError) -> [(fields: [String], line: Int)] {
        var records: [(fields: [String], line: Int)] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false, wasQuoted = false
        var line = 1, recordLine = 1, quoteLine = 1
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func endField() { fields.append(String(field)); field = String.UnicodeScalarView(); wasQuoted = false }
        func endRecord() {
            let blank = fields.isEmpty && field.isEmpty && !wasQuoted
            endField()
            if !blank { records.append((fields, recordLine)) }
            fields = []
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" { field.append("\""); i += 2; continue }
                    inQuotes = false
                    i += 1
                    if i < scalars.count, !["," as Unicode.Scalar, "\n", "\r"].contains(scalars[i]) {
                        throw ReviewImportError(file: file, line: line, "expected a comma or a line end after a closing quote, found \"\(scalars[i].escaped(asASCII: true))\"")
                    }
                    continue
                }
                if c == "\n" { line += 1 }
                field.append(c)
                i += 1
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !wasQuoted else {
                    throw ReviewImportError(file: file, line: line, "expected a quote only at the start of a field")
                }
                inQuotes = true; wasQuoted = true; quoteLine = line
            case ",":
                endField()
            case "\r", "\n":
                endRecord()
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                line += 1
                recordLine = line
            default:
                field.append(c)
            }
            i += 1
        }
        if inQuotes { throw ReviewImportError(file: file, line: quoteLine, "expected a closing quote before the end of the file") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
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
