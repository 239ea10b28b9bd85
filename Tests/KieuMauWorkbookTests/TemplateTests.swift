import Foundation
import Testing
import KieuMauCore
@testable import KieuMauWorkbook

/// The template a province fills in: its wards, locked codes, drop-down lists, the instructions
/// sheet, and that it imports back blank ("no figures") and filled in (the wards as filled).
@Suite struct TemplateTests {
    typealias S = WorkbookSupport

    static func ngheAn(asOf: Day = S.endOf2025) throws -> ProvinceTemplate {
        let map = try TemplateChoices.map(in: S.catalog, on: asOf).get().0
        let criteria = try TemplateChoices.criteria(in: S.catalog, on: asOf).get().0
        let province = try #require(map.province("40"))
        return ProvinceTemplate(map: map, province: province, criteria: criteria, asOf: asOf)
    }

    @Test func listsTheProvincesWardsWithLockedCodesAndDropDowns() throws {
        let template = try Self.ngheAn()
        #expect(template.map.id == "vn-2025-07" && template.criteria.id == "bca-2024-20")
        let document = template.document
        #expect(document.sheets.map(\.name) == ["Nghệ An", "Hướng dẫn (Instructions)"])
        let sheet = document.sheets[0]
        let wards = Array(template.wards)
        #expect(wards.count == 11)
        #expect(wards.count == template.map.wards.filter { $0.provinceCode == "40" }.count)
        for (offset, ward) in wards.enumerated() {
            #expect(sheet[1, 6 + offset] == .text(ward.code, .fixed))
            #expect(sheet[2, 6 + offset] == .text(ward.name, .fixed))
            #expect(sheet[3, 6 + offset] == WorkbookDocument.Cell(.empty, .input), "the stage cell is open")
        }
        // No district column on the 34-province map: A STT, B code, C name, D stage, E…X criteria, Y note.
        #expect(sheet[4, 4] == .text("Tiêu chí", .header) && sheet[4, 5] == .text("1", .header) && sheet[23, 5] == .text("20", .header))
        #expect(sheet[24, 4] == .text("Ghi chú", .header))
        #expect(sheet.dropDowns.map(\.range.reference) == ["D6:D16", "E6:X16"])
        #expect(sheet.dropDowns.map(\.items) == [ProvinceTemplate.stageChoices, ProvinceTemplate.criterionChoices])
        #expect(sheet.isProtected && document.sheets[1].isProtected)
        // Only the input cells are unlocked: every cell in the input style is a stage, criterion or note of a ward row.
        let inputs = sheet.rows.flatMap { row, cells in cells.filter { $0.value.style == .input }.map { (row, $0.key) } }
        #expect(inputs.count == 11 * 22)
        #expect(inputs.allSatisfy { (6...16).contains($0.0) && (3...24).contains($0.1) })
    }

    @Test func theOldMapHasADistrictColumn() throws {
        let template = try Self.ngheAn(asOf: S.endOf2023)
        #expect(template.map.id == "vn-2025-01" && template.criteria.id == "bca-5764-22")
        let sheet = template.document.sheets[0]
        #expect(sheet[3, 4] == .text("Quận/Huyện", .header))
        let first = try #require(template.wards.first)
        #expect(sheet[3, 6] == .text(template.map.district(first.districtCode)?.name ?? "?", .fixed))
    }

    @Test func aBlankTemplateImportsAsNoFigures() throws {
        let template = try Self.ngheAn()
        let table = try S.roundTrip(template.document, file: "blank.xlsx").get()
        #expect(table.template == ImportTemplate(provinceCode: "40", mapID: "vn-2025-07", criteriaID: "bca-2024-20"))
        let outcome = try S.convert(table, map: "vn-2025-07", criteria: "bca-2024-20", options: S.options(asOf: S.endOf2025))
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        #expect(outcome.hasNoFigures && outcome.text == nil)
        #expect(outcome.summary.lines == ["rows read: 0", "wards matched: 0", "rows in error: 0", "wards without figures: 11",
                                          "problems: 0 errors, 0 warnings"])
        // A note alone gives no figures; it is said so, not imported.
        var noted = template.document
        noted.sheets[0][24, 8] = .text("chưa triển khai", .input)
        let withNote = try S.convert(try S.roundTrip(noted, file: "noted.xlsx").get(), map: "vn-2025-07", criteria: "bca-2024-20",
                                     options: S.options(asOf: S.endOf2025))
        #expect(withNote.hasNoFigures)
        #expect(withNote.problems.map(\.description) == [
            "noted.xlsx: Nghệ An!Y8 (Ghi chú): warning: a note on a ward without a stage or criteria: the ward has no figures, and the note is not imported",
        ])
    }

    @Test func aFilledTemplateImportsWithNoEdits() throws {
        let template = try Self.ngheAn()
        var document = template.document
        let wards = Array(template.wards)
        document.sheets[0][3, 6] = .text("đã đăng ký", .input)
        for k in 0..<20 { document.sheets[0][4 + k, 6] = .text(k == 5 ? "chưa đạt" : "đạt", .input) }
        document.sheets[0][3, 7] = .text("đạt đủ tiêu chí", .input)
        for k in 0..<20 { document.sheets[0][4 + k, 7] = .text("đạt", .input) }
        document.sheets[0][24, 7] = .text("Đủ 20 tiêu chí", .input)

        let data = try S.dataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let file = data + "/nghe-an filled.xlsx"
        #expect(NewFileWriter.write(WorkbookWriter.write(document), to: file, replace: false) == nil)
        // No --map, no --criteria, no --province: the template says them.
        let request = ImportRequest(file: file, asOf: S.endOf2025, dataDirectory: data, outDirectory: data, today: S.today)
        let report = ImportRunner.run(request) { WorkbookTableReader.readWorkbookOrCSV($0, sheet: nil) }
        #expect(report.succeeded && report.wrote, "\(report.problems)")
        #expect(report.mapID == "vn-2025-07" && report.criteriaID == "bca-2024-20")
        let rows = try #require(report.outcome?.snapshot?.wards)
        #expect(rows.map(\.wardCode) == [wards[0].code, wards[1].code].sorted())
        let first = try #require(rows.first { $0.wardCode == wards[0].code })
        #expect(first.stage == .registered && first.marks.notMetMask == 1 << 5 && first.marks.metMask.nonzeroBitCount == 19)
        let second = try #require(rows.first { $0.wardCode == wards[1].code })
        #expect(second.stage == .complete && second.note == "Đủ 20 tiêu chí")
        #expect(Catalog.scan(directory: data, today: S.today).problems.isEmpty)
    }

    @Test func aTemplateFilledAndSavedByLibreOfficeImports() throws {
        let data = try S.dataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let request = ImportRequest(file: S.fixtures + "/libreoffice-template-nghe-an-filled.xlsx", asOf: S.endOf2025,
                                    dataDirectory: data, outDirectory: data, today: S.today, dryRun: true)
        let report = ImportRunner.run(request) { WorkbookTableReader.readWorkbookOrCSV($0, sheet: nil) }
        #expect(report.succeeded, "\(report.problems)")
        // Eight wards were left blank: the province is named by the three it gives, not counted.
        #expect(report.problems.map(\.description) == [
            "\(S.fixtures)/libreoffice-template-nghe-an-filled.xlsx: warning: 8 wards were left blank: the sheet names the wards it gives figures for and is not a complete count of the province (fill in every row to have it counted)"])
        #expect(report.outcome?.snapshot?.header.coverage.of(province: "40") == .named)
        #expect(report.choices == [
            "map vn-2025-07 (34 provinces from 1 July 2025): the one the template was made for (--map to choose another)",
            "criteria set bca-2024-20 (20 criteria): the one the template was made for (--criteria to choose another)",
        ])
        #expect(report.summaryLines == ["rows read: 3", "wards matched: 3", "rows in error: 0", "wards without figures: 8",
                                        "problems: 0 errors, 1 warning"])
        let rows = try #require(report.outcome?.snapshot?.wards)
        #expect(rows.map(\.stage).sorted() == [.registered, .registered, .complete])
    }

    @Test func theWrittenTemplateIsTheCommittedOne() throws {
        // The fixture was written by `kieumau template --province "nghe an" --as-of 2025-12-31`.
        let written = WorkbookWriter.write(try Self.ngheAn().document)
        #expect(written == (try S.bytes("template-nghe-an-blank.xlsx")), "the template changed: run make-fixtures.py again and review")
    }

    @Test func theMapAndCriteriaInForceOnADay() throws {
        func map(_ iso: String) throws -> String { try TemplateChoices.map(in: S.catalog, on: try #require(Day(iso: iso))).get().0.id }
        func criteria(_ iso: String) throws -> String { try TemplateChoices.criteria(in: S.catalog, on: try #require(Day(iso: iso))).get().0.id }
        #expect(try map("2025-06-30") == "vn-2025-01")
        #expect(try map("2025-07-01") == "vn-2025-07")
        #expect(try criteria("2023-12-31") == "bca-5764-22")
        #expect(try criteria("2025-12-31") == "bca-2024-20")
        guard case .failure(let early) = TemplateChoices.criteria(in: S.catalog, on: try #require(Day(iso: "2021-01-01"))) else {
            Issue.record("a criteria set before any snapshot"); return
        }
        #expect(early.path == "--criteria" && early.message.hasPrefix("no snapshot on or before 2021-01-01 tells which criteria set is in force; pass --criteria"))
        guard case .failure(let unknown) = TemplateChoices.criteria(in: S.catalog, on: S.endOf2025, id: "bca-1") else {
            Issue.record("an unknown criteria set"); return
        }
        #expect(unknown.message == "unknown criteria set \"bca-1\"; known: bca-2024-20 (20 criteria), bca-5764-22 (22 criteria), bca-9745-34 (34 criteria)")
    }

    @Test func aFileIsNeverReplacedUnlessAsked() throws {
        let folder = NSTemporaryDirectory() + "kieumau-template-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/sub/t.xlsx"
        #expect(NewFileWriter.write([1, 2, 3], to: path, replace: false) == nil)
        #expect(NewFileWriter.write([4], to: path, replace: false) == NewFileWriter.existsMessage)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == [1, 2, 3])
        #expect(NewFileWriter.write([4], to: path, replace: true) == nil)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == [4])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/sub") == ["t.xlsx"])
    }
}

/// What the writer writes, the reader reads back the same.
@Suite struct WorkbookWriterTests {
    typealias S = WorkbookSupport

    @Test func textOfEveryKindRoundTrips() throws {
        let texts = ["Hà Huy Tập", "  leading and trailing  ", "a & b < c > d \"e\" 'f'", "tab\tand\nline", "\u{1}\u{1B}[31m",
                     "_x0041_", "Ω 😀 e\u{301}", "]]>", "&amp;", String(repeating: "x", count: 5000)]
        var sheet = WorkbookDocument.Sheet(name: "Kiểm [tra]: */?\\")
        sheet.name = SheetName.safe(sheet.name)
        sheet[0, 1] = .text("Mã phường")
        for (i, text) in texts.enumerated() { sheet[1, i + 2] = .text(text); sheet[0, i + 2] = .text("1666\(i)") }
        sheet[2, 2] = WorkbookDocument.Cell(.number(2021))
        sheet[2, 3] = WorkbookDocument.Cell(.number(0.25))
        let table = try S.roundTrip(WorkbookDocument(sheets: [sheet])).get()
        #expect(table.sheet == "Kiểm tra ")
        var package = try WorkbookPackage.open(WorkbookWriter.write(WorkbookDocument(sheets: [sheet])), limits: WorkbookLimits())
        let rows = try package.rows(of: package.sheets[0]).rows
        #expect(rows.map(\.cells) == sheet.textRows.map(\.cells))
        #expect(rows[1].cells[2] == "2021" && rows[2].cells[2] == "0.25")
    }

    @Test func theSameDocumentGivesTheSameBytes() throws {
        let document = try TemplateTests.ngheAn().document
        #expect(WorkbookWriter.write(document) == WorkbookWriter.write(document))
    }

    @Test func sheetNamesAreMadeSafe() {
        #expect(SheetName.safe("Thành phố Hồ Chí Minh") == "Thành phố Hồ Chí Minh")
        #expect(SheetName.safe("a/b\\c?d*e:f[g]h") == "abcdefgh")
        #expect(SheetName.safe(String(repeating: "x", count: 40)).count == 31)
        #expect(SheetName.safe("'quoted'") == "quoted")
        #expect(SheetName.safe("[]") == "Sheet")
    }
}
