/// A spreadsheet read into rows of cells: decoded as UTF-8 (a byte-order mark skipped), its
/// separator (`,` `;` or tab) guessed from the header row, CRLF or LF line ends.
public struct ImportTable: Sendable {
    struct Row: Sendable {
        var cells: [String]
        /// The line of the CSV text where the row starts.
        var line: Int
        /// The row number as a spreadsheet shows it (the header is row 1).
        var number: Int
    }

    /// The name problems give the file.
    public let file: String
    let names: [String]
    let headerLine: Int
    /// The header's row number: 1, or later when title rows stand above it.
    let headerRow: Int
    let rows: [Row]
    let separator: Unicode.Scalar

    /// Reads a spreadsheet's bytes; a problem says why it cannot be read at all.
    public static func read(bytes: [UInt8], file: String, limits: ImportLimits = ImportLimits()) -> Result<ImportTable, Problem> {
        if bytes.count > limits.maxBytes {
            return .failure(Problem(file: file, message:
                "the file is \(bytes.count) bytes, above the import limit of \(limits.maxBytes) bytes; split it (one file per province)"))
        }
        let text: String
        switch ImportText.decode(bytes, file: file) {
        case .failure(let problem): return .failure(problem)
        case .success(let decoded): text = decoded
        }
        let separator = CSVTable.sniffSeparator(text.first == "\u{FEFF}" ? String(text.dropFirst()) : text)
        var records: [([String], Int)]
        do { records = try CSVTable.records(file: file, text: text, separator: separator) } catch { return .failure(error) }
        guard !records.isEmpty else {
            return .failure(Problem(file: file, message: "expected a header row (province, ward, stage, criteria…), found an empty file"))
        }
        if records.count - 1 > limits.maxRows {
            return .failure(Problem(file: file, message:
                "the file has \(records.count - 1) rows, above the import limit of \(limits.maxRows); split it (one file per province)"))
        }
        let at = headerIndex(records.map(\.0))
        let (names, headerLine) = records[at]
        let rows = records.enumerated().dropFirst(at + 1).map { Row(cells: $1.0, line: $1.1, number: $0 + 1) }
        return .success(ImportTable(file: file, names: names, headerLine: headerLine, headerRow: at + 1, rows: rows, separator: separator))
    }

    /// Provinces' sheets often open with title rows ("DANH SÁCH CÔNG AN PHƯỜNG…") above the header:
    /// the header is the first of the first rows that names a ward code or ward name column.
    static func headerIndex(_ records: [[String]]) -> Int {
        for (index, cells) in records.prefix(maxTitleRows + 1).enumerated() {
            let roles = cells.map { ImportHeader.role(of: $0) }
            if roles.contains(.wardCode) || roles.contains(.wardName) { return index }
        }
        return 0
    }

    static let maxTitleRows = 10

    /// The province cells that are not blank, for choosing a map (nil: the sheet has no province column).
    public func provinceCells() -> [String]? {
        guard let column = names.firstIndex(where: { ImportHeader.role(of: $0) == .province }) else { return nil }
        return rows.compactMap { column < $0.cells.count ? ImportWords.trimmed($0.cells[column]) : nil }.filter { !$0.isEmpty }
    }

    /// The ward code cells that are not blank (empty when the sheet has no ward code column).
    public func wardCodeCells() -> [String] {
        guard let column = names.firstIndex(where: { ImportHeader.role(of: $0) == .wardCode }) else { return [] }
        return rows.compactMap { column < $0.cells.count ? ImportWords.trimmed($0.cells[column]) : nil }.filter { !$0.isEmpty }
    }

    /// The numbers of the criterion columns of the header, for suggesting a criteria set.
    public func criterionColumnCount() -> Int {
        names.filter { ImportHeader.criterionNumber(ImportWords.tokens($0)) != nil }.count
    }
}
