/// A parsed CSV file (RFC 4180): a header row and data rows addressed by column name.
/// Handles quoted fields with embedded separators, quotes (`""`) and line breaks, CRLF line ends,
/// a leading byte-order mark, and a separator other than the comma (spreadsheets saved with a
/// Vietnamese or European locale write `;`).
public struct CSVTable: Sendable {
var file: String
var header: [String]
    /// Data rows; each has exactly `header.count` fields.
var rows: [[String]]
    /// 1-based line in the file where each row starts, for error messages.
var lines: [Int]

    /// Parses `text`; `file` names it in problems. Every row must have as many fields as the header.
init(file: String, text: String, separator: Unicode.Scalar = ",") throws(Problem) {
        var records = try CSVTable.records(file: file, text: text, separator: separator)
        guard !records.isEmpty else { throw Problem(file: file, message: "expected a header row, found an empty file") }
        let (header, _) = records.removeFirst()
        var rows: [[String]] = []
        var lines: [Int] = []
        rows.reserveCapacity(records.count)
        lines.reserveCapacity(records.count)
        for (fields, line) in records {
            guard fields.count == header.count else {
                throw Problem(file: file, line: line,
                              message: "expected \(header.count) fields as in the header, found \(fields.count)")
            }
            rows.append(fields)
            lines.append(line)
        }
        self.file = file; self.header = header; self.rows = rows; self.lines = lines
    }

    /// The index of a column, or a problem naming the missing column.
func column(_ name: String) throws(Problem) -> Int {
        guard let i = header.firstIndex(of: name) else {
            throw Problem(file: file, line: 1, message: "expected a column \"\(name)\" in the header \(header.joined(separator: ","))")
        }
        return i
    }

    /// A problem located at a data row and column.
func problem(row: Int, column: Int, _ message: String) -> Problem {
        Problem(file: file, path: "row \(row + 1).\(header[column])", line: lines[row], message: message)
    }

    /// The separator a spreadsheet used, guessed from its first line: whichever of `,` `;` and tab
    /// occurs most outside quotes (a comma on a tie or when there is none).
    static func sniffSeparator(_ text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for c in text.unicodeScalars {
            if c == "\"" { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if c == "\n" || c == "\r" { break }
            if counts[c] != nil { counts[c, default: 0] += 1 }
        }
        let best = [",", ";", "\t"].max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? ","
        return (counts[best] ?? 0) > (counts[","] ?? 0) ? best : ","
    }

    /// Splits text into records of fields with the line each starts on. A final line break is
    /// optional; a blank last line is not a record; a leading byte-order mark is skipped.
    public static func records(file: String, text: String, separator: Unicode.Scalar = ",") throws(Problem) -> [([String], Int)] {
        var records: [([String], Int)] = []
        var fields: [String] = []
        var field: [Unicode.Scalar] = []
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        let scalars = Array(text.unicodeScalars)
        var i = scalars.first == "\u{FEFF}" ? 1 : 0
        func endField() { fields.append(String(String.UnicodeScalarView(field))); field.removeAll(keepingCapacity: true); fieldWasQuoted = false }
        func endRecord() {
            // A line with nothing on it (not even "") is blank, not a record of one empty field.
            let blank = fields.isEmpty && field.isEmpty && !fieldWasQuoted
            endField()
            if !blank { records.append((fields, recordLine)) }
            fields.removeAll(keepingCapacity: true)
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" { field.append("\""); i += 2; continue }
                    inQuotes = false
                    i += 1
                    // After a closing quote only a separator or a line end may follow.
                    if i < scalars.count, scalars[i] != separator, scalars[i] != "\n", scalars[i] != "\r" {
                        throw Problem(file: file, line: line, message: "expected \(separatorName(separator)) or line end after a closing quote, found \"\(Character(scalars[i]))\"")
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
                guard field.isEmpty, !fieldWasQuoted else {
                    throw Problem(file: file, line: line, message: "expected a quote only at the start of a field")
                }
                inQuotes = true; fieldWasQuoted = true; quoteLine = line
                i += 1
            case separator:
                endField(); i += 1
            case "\r", "\n":
                endRecord()
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                i += 1; line += 1; recordLine = line
            default:
                field.append(c); i += 1
            }
        }
        if inQuotes { throw Problem(file: file, line: quoteLine, message: "expected a closing quote before the end of the file") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }

    /// "a comma", "a semicolon", "a tab" for messages.
    static func separatorName(_ separator: Unicode.Scalar) -> String {
        switch separator {
        case ",": return "a comma"
        case ";": return "a semicolon"
        case "\t": return "a tab"
        default: return "the separator '\(Character(separator))'"
        }
    }
}
