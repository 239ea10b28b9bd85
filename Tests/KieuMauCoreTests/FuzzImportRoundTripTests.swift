import Foundation
import Testing
@testable import KieuMauCore

/// What fuzzing the spreadsheet import (`Fuzz/`, target import-csv) found: a snapshot the import
/// writes must read back with the same rows and header.
@Suite struct FuzzImportRoundTripTests {
    /// A note with a U+FEFF inside it ("tiê\u{FEFF}hí"), from the fuzzer.
    static let sheet =
            "STT,Tỉnh/TP,Quận/Huyện,Phường,Trạng thái,Năm đăng ký,TC1,TC2,TC3,TC4,TC5,TC6,TC7,TC8,TC9,TC10,TC11,TC12,TC13,TC14,TC15,TC16,TC17,TC18,TC19,TC20,TC21,TC22,Ghi chú\n" +
            "1,Nghệ An,TP Vinh,Hà HTC1Tập,Đã đăng ký,2021,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,\"Chưa đạt tiêu chí 22 (thi đua, khen thưởng)\"\n" +
            "2,Nghệ An,Thành phố Vinh,Phường Trường Thi,đã đăng ký,,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,chưa đạt,\n" +
            "1,Tỉnh Nghệ An,Vinh,P. Nghi Hòa,Đăng ký,2023,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,\n" +
            "4,Nghệ An,,Nghi Thu,đã đăng ký,,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,?,,?,\n" +
            "5,NGHỆ AN,Thái Hòa,Hòa Hiếu,Đạt,2021,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,Đạt đủ 22 tiê\u{FEFF}hí\n" +
            "6,40,,\u{6}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}Quang Tiến,Công nhận,,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,đạt,\n" +
            "7,Nghệ An,,Long Sơn,,,,,,,,,,,,,,,,,,,,,,,,,\n" +
            "Nghệ An,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n"

    @Test(arguments: ["bca-5764-22", "bca-2024-20", "bca-9745-34"], [false, true])
    func whatTheImportWritesReadsBack(criteria: String, skipBadRows: Bool) throws {
        let outcome = try ImportSupport.convert("fuzz.csv", text: Self.sheet, criteria: criteria,
                                                options: ImportSupport.options(skipBadRows: skipBadRows))
        guard let snapshot = outcome.snapshot, let text = outcome.text else {
            // Nothing to read back: right only when the sheet cannot be taken as it is — its bad
            // rows are not skipped, or its 22 criterion columns do not fit a set of 20 or 34 —
            // and the import says why.
            #expect(!(skipBadRows && criteria == "bca-5764-22"), "the import skipping bad rows wrote nothing: \(outcome.problems)")
            #expect(!outcome.errors.isEmpty, "the import wrote nothing and named no error")
            return
        }
        let map = try ImportSupport.map("vn-2025-01")
        let readBack = try ImportSupport.embeddedCatalog.decodeSnapshot(bytes: Array(text.utf8), file: "imported/2023-12-31.snapshot.json", map: map).get()
        for (a, b) in zip(readBack.wards, snapshot.wards) where a != b {
            Issue.record("row \(b.wardCode) reads back as \(a), written \(b)")
        }
        #expect(readBack.wards.count == snapshot.wards.count)
        #expect(readBack.header == snapshot.header)
    }
}

/// Cleaning free text is idempotent and gives NFC, also when what it removes stood between a
/// letter and its combining mark.
@Suite struct DisplaySafeNormalisationTests {
    @Test(arguments: ["tiê\u{FEFF}hí", "e\u{FEFF}\u{301}", "Ho\u{200B}\u{300}a", "a\u{1B}[2J\u{301}", "plain"])
    func cleaningTwiceIsCleaningOnce(text: String) {
        let once = DisplaySafe.clean(text)
        #expect(DisplaySafe.clean(once) == once)
        #expect(NFC.normalize(once) == once)
    }

    @Test func aMarkAfterARemovedCharacterComposes() {
        #expect(DisplaySafe.clean("e\u{FEFF}\u{301}").unicodeScalars.map(\.value) == [0xE9])
    }
}
