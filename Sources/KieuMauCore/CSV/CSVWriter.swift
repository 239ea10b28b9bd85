/// The one CSV writer for everything the program writes as CSV: reports, the dashboard's exports
/// and the review exchange. Every cell is guarded against formula injection (`FormulaGuard`) and
/// quoted as RFC 4180 says; rows end in LF. What it writes, `CSVTable.records` reads back, and
/// `FormulaGuard.unguarded` gives back each cell exactly.
public enum CSVWriter {
    /// Rows of cells as CSV text, each row ending in a line feed.
    public static func table(_ rows: [[String]]) -> String {
        var out = ""
        for r in rows { out += row(r) + "\n" }
        return out
    }

    /// One row, without its line end. A row of one empty cell is written `""`: an empty line is
    /// no record at all to a reader.
    public static func row(_ cells: [String]) -> String {
        if cells.count == 1, cells[0].isEmpty { return "\"\"" }
        return cells.map(field).joined(separator: ",")
    }

    /// One cell, guarded and quoted where needed.
    public static func field(_ text: String) -> String {
        quoted(FormulaGuard.guarded(text))
    }

    /// Quoted when the text holds a comma, a quote or a line break, or starts with a byte-order
    /// mark (a reader skips one at the start of a file). Looked for among scalars, as a reader
    /// sees them: a comma followed by a combining mark is one Character, not equal to ",".
    static func quoted(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let needsQuotes = scalars.first == "\u{FEFF}"
            || scalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for s in scalars {
            if s == "\"" { out.append("\"") }
            out.append(s)
        }
        out.append("\"")
        return String(out)
    }
}
