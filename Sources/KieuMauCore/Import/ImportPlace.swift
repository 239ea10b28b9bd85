/// Where in a spreadsheet a problem is, as its user finds it: in a CSV file the row as a
/// spreadsheet numbers it, the column by letter and header name, and the line of the text
/// ("row 3, column B (Phường)", line 3); in a workbook the sheet and the cell ("Nghệ An!B3 (Phường)").
struct ImportPlace: Sendable {
    let file: String
    /// The workbook's sheet; nil for a CSV file.
    let sheet: String?
    let names: [String]
    /// The row each column's name was read from.
    let nameRows: [Int]
    let nameLines: [Int?]
    let headerLine: Int?
    let headerRow: Int
    let hiddenColumns: Set<Int>

    init(_ table: ImportTable) {
        file = table.file; sheet = table.sheet; names = table.names; nameRows = table.nameRows; nameLines = table.nameLines
        headerLine = table.headerLine; headerRow = table.headerRow; hiddenColumns = table.hiddenColumns
    }

    /// "column C (Phường)", "column D (Mã nội bộ, hidden)".
    func describeColumn(_ index: Int) -> String {
        "column \(Self.letter(index))" + columnName(index)
    }

    /// " (Phường)", " (Mã nội bộ, hidden)", or "" for a column without a name that is not hidden.
    private func columnName(_ index: Int) -> String {
        let name = index < names.count ? ImportWords.trimmed(names[index]) : ""
        let parts = (name.isEmpty ? [] : [name]) + (hiddenColumns.contains(index) ? ["hidden"] : [])
        return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    }

    /// "row 7, column E (Trạng thái)" in a CSV file, "Nghệ An!E7 (Trạng thái)" in a workbook.
    func cellPath(row: Int, column: Int) -> String {
        guard let sheet else { return "row \(row), " + describeColumn(column) }
        return "\(sheet)!\(Self.letter(column))\(row)" + columnName(column)
    }

    /// Where the header is, for problems with the header as a whole.
    var headerPath: String { sheet.map { "\($0), header (row \(headerRow))" } ?? "header" }

    /// A problem with the header cell of a column.
    func header(_ column: Int, _ message: String, severity: Problem.Severity = .error) -> Problem {
        let row = column < nameRows.count ? nameRows[column] : headerRow
        let line = column < nameLines.count ? nameLines[column] : headerLine
        return Problem(file: file, path: cellPath(row: row, column: column), line: line, message: message, severity: severity)
    }

    /// A problem with one cell of a data row; `row` is the spreadsheet row number.
    func cell(row: Int, line: Int?, column: Int, _ message: String, severity: Problem.Severity = .error) -> Problem {
        Problem(file: file, path: cellPath(row: row, column: column), line: line, message: message, severity: severity)
    }

    /// A problem with a whole data row.
    func row(_ row: Int, line: Int?, _ message: String, severity: Problem.Severity = .error) -> Problem {
        Problem(file: file, path: sheet.map { "\($0), row \(row)" } ?? "row \(row)", line: line, message: message, severity: severity)
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
