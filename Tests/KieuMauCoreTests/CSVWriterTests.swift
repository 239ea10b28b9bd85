import Testing
@testable import KieuMauCore

/// The one CSV writer: what it writes reads back unchanged through the project's reader, and no
/// cell it writes starts with a formula trigger unless the cell is a plain number.
@Suite struct CSVWriterTests {
    /// Pieces arbitrary text is made of: formula starts, separators, quotes, every line break,
    /// combining marks (also right after a trigger or a comma), a byte-order mark, Vietnamese.
    static let pieces: [String] = [
        "=", "+", "-", "@", "\t", "\r", "\n", "\r\n", "'", "\"", ",", ";", " ", "\u{301}", "\u{323}", "\u{FEFF}",
        "=\u{301}HYPERLINK(\"http://x\",\"y\")", ",\u{301}", "\"\"", "0", "7", ".", "-3", "1.5", "e", "Hà Huy Tập",
        "Nghệ An", "đạt", "\u{200B}", "x", "SUM(A1)",
    ]

    static func arbitraryText(_ g: inout SplitMix64) -> String {
        let count = Int(g.next() % 7)
        return (0..<count).map { _ in pieces[Int(g.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func arbitraryTextReadsBackUnchanged() throws {
        var g = SplitMix64(seed: 20261204)
        for case_ in 0..<3000 {
            let rows = (0..<(1 + Int(g.next() % 4))).map { _ in
                (0..<(1 + Int(g.next() % 4))).map { _ in Self.arbitraryText(&g) }
            }
            // Every row of one table has the same width, as a reader with a header expects.
            let width = rows.map(\.count).max() ?? 1
            let table = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
            let text = CSVWriter.table(table)
            let read = try CSVTable.records(file: "case-\(case_).csv", text: text).map { $0.0 }
            #expect(read.count == table.count, "case \(case_): \(text.debugDescription)")
            for (written, fields) in zip(table, read) {
                #expect(fields.map(FormulaGuard.unguarded) == written, "case \(case_): \(text.debugDescription)")
                for cell in fields {
                    let first = cell.unicodeScalars.first
                    #expect(first.map { !FormulaGuard.triggers.contains($0) || $0 == "'" || FormulaGuard.isPlainNumber(cell) } ?? true,
                            "case \(case_): a cell starts with a formula trigger: \(cell.debugDescription)")
                }
            }
        }
    }

    @Test(arguments: [
        ("=\u{301}HYPERLINK(\"http://x\",\"y\")", "\"'=\u{301}HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("=1+1", "'=1+1"), ("+84 912", "'+84 912"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""), ("\r\nx", "\"'\r\nx\""), ("-1+2", "'-1+2"), ("-1e3", "'-1e3"), ("-", "'-"), ("-.5", "'-.5"),
        ("'=x", "''=x"), ("'plain", "''plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ])
    func cellsAreGuardedAndQuoted(text: String, written: String) {
        #expect(CSVWriter.field(text) == written)
    }

    @Test(arguments: ["-3", "-0.25", "12", "0", "-120.5"])
    func plainNumbersStayNumbers(number: String) {
        #expect(CSVWriter.field(number) == number)
    }

    @Test func aRowOfOneEmptyCellIsARecord() throws {
        let text = CSVWriter.table([["a"], [""], ["b"]])
        #expect(try CSVTable.records(file: "t.csv", text: text).map { $0.0 } == [["a"], [""], ["b"]])
    }
}
