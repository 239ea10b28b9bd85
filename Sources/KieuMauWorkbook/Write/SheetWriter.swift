/// One worksheet part, its elements in the order SpreadsheetML requires: dimension, view (with
/// frozen panes), column widths, cells, protection, merged ranges, drop-down lists, margins.
enum SheetWriter {
    /// The sheet's part; its text goes into `strings`, as Excel writes text.
    static func part(_ sheet: WorkbookDocument.Sheet, selected: Bool, strings: inout SharedStringTable) -> String {
        var out = WorkbookWriter.declaration
        out += "<worksheet xmlns=\"\(WorkbookWriter.mainNamespace)\" xmlns:r=\"\(WorkbookWriter.relationshipNamespace)\">"
        let numbers = sheet.rows.keys.sorted()
        let lastColumn = sheet.rows.values.compactMap { $0.keys.max() }.max() ?? 0
        if let first = numbers.first, let last = numbers.last {
            out += "<dimension ref=\"\(WorkbookDocument.CellRangeSpec(firstColumn: 0, firstRow: first, lastColumn: lastColumn, lastRow: last).reference)\"/>"
        }
        out += "<sheetViews><sheetView workbookViewId=\"0\"" + (selected ? " tabSelected=\"1\"" : "") + ">"
        if let frozen = sheet.frozenAt {
            let topLeft = CellReference(column: frozen.column, row: frozen.row).description
            out += "<pane" + (frozen.column > 0 ? " xSplit=\"\(frozen.column)\"" : "") + (frozen.row > 1 ? " ySplit=\"\(frozen.row - 1)\"" : "")
            out += " topLeftCell=\"\(topLeft)\" activePane=\"bottomRight\" state=\"frozen\"/>"
            out += "<selection pane=\"bottomRight\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            out += "<cols>" + sheet.columnWidths.keys.sorted().map { column in
                "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(sheet.columnWidths[column] ?? 10)\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        out += "<sheetData>"
        for number in numbers {
            guard let cells = sheet.rows[number] else { continue }
            out += "<row r=\"\(number)\"" + (sheet.rowHeights[number].map { " ht=\"\($0)\" customHeight=\"1\"" } ?? "") + ">"
            for column in cells.keys.sorted() {
                guard let cell = cells[column] else { continue }
                out += self.cell(cell, at: CellReference(column: column, row: number), strings: &strings)
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if sheet.isProtected {
            // No password: it keeps the codes from being changed by mistake, not from a determined user.
            out += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>"
        }
        if !sheet.merges.isEmpty {
            out += "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0.reference)\"/>" }.joined() + "</mergeCells>"
        }
        if !sheet.dropDowns.isEmpty {
            out += "<dataValidations count=\"\(sheet.dropDowns.count)\">" + sheet.dropDowns.map(dropDown).joined() + "</dataValidations>"
        }
        out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
        return out
    }

    private static func cell(_ cell: WorkbookDocument.Cell, at reference: CellReference, strings: inout SharedStringTable) -> String {
        let style = cell.style.rawValue == 0 ? "" : " s=\"\(cell.style.rawValue)\""
        switch cell.value {
        case .empty:
            return "<c r=\"\(reference)\"\(style)/>"
        case .number:
            return "<c r=\"\(reference)\"\(style)><v>\(cell.text)</v></c>"
        case .text(let text):
            return "<c r=\"\(reference)\"\(style) t=\"s\"><v>\(strings.index(of: text))</v></c>"
        }
    }

    private static func dropDown(_ list: WorkbookDocument.DropDown) -> String {
        // An explicit list is one quoted formula of items separated by commas.
        let formula = "\"" + list.items.joined(separator: ",").replacingQuotes() + "\""
        return "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
            + " errorTitle=\"\(XMLText.attribute(list.errorTitle))\" error=\"\(XMLText.attribute(list.error))\""
            + " promptTitle=\"\(XMLText.attribute(list.promptTitle))\" prompt=\"\(XMLText.attribute(list.prompt))\""
            + " sqref=\"\(list.range.reference)\"><formula1>\(XMLText.content(formula))</formula1></dataValidation>"
    }
}

/// The workbook's shared strings: each distinct text once, cells naming it by index.
struct SharedStringTable {
    private(set) var strings: [String] = []
    private var indexes: [String: Int] = [:]

    mutating func index(of text: String) -> Int {
        if let known = indexes[text] { return known }
        indexes[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    var part: String {
        var out = WorkbookWriter.declaration
        out += "<sst xmlns=\"\(WorkbookWriter.mainNamespace)\" uniqueCount=\"\(strings.count)\">"
        for text in strings {
            let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
            out += "<si><t\(space)>\(XMLText.content(text))</t></si>"
        }
        return out + "</sst>"
    }
}

private extension String {
    /// A double quote inside a formula's string is written twice.
    func replacingQuotes() -> String { split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") }
}
