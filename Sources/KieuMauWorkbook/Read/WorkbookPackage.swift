/// An .xlsx opened: its zip archive, the workbook part and the sheets it lists, in order, with the
/// shared strings and the cell styles (to tell dates from numbers) read once for every sheet.
struct WorkbookPackage {
    struct Sheet: Sendable {
        var name: String
        /// The sheet's part, e.g. `xl/worksheets/sheet1.xml`.
        var part: String
        var hidden: Bool
    }

    private(set) var archive: ZipArchive
    let sheets: [Sheet]
    let sharedStrings: [String]
    let styles: CellStyles
    /// Serial numbers count days from 1904 rather than 1900 (old Mac workbooks).
    let date1904: Bool
    let limits: WorkbookLimits

    static func open(_ bytes: [UInt8], limits: WorkbookLimits) throws(WorkbookError) -> WorkbookPackage {
        if bytes.count > limits.maxFileBytes {
            throw WorkbookError("", "the file is \(bytes.count) bytes, above the import limit of \(limits.maxFileBytes) bytes; split it (one file per province)")
        }
        let kind = WorkbookSniffer.kind(bytes)
        if let refusal = WorkbookSniffer.refusal(kind, bytes: bytes) { throw WorkbookError("", refusal) }
        var archive = try ZipArchive(bytes: bytes, limits: limits)

        var rootRelations: [Relationships.Relation] = []
        if let bytes = try archive.read("_rels/.rels") { rootRelations = try Relationships.read(bytes, part: "_rels/.rels", base: "") }
        let workbookPart = rootRelations.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbookBytes = try archive.read(workbookPart) else {
            throw WorkbookError("", try Self.notAWorkbook(&archive))
        }
        if workbookPart.lowercased().hasSuffix(".bin") {
            throw WorkbookError(workbookPart, "the workbook is a binary workbook (.xlsb); open it and save it as \"Excel Workbook (.xlsx)\"")
        }
        let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let relationsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPart.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        var relations: [Relationships.Relation] = []
        if let bytes = try archive.read(relationsPart) { relations = try Relationships.read(bytes, part: relationsPart, base: folder) }
        let listed = try WorkbookPart.read(workbookBytes, part: workbookPart, maxDepth: limits.maxXMLDepth)

        var sheets: [Sheet] = []
        for entry in listed.sheets {
            guard let relation = relations.first(where: { $0.id == entry.relationID }) else {
                throw WorkbookError(workbookPart, "sheet \"\(entry.name)\" names relationship \(entry.relationID), which \(relationsPart) does not have")
            }
            // Chart sheets and macro sheets have no cells to import.
            guard relation.type.hasSuffix("/worksheet") else { continue }
            sheets.append(Sheet(name: entry.name, part: relation.target, hidden: entry.hidden))
        }
        let stringsPart = relations.first { $0.type.hasSuffix("/sharedStrings") }?.target
        let stylesPart = relations.first { $0.type.hasSuffix("/styles") }?.target
        var strings: [String] = []
        if let part = stringsPart, let bytes = try archive.read(part) {
            strings = try SharedStrings.read(bytes, part: part, maxDepth: limits.maxXMLDepth, maxStrings: limits.maxCells)
        }
        var styles = CellStyles()
        if let part = stylesPart, let bytes = try archive.read(part) {
            styles = try CellStyles.read(bytes, part: part, maxDepth: limits.maxXMLDepth)
        }
        return WorkbookPackage(archive: archive, sheets: sheets, sharedStrings: strings, styles: styles,
                               date1904: listed.date1904, limits: limits)
    }

    /// Reads a sheet's rows (all of them, or only the first `rowLimit` rows with a value).
    mutating func rows(of sheet: Sheet, rowLimit: Int? = nil) throws(WorkbookError) -> SheetGrid {
        guard let bytes = try archive.read(sheet.part) else {
            throw WorkbookError(sheet.part, "sheet \"\(sheet.name)\" is listed in the workbook, but its part is missing from the archive")
        }
        do {
            var reader = try SheetReader(bytes: bytes, sheet: sheet, strings: sharedStrings, styles: styles,
                                         date1904: date1904, limits: limits)
            return try reader.read(rowLimit: rowLimit)
        } catch where error.place == sheet.part {
            // The XML reader names the part; the user knows the sheet by its name.
            throw WorkbookError("\(sheet.name) (\(sheet.part))", error.message)
        }
    }

    /// Why a zip without a workbook part is not an .xlsx: an OpenDocument file, a Word document…
    private static func notAWorkbook(_ archive: inout ZipArchive) throws(WorkbookError) -> String {
        if let mimetype = try archive.read("mimetype") {
            let type = String(decoding: mimetype.prefix(100), as: UTF8.self)
            if type.contains("opendocument.spreadsheet") {
                return "the file is an OpenDocument spreadsheet (.ods), not .xlsx; save it as \"Excel 2007-365 (.xlsx)\""
            }
            return "the file is a zip archive of type \(type), not an .xlsx workbook"
        }
        if archive.entry(named: "word/document.xml") != nil { return "the file is a Word document, not a workbook" }
        return "the file is a zip archive but not an .xlsx workbook: it has no workbook part (xl/workbook.xml)"
    }
}
