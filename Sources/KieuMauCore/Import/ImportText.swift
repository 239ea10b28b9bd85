/// Turns the bytes of a spreadsheet export into text, or says why not: UTF-8 with or without a
/// byte-order mark is read; anything else is refused with the byte offset and line of the first
/// byte that is not UTF-8, because a guess at a legacy Vietnamese encoding (Windows-1258, TCVN3)
/// would silently turn ward names into other names.
enum ImportText {
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, Problem> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(Problem(file: file, line: 1, message:
                "the file is UTF-16 (Excel's \"Unicode Text\"); save the sheet as \"CSV UTF-8\" and import that"))
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") { line += 1 }
                offset += encoded.count
            case .emptyInput:
                return .success(String(decoding: bytes, as: UTF8.self))
            case .error(let length):
                let shown = bytes[offset..<min(bytes.count, offset + max(length, 1))]
                    .map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
                return .failure(Problem(file: file, line: line, message:
                    "invalid UTF-8 at byte offset \(offset) (line \(line)): \(shown); save the sheet as \"CSV UTF-8\" (legacy encodings such as Windows-1258 or TCVN3 are not read)"))
            }
        }
    }
}
