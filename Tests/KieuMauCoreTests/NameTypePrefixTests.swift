import Testing
@testable import KieuMauCore

@Suite struct NameTypePrefixTests {
    @Test func dropsOneTypeWordOfAFoldedName() {
        #expect(NameTypePrefix.strip("thanh pho ha noi") == "ha noi")
        #expect(NameTypePrefix.strip("tinh nghe an") == "nghe an")
        #expect(NameTypePrefix.strip("thi xa thai hoa") == "thai hoa")
        #expect(NameTypePrefix.strip("phuong thi xa") == "thi xa", "only the first type word")
        #expect(NameTypePrefix.strip("phuong") == "phuong", "a type word needs the space after it")
        #expect(NameTypePrefix.strip("ha noi") == "ha noi")
    }

    @Test func provincePrefixesLeaveDistrictAndWardWords() {
        #expect(NameTypePrefix.strip("thanh pho vinh", prefixes: NameTypePrefix.province) == "vinh")
        #expect(NameTypePrefix.strip("quan ba dinh", prefixes: NameTypePrefix.province) == "quan ba dinh")
        #expect(NameTypePrefix.strip("quan ba dinh") == "ba dinh")
    }
}
