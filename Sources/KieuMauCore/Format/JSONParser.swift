/// A JSON syntax error: where it is and what was expected.
struct JSONSyntaxError: Error, Sendable {
    var offset: Int
    var line: Int
    var column: Int
    /// Path of the value being read, e.g. `wards[3][2]`; empty at the top level.
    var path: String
    var message: String
}

/// A strict RFC 8259 parser over bytes: no trailing commas, comments, NaN or leading zeros;
/// escapes and surrogate pairs checked; invalid UTF-8 refused with its byte offset. It is
/// iterative with a nesting limit, so a file nested 100,000 deep is refused, not a stack overflow.
enum JSONParser {
    static let maximumDepth = 64

    enum Outcome: Sendable {
        case parsed(JSONDocument)
        case failed(JSONSyntaxError)
        /// The bytes are a prefix of the file and ended before the parse could finish.
        case needsMoreInput
    }

    /// Parses `bytes`. With `stopAtTopLevelKey`, parsing ends at that key of the top-level object,
    /// so a header is read without the rows after it. When `isComplete` is false the bytes are only
    /// the start of the file: any error may be the cut, so the caller reads more and tries again.
    static func parse(_ bytes: [UInt8], stopAtTopLevelKey: StaticString? = nil, orAt otherKey: StaticString? = nil,
                      isComplete: Bool = true) -> Outcome {
        let (result, nodes, path, line) = bytes.withUnsafeBufferPointer { buffer -> (Result<Int?, ScanError>, [JSONNode], String, Int) in
            var scanner = Scanner(buffer: buffer, stopKey: stopAtTopLevelKey, otherStopKey: otherKey)
            // Data files hold about one value per 9 to 10 bytes (a ward row `["000001", "complete",
            // "1111…", {"year": 2024}],` is 7 values in 66 bytes). Reserving too much costs only
            // address space (pages are touched as nodes are written); too little makes the array grow
            // into one twice the size, which made the peak memory of a 100,000-row snapshot 11 MB
            // larger. Capped so that a huge file does not reserve hundreds of MB up front.
            scanner.nodes.reserveCapacity(max(16, min(buffer.count / 8, 1 << 22)))
            do throws(ScanError) {
                let stopped = try scanner.run()
                return (.success(stopped), scanner.nodes, "", 0)
            } catch {
                return (.failure(error), [], scanner.pathOfOpenContainers(), scanner.lineOf(error.offset))
            }
        }
        switch result {
        case .success(let stopped):
            return .parsed(JSONDocument(bytes: bytes, nodes: nodes, stoppedAtKey: stopped))
        case .failure(let error):
            if !isComplete { return .needsMoreInput }
            return .failed(JSONSyntaxError(offset: error.offset, line: line,
                                           column: JSONDocument.column(in: bytes, at: error.offset),
                                           path: path, message: error.message))
        }
    }
}

struct ScanError: Error {
    var offset: Int
    var message: String
}

/// The parsing state. Containers are opened and closed on an explicit stack.
private struct Scanner {
    struct Frame {
        var node: Int
        var isObject: Bool
        var count: UInt32 = 0
        /// The node of the object's latest key (for error paths).
        var lastKey: Int = -1
    }

    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    let stopKey: StaticString?
    let otherStopKey: StaticString?
    var i = 0
    var line: UInt32 = 1
    var nodes: [JSONNode] = []
    var stack: [Frame] = []

    init(buffer: UnsafeBufferPointer<UInt8>, stopKey: StaticString?, otherStopKey: StaticString? = nil) {
        p = buffer; n = buffer.count; self.stopKey = stopKey; self.otherStopKey = otherStopKey
        stack.reserveCapacity(JSONParser.maximumDepth)
    }

    /// Parses one value (the whole file); returns the stop key's node when it stopped at it.
    mutating func run() throws(ScanError) -> Int? {
        // A UTF-8 byte-order mark is allowed (RFC 8259 §8.1) and ignored.
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
        var expectingValue = true
        while true {
            if expectingValue {
                skipWhitespace()
                guard i < n else { throw fail("expected a value, found the end of the file") }
                switch p[i] {
                case UInt8(ascii: "{"):
                    try open(.object)
                    skipWhitespace()
                    if i < n && p[i] == UInt8(ascii: "}") { i += 1; close(); expectingValue = false; continue }
                    if let stopped = try key(afterComma: false) { return stopped }
                    continue
                case UInt8(ascii: "["):
                    try open(.array)
                    skipWhitespace()
                    if i < n && p[i] == UInt8(ascii: "]") { i += 1; close(); expectingValue = false; continue }
                    continue
                case UInt8(ascii: "\""): try string()
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
                case UInt8(ascii: "t"): try literal("true", .bool, JSONNode.isTrue)
                case UInt8(ascii: "f"): try literal("false", .bool, 0)
                case UInt8(ascii: "n"): try literal("null", .null, 0)
                default: throw fail("expected a value, found \(foundHere())")
                }
                expectingValue = false
            }
            // A value has just ended.
            guard !stack.isEmpty else { break }
            stack[stack.count - 1].count += 1
            skipWhitespace()
            let isObject = stack[stack.count - 1].isObject
            guard i < n else {
                throw fail(isObject ? "expected ',' or '}' after an object member, found the end of the file"
                                    : "expected ',' or ']' after an array element, found the end of the file")
            }
            let b = p[i]
            if b == UInt8(ascii: ",") {
                i += 1
                if isObject {
                    if let stopped = try key(afterComma: true) { return stopped }
                } else {
                    skipWhitespace()
                    if i < n && p[i] == UInt8(ascii: "]") { throw fail("expected a value after ',', found ']' (trailing commas are not allowed)") }
                }
                expectingValue = true
            } else if b == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                i += 1
                close()
            } else {
                throw fail(isObject ? "expected ',' or '}' after an object member, found \(foundHere())"
                                    : "expected ',' or ']' after an array element, found \(foundHere())")
            }
        }
        skipWhitespace()
        if i < n { throw fail("expected the end of the file after the top-level value, found \(foundHere())") }
        return nil
    }

    // MARK: Containers

    mutating func open(_ kind: JSONNode.Kind) throws(ScanError) {
        guard stack.count < JSONParser.maximumDepth else {
            throw fail("values are nested deeper than \(JSONParser.maximumDepth) levels")
        }
        stack.append(Frame(node: nodes.count, isObject: kind == .object))
        nodes.append(JSONNode(kind: kind, flags: 0, start: UInt32(i), end: 0, count: 0, line: line))
        i += 1
    }

    mutating func close() {
        let frame = stack.removeLast()
        nodes[frame.node].end = UInt32(nodes.count)
        nodes[frame.node].count = frame.count
    }

    /// Reads `"key"` and `:`. Returns the key's node when it is the stop key of the top-level object.
    mutating func key(afterComma: Bool) throws(ScanError) -> Int? {
        skipWhitespace()
        guard i < n, p[i] == UInt8(ascii: "\"") else {
            if afterComma && i < n && p[i] == UInt8(ascii: "}") {
                throw fail("expected a key after ',', found '}' (trailing commas are not allowed)")
            }
            throw fail("expected a key in double quotes, found \(foundHere())")
        }
        try string()
        let keyNode = nodes.count - 1
        stack[stack.count - 1].lastKey = keyNode
        if let stopKey, stack.count == 1, isKey(keyNode, stopKey) || otherStopKey.map({ isKey(keyNode, $0) }) == true {
            let root = stack[0]
            nodes[root.node].end = UInt32(keyNode)
            nodes[root.node].count = root.count
            return keyNode
        }
        skipWhitespace()
        guard i < n, p[i] == UInt8(ascii: ":") else { throw fail("expected ':' after a key, found \(foundHere())") }
        i += 1
        return nil
    }

    func isKey(_ node: Int, _ key: StaticString) -> Bool {
        let start = Int(nodes[node].start) + 1, end = Int(nodes[node].end)
        guard end - start == key.utf8CodeUnitCount else { return false }
        for k in 0..<(end - start) where p[start + k] != key.utf8Start[k] { return false }
        return true
    }

    // MARK: Scalars

    mutating func string() throws(ScanError) {
        let start = i
        var flags: UInt8 = 0
        i += 1
        while true {
            guard i < n else {
                i = start
                throw fail("unterminated string: no closing '\"' before the end of the file")
            }
            let b = p[i]
            if b >= 0x20 && b < 0x80 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { i += 1; continue }
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") { flags |= JSONNode.escaped; try escape(&flags); continue }
            if b < 0x20 {
                throw fail(b == 0x0A ? "line break inside a string (a missing closing '\"'?)"
                                     : "control character U+\(hex(UInt32(b), 4)) inside a string (write it as an escape)")
            }
            try utf8(&flags)
        }
        nodes.append(JSONNode(kind: .string, flags: flags, start: UInt32(start), end: UInt32(i), count: 0, line: line))
        i += 1
    }

    mutating func escape(_ flags: inout UInt8) throws(ScanError) {
        guard i + 1 < n else { throw fail("unterminated escape at the end of the file") }
        switch p[i + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 2
        case UInt8(ascii: "u"):
            guard let scalar = hex4(at: i + 2) else { throw fail("expected four hex digits after \\u") }
            var value = scalar
            if (0xDC00...0xDFFF).contains(scalar) {
                throw fail("lone low surrogate \\u\(hex(scalar, 4)) (it must follow a high surrogate \\uD800–\\uDBFF)")
            }
            if (0xD800...0xDBFF).contains(scalar) {
                guard i + 7 < n, p[i + 6] == UInt8(ascii: "\\"), p[i + 7] == UInt8(ascii: "u"),
                      let low = hex4(at: i + 8), (0xDC00...0xDFFF).contains(low) else {
                    throw fail("high surrogate \\u\(hex(scalar, 4)) is not followed by a low surrogate \\uDC00–\\uDFFF")
                }
                value = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                i += 6
            }
            if !NFC.isInert(value) { flags |= JSONNode.needsNFC }
            i += 6
        default:
            throw fail("invalid escape \\\(printable(p[i + 1])) (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
        }
    }

    func hex4(at k: Int) -> UInt32? {
        guard k + 4 <= n, let base = p.baseAddress else { return nil }
        return JSONEscapes.hex4(checking: base, k)
    }

    /// Checks one multi-byte UTF-8 sequence (RFC 3629: no overlongs, surrogates or values above U+10FFFF).
    mutating func utf8(_ flags: inout UInt8) throws(ScanError) {
        let b0 = p[i]
        @inline(__always) func continuation(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> UInt32? {
            guard i + k < n, range.contains(p[i + k]) else { return nil }
            return UInt32(p[i + k] & 0x3F)
        }
        var scalar: UInt32
        var length: Int
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = continuation(1) else { throw invalidUTF8() }
            scalar = UInt32(b0 & 0x1F) << 6 | c1; length = 2
        case 0xE0...0xEF:
            let second: ClosedRange<UInt8> = b0 == 0xE0 ? 0xA0...0xBF : b0 == 0xED ? 0x80...0x9F : 0x80...0xBF
            guard let c1 = continuation(1, second), let c2 = continuation(2) else { throw invalidUTF8() }
            scalar = UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2; length = 3
        case 0xF0...0xF4:
            let second: ClosedRange<UInt8> = b0 == 0xF0 ? 0x90...0xBF : b0 == 0xF4 ? 0x80...0x8F : 0x80...0xBF
            guard let c1 = continuation(1, second), let c2 = continuation(2), let c3 = continuation(3) else { throw invalidUTF8() }
            scalar = UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3; length = 4
        default:
            throw invalidUTF8()
        }
        if !NFC.isInert(scalar) { flags |= JSONNode.needsNFC }
        i += length
    }

    func invalidUTF8() -> ScanError {
        var shown: [String] = []
        var k = i
        while k < n && k < i + 4 && (k == i || p[k] & 0xC0 == 0x80) { shown.append("0x" + hex(UInt32(p[k]), 2)); k += 1 }
        return fail("invalid UTF-8 at byte offset \(i): \(shown.joined(separator: " ")) (the file must be UTF-8)")
    }

    mutating func number() throws(ScanError) {
        let start = i
        var flags = JSONNode.integer
        if p[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n, isDigit(p[i]) else { throw fail("expected a digit after '-', found \(foundHere())") }
        if p[i] == UInt8(ascii: "0") {
            i += 1
            if i < n && isDigit(p[i]) { i = start; throw fail("a number cannot start with 0 followed by digits (leading zeros are not allowed)") }
        } else {
            while i < n && isDigit(p[i]) { i += 1 }
        }
        if i < n && p[i] == UInt8(ascii: ".") {
            flags = 0
            i += 1
            guard i < n, isDigit(p[i]) else { throw fail("expected a digit after '.', found \(foundHere())") }
            while i < n && isDigit(p[i]) { i += 1 }
        }
        if i < n && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            flags = 0
            i += 1
            if i < n && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < n, isDigit(p[i]) else { throw fail("expected a digit in the exponent, found \(foundHere())") }
            while i < n && isDigit(p[i]) { i += 1 }
        }
        nodes.append(JSONNode(kind: .number, flags: flags, start: UInt32(start), end: UInt32(i), count: 0, line: line))
    }

    mutating func literal(_ word: StaticString, _ kind: JSONNode.Kind, _ flags: UInt8) throws(ScanError) {
        let length = word.utf8CodeUnitCount
        guard i + length <= n else { throw fail("expected a value, found \(foundHere())") }
        for k in 0..<length where p[i + k] != word.utf8Start[k] {
            throw fail("expected a value, found \(foundHere())")
        }
        nodes.append(JSONNode(kind: kind, flags: flags, start: UInt32(i), end: UInt32(i + length), count: 0, line: line))
        i += length
    }

    // MARK: Whitespace and messages

    @inline(__always)
    mutating func skipWhitespace() {
        while i < n {
            let b = p[i]
            if b == 0x20 || b == 0x09 || b == 0x0D { i += 1 }
            else if b == 0x0A { i += 1; line += 1 }
            else { return }
        }
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }

    func fail(_ message: String) -> ScanError { ScanError(offset: i, message: message) }

    /// Describes what stands at the current position: `'}'`, `` `NaN` ``, "byte 0xFF", "the end of the file".
    func foundHere() -> String {
        guard i < n else { return "the end of the file" }
        let b = p[i]
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "_")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
        }
        if isWordByte(b) {
            var k = i
            while k < n && k < i + 20 && isWordByte(p[k]) { k += 1 }
            return "`" + String(decoding: UnsafeBufferPointer(rebasing: p[i..<k]), as: UTF8.self) + "`"
        }
        if b >= 0x80 { return "byte 0x\(hex(UInt32(b), 2)) (text outside a string, or not UTF-8)" }
        return "'\(printable(b))'"
    }

    func printable(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "U+" + hex(UInt32(b), 4)
    }

    func hex(_ value: UInt32, _ digits: Int) -> String {
        let s = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    func lineOf(_ offset: Int) -> Int {
        // Lines are counted only in whitespace; count directly so an error inside a token is exact too.
        var count = 1
        for k in 0..<min(offset, n) where p[k] == 0x0A { count += 1 }
        return count
    }

    /// The path of the value being read when parsing failed, from the open containers.
    func pathOfOpenContainers() -> String {
        var path = ""
        for frame in stack {
            if frame.isObject {
                guard frame.lastKey >= 0 else { continue }
                let node = nodes[frame.lastKey]
                let key = String(decoding: UnsafeBufferPointer(rebasing: p[Int(node.start) + 1..<Int(node.end)]), as: UTF8.self)
                path += path.isEmpty ? key : "." + key
            } else {
                path += "[\(frame.count)]"
            }
        }
        return path
    }
}
