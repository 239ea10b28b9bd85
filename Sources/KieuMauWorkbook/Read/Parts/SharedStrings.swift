/// The shared strings part (`xl/sharedStrings.xml`): the text of cells of type `s`, by index.
/// A string is the text of its `<t>` elements (rich text runs joined), without the phonetic
/// guides (`<rPh>`) that East Asian versions of Excel add.
enum SharedStrings {
    /// At most `maxStrings`: a sheet cannot use more strings than it has cells.
    static func read(_ bytes: [UInt8], part: String, maxDepth: Int, maxStrings: Int) throws(WorkbookError) -> [String] {
        var reader = try XMLPullReader(bytes, part: part, maxDepth: maxDepth)
        var strings: [String] = []
        while true {
            switch try reader.next() {
            case .done: return strings
            case .start where reader.isElement("si"):
                guard strings.count < maxStrings else {
                    throw WorkbookError(part, "more than \(maxStrings) shared strings, above the import's limit of cells")
                }
                strings.append(try richText(&reader))
            default: continue
            }
        }
    }

    /// The text of an `<si>` or `<is>` element (after its start), up to its end.
    static func richText(_ reader: inout XMLPullReader) throws(WorkbookError) -> String {
        var text = ""
        let level = reader.depth
        while true {
            switch try reader.next() {
            case .start where reader.isElement("rPh"): try reader.skipElement()
            case .start where reader.isElement("t"): text += try reader.elementText()
            case .end where reader.depth < level: return OOXMLText.unescape(text)
            case .done: throw WorkbookError(reader.part, "the part ends inside a string")
            default: continue
            }
        }
    }
}

/// Office's escapes for characters XML cannot carry: `_x000D_` is a carriage return, and
/// `_x005F_` an underscore before text that would look like an escape.
enum OOXMLText {
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "_"), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"), bytes[i + 6] == UInt8(ascii: "_"),
               let value = UInt32(String(decoding: bytes[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16),
               bytes[(i + 2)..<(i + 6)].allSatisfy(isHexDigit), let scalar = Unicode.Scalar(value) {
                out += Array(String(Character(scalar)).utf8)
                i += 7
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The escape of a character XML 1.0 cannot carry (controls other than tab, line feed and
    /// carriage return), and of an underscore that could read as the start of one: any followed
    /// by `x` and four hex digits, whatever comes next, since the next character may itself be
    /// written as an escape that begins with `_` ("_x0042" and U+0006 would otherwise come out
    /// as "_x0042_x0006_", read back as "B" and "x0006_": found by fuzz-xlsx).
    static func escape(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            let value = scalar.value
            let looksLikeEscape = scalar == "_" && i + 5 < scalars.count && scalars[i + 1] == "x"
                && scalars[(i + 2)..<(i + 6)].allSatisfy { $0.isASCII && isHexDigit(UInt8($0.value)) }
            if looksLikeEscape || (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF {
                let hex = String(value, radix: 16, uppercase: true)
                out += "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }
}
