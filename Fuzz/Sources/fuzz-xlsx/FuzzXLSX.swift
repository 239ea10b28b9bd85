import FuzzSupport
import KieuMauCore
import KieuMauWorkbook

/// The workbook reader, three ways by the input's first byte:
/// - `P` or 0xD0: the input is a whole file (a zip, or an OLE file), read as `kieumau import` reads
///   an .xlsx, then imported on the real 2025-01 map (cut to three provinces);
/// - 0x02: the rest is text, rows split at line feeds and cells at tabs; it is written by the
///   template's writer and read back, and must read back the same (escaping, control characters,
///   white space, any Unicode);
/// - anything else: the XML of a sheet, then optionally of the shared strings and the styles,
///   separated by 0x01 bytes, put in a workbook whose entries are stored (not deflated, each with
///   its right checksum), so that mutations reach the XML reader rather than breaking the zip.
/// Properties: no trap, hang or leak; a problem names the file; what the import would write reads
/// back through the data loader with the same rows.
func fuzzXLSX(_ bytes: [UInt8]) {
    let file = "fuzz.xlsx"
    let hash = inputHash(bytes)
    switch bytes.first {
    case UInt8(ascii: "P"), 0xD0:
        importWorkbook(bytes, file: file, hash: hash)
    case 0x02:
        writeAndReadBack(Array(bytes.dropFirst()), file: file)
    default:
        importWorkbook(FuzzWorkbook.stored(parts: bytes, date1904: hash & 1 != 0), file: file, hash: hash)
    }
}

private func importWorkbook(_ workbook: [UInt8], file: String, hash: UInt64) {
    let table: ImportTable
    switch WorkbookTableReader.table(bytes: workbook, file: file) {
    case .failure(let problem):
        require(problem.file == file && !problem.message.isEmpty, "a problem without the file or a message: \(problem)")
        return
    case .success(let read):
        table = read
    }
    let catalog = RealData.catalog
    let sets = catalog.criteriaSets.keys.sorted()
    guard !sets.isEmpty, let criteria = catalog.criteriaSets[sets[Int(hash % UInt64(sets.count))]],
          let asOf = Day(year: 2024, month: 6, day: 30) else { fatalError("the embedded data has no criteria set") }
    let source = Source(id: "import-fuzz", publisher: "fuzz", title: "fuzzed workbook", date: "2024-06")
    let options = ImportOptions(asOf: asOf, series: "imported", title: "fuzz", source: source,
                                province: hash & 8 == 0 ? nil : "Nghệ An", skipBadRows: hash & 16 == 0)
    let outcome = SnapshotImporter.convert(table, map: RealData.smallOldMap, criteria: criteria, options: options)
    let s = outcome.summary
    require(s.errors + s.warnings == outcome.problems.count, "summary counts \(s.errors)+\(s.warnings) of \(outcome.problems.count) problems")
    require(s.rowsInError <= s.rowsRead && s.wardsMatched <= s.rowsRead, "summary \(s)")
    for p in outcome.problems { require(p.file == file, "a problem names \(p.file)") }
    guard let snapshot = outcome.snapshot, let text = outcome.text else { return }
    require(s.rowsInError == 0 || options.skipBadRows, "written despite rows in error")
    switch catalog.decodeSnapshot(bytes: Array(text.utf8), file: "imported/2024-06-30.snapshot.json", map: RealData.smallOldMap) {
    case .failure(let problems):
        require(false, "the imported snapshot does not read back:\n\(problems)\n--- file:\n\(text)")
    case .success(let readBack):
        require(readBack.wards == snapshot.wards, "the imported rows read back differently")
    }
}

private func writeAndReadBack(_ bytes: [UInt8], file: String) {
    let text = String(decoding: bytes, as: UTF8.self)
    var sheet = WorkbookDocument.Sheet(name: "Fuzz")
    for (r, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(2_000).enumerated() {
        for (c, cell) in line.split(separator: "\t", omittingEmptySubsequences: false).prefix(200).enumerated() where !cell.isEmpty {
            sheet[c, r + 1] = .text(String(cell))
        }
    }
    let written = WorkbookWriter.write(WorkbookDocument(sheets: [sheet]))
    switch WorkbookTableReader.cells(bytes: written, file: file) {
    case .failure(let problem):
        require(false, "a written workbook does not read back: \(problem)")
    case .success(let rows):
        let expected = sheet.textRows.map { (number: $0.number, cells: $0.cells) }
        require(rows.map(\.number) == expected.map(\.number), "rows \(rows.map(\.number)) read back, \(expected.map(\.number)) written")
        for (read, wrote) in zip(rows, expected) {
            require(read.cells == wrote.cells, "row \(wrote.number) read back as \(read.cells.map(\.debugDescription)), written as \(wrote.cells.map(\.debugDescription))")
        }
    }
}
