import Foundation
import Testing
@testable import KieuMauCore

/// Broken spreadsheets: every problem names the file, the row and column, and what was expected;
/// nothing is written.
@Suite struct ImportBrokenFileTests {
    /// The only error of a fixture, after checking that nothing would be written.
    func onlyError(_ name: String, text: String? = nil, criteria: String = "bca-5764-22") throws -> Problem {
        let outcome = try ImportSupport.convert(name, text: text, criteria: criteria)
        #expect(outcome.text == nil && outcome.snapshot == nil)
        #expect(outcome.errors.count == 1, "\(outcome.errors)")
        return try #require(outcome.errors.first)
    }

    @Test func unknownWardNameGivesRowColumnAndNearestName() throws {
        let problem = try onlyError("broken-unknown-ward.csv")
        #expect(problem.file == "broken-unknown-ward.csv" && problem.line == 3)
        #expect(problem.path == "row 3, column B (Phường)")
        #expect(problem.message == "no ward named \"Hà Huy Tầm\" in Tỉnh Nghệ An on map vn-2025-01; did you mean Phường Hà Huy Tập (16666, Thành phố Vinh)?")
        #expect(problem.description.hasPrefix("broken-unknown-ward.csv:3: row 3, column B (Phường): no ward named"))
    }

    @Test func ambiguousWardNameListsTheCandidates() throws {
        let problem = try onlyError("broken-ambiguous-ward.csv")
        #expect(problem.path == "row 2, column B (Phường)")
        #expect(problem.message.contains("\"Quang Trung\" names 2 wards in Thành phố Hà Nội"))
        #expect(problem.message.contains("Phường Quang Trung (00214, Quận Đống Đa)"))
        #expect(problem.message.contains("Phường Quang Trung (09538, Quận Hà Đông)"))
        #expect(problem.message.hasSuffix("add a district column or the ward code"))
        // The district settles it.
        let settled = try ImportSupport.convert("d.csv", text: "Tỉnh,Quận/Huyện,Phường\nHà Nội,Hà Đông,Quang Trung\n")
        #expect(settled.problems.isEmpty, "\(settled.problems)")
        #expect(settled.snapshot?.wards.map(\.wardCode) == ["09538"])
        // Names that differ only in their marks are told apart by them; without marks they are ambiguous.
        let unmarked = try ImportSupport.convert("d.csv", text: "Tỉnh,Phường\nLào Cai,Sa Pả\nLao Cai,sa pa\n")
        #expect(unmarked.snapshot == nil)
        #expect(unmarked.errors.map(\.path) == ["row 3, column B (Phường)"])
        let exact = try ImportSupport.convert("d.csv", text: "Tỉnh,Phường\nLào Cai,Sa Pả\nLào Cai,Sa Pa\n")
        #expect(exact.snapshot?.wards.map(\.wardCode) == ["03001", "03002"])
    }

    @Test func unknownProvince() throws {
        let problem = try onlyError("broken-unknown-province.csv")
        #expect(problem.path == "row 3, column A (Tỉnh)" && problem.line == 3)
        #expect(problem.message.hasPrefix("unknown province \"Nghệ Tĩnh\" on map vn-2025-01"))
    }

    @Test func badStageWord() throws {
        let problem = try onlyError("broken-stage.csv")
        #expect(problem.path == "row 2, column C (Trạng thái)")
        #expect(problem.message == "expected a stage (\(ImportWords.stageHelp)), found \"đang chờ duyệt\"")
    }

    @Test func criterionValueNotUnderstood() throws {
        let problem = try onlyError("broken-criterion-value.csv")
        #expect(problem.path == "row 3, column I (Tiêu chí 6)" && problem.line == 3)
        #expect(problem.message == "criterion 6: expected \(ImportWords.markHelp), found \"có lẽ\"")
    }

    @Test func countAboveTheSetOrAgainstAnotherSet() throws {
        let above = try onlyError("broken-count-above.csv")
        #expect(above.path == "row 2, column D (Số tiêu chí đạt)")
        #expect(above.message == "23 criteria met is above the 22 of criteria set bca-5764-22, found \"23/22\"")
        let otherSet = try onlyError("c.csv", text: "Tỉnh,Phường,Số tiêu chí đạt\nNghệ An,Hà Huy Tập,19/20\n")
        #expect(otherSet.message == "expected N/22 (criteria set bca-5764-22 has 22), found \"19/20\"")
        let bare = try onlyError("c.csv", text: "Tỉnh,Phường,Số tiêu chí đạt\nNghệ An,Hà Huy Tập,25\n")
        #expect(bare.message == "25 criteria met is above the 22 of criteria set bca-5764-22")
    }

    @Test func duplicateWardRowsNameTheFirstRow() throws {
        let problem = try onlyError("broken-duplicate.csv")
        #expect(problem.path == "row 4, column B (Mã phường)")
        #expect(problem.message == "ward 16666 (Phường Hà Huy Tập) is already on row 2")
    }

    @Test func invalidUTF8GivesTheByteOffsetAndLine() throws {
        let problem = try onlyError("broken-invalid-utf8.csv")
        let bytes = try ImportSupport.bytes("broken-invalid-utf8.csv")
        let offset = try #require(bytes.firstIndex(of: 0xEA))
        #expect(problem.line == 3)
        #expect(problem.message.hasPrefix("invalid UTF-8 at byte offset \(offset) (line 3): 0xEA"))
    }

    @Test func completeStageWithACriterionNotMet() throws {
        let text = "Tỉnh,Phường,Trạng thái,Số tiêu chí đạt\nNghệ An,Hà Huy Tập,đạt,21/22\n"
        let problem = try onlyError("s.csv", text: text)
        #expect(problem.path == "row 2, column C (Trạng thái)")
        #expect(problem.message == "stage complete means every criterion is met, but 21/22 are")
    }

    @Test func wardCodeInAnotherProvinceOrUnknown() throws {
        let other = try onlyError("k.csv", text: "Tỉnh,Mã phường\nHà Nội,16666\n")
        #expect(other.path == "row 2, column A (Tỉnh)")
        #expect(other.message == "ward 16666 (Phường Hà Huy Tập) is in Tỉnh Nghệ An (40), not in Thành phố Hà Nội")
        let unknown = try onlyError("k.csv", text: "Tỉnh,Mã phường,Phường\nNghệ An,99999,Hà Huy Tập\n")
        #expect(unknown.message == "unknown ward code \"99999\" (not a ward of map vn-2025-01); the name \"Hà Huy Tập\" is ward 16666")
        // Leading zeros a spreadsheet dropped are restored.
        let padded = try ImportSupport.convert("k.csv", text: "Mã phường\n94\n")
        #expect(padded.snapshot?.wards.map(\.wardCode) == ["00094"])
    }

    @Test func headerProblems() throws {
        let missing = try onlyError("h.csv", text: "Tỉnh,Phường,TC1,TC2\nNghệ An,Hà Huy Tập,1,1\n")
        #expect(missing.path == "header" && missing.line == 1)
        #expect(missing.message.hasPrefix("expected a column for every criterion 1…22 of criteria set bca-5764-22, missing 3, 4, 5"))
        let above = try onlyError("h.csv", text: "Tỉnh,Phường,Tiêu chí 21\nNghệ An,Hà Huy Tập,1\n", criteria: "bca-2024-20")
        #expect(above.path == "row 1, column C (Tiêu chí 21)")
        #expect(above.message == "criterion 21 is outside 1…20 (criteria set bca-2024-20 has 20)")
        let noWard = try onlyError("h.csv", text: "Tỉnh,Trạng thái\nNghệ An,đạt\n")
        #expect(noWard.message.hasPrefix("expected a ward code or ward name column"))
        // A column not recognised is a warning; the import goes on.
        let extra = try ImportSupport.convert("h.csv", text: "Tỉnh,Phường,Điện thoại\nNghệ An,Hà Huy Tập,0238 123\n")
        #expect(extra.errors.isEmpty && extra.text != nil)
        #expect(extra.problems.first?.severity == .warning && extra.problems.first?.path == "row 1, column C (Điện thoại)")
    }

    @Test func rowLimitAndSizeLimit() throws {
        var options = ImportSupport.options()
        options.limits = ImportLimits(maxBytes: 1 << 20, maxRows: 3)
        let rows = try ImportSupport.convert("nghe-an-2023.csv", options: options)
        #expect(rows.errors.map(\.message) == ["the file has 8 rows, above the import limit of 3; split it (one file per province)"])
        options.limits = ImportLimits(maxBytes: 100, maxRows: 100)
        let size = try ImportSupport.convert("nghe-an-2023.csv", options: options)
        #expect(size.errors.first?.message.hasPrefix("the file is 1133 bytes, above the import limit of 100 bytes") == true)
    }

    @Test func skipBadRowsWritesTheRest() throws {
        let outcome = try ImportSupport.convert("broken-unknown-ward.csv", options: ImportSupport.options(skipBadRows: true))
        #expect(outcome.errors.count == 1)
        #expect(outcome.snapshot?.wards.map(\.wardCode) == ["16666"])
        #expect(outcome.snapshot?.header.notes.contains("1 row of broken-unknown-ward.csv with errors left out (--skip-bad-rows).") == true)
        // A ward left out means the rows no longer account for every ward: not a complete count.
        #expect(outcome.snapshot?.header.coverage == SnapshotCoverage(default: .named))
        #expect(outcome.snapshot?.header.notes.last?.hasPrefix("Coverage: the rows are the wards the sheet lists") == true)
    }
}
