/// A spreadsheet read into rows of cells for the column rules: from a CSV file (decoded as UTF-8,
/// a byte-order mark skipped, its separator `,` `;` or tab guessed from the header row, CRLF or
/// LF line ends), or from a workbook's sheet (the `KieuMauWorkbook` module makes those), so that
/// both are read by one set of rules and every problem names the cell as its user sees it: line,
/// row and column of a CSV file; sheet and cell (`Nghệ An!E7`) of a workbook.
public struct ImportTable: Sendable {
    public struct Row: Sendable {
        public var cells: [String]
        /// The line of the CSV text where the row starts; nil for a workbook's row.
        public var line: Int?
        /// The row number as a spreadsheet shows it.
        public var number: Int

        public init(cells: [String], number: Int, line: Int? = nil) {
            self.cells = cells; self.number = number; self.line = line
        }
    }

    /// The name problems give the file.
    public let file: String
    /// The workbook's sheet the rows come from; nil for a CSV file.
    public let sheet: String?
    let names: [String]
    /// For each column, the row (and CSV line) its name was read from: the header row, or the
    /// row under it when a two-row header names the column there.
    let nameRows: [Int]
    let nameLines: [Int?]
    let headerLine: Int?
    /// The header's row number: 1, or later when title rows stand above it.
    let headerRow: Int
    let rows: [Row]
    /// Columns hidden on a workbook's sheet (0 for A): read like the others, named as hidden.
    public var hiddenColumns: Set<Int> = []
    /// What a workbook made by `kieumau template` says it was made for; nil for other sheets.
    public var template: ImportTemplate?

    /// Reads a CSV file's bytes; a problem says why it cannot be read at all.
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
        let records: [([String], Int)]
        do { records = try CSVTable.records(file: file, text: text, separator: separator) } catch { return .failure(error) }
        let rows = records.enumerated().map { Row(cells: $1.0, number: $0 + 1, line: $1.1) }
        return make(rows: rows, file: file, limits: limits)
    }

    /// Finds the header among the rows (title rows above it, a second header row under it) and
    /// makes the table; `sheet` names a workbook's sheet.
    public static func make(rows: [Row], file: String, sheet: String? = nil, limits: ImportLimits = ImportLimits()) -> Result<ImportTable, Problem> {
        let what = sheet.map { "the sheet \"\($0)\"" } ?? "the file"
        guard !rows.isEmpty else {
            return .failure(Problem(file: file, path: sheet ?? "", message:
                "expected a header row (province, ward, stage, criteria…), found \(sheet == nil ? "an empty file" : "an empty sheet")"))
        }
        let at = headerIndex(rows.map(\.cells))
        var names = rows[at].cells
        var fromLower = Array(repeating: false, count: names.count)
        var dataStart = at + 1
        if at + 1 < rows.count, let lower = ImportTwoRowHeader.combine(names, rows[at + 1].cells) {
            (names, fromLower) = lower
            dataStart += 1
        }
        // Rows under the header: title rows above it do not count against the limit.
        if rows.count - dataStart > limits.maxRows {
            return .failure(Problem(file: file, path: sheet ?? "", message:
                "\(what) has \(rows.count - dataStart) rows, above the import limit of \(limits.maxRows); split it (one \(sheet == nil ? "file" : "sheet") per province)"))
        }
        let origin = { (lower: Bool) in lower ? rows[at + 1] : rows[at] }
        return .success(ImportTable(file: file, sheet: sheet, names: names, nameRows: fromLower.map { origin($0).number },
                                    nameLines: fromLower.map { origin($0).line }, headerLine: rows[at].line,
                                    headerRow: rows[at].number, rows: Array(rows[dataStart...])))
    }

    /// Whether the rows have a header the import knows (a ward code or ward name column) among
    /// their first rows: how a workbook's sheet of ward rows is told from its other sheets.
    public static func hasHeader(_ rows: [[String]]) -> Bool {
        rows.prefix(maxTitleRows + 1).contains { cells in
            cells.contains { let role = ImportHeader.role(of: $0); return role == .wardCode || role == .wardName }
        }
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

/// What a workbook made by `kieumau template` says it was made for (on its instructions sheet):
/// the import takes its map, criteria set and province when not told otherwise, and reads a row
/// the province left blank as a ward without figures rather than a registered ward.
public struct ImportTemplate: Hashable, Sendable {
    public var provinceCode: String
    public var mapID: String
    public var criteriaID: String

    public init(provinceCode: String, mapID: String, criteriaID: String) {
        self.provinceCode = provinceCode; self.mapID = mapID; self.criteriaID = criteriaID
    }
}
