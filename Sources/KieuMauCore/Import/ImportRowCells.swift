/// The cells of one data row, and the problems found in them.
struct ImportRowCells {
    let row: ImportTable.Row
    let header: ImportHeader
    let place: ImportPlace
    private(set) var problems: [Problem] = []
    /// True once an error was found: the row is not imported.
    private(set) var failed = false

    init(row: ImportTable.Row, header: ImportHeader, place: ImportPlace) {
        self.row = row; self.header = header; self.place = place
    }

    /// The trimmed text of a role's column and the column, nil when blank or absent.
    func cell(_ role: ImportHeader.Role) -> (text: String, column: Int)? {
        guard let column = header.column(role) else { return nil }
        let text = self.text(column)
        return text.isEmpty ? nil : (text, column)
    }

    /// The trimmed text of a column; a row shorter than the header has blank cells at its end.
    func text(_ column: Int) -> String {
        column < row.cells.count ? ImportWords.trimmed(row.cells[column]) : ""
    }

    /// The text of a column as the cell holds it, untrimmed.
    func rawText(_ column: Int) -> String { column < row.cells.count ? row.cells[column] : "" }

    mutating func error(_ column: Int, _ message: String) {
        problems.append(place.cell(row: row.number, line: row.line, column: column, message)); failed = true
    }

    mutating func warning(_ column: Int, _ message: String) {
        problems.append(place.cell(row: row.number, line: row.line, column: column, message, severity: .warning))
    }

    /// An error about the row as a whole.
    mutating func rowError(_ message: String) {
        problems.append(place.row(row.number, line: row.line, message)); failed = true
    }
}
