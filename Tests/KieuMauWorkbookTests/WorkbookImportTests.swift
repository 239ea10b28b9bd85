import Foundation
import Testing
import KieuMauCore
@testable import KieuMauWorkbook

/// Provinces' workbooks read directly: the same rows as the CSV import, every problem naming the
/// sheet and the cell.
@Suite struct WorkbookImportTests {
    typealias S = WorkbookSupport

    @Test(arguments: ["nghe-an-2023.xlsx", "libreoffice-nghe-an-2023.xlsx"])
    func aProvincesWorkbookImportsTheSameWardsAsItsCSV(_ fixture: String) throws {
        let table = try S.table(fixture).get()
        // The hidden list and the summary sheet come first; the wards' sheet is the first visible
        // one with a header the import knows.
        #expect(table.sheet == "Nghệ An")
        #expect(table.hiddenColumns == [29])
        let outcome = try S.convert(table)
        let csv = try S.convertCSV("nghe-an-2023.csv")
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let wards = try #require(outcome.snapshot?.wards)
        #expect(wards.count == 7)
        #expect(wards == csv.snapshot?.wards)
        #expect(outcome.problems.filter { $0.severity == .warning }.map(\.description) == [
            "\(fixture): Nghệ An!AD4 (Mã nội bộ, hidden): warning: column not recognised, left out (known columns: province, ward code, ward name, district, stage, year, note, criteria met, decision, recognised on, and one per criterion 1…22)",
            "\(fixture): Nghệ An, row 13: warning: a total row (\"Tổng cộng\"), not read",
        ])
    }

    @Test func mergedCellsShowTheirValueOverTheRangeAndTheTwoRowHeaderNamesTheCriteria() throws {
        let grid = try S.grid("nghe-an-2023.xlsx", sheet: "Nghệ An")
        // The title spans A1:AD1; the province is merged down B6:B12; "Phường" down D4:D5.
        #expect(S.cell(grid, "AD1") == S.cell(grid, "A1"))
        #expect((6...12).map { S.cell(grid, "B\($0)") } == Array(repeating: "Nghệ An", count: 7))
        #expect(S.cell(grid, "D5") == "Phường")
        let table = try S.table("nghe-an-2023.xlsx").get()
        #expect(table.criterionColumnCount() == 22)
        // Numbers stored as numbers read as the CSV holds them; a boolean as TRUE.
        #expect(S.cell(grid, "F6") == "2021" && S.cell(grid, "G6") == "1" && S.cell(grid, "AB6") == "0")
        #expect(S.cell(grid, "G7") == "TRUE")
    }

    @Test func aBadCellIsNamedBySheetAndCell() throws {
        let document = WorkbookDocument(sheets: [S.sheet("Nghệ An", [
            ["DANH SÁCH CÔNG AN PHƯỜNG"],
            [],
            ["STT", "Tỉnh", "Quận/Huyện", "Phường", "Trạng thái"],
            ["1", "Nghệ An", "TP Vinh", "Hà Huy Tập", "Đã đăng ký"],
            ["2", "Nghệ An", "TP Vinh", "Trường Thi", "chưa rõ"],
            ["3", "Nghệ An", "TP Vinh", "Hà Huy Tầm", "Đạt"],
        ])])
        let outcome = try S.convert(try S.roundTrip(document, file: "nghe-an.xlsx").get())
        #expect(outcome.errors.map(\.description) == [
            "nghe-an.xlsx: Nghệ An!E5 (Trạng thái): expected a stage (none, registered, complete, recognised, or chưa đăng ký, đã đăng ký, đạt, công nhận), found \"chưa rõ\"",
            "nghe-an.xlsx: Nghệ An!D6 (Phường): no ward named \"Hà Huy Tầm\" (Thành phố Vinh, Tỉnh Nghệ An) on map vn-2025-01; did you mean Phường Hà Huy Tập (16666, Thành phố Vinh)?",
        ])
        #expect(outcome.errors.allSatisfy { $0.line == nil })
        #expect(outcome.text == nil)
    }

    @Test func aValueRightOfTheHeaderIsNamedByItsCell() throws {
        var sheet = S.sheet("Sheet1", [["Mã phường", "Trạng thái"], ["16666", "Đạt"]])
        sheet[5, 2] = .text("lạc chỗ")
        let outcome = try S.convert(try S.roundTrip(WorkbookDocument(sheets: [sheet]), file: "w.xlsx").get())
        #expect(outcome.errors.map(\.description) == [
            "w.xlsx: Sheet1!F2: a value right of the header's last column (B); give the column a header or move the value",
        ])
    }

    @Test func theSheetCanBeNamedWithOrWithoutDiacritics() throws {
        #expect(try S.table("nghe-an-2023.xlsx", sheet: "Nghệ An").get().sheet == "Nghệ An")
        #expect(try S.table("nghe-an-2023.xlsx", sheet: "nghe an").get().sheet == "Nghệ An")
        // A hidden sheet is read when named.
        #expect(try S.table("nghe-an-2023.xlsx", sheet: "Danh mục").get().sheet == "Danh mục")
        guard case .failure(let problem) = try S.table("nghe-an-2023.xlsx", sheet: "Hà Tĩnh") else {
            Issue.record("an unknown sheet was read"); return
        }
        #expect(problem.description == "nghe-an-2023.xlsx: --sheet: the workbook has no sheet named \"Hà Tĩnh\"; its sheets: \"Danh mục\" (hidden), \"Tổng hợp\", \"Nghệ An\", \"Ghi chú\"")
    }

    @Test func aWorkbookWithoutASheetOfWardsSaysWhichSheetsItHas() throws {
        let document = WorkbookDocument(sheets: [S.sheet("Tổng hợp", [["Số phường", "7"]]), S.sheet("Ghi chú", [["Không có"]])])
        guard case .failure(let problem) = S.roundTrip(document, file: "x.xlsx") else { Issue.record("read without a ward sheet"); return }
        #expect(problem.message == "no sheet has a header with a ward code or ward name column (\"Mã phường\", \"Phường\", \"ward\") in its first rows; its sheets: \"Tổng hợp\", \"Ghi chú\"; name one with --sheet")
    }

    @Test func excelsTypesReadAsTheImportReadsText() throws {
        for fixture in ["types.xlsx", "types-1904.xlsx"] {
            let grid = try S.grid(fixture, sheet: "Kiểu ô")
            #expect(S.cell(grid, "A2") == "20260", "\(fixture): a code stored as a number")
            #expect(S.cell(grid, "C2") == "2024-04-01", "\(fixture): a serial day in a built-in date format")
            #expect(S.cell(grid, "C3") == "2024-04-01", "\(fixture): a serial day and time in a custom date format")
            #expect(S.cell(grid, "F3") == "2021", "\(fixture): 2.021E3")
            #expect(S.cell(grid, "B4") == "TRUE" && S.cell(grid, "E4") == "#N/A")
            #expect(S.cell(grid, "G2") == "Ghi chú\rdòng 2", "\(fixture): a formula's text with an _x000D_ escape")
            #expect(S.cell(grid, "D2") == "QĐ 2878/QĐ-BCA", "\(fixture): an inline string")
            #expect(S.cell(grid, "D3").isEmpty, "\(fixture): an empty cell")
        }
        let asOf = Day(year: 2024, month: 6, day: 30)!
        let outcome = try S.convert(try S.table("types.xlsx").get(), criteria: "bca-2024-20", options: S.options(asOf: asOf))
        #expect(outcome.errors.map(\.description) == [
            "types.xlsx: Kiểu ô!B4 (Trạng thái): expected a stage (none, registered, complete, recognised, or chưa đăng ký, đã đăng ký, đạt, công nhận), found \"TRUE\"",
            "types.xlsx: Kiểu ô!E4 (Số tiêu chí đạt): expected N/20 with whole numbers, found \"#N/A\"",
        ])
        var skipping = S.options(asOf: asOf)
        skipping.skipBadRows = true
        let written = try S.convert(try S.table("types.xlsx").get(), criteria: "bca-2024-20", options: skipping)
        let khueTrung = try #require(written.snapshot?.wards.first { $0.wardCode == "20260" })
        #expect(khueTrung.stage == .recognised && khueTrung.pilotYear == 2024)
        #expect(khueTrung.recognition == Recognition(decision: "QĐ 2878/QĐ-BCA", date: Day(year: 2024, month: 4, day: 1)))
    }

    @Test func serialNumbersBecomeTheDaysExcelShows() throws {
        #expect(CellText.day(serial: 1, date1904: false)?.iso == "1900-01-01")
        #expect(CellText.day(serial: 59, date1904: false)?.iso == "1900-02-28")
        #expect(CellText.day(serial: 60, date1904: false) == nil, "Lotus's 29 February 1900")
        #expect(CellText.day(serial: 61, date1904: false)?.iso == "1900-03-01")
        #expect(CellText.day(serial: 45291, date1904: false)?.iso == "2023-12-31")
        #expect(CellText.day(serial: 0, date1904: true)?.iso == "1904-01-01")
        #expect(CellText.day(serial: 2_958_465, date1904: false)?.iso == "9999-12-31")
        #expect(CellText.day(serial: 2_958_466, date1904: false) == nil)
        #expect(CellText.day(serial: 0, date1904: false) == nil)
        #expect(CellText.day(serial: -1, date1904: true) == nil)
        #expect(throws: WorkbookError.self) { try CellText.number("nan", showsDate: false, date1904: false) }
        #expect(throws: WorkbookError.self) { try CellText.number("0x1p3", showsDate: false, date1904: false) }
        #expect(try CellText.number("21.0", showsDate: false, date1904: false) == "21")
        #expect(try CellText.number("0.5", showsDate: false, date1904: false) == "0.5")
    }

    @Test func customFormatsAreDatesWhenTheyShowADayOrAYear() {
        #expect(CellStyles.isDateFormat("dd/mm/yyyy"))
        #expect(CellStyles.isDateFormat("[$-42A]d mmmm yyyy"))
        #expect(!CellStyles.isDateFormat("[h]:mm:ss"))
        #expect(!CellStyles.isDateFormat("0.00\" ngày\""))
        #expect(!CellStyles.isDateFormat("General"))
        #expect(!CellStyles.isDateFormat("[Red]0"))
    }
}
