import Foundation
import Testing
@testable import KieuMauCore

/// Good spreadsheets: written, loaded back through the catalog, row by row.
@Suite struct ImportGoodFileTests {
    let fm = FileManager.default

    @Test func vietnameseSheetWithCriterionColumnsIsWrittenAndLoads() throws {
        let data = try ImportSupport.dataDirectory()
        defer { try? fm.removeItem(atPath: data) }
        let report = ImportRunner.run(ImportSupport.request("nghe-an-2023.csv", data: data))
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.succeeded && report.wrote)
        #expect(report.mapID == "vn-2025-01")
        #expect(report.outputPath == data + "/imported/2023-12-31.snapshot.json")
        #expect(report.outcome?.summary == {
            var s = ImportSummary(); s.rowsRead = 7; s.wardsMatched = 7; return s
        }())

        let catalog = Catalog.scan(directory: data, today: ImportSupport.today)
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        let entry = try #require(catalog.snapshots(inSeries: "imported").first)
        #expect(entry.file == "imported/2023-12-31.snapshot.json")
        #expect(entry.header.criteriaID == "bca-5764-22" && entry.header.mapID == "vn-2025-01" && !entry.header.synthetic)
        #expect(entry.header.title == "Imported from nghe-an-2023.csv")
        let source = try #require(entry.header.sources.first)
        #expect(source.id == "import-nghe-an-2023")
        #expect(source.title == "imported from nghe-an-2023.csv on 2025-11-24")
        let snapshot = try catalog.loadSnapshot(entry, map: catalog.loadMap(id: "vn-2025-01").get()).get()
        #expect(snapshot.wards.map(\.wardCode) == ["16666", "16690", "16726", "16735", "16939", "16994", "17003"])
        #expect(snapshot.wards.allSatisfy { $0.sourceIDs == ["import-nghe-an-2023"] })
        let rows = ImportSupport.byCode(snapshot.wards)

        let haHuyTap = try #require(rows["16666"])
        #expect(haHuyTap.stage == .registered && haHuyTap.pilotYear == 2021)
        #expect(haHuyTap.marks.metCount == 21 && haHuyTap.marks.notMet(of: 22) == [22])
        #expect(haHuyTap.note == "Ví dụ hư cấu: chưa đạt một tiêu chí")
        #expect(rows["16690"]?.marks.metCount == 21)                       // "x" and "chưa đạt"
        #expect(rows["16726"]?.marks.notMet(of: 22) == [19, 20, 21, 22])   // "P. Nghi Hòa" in "Vinh"
        #expect(rows["16735"]?.marks.unknown(of: 22) == [20, 21, 22])      // "?" and blank are unknown
        #expect(rows["16939"]?.stage == .complete && rows["16939"]?.marks.metCount == 22)
        #expect(rows["16994"]?.stage == .recognised)                        // province given by code 40
        let longSon = try #require(rows["17003"])                           // no stage, no criteria
        #expect(longSon.stage == .registered && longSon.marks == .unknown)
    }

    @Test func bomSemicolonsAndCRLFGiveTheSameRows() throws {
        let plain = try ImportSupport.convert("nghe-an-2023.csv")
        let excel = try ImportSupport.convert("nghe-an-2023-excel.csv")
        #expect(excel.problems.isEmpty, "\(excel.problems)")
        let a = try #require(plain.snapshot?.wards), b = try #require(excel.snapshot?.wards)
        #expect(a.count == 7)
        #expect(a == b)
        #expect(plain.text == excel.text)
    }

    @Test func countOnlyColumnGivesPublishedCounts() throws {
        let outcome = try ImportSupport.convert("nghe-an-counts.csv")
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        let rows = ImportSupport.byCode(try #require(outcome.snapshot?.wards))
        #expect(rows["16666"]?.marks == .count(21))
        #expect(rows["16732"]?.marks == .count(18))        // "18" alone
        #expect(rows["16939"]?.marks == .count(22) && rows["16939"]?.stage == .complete)
        #expect(rows["16735"]?.marks == .unknown)
        let text = try #require(outcome.text)
        #expect(text.contains(#"["16666", "registered", "21/22", {"sources": ["sheet"]}]"#))
    }

    @Test func theWrittenFileIsTheGeneratorLayout() throws {
        let outcome = try ImportSupport.convert("nghe-an-counts.csv")
        let text = try #require(outcome.text)
        #expect(text.hasPrefix("{\n  \"format\": \"kieumau.snapshot\",\n  \"version\": 2,\n  \"asOf\": \"2023-12-31\",\n"))
        // A province's full sheet: its rows are a complete count; the other provinces are not covered.
        #expect(text.contains("\n  \"coverage\": {\"default\": \"named\", \"provinces\": {\"40\": \"complete\"}},\n"))
        #expect(text.hasSuffix("  ]\n}\n"))
        let lines = text.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("    [\"") }.count == 4)   // one ward row a line
    }

    @Test func countAndCriterionColumnsTogetherMustAgree() throws {
        let header = "Tỉnh,Phường,Số tiêu chí đạt," + (1...22).map { "TC\($0)" }.joined(separator: ",")
        let ok = header + "\nNghệ An,Hà Huy Tập,21/22," + Array(repeating: "1", count: 21).joined(separator: ",") + ",0\n"
        let agreeing = try ImportSupport.convert("both.csv", text: ok)
        #expect(agreeing.problems.isEmpty, "\(agreeing.problems)")
        #expect(agreeing.snapshot?.wards.first?.marks.notMet(of: 22) == [22])
        let bad = header + "\nNghệ An,Hà Huy Tập,22/22," + Array(repeating: "1", count: 21).joined(separator: ",") + ",0\n"
        let disagreeing = try ImportSupport.convert("both.csv", text: bad)
        #expect(disagreeing.text == nil)
        #expect(disagreeing.errors.first?.path == "row 2, column C (Số tiêu chí đạt)")
        #expect(disagreeing.errors.first?.message.contains("says 22 criteria met, but the criterion columns mark 21 met and 1 not met") == true)
    }

    @Test func criteriaSetComesFromTheSeriesAndTheMapFromTheDate() throws {
        let data = try ImportSupport.dataDirectory(withRecord: true)
        defer { try? fm.removeItem(atPath: data) }
        var request = ImportSupport.request("nghe-an-counts.csv", data: data, criteria: nil)
        request.series = "record"
        request.asOf = Day(year: 2023, month: 12, day: 20)!
        let report = ImportRunner.run(request)
        #expect(report.succeeded, "\(report.problems)")
        #expect(report.criteriaID == "bca-5764-22")   // from record/2023-11-10
        #expect(report.choices.contains { $0.hasPrefix("criteria set bca-5764-22") && $0.contains("record/2023-11-10.snapshot.json") })
        let catalog = Catalog.scan(directory: data, today: ImportSupport.today)
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        #expect(catalog.snapshots(inSeries: "record").map(\.header.asOf.iso).contains("2023-12-20"))

        // After July 2025 the 34-province map is in force; its wards have other names.
        var later = ImportSupport.request("nghe-an-counts.csv", data: data, criteria: "bca-2024-20")
        later.asOf = Day(year: 2025, month: 8, day: 1)!
        later.dryRun = true
        let afterReform = ImportRunner.run(later)
        #expect(afterReform.mapID == "vn-2025-07")
        #expect(afterReform.outcome?.errors.first?.message.contains("no ward named \"Hà Huy Tập\" in Tỉnh Nghệ An on map vn-2025-07") == true)

        // A series with nothing before the date: the criteria set must be given.
        var fresh = ImportSupport.request("nghe-an-counts.csv", data: data, criteria: nil)
        fresh.series = "nghe-an"
        let refused = ImportRunner.run(fresh)
        #expect(!refused.succeeded && refused.requestProblems.first?.path == "--criteria")
        #expect(refused.requestProblems.first?.message.contains("pass --criteria (known: bca-2024-20 (20 criteria)") == true)
    }

    @Test func provinceOptionServesSheetsWithoutAProvinceColumn() throws {
        var options = ImportSupport.options()
        options.province = "nghe an"
        let outcome = try ImportSupport.convert("p.csv", text: "Phường;Trạng thái\r\nHà Huy Tập;đạt\r\nTrường Thi;\r\n", options: options)
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        #expect(outcome.snapshot?.wards.map(\.wardCode) == ["16666", "16690"])
        let none = try ImportSupport.convert("p.csv", text: "Phường\nHà Huy Tập\n")
        #expect(none.errors.first?.message.contains("expected a province column") == true)
    }

    @Test func recognitionDecisionAndDateAreKept() throws {
        let text = "Tỉnh,Mã phường,Trạng thái,Quyết định,Ngày công nhận\nNghệ An,16666,đã được công nhận,QĐ 123,22/12/2023\n"
        let outcome = try ImportSupport.convert("r.csv", text: text)
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        let row = try #require(outcome.snapshot?.wards.first)
        #expect(row.recognition == Recognition(decision: "QĐ 123", date: Day(year: 2023, month: 12, day: 22)))
        let wrong = try ImportSupport.convert("r.csv", text: text.replacingOccurrences(of: "đã được công nhận", with: "đã đăng ký"))
        #expect(wrong.errors.map(\.message) == ["a decision belongs to stage recognised, but the stage is registered",
                                                "a recognition date belongs to stage recognised, but the stage is registered"])
    }
}
