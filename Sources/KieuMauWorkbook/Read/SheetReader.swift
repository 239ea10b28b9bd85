/// The cells of a sheet that hold a value, row by row, as text the import reads (see `CellText`),
/// with merged ranges filled with the value they show.
struct SheetGrid: Sendable {
    struct Row: Sendable {
        /// The row's number on the sheet (1 for the first).
        var number: Int
        /// From column A on; "" where a cell is empty.
        var cells: [String]
    }

    var rows: [Row] = []
    /// Columns hidden on the sheet (0 for A): read like the others, and named as hidden.
    var hiddenColumns: Set<Int> = []
}

/// Reads a worksheet part (`xl/worksheets/sheetN.xml`) into a `SheetGrid`, streaming: cells
/// (`<c>`) of rows (`<row>`), hidden columns (`<col hidden>`) and merged ranges (`<mergeCell>`);
/// everything else (formats, formulas' text, drawings) is passed over. A value's place is checked
/// (rows and cells in order, within the limits), and a problem names the sheet and the cell.
struct SheetReader {
    private var reader: XMLPullReader
    private let sheet: WorkbookPackage.Sheet
    private let strings: [String]
    private let styles: CellStyles
    private let date1904: Bool
    private let limits: WorkbookLimits
    private var grid = SheetGrid()
    private var merges: [CellRange] = []
    private var cellCount = 0

    init(bytes: [UInt8], sheet: WorkbookPackage.Sheet, strings: [String], styles: CellStyles, date1904: Bool,
         limits: WorkbookLimits) throws(WorkbookError) {
        reader = try XMLPullReader(bytes, part: sheet.part, maxDepth: limits.maxXMLDepth)
        self.sheet = sheet; self.strings = strings; self.styles = styles; self.date1904 = date1904; self.limits = limits
    }

    /// Rows with a value beyond the import's own limit that are still read, so that the import
    /// (not the reader) says how many rows were too many: title rows and a two-row header.
    static let rowsAboveData = 12

    /// The sheet's rows; with `rowLimit`, only the first that many rows with a value (merged
    /// ranges, listed after the cells, are then not filled).
    mutating func read(rowLimit: Int? = nil) throws(WorkbookError) -> SheetGrid {
        var lastRow = 0
        while true {
            switch try reader.next() {
            case .done:
                try fillMerges()
                return grid
            case .start where reader.isElement("col"):
                try hideColumns()
            case .start where reader.isElement("row"):
                let number = try rowNumber(after: lastRow)
                lastRow = number
                let cells = try readRow(number)
                guard !cells.isEmpty else { continue }
                grid.rows.append(SheetGrid.Row(number: number, cells: cells))
                if let rowLimit, grid.rows.count >= rowLimit { return grid }
                if grid.rows.count > limits.maxRows + Self.rowsAboveData {
                    throw WorkbookError(sheet.name, "the sheet has more than \(limits.maxRows + Self.rowsAboveData) rows with values (stopped at row \(number)); the import reads at most \(limits.maxRows) ward rows: split it (one sheet or file per province)")
                }
            case .start where reader.isElement("mergeCell"):
                guard let text = try reader.attribute("ref"), let range = CellRange(text) else {
                    throw WorkbookError(sheet.name, "a merged range without a valid reference (\(try reader.attribute("ref") ?? "none"))")
                }
                merges.append(range)
            default:
                continue
            }
        }
    }

    private mutating func hideColumns() throws(WorkbookError) {
        let hidden = try reader.attribute("hidden")
        guard hidden == "1" || hidden == "true",
              let low = try reader.attribute("min").flatMap({ Int($0) }), let high = try reader.attribute("max").flatMap({ Int($0) }),
              low >= 1, low <= high else { return }
        for column in (low - 1)..<min(high, limits.maxColumns) { grid.hiddenColumns.insert(column) }
    }

    /// A row's number: its `r`, or the one after the previous row when it has none.
    private func rowNumber(after previous: Int) throws(WorkbookError) -> Int {
        guard let text = try reader.attribute("r") else { return previous + 1 }
        guard let number = Int(text), (1...CellReference.maxRows).contains(number) else {
            throw WorkbookError(sheet.name, "a row numbered \"\(text)\": expected 1…\(CellReference.maxRows)")
        }
        guard number > previous else {
            throw WorkbookError(sheet.name, "row \(number) comes after row \(previous): rows out of order or given twice")
        }
        return number
    }

    /// The cells of the row just started, up to its end; empty when it has no value.
    private mutating func readRow(_ number: Int) throws(WorkbookError) -> [String] {
        var cells: [String] = []
        var nextColumn = 0
        while true {
            switch try reader.next() {
            case .end where reader.isElement("row"):
                return cells
            case .start where reader.isElement("c"):
                let reference = try cellReference(row: number, next: nextColumn)
                nextColumn = reference.column + 1
                let value = try readCell(reference)
                guard !value.isEmpty else { continue }
                guard reference.column < limits.maxColumns else {
                    throw WorkbookError("\(sheet.name)!\(reference)", "a value in column \(CellReference.letters(reference.column)), right of the import's limit of \(limits.maxColumns) columns (A…\(CellReference.letters(limits.maxColumns - 1))); move or delete it")
                }
                cellCount += 1
                guard cellCount <= limits.maxCells else {
                    throw WorkbookError(sheet.name, "the sheet has more than \(limits.maxCells) cells with values, above the import's limit")
                }
                if cells.count <= reference.column {
                    cells.append(contentsOf: repeatElement("", count: reference.column - cells.count + 1))
                }
                cells[reference.column] = value
            case .done:
                throw WorkbookError(sheet.part, "the part ends inside row \(number)")
            default:
                continue
            }
        }
    }

    /// A cell's place: its `r`, or the column after the previous cell when it has none.
    private func cellReference(row: Int, next column: Int) throws(WorkbookError) -> CellReference {
        guard let text = try reader.attributeBytes("r") else {
            guard column < CellReference.maxColumns else { throw WorkbookError(sheet.name, "row \(row) has more cells than Excel's \(CellReference.maxColumns) columns") }
            return CellReference(column: column, row: row)
        }
        guard let reference = CellReference(utf8: text) else {
            throw WorkbookError(sheet.name, "a cell of row \(row) has the reference \"\(String(decoding: text, as: UTF8.self))\"; expected a column and row such as E7")
        }
        guard reference.row == row else {
            throw WorkbookError("\(sheet.name)!\(reference)", "the cell stands in row \(row) of the file, not in row \(reference.row)")
        }
        guard reference.column >= column else {
            throw WorkbookError("\(sheet.name)!\(reference)", "the cell comes after \(CellReference.letters(column - 1))\(row): cells out of order or given twice")
        }
        return reference
    }

    /// The text of the cell just started (`<c>`), up to its end.
    private mutating func readCell(_ reference: CellReference) throws(WorkbookError) -> String {
        let typeBytes = try reader.attributeBytes("t")
        let style = try reader.attributeBytes("s").map(Self.number) ?? 0
        var stored: String?
        var inline: String?
        let level = reader.depth
        while true {
            switch try reader.next() {
            case .start where reader.isElement("v"):
                // Most cells: a shared string's index or a whole number, read from the bytes.
                if let raw = reader.plainElementBytes() {
                    if let fast = CellText.fastText(type: typeBytes, stored: raw, showsDate: styles.showsDate(style), strings: strings) {
                        try reader.skipToEnd(level: level)
                        return fast
                    }
                    stored = String(decoding: raw, as: UTF8.self)
                } else {
                    stored = try reader.elementText()
                }
            case .start where reader.isElement("is"): inline = try SharedStrings.richText(&reader)
            case .start: try reader.skipElement()   // a formula's text, extensions
            case .end where reader.depth < level:
                do {
                    return try CellText.text(type: typeBytes.map { String(decoding: $0, as: UTF8.self) }, stored: stored, inline: inline,
                                             showsDate: styles.showsDate(style), strings: strings, date1904: date1904)
                } catch {
                    throw WorkbookError("\(sheet.name)!\(reference)", error.message)
                }
            case .done: throw WorkbookError(sheet.part, "the part ends inside cell \(reference)")
            default: continue
            }
        }
    }

    /// A style index from its digits; -1 (no style) for anything else.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        var value = 0
        for byte in digits {
            guard byte >= 48, byte <= 57, value < 100_000_000 else { return -1 }
            value = value * 10 + Int(byte - 48)
        }
        return digits.isEmpty ? -1 : value
    }

    /// Each merged range shows its first cell's value over the whole range: the rows of the
    /// range that hold a value get it in every column of the range.
    private mutating func fillMerges() throws(WorkbookError) {
        guard !merges.isEmpty, !grid.rows.isEmpty else { return }
        var filled = 0
        for range in merges {
            guard let first = rowIndex(range.first.row), grid.rows[first].number == range.first.row,
                  range.first.column < grid.rows[first].cells.count, range.first.column < limits.maxColumns else { continue }
            let value = grid.rows[first].cells[range.first.column]
            guard !value.isEmpty else { continue }
            let lastColumn = min(range.last.column, limits.maxColumns - 1)
            var i = first
            while i < grid.rows.count, grid.rows[i].number <= range.last.row {
                filled += lastColumn - range.first.column + 1
                guard filled <= limits.maxCells else {
                    throw WorkbookError(sheet.name, "merged ranges cover more than \(limits.maxCells) cells, above the import's limit")
                }
                if grid.rows[i].cells.count <= lastColumn {
                    grid.rows[i].cells.append(contentsOf: repeatElement("", count: lastColumn - grid.rows[i].cells.count + 1))
                }
                for column in range.first.column...lastColumn { grid.rows[i].cells[column] = value }
                i += 1
            }
        }
    }

    /// The index of the first row numbered `number` or later (rows are in order); nil when none is.
    private func rowIndex(_ number: Int) -> Int? {
        var low = 0, high = grid.rows.count
        while low < high {
            let middle = (low + high) / 2
            if grid.rows[middle].number < number { low = middle + 1 } else { high = middle }
        }
        return low < grid.rows.count ? low : nil
    }
}
