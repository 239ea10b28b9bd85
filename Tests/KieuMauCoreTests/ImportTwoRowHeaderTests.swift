import Foundation
import Testing
@testable import KieuMauCore

/// A header written over two rows ("Tiêu chí" above the criteria's numbers), as provinces' sheets
/// are: read the same from a CSV export as from the workbook, and never mistaken for data.
@Suite struct ImportTwoRowHeaderTests {
    @Test func aGroupNameOverNumbersNamesTheCriteria() throws {
        // As Excel saves a sheet whose "Tiêu chí" spans the 22 criteria and whose other headings
        // span both rows: the upper row blank under "Tiêu chí", the lower blank under the others.
        let marks = (1...22).map { $0 == 6 ? "0" : "1" }
        let text = [
            "DANH SÁCH" + String(repeating: ",", count: 24),
            "STT,Phường,Trạng thái,Tiêu chí" + String(repeating: ",", count: 21),
            ",,," + (1...22).map(String.init).joined(separator: ","),
            "1,Hà Huy Tập,Đã đăng ký," + marks.joined(separator: ","),
        ].joined(separator: "\n") + "\n"
        var options = ImportSupport.options()
        options.province = "Nghệ An"
        let outcome = try ImportSupport.convert("two.csv", text: text, options: options)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let ward = try #require(outcome.snapshot?.wards.first)
        #expect(ward.wardCode == "16666" && ward.marks.notMetMask == 1 << 5 && ward.marks.metMask.nonzeroBitCount == 21)
        // A problem with a criterion's heading names the lower row, where its number is.
        let wrong = text.replacingOccurrences(of: ",22\n", with: ",23\n")
        let refused = try ImportSupport.convert("two.csv", text: wrong, options: options)
        #expect(refused.errors.first?.description == "two.csv:3: row 3, column Y (23): criterion 23 is outside 1…22 (criteria set bca-5764-22 has 22)")
    }

    @Test func theLowerRowsNamesAndTheirProblemsAreItsOwn() throws {
        let table = try ImportTable.read(bytes: Array("Phường,Tiêu chí,\n,1,1\nHà Huy Tập,1,0\n".utf8), file: "dup.csv").get()
        // "1" twice under "Tiêu chí" is not a second header row: the first row alone is the header.
        #expect(table.rows.count == 2)
        let merged = try ImportTable.read(bytes: Array("Phường,Tiêu chí,Tiêu chí\nPhường,1,2\nHà Huy Tập,1,0\n".utf8), file: "m.csv").get()
        #expect(merged.names == ["Phường", "Tiêu chí 1", "Tiêu chí 2"] && merged.nameRows == [1, 2, 2] && merged.rows.count == 1)
    }

    @Test(arguments: [
        // A ward under "Phường", a stage under "Trạng thái", a mark under a criterion: data rows.
        "Phường,Trạng thái\nHà Huy Tập,\n",
        "Phường,Trạng thái\n,Đạt\n",
        "Phường,TC1,TC2\n,1,0\n",
        "Phường,Tiêu chí,\n,Hà Huy Tập,0\n",
        "Phường,Trạng thái,Tiêu chí\n,,21\n",
    ])
    func aDataRowUnderASingleHeaderIsNotASecondHeaderRow(_ text: String) throws {
        let table = try ImportTable.read(bytes: Array(text.utf8), file: "one.csv").get()
        #expect(table.rows.count == 1)
        #expect(table.nameRows.allSatisfy { $0 == 1 })
    }
}
