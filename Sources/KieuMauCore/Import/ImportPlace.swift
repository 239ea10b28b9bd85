/// Where in a spreadsheet a problem is: the file, the row as a spreadsheet numbers it (the header
/// is row 1), the column by letter and header name, and the line of the CSV text.
struct ImportPlace: Sendable {
    let file: String
    let names: [String]
    let headerLine: Int
    let headerRow: Int

    /// "column C (Phường)".
    func describeColumn(_ index: Int) -> String {
        let name = index < names.count ? ImportWords.trimmed(names[index]) : ""
        return "column \(Self.letter(index))" + (name.isEmpty ? "" : " (\(name))")
    }

    /// A problem with the header cell of a column.
    func header(_ column: Int, _ message: String, severity: Problem.Severity = .error) -> Problem {
        Problem(file: file, path: "row \(headerRow), " + describeColumn(column), line: headerLine, message: message, severity: severity)
    }

    /// A problem with one cell of a data row; `row` is the spreadsheet row number.
    func cell(row: Int, line: Int, column: Int, _ message: String, severity: Problem.Severity = .error) -> Problem {
        Problem(file: file, path: "row \(row), " + describeColumn(column), line: line, message: message, severity: severity)
    }

    /// A problem with a whole data row.
    func row(_ row: Int, line: Int, _ message: String, severity: Problem.Severity = .error) -> Problem {
        Problem(file: file, path: "row \(row)", line: line, message: message, severity: severity)
    }

    /// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
    static func letter(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// "a, b and c"; at most eight items, then a count of the rest.
    static func list(_ items: [String]) -> String {
        let shown = items.prefix(8)
        var text = shown.count <= 1 ? shown.joined() : shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
        if items.count > shown.count {
            text = shown.joined(separator: ", ") + " and \(items.count - shown.count) more"
        }
        return text
    }
}
