import Foundation
import Testing
@testable import KieuMauCore

/// The small tools of the generator: CSV reader, JSON writer, seeded generator.
@Suite struct GenerateToolsTests {
    @Test func csvReadsQuotesCommasNewlinesAndCRLF() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n\"\",,3\n"
        let t = try CSVTable(file: "t.csv", text: text)
        #expect(t.header == ["a", "b", "c"])
        #expect(t.rows == [["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""], ["", "", "3"]])
        #expect(t.lines == [2, 3, 5])
    }

    @Test func csvKeepsVietnameseAndSkipsBlankLastLine() throws {
        let t = try CSVTable(file: "t.csv", text: "code,name\n40,Tỉnh Nghệ An\n\n")
        #expect(t.rows == [["40", "Tỉnh Nghệ An"]])
        #expect(try t.column("name") == 1)
    }

    @Test func csvProblemsNameFileAndLine() {
        #expect(throws: Problem(file: "bad.csv", line: 2, message: "expected a closing quote before the end of the file")) {
            try CSVTable(file: "bad.csv", text: "a,b\n1,\"open\n")
        }
        #expect(throws: Problem(file: "bad.csv", line: 3, message: "expected 2 fields as in the header, found 3")) {
            try CSVTable(file: "bad.csv", text: "a,b\n1,2\n1,2,3\n")
        }
        #expect(throws: Problem(file: "bad.csv", line: 1, message: "expected a column \"z\" in the header a,b")) {
            try CSVTable(file: "bad.csv", text: "a,b\n").column("z")
        }
        #expect(throws: Problem.self) { try CSVTable(file: "bad.csv", text: "a\n\"x\"y\n") }
    }

    @Test func jsonWriterLaysOutOneRowPerLineAndEscapes() {
        let text = DataFileJSON.document([
            ("format", "x"), ("empty", .array([])), ("n", .null),
            ("rows", .array([.array(["a\"b", 1, true]), .object([("k", "tab\there\u{1}")])])),
        ])
        #expect(text == """
        {
          "format": "x",
          "empty": [],
          "n": null,
          "rows": [
            ["a\\"b", 1, true],
            {"k": "tab\\there\\u0001"}
          ]
        }

        """)
        let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect((parsed?["rows"] as? [Any])?.count == 2)
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        // First outputs of SplitMix64 seeded with 0 (reference implementation by Vigna).
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(SplitMix64.draw(seed: 7, key: "ward:00019") == SplitMix64.draw(seed: 7, key: "ward:00019"))
        #expect(SplitMix64.draw(seed: 7, key: "ward:00019") != SplitMix64.draw(seed: 7, key: "ward:00022"))
        var h = SplitMix64(seed: 42)
        for _ in 0..<1000 { #expect((3...9).contains(h.int(in: 3...9))); #expect((0.0..<1.0).contains(h.unit())) }
    }
}
