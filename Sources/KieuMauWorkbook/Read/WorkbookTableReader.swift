import KieuMauCore

/// Reads a workbook's sheet of ward rows into the import's table of cells, so that an .xlsx is
/// imported by the same column rules as a CSV file, with every problem naming the sheet and cell.
public enum WorkbookTableReader {
    /// Whether a file is read as a workbook rather than as CSV: by its name (.xlsx, .xlsm, .xls),
    /// or by its first bytes (a zip archive, or an OLE file: an encrypted workbook or an .xls).
    public static func isWorkbook(path: String, firstBytes: [UInt8]) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") || lower.hasSuffix(".xls") { return true }
        return firstBytes.starts(with: WorkbookSniffer.zipMagic) || firstBytes.starts(with: WorkbookSniffer.compoundFileMagic)
    }

    /// Reads the request's file as a workbook when it is one (`isWorkbook`), else as CSV. A
    /// workbook's sheet is `sheet`, else the first visible sheet whose first rows hold a header
    /// with a ward code or ward name column.
    public static func readWorkbookOrCSV(_ request: ImportRequest, sheet: String?) -> Result<ImportTable, Problem> {
        ImportRunner.readBytes(request).flatMap { bytes in
            if isWorkbook(path: request.file, firstBytes: Array(bytes.prefix(8))) {
                return table(bytes: bytes, file: request.file, sheet: sheet, limits: request.limits)
            }
            if sheet != nil {
                return .failure(Problem(file: request.file, path: "--sheet", message: "the file is not a workbook (.xlsx): --sheet names a sheet of a workbook"))
            }
            return ImportTable.read(bytes: bytes, file: request.file, limits: request.limits)
        }
    }

    public static func table(bytes: [UInt8], file: String, sheet: String? = nil,
                             limits: ImportLimits = ImportLimits()) -> Result<ImportTable, Problem> {
        do {
            var package = try WorkbookPackage.open(bytes, limits: WorkbookLimits(limits))
            let chosen = try choose(sheet, in: &package)
            let grid = try package.rows(of: chosen)
            var table = try ImportTable.make(rows: grid.rows.map { ImportTable.Row(cells: $0.cells, number: $0.number) },
                                             file: file, sheet: chosen.name, limits: limits).get()
            table.hiddenColumns = grid.hiddenColumns
            if let info = package.sheets.first(where: { $0.name == TemplateInfoSheet.name }), info.part != chosen.part {
                table.template = TemplateInfoSheet.template(in: try package.rows(of: info, rowLimit: TemplateInfoSheet.rowsRead))
            }
            return .success(table)
        } catch let error as WorkbookError {
            return .failure(error.problem(file: file))
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(Problem(file: file, message: "\(error)"))
        }
    }

    /// A sheet's cells as the import reads them, row by row (rows without a value left out,
    /// merged ranges filled): the first sheet, or the one named. For checks that look below the
    /// import's table, such as the fuzz target's round trip of the writer.
    public static func cells(bytes: [UInt8], file: String, sheet: String? = nil,
                             limits: ImportLimits = ImportLimits()) -> Result<[(number: Int, cells: [String])], Problem> {
        do throws(WorkbookError) {
            var package = try WorkbookPackage.open(bytes, limits: WorkbookLimits(limits))
            guard let chosen = sheet.map({ name in package.sheets.first { $0.name == name } }) ?? package.sheets.first else {
                throw WorkbookError("", "the workbook has no sheet \(sheet.map { "named \"\($0)\"" } ?? "")")
            }
            return .success(try package.rows(of: chosen).rows.map { ($0.number, $0.cells) })
        } catch {
            return .failure(error.problem(file: file))
        }
    }

    /// The sheet asked for (by name, else by name without diacritics or case), or the first
    /// visible one with a header the import knows.
    static func choose(_ name: String?, in package: inout WorkbookPackage) throws(WorkbookError) -> WorkbookPackage.Sheet {
        let listed = package.sheets.map { "\"\($0.name)\"" + ($0.hidden ? " (hidden)" : "") }.joined(separator: ", ")
        guard !package.sheets.isEmpty else { throw WorkbookError("", "the workbook has no worksheet") }
        if let name {
            if let sheet = package.sheets.first(where: { $0.name == name }) { return sheet }
            let folded = package.sheets.filter { SearchFolding.fold($0.name) == SearchFolding.fold(WorkbookText.trimmed(name)) }
            if folded.count == 1 { return folded[0] }
            throw WorkbookError("--sheet", "the workbook has no sheet named \"\(name)\"; its sheets: \(listed)")
        }
        for sheet in package.sheets where !sheet.hidden {
            let head = try package.rows(of: sheet, rowLimit: SheetReader.rowsAboveData)
            if ImportTable.hasHeader(head.rows.map(\.cells)) { return sheet }
        }
        throw WorkbookError("", "no sheet has a header with a ward code or ward name column (\"Mã phường\", \"Phường\", \"ward\") in its first rows; its sheets: \(listed); name one with --sheet")
    }
}
