import Testing
@testable import KieuMauCore

/// Reading a spreadsheet: separators, byte-order mark, words, column names, ward names.
@Suite struct ImportReadingTests {
    @Test func separatorIsSniffedFromTheHeader() {
        #expect(CSVTable.sniffSeparator("a;b;c\n1,5;2;3") == ";")
        #expect(CSVTable.sniffSeparator("a,b,c\n1;2") == ",")
        #expect(CSVTable.sniffSeparator("\"x;y\",b,c\n") == ",")
        #expect(CSVTable.sniffSeparator("a\tb\n") == "\t")
        #expect(CSVTable.sniffSeparator("only\n") == ",")
    }

    @Test func csvReaderTakesSemicolonsQuotesAndABOM() throws {
        let t = try CSVTable(file: "t.csv", text: "\u{FEFF}a;b\r\n\"x;y\";\"2\"\r\n", separator: ";")
        #expect(t.header == ["a", "b"])
        #expect(t.rows == [["x;y", "2"]])
        #expect(throws: Problem(file: "t.csv", line: 1, message: "expected a semicolon or line end after a closing quote, found \",\"")) {
            try CSVTable(file: "t.csv", text: "\"a\",b\n", separator: ";")
        }
    }

    @Test func textMustBeUTF8() {
        #expect(throws: Never.self) { try ImportText.decode(Array("\u{FEFF}Tỉnh\n".utf8), file: "f").get() }
        let utf16: [UInt8] = [0xFF, 0xFE, 0x54, 0x00]
        guard case .failure(let p) = ImportText.decode(utf16, file: "f") else { Issue.record("UTF-16 accepted"); return }
        #expect(p.message.hasPrefix("the file is UTF-16"))
        guard case .failure(let overlong) = ImportText.decode([0x61, 0x0A, 0xC0, 0xAF], file: "f") else { Issue.record("overlong accepted"); return }
        #expect(overlong.line == 2 && overlong.message.hasPrefix("invalid UTF-8 at byte offset 2 (line 2): 0xC0"))
    }

    @Test func wordsFoldToTokens() {
        #expect(ImportWords.tokens("Tiêu chí 1: An ninh") == ["tieu", "chi", "1", "an", "ninh"])
        #expect(ImportWords.tokens("TC.12") == ["tc", "12"])
        #expect(ImportWords.key("  Đã  đăng ký ") == "da dang ky")
        #expect(ImportWords.stages["cong nhan"] == .recognised)
        #expect(ImportWords.mark(" Đạt ") == .met)
        #expect(ImportWords.mark("Chưa đạt") == .notMet)
        #expect(ImportWords.mark("✔") == .met)
        #expect(ImportWords.mark("") == .unknown)
        #expect(ImportWords.mark("-") == nil)
        #expect(ImportWords.mark("1.5") == nil)
    }

    @Test func criterionHeaders() {
        func number(_ header: String) -> Int? { ImportHeader.criterionNumber(ImportWords.tokens(header)) }
        #expect(number("1") == 1)
        #expect(number("TC 7") == 7)
        #expect(number("Tiêu chí số 6: trụ sở") == 6)
        #expect(number("criterion 22") == 22)
        #expect(number("6 trụ sở") == nil)
        #expect(number("Năm 2021") == nil)
        #expect(number("Phường 1") == nil)
    }

    @Test func namesMatchWithoutPrefixesDiacriticsOrZeros() {
        #expect(WardMatcher.wardKey("Phường Hà Huy Tập") == WardMatcher.wardKey("p.ha huy tap"))
        #expect(WardMatcher.wardKey("Phường 01") == WardMatcher.wardKey("P1"))
        #expect(WardMatcher.provinceKey("Thành phố Hồ Chí Minh") == WardMatcher.provinceKey("TP.HCM"))
        #expect(WardMatcher.provinceKey("Tỉnh Nghệ An") == WardMatcher.provinceKey("NGHE AN"))
        #expect(WardMatcher.districtKey("Thành phố Vinh") == WardMatcher.districtKey("TP Vinh"))
        #expect(WardMatcher.editDistance(Array("hahuytam"), Array("hahuytap"), limit: 2) == 1)
        #expect(ImportPlace.letter(0) == "A" && ImportPlace.letter(25) == "Z" && ImportPlace.letter(27) == "AB")
    }
}

/// What provinces' sheets carry around the table: title rows above it, a total row under it.
@Suite struct ImportSheetLayoutTests {
    @Test func titleRowsAboveTheHeaderAndATotalRowBelow() throws {
        let text = """
        DANH SÁCH CÔNG AN PHƯỜNG ĐIỂN HÌNH, KIỂU MẪU,,
        (Kèm theo báo cáo số 12/BC-CAT),,
        STT,Phường,Số tiêu chí đạt (N/22)
        1,Hà Huy Tập,21/22
        2,Trường Thi,x
        Tổng cộng,,2

        """
        var options = ImportSupport.options()
        options.province = "Nghệ An"
        let outcome = try ImportSupport.convert("t.csv", text: text, options: options)
        #expect(outcome.errors.map(\.description) == [
            "t.csv:5: row 5, column C (Số tiêu chí đạt (N/22)): expected the criteria met as N/22, a number 0…22 or 22 characters of 1, 0 or ?, found \"x\"",
        ])
        #expect(outcome.problems.last?.description == "t.csv:6: row 6: warning: a total row (\"Tổng cộng\"), not read")
        #expect(outcome.summary.rowsRead == 2)
    }
}

/// Inputs that are not spreadsheets of wards get a problem each, never a crash or a file.
@Suite struct ImportOddInputTests {
    @Test(arguments: [
        "",
        "\u{FEFF}",
        "\n\n\n",
        ";;;;\r\n;;;;\r\n",
        "Tỉnh,Phường\n",
        "Tỉnh,Phường\n\"Nghệ An,Hà Huy Tập\n",
        "Tỉnh,Phường\nNghệ An,Hà Huy Tập,extra\n",
        "Tỉnh,Phường,Số tiêu chí đạt\nNghệ An,Hà Huy Tập,/\n",
        "Tỉnh,Phường,Số tiêu chí đạt\nNghệ An,Hà Huy Tập,99999999999999999999/22\n",
        "Tỉnh,Phường,Năm\nNghệ An,Hà Huy Tập,99999999999999999999\n",
        "Tỉnh,Phường,Tiêu chí 999\nNghệ An,Hà Huy Tập,1\n",
        "Tỉnh,Phường,Phường\nNghệ An,Hà Huy Tập,Lê Lợi\n",
        "Mã phường\n\u{0}\u{1B}[31m\n",
        "Tỉnh,Mã phường\n00,\n",
    ])
    func oddInputGetsAProblem(_ text: String) throws {
        let outcome = try ImportSupport.convert("odd.csv", text: text)
        #expect(outcome.text == nil)
        #expect(!outcome.errors.isEmpty)
        #expect(outcome.errors.allSatisfy { $0.file == "odd.csv" && !$0.message.isEmpty })
    }
}
