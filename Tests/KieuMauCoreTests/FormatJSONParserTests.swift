import Testing
@testable import KieuMauCore

@Suite struct FormatJSONParserTests {
    func parse(_ text: String) -> JSONParser.Outcome { JSONParser.parse(Array(text.utf8)) }

    func document(_ text: String) throws -> JSONDocument {
        guard case .parsed(let document) = parse(text) else {
            Issue.record("expected \(text) to parse"); throw Failure()
        }
        return document
    }

    func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
        if case .failed(let error) = JSONParser.parse(bytes) { return error }
        return nil
    }
    func syntaxError(_ text: String) -> JSONSyntaxError? { syntaxError(Array(text.utf8)) }

    struct Failure: Error {}

    @Test func readsNestedValuesInOrder() throws {
        let d = try document(#"{"a": [1, -2.5e3, "x"], "b": {"c": null, "d": true}, "e": false}"#)
        #expect(d.kind(0) == .object && d.count(0) == 3)
        let keys = Array(d.keys(of: 0)).map { d.string($0) }
        #expect(keys == ["a", "b", "e"])
        let a = Array(d.elements(of: 2))
        #expect(a.count == 3)
        #expect(d.integer(a[0]) == 1)
        #expect(d.integer(a[1]) == nil) // not a whole number
        #expect(d.string(a[2]) == "x")
        #expect(d.describe(a[1]) == "the number -2.5e3")
    }

    @Test func givesLineAndCharacterColumnOfEveryValue() throws {
        let d = try document("{\n  \"tên\": \"Phường\",\n  \"n\": [10,\n 20]\n}")
        let keys = Array(d.keys(of: 0))
        #expect(d.line(keys[0] + 1) == 2)
        #expect(d.column(keys[0] + 1) == 10) // characters, not bytes: "tên" is 3 characters
        let numbers = Array(d.elements(of: keys[1] + 1))
        #expect(d.line(numbers[1]) == 4 && d.column(numbers[1]) == 2)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let d = try document(#"["a\"b\\c\/d\n\t", "\u00e9\uD83D\uDE00", "\u0000"]"#)
        let values = Array(d.elements(of: 0)).map { d.string($0) }
        #expect(values[0] == "a\"b\\c/d\n\t")
        #expect(values[1] == "é😀")
        #expect(values[2] == "\u{0}")
    }

    @Test(arguments: [
        ("[1, 2,]", "trailing commas are not allowed"),
        (#"{"a": 1,}"#, "trailing commas are not allowed"),
        ("[NaN]", "found `NaN`"),
        ("[Infinity]", "found `Infinity`"),
        ("[-Infinity]", "expected a digit after '-'"),
        ("[012]", "leading zeros are not allowed"),
        ("[+1]", "found `+1`"),
        ("[1.]", "expected a digit after '.'"),
        ("[1e]", "expected a digit in the exponent"),
        ("['a']", "expected a value, found '''"),
        ("[1] // c", "expected the end of the file"),
        (#"{"a" 1}"#, "expected ':' after a key"),
        ("{a: 1}", "expected a key in double quotes"),
        (#"["\x"]"#, #"invalid escape \x"#),
        (#"["\u12G4"]"#, "four hex digits"),
        (#"["\uD83D"]"#, "not followed by a low surrogate"),
        (#"["\uD83D\u0041"]"#, "not followed by a low surrogate"),
        (#"["\uDE00"]"#, "lone low surrogate"),
        ("[\"a\tb\"]", "control character U+0009"),
        ("[\"abc", "unterminated string"),
        ("", "found the end of the file"),
        ("[1 2]", "expected ',' or ']'"),
        ("tru", "expected a value"),
    ])
    func refusesWhatRFC8259Refuses(text: String, phrase: String) {
        let error = syntaxError(text)
        #expect(error?.message.contains(phrase) == true, "\(text): \(error?.message ?? "parsed")")
    }

    @Test func namesThePathAndPositionOfASyntaxError() {
        let error = syntaxError("{\"wards\": [\n  [\"1\", \"a\"],\n  [\"2\", \"b\",]\n]}")
        #expect(error?.path == "wards[1][2]")
        #expect(error?.line == 3)
        #expect(error?.column == 13)
    }

    @Test(arguments: [
        ([0x5B, 0x22, 0xFF, 0x22, 0x5D], 2),             // a byte never in UTF-8
        ([0x5B, 0x22, 0x61, 0xC0, 0x80, 0x22, 0x5D], 3), // overlong NUL
        ([0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], 2), // an encoded surrogate
        ([0x5B, 0x22, 0xE1, 0xBB, 0x22, 0x5D], 2),       // a sequence cut short
        ([0x5B, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x5D], 2), // above U+10FFFF
    ])
    func refusesInvalidUTF8WithItsByteOffset(bytes: [UInt8], offset: Int) {
        let error = syntaxError(bytes)
        #expect(error?.message.contains("invalid UTF-8 at byte offset \(offset)") == true, "\(error?.message ?? "parsed")")
        #expect(error?.offset == offset)
    }

    @Test func refusesNonUTF8OutsideStrings() {
        #expect(syntaxError([0x5B, 0xFF, 0x5D])?.message.contains("byte 0xFF") == true)
    }

    @Test func ignoresAByteOrderMark() throws {
        let d = try document("\u{FEFF}[1]")
        #expect(d.count(0) == 1)
    }

    @Test func limitsNestingWithoutRecursion() {
        let ok = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        if case .parsed = parse(ok) {} else { Issue.record("64 levels should parse") }
        let over = String(repeating: "[", count: JSONParser.maximumDepth + 1) + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        #expect(syntaxError(over)?.message.contains("nested deeper than 64 levels") == true)
        // 100,000 deep: refused with a message, not a stack overflow.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = syntaxError(deep)
        #expect(error?.message.contains("nested deeper than 64 levels") == true)
        #expect(error?.offset == 64)
        let deepObjects = String(repeating: #"{"a":"#, count: 100_000)
        #expect(syntaxError(deepObjects)?.message.contains("nested deeper") == true)
    }

    @Test func normalisesStringsToNFC() throws {
        let nfc = "Phường Hòa Hiếu"
        let nfd = nfc.decomposedStringWithCanonicalMappingForTest
        #expect(Array(nfd.utf8) != Array(nfc.utf8))
        let d = try document("[\"\(nfd)\", \"e\\u0301\"]")
        let values = Array(d.elements(of: 0)).map { d.string($0) }
        #expect(Array(values[0].utf8) == Array(nfc.utf8))
        #expect(Array(values[1].utf8) == Array("é".utf8))
        // NFC text is marked as needing no work.
        let plain = try document("[\"\(nfc)\"]")
        #expect(plain.nodes[1].flags & JSONNode.needsNFC == 0)
    }

    @Test func stopsAtATopLevelKeyForHeaders() throws {
        let text = #"{"a": 1, "b": [2], "wards": [[1], ["#
        guard case .parsed(let d) = JSONParser.parse(Array(text.utf8), stopAtTopLevelKey: "wards", isComplete: false) else {
            Issue.record("header should parse"); return
        }
        #expect(d.count(0) == 2)
        #expect(Array(d.keys(of: 0)).map { d.string($0) } == ["a", "b"])
        #expect(d.stoppedAtKey != nil)
        // A `wards` key deeper down does not stop it.
        guard case .parsed(let nested) = JSONParser.parse(Array(#"{"x": {"wards": 1}, "y": 2}"#.utf8), stopAtTopLevelKey: "wards") else {
            Issue.record("should parse"); return
        }
        #expect(nested.stoppedAtKey == nil && nested.count(0) == 2)
    }

    @Test func asksForMoreWhenAPrefixEndsEarly() {
        let text = #"{"a": "long str"#
        if case .needsMoreInput = JSONParser.parse(Array(text.utf8), stopAtTopLevelKey: "wards", isComplete: false) {} else {
            Issue.record("a cut prefix should ask for more")
        }
    }

    @Test func readsIntegersSafely() throws {
        let d = try document("[9223372036854775807, 9223372036854775808, -5, 0, 1.0]")
        let values = Array(d.elements(of: 0)).map { d.integer($0) }
        #expect(values == [Int.max, nil, -5, 0, nil])
    }
}

import Foundation
extension String {
    /// NFD, for building test input.
    var decomposedStringWithCanonicalMappingForTest: String { decomposedStringWithCanonicalMapping }
}
