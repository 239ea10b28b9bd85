import Foundation
import Testing
import KieuMauCore
@testable import KieuMauWorkbook

/// Workbooks that are not what they claim: each is refused with one message that says what the
/// file is, and the import writes nothing.
@Suite struct WorkbookHostileTests {
    typealias S = WorkbookSupport

    @Test(arguments: [
        ("hostile-zip-bomb-ratio.xlsx", "xl/worksheets/sheet3.xml: the entry inflates 1017 times its compressed size (20618 to 20971769 bytes), above the limit of 250: a zip bomb, not a workbook"),
        ("hostile-zip-bomb-lying.xlsx", "xl/worksheets/sheet3.xml: the entry inflates to more than the 1024 bytes its header declares: a zip bomb or a corrupt file"),
        ("hostile-zip-bomb-declared.xlsx", "xl/sharedStrings.xml: the entry inflates to 4294967280 bytes, above the limit of 100663296 for one part of a workbook"),
        ("hostile-dtd-entities.xlsx", "xl/sharedStrings.xml: the part declares a document type (<!DOCTYPE …>) at byte 56: refused unread, since its entities could expand without end or reach other files; a workbook's XML never has one"),
        ("hostile-dtd-external.xlsx", "Nghệ An (xl/worksheets/sheet3.xml): the part declares a document type (<!DOCTYPE …>) at byte 56: refused unread, since its entities could expand without end or reach other files; a workbook's XML never has one"),
        ("hostile-encrypted.xlsx", "the workbook is encrypted (password-protected); open it in Excel or LibreOffice, remove the password (File › Info › Protect Workbook, or Save As without one) and import the saved copy"),
        ("hostile-truncated.xlsx", "the zip archive is truncated or corrupt: its directory (the end record) is missing; save the workbook again"),
        ("hostile-corrupt.xlsx", "xl/worksheets/sheet3.xml: the zip archive is truncated or corrupt: the entry inflates to"),
        ("hostile-really-csv.xlsx", "the file is text (CSV?), not an .xlsx workbook; if it is CSV, give it the .csv extension and import that"),
        ("hostile-really-html.xlsx", "the file is an HTML page, not a workbook (some systems export \"Excel\" files as web pages); open it in a spreadsheet program and save it as .xlsx"),
    ])
    func aHostileWorkbookGetsOneClearMessage(_ fixture: String, _ message: String) throws {
        guard case .failure(let problem) = try S.table(fixture) else {
            Issue.record("\(fixture) was read"); return
        }
        let said = problem.description.dropFirst(fixture.count + 2)
        #expect(said.hasPrefix(message), "\(problem.description)")
        #expect(problem.file == fixture)
    }

    @Test func aHostileWorkbookWritesNothing() throws {
        let data = try S.dataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        for fixture in ["hostile-zip-bomb-ratio.xlsx", "hostile-dtd-entities.xlsx", "hostile-encrypted.xlsx", "hostile-really-csv.xlsx"] {
            let request = ImportRequest(file: S.fixtures + "/" + fixture, asOf: S.endOf2023, dataDirectory: data, outDirectory: data,
                                        today: S.today, criteriaID: "bca-5764-22")
            let report = ImportRunner.run(request) { WorkbookTableReader.readWorkbookOrCSV($0, sheet: nil) }
            #expect(!report.succeeded && !report.wrote, "\(fixture)")
            #expect(report.problems.count == 1, "\(fixture): \(report.problems)")
        }
        #expect(S.files(in: data).isEmpty)
    }

    @Test func aSheetOverTheRowLimitIsRefused() throws {
        var rows = [["Mã phường", "Trạng thái"]]
        rows += (1...60).map { ["\(16600 + $0)", "Đạt"] }
        let document = WorkbookDocument(sheets: [S.sheet("Dài", rows)])
        guard case .failure(let problem) = S.roundTrip(document, file: "long.xlsx", limits: ImportLimits(maxRows: 59)) else {
            Issue.record("60 rows read under a limit of 59"); return
        }
        #expect(problem.description == "long.xlsx: Dài: the sheet \"Dài\" has 60 rows, above the import limit of 59; split it (one sheet per province)")
        // Far over the limit, the reader stops reading rows (the sheet is not held whole).
        rows += (61...200).map { ["\(16600 + $0)", "Đạt"] }
        guard case .failure(let stopped) = S.roundTrip(WorkbookDocument(sheets: [S.sheet("Dài", rows)]), file: "long.xlsx",
                                                       limits: ImportLimits(maxRows: 59)) else {
            Issue.record("200 rows read under a limit of 59"); return
        }
        #expect(stopped.message == "the sheet has more than 71 rows with values (stopped at row 72); the import reads at most 59 ward rows: split it (one sheet or file per province)")
    }

    @Test func aValueFarToTheRightIsRefusedWithItsCell() throws {
        var sheet = S.sheet("Rộng", [["Mã phường"], ["16666"]])
        sheet[300, 2] = .text("x")
        guard case .failure(let problem) = S.roundTrip(WorkbookDocument(sheets: [sheet]), file: "wide.xlsx") else {
            Issue.record("a value in column 301 was read"); return
        }
        #expect(problem.description == "wide.xlsx: Rộng!KO2: a value in column KO, right of the import's limit of 256 columns (A…IV); move or delete it")
    }

    @Test func theTotalInflatedSizeIsBounded() throws {
        var zip = ZipWriter()
        for i in 1...4 { zip.add("part\(i).xml", Array(repeating: UInt8(ascii: "a"), count: 1000)) }
        var archive = try ZipArchive(bytes: zip.finished(), limits: WorkbookLimits(maxTotalBytes: 2500))
        _ = try archive.read("part1.xml")
        _ = try archive.read("part2.xml")
        #expect(throws: WorkbookError("part3.xml", "the workbook's parts inflate to more than 2500 bytes in all, above the limit")) {
            try archive.read("part3.xml")
        }
    }

    @Test func zipArchivesThatAreNotWorkbooksSaySo() throws {
        var word = ZipWriter()
        word.add("word/document.xml", Array("<w:document/>".utf8))
        #expect(throws: WorkbookError("", "the file is a Word document, not a workbook")) {
            try WorkbookPackage.open(word.finished(), limits: WorkbookLimits())
        }
        var ods = ZipWriter()
        ods.add("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8))
        #expect(throws: WorkbookError("", "the file is an OpenDocument spreadsheet (.ods), not .xlsx; save it as \"Excel 2007-365 (.xlsx)\"")) {
            try WorkbookPackage.open(ods.finished(), limits: WorkbookLimits())
        }
        var twice = ZipWriter()
        twice.add("xl/workbook.xml", Array("<workbook/>".utf8))
        twice.add("XL/Workbook.xml", Array("<workbook/>".utf8))
        #expect(throws: WorkbookError("XL/Workbook.xml", "the zip archive names this entry twice; which one is meant cannot be told")) {
            try ZipArchive(bytes: twice.finished(), limits: WorkbookLimits())
        }
        #expect(throws: WorkbookError("", "the file is empty, not a workbook")) { try WorkbookPackage.open([], limits: WorkbookLimits()) }
        let xls: [UInt8] = WorkbookSniffer.compoundFileMagic + Array(repeating: 0, count: 64) + "Workbook".utf16.flatMap { [UInt8($0), 0] }
        #expect(WorkbookSniffer.kind(xls) == .legacyExcel)
        #expect(WorkbookSniffer.kind(Array("<?xml version=\"1.0\"?><?mso-application progid=\"Excel.Sheet\"?><Workbook>".utf8)) == .spreadsheetML2003)
        #expect(WorkbookSniffer.kind([0x00, 0x01, 0x02, 0xFF]) == .unknown)
    }

    @Test func anEncryptedOrUnknownEntryIsRefused() throws {
        var zip = ZipWriter()
        zip.add("xl/workbook.xml", Array("<workbook/>".utf8))
        var bytes = zip.finished()
        // The general-purpose flags of the local header and of the directory record: encrypted.
        bytes[6] = 1
        let directory = Int(try LittleEndian(bytes).u32(bytes.count - 6))   // the end record's offset of the directory
        bytes[directory + 8] = 1
        var archive = try ZipArchive(bytes: bytes, limits: WorkbookLimits())
        #expect(throws: WorkbookError("xl/workbook.xml", "the entry is encrypted; remove the workbook's password (save it again without one) and import that")) {
            try archive.read("xl/workbook.xml")
        }
        bytes[directory + 8] = 0
        bytes[directory + 10] = 14   // LZMA
        var lzma = try ZipArchive(bytes: bytes, limits: WorkbookLimits())
        #expect(throws: WorkbookError("xl/workbook.xml", "the entry is compressed with method 14; a workbook uses 0 (stored) or 8 (deflate)")) {
            try lzma.read("xl/workbook.xml")
        }
    }

    @Test func aChangedByteIsCaughtByTheChecksum() throws {
        var zip = ZipWriter()
        zip.add("a.xml", Array(String(repeating: "<row r=\"1\"/>", count: 50).utf8), deflated: false)
        var bytes = zip.finished()
        bytes[30 + 5 + 100] ^= 0x20   // a letter of the stored text, after the 30-byte header and the name
        var archive = try ZipArchive(bytes: bytes, limits: WorkbookLimits())
        #expect(throws: WorkbookError("a.xml", "the zip archive is corrupt: the entry's checksum (CRC-32) does not match its contents")) {
            try archive.read("a.xml")
        }
    }
}
