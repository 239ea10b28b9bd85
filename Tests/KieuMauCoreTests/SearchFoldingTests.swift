import Testing
@testable import KieuMauCore

@Suite struct SearchFoldingTests {
    @Test func foldsVietnamese() {
        #expect(SearchFolding.fold("Phường Hà Huy Tập") == "phuong ha huy tap")
        #expect(SearchFolding.fold("Đồng Nai") == "dong nai")
        #expect(SearchFolding.fold("Thành phố Hồ Chí Minh") == "thanh pho ho chi minh")
        #expect(SearchFolding.fold("Khuê Trung") == "khue trung")
        #expect(SearchFolding.fold("ƯỚC ƠN") == "uoc on")
    }
    @Test func foldsDecomposedText() {
        // "Hà Huy Tập" written with combining marks (NFD)
        let nfd = "Ha\u{0300} Huy Ta\u{0323}\u{0302}p"
        #expect(SearchFolding.fold(nfd) == "ha huy tap")
    }
    @Test func matchesIgnoringDiacriticsAndCase() {
        let folded = SearchFolding.fold("Phường Hà Huy Tập")
        #expect(SearchFolding.matches(folded: folded, query: "ha huy tap"))
        #expect(SearchFolding.matches(folded: folded, query: "HÀ HUY"))
        #expect(SearchFolding.matches(folded: SearchFolding.fold("Điện Biên"), query: "dien bien"))
        #expect(SearchFolding.matches(folded: SearchFolding.fold("Dien Bien"), query: "điện"))
        #expect(!SearchFolding.matches(folded: folded, query: "hoa hieu"))
        #expect(SearchFolding.matches(folded: folded, query: "  "))
    }
}

@Suite struct DisplaySafeTests {
    @Test func stripsEscapesAndControls() {
        #expect(DisplaySafe.clean("A\u{1b}]0;title\u{07}B") == "AB")
        #expect(DisplaySafe.clean("\u{1b}[2JHà") == "Hà")
        #expect(DisplaySafe.clean("x\u{1b}[31;1my") == "xy")
        #expect(DisplaySafe.clean("a\u{202E}b\u{200D}c") == "abc")
        #expect(DisplaySafe.clean("line1\nline2\tx") == "line1 line2 x")
        #expect(DisplaySafe.clean("Phường Hà Huy Tập") == "Phường Hà Huy Tập")
        #expect(DisplaySafe.clean("a\u{1b}]8;;http://x\u{1b}\\link") == "alink")
    }
}
