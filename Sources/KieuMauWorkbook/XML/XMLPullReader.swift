#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pull reader of the XML that workbook parts are written in: elements, attributes, text,
/// CDATA, comments and processing instructions, in UTF-8, checked for well-formedness (end tags
/// match, one root, attributes quoted and not repeated, references known).
///
/// A document type declaration (`<!DOCTYPE`) is refused where it stands, before anything in it is
/// read: no entity is ever declared, so none can be expanded (no "billion laughs", no external
/// entity reaching a file or the network). Only XML's five named references and character
/// references are decoded. Depth is bounded. Names are compared by their local part, so
/// `<x:row>` (a prefixed SpreadsheetML namespace, as some generators write) is `row`.
///
/// Works on the bytes without copying: names and attribute values are ranges into them, and text
/// is made into a `String` only when asked for.
struct XMLPullReader {
    enum Token: Equatable { case start, end, text, done }

    private struct AttributeSpan {
        var name: Range<Int>
        var localStart: Int
        var value: Range<Int>
        var hasReference: Bool
    }

    /// The part's name, for errors.
    let part: String
    private let bytes: [UInt8]
    private var at = 0
    private let maxDepth: Int
    static let maxAttributes = 64

    /// The current element's qualified name, and where its local part starts.
    private var name: Range<Int> = 0..<0
    private var localStart = 0
    private var attributes: [AttributeSpan] = []
    /// The current text token.
    private var textRange: Range<Int> = 0..<0
    private var textIsRaw = false
    private var textHasReference = false
    /// An empty element (`<c/>`) gives its start, then its end.
    private var pendingEnd = false
    private var open: [(name: Range<Int>, localStart: Int)] = []
    private var rootSeen = false

    init(_ bytes: [UInt8], part: String, maxDepth: Int = 64) throws(WorkbookError) {
        self.bytes = bytes
        self.part = part
        self.maxDepth = maxDepth
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            throw WorkbookError(part, "the part is UTF-16; only UTF-8 is read (save the workbook again as .xlsx)")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
    }

    /// Depth of the current element (1 for the root).
    var depth: Int { open.count }

    /// Whether the current element (after `.start` or `.end`) has this local name.
    func isElement(_ local: StaticString) -> Bool {
        Self.equal(bytes, localStart..<name.upperBound, local)
    }

    /// The value of the current element's attribute with this local name, references decoded.
    func attribute(_ local: StaticString) throws(WorkbookError) -> String? {
        guard let span = attributes.first(where: { Self.equal(bytes, $0.localStart..<$0.name.upperBound, local) }) else { return nil }
        return try decode(span.value, hasReference: span.hasReference)
    }

    /// The bytes of the current element's attribute with this local name (references decoded):
    /// for values read as numbers or references, without making a `String` of each.
    func attributeBytes(_ local: StaticString) throws(WorkbookError) -> ArraySlice<UInt8>? {
        guard let span = attributes.first(where: { Self.equal(bytes, $0.localStart..<$0.name.upperBound, local) }) else { return nil }
        return span.hasReference ? ArraySlice(Array(try decode(span.value, hasReference: true).utf8)) : bytes[span.value]
    }

    /// The current text token (after `.text`), references decoded.
    func text() throws(WorkbookError) -> String {
        textIsRaw ? String(decoding: bytes[textRange], as: UTF8.self) : try decode(textRange, hasReference: textHasReference)
    }

    /// Whether the current text token is only white space.
    var textIsBlank: Bool { bytes[textRange].allSatisfy(Self.isSpace) }

    /// The text inside the current element (after its `.start`) up to its end; child elements
    /// are passed over (their text too). Leaves the reader on the element's `.end`.
    mutating func elementText() throws(WorkbookError) -> String {
        var result = ""
        let level = depth
        while true {
            switch try next() {
            case .text where depth == level: result += try text()
            case .end where depth < level: return result
            case .done: throw error("the part ends inside an element")
            default: continue
            }
        }
    }

    /// The text of the current element (after its `.start`) as the part's bytes, when it is one
    /// run of text without references followed by the element's end tag — a `<v>` as
    /// spreadsheets write it — and the reader moved past that end; nil, with nothing read, when
    /// it is anything else (then `elementText` reads it, and reports what is wrong with it).
    mutating func plainElementBytes() -> ArraySlice<UInt8>? {
        guard !pendingEnd, let top = open.last, let tag = firstIndex(of: UInt8(ascii: "<"), from: at),
              firstIndex(of: UInt8(ascii: "&"), from: at, to: tag) == nil,
              tag + 1 < bytes.count, bytes[tag + 1] == UInt8(ascii: "/") else { return nil }
        let nameEnd = tag + 2 + top.name.count
        guard nameEnd < bytes.count, same(top.name, (tag + 2)..<nameEnd), bytes[nameEnd] == UInt8(ascii: ">") else { return nil }
        let text = at..<tag
        name = top.name; localStart = top.localStart
        open.removeLast()
        at = nameEnd + 1
        return bytes[text]
    }

    /// Reads on to the end of the element open at `level` (whose content is then passed over).
    mutating func skipToEnd(level: Int) throws(WorkbookError) {
        while depth >= level {
            if try next() == .done { throw error("the part ends inside an element") }
        }
    }

    /// Passes over the current element (after its `.start`) up to and including its end.
    mutating func skipElement() throws(WorkbookError) {
        let level = depth
        while true {
            switch try next() {
            case .end where depth < level: return
            case .done: throw error("the part ends inside an element")
            default: continue
            }
        }
    }

    /// The next token.
    mutating func next() throws(WorkbookError) -> Token {
        if pendingEnd {
            pendingEnd = false
            open.removeLast()
            return .end
        }
        while at < bytes.count {
            if bytes[at] != UInt8(ascii: "<") {
                let start = at
                at = firstIndex(of: UInt8(ascii: "<"), from: at) ?? bytes.count
                let hasReference = firstIndex(of: UInt8(ascii: "&"), from: start, to: at) != nil
                if open.isEmpty {
                    guard bytes[start..<at].allSatisfy(Self.isSpace) else {
                        throw error("text outside the root element", at: start)
                    }
                    continue
                }
                textRange = start..<at; textIsRaw = false; textHasReference = hasReference
                return .text
            }
            guard at + 1 < bytes.count else { throw error("the part ends inside a tag", at: at) }
            switch bytes[at + 1] {
            case UInt8(ascii: "/"): return try endTag()
            case UInt8(ascii: "?"): try processingInstruction()
            case UInt8(ascii: "!"):
                if starts("<!--") {
                    at = try position(after: "-->", from: at + 4, what: "a comment")
                } else if starts("<![CDATA[") {
                    guard !open.isEmpty else { throw error("a CDATA section outside the root element", at: at) }
                    let start = at + 9
                    at = try position(after: "]]>", from: start, what: "a CDATA section")
                    textRange = start..<(at - 3); textIsRaw = true; textHasReference = false
                    return .text
                } else if starts("<!DOCTYPE") {
                    throw WorkbookError(part, "the part declares a document type (<!DOCTYPE …>) at byte \(at): refused unread, since its entities could expand without end or reach other files; a workbook's XML never has one")
                } else {
                    throw error("a declaration (<!…) XML does not allow here", at: at)
                }
            default: return try startTag()
            }
        }
        if let last = open.last {
            throw error("the part ends inside <\(String(decoding: bytes[last.name], as: UTF8.self))>: it is truncated")
        }
        guard rootSeen else { throw error("the part has no XML element") }
        return .done
    }

    // MARK: tags

    private mutating func startTag() throws(WorkbookError) -> Token {
        let tagStart = at
        at += 1
        let (qualified, local) = try readName()
        if open.isEmpty && rootSeen { throw error("a second root element", at: tagStart) }
        attributes.removeAll(keepingCapacity: true)
        while true {
            let hadSpace = skipSpace()
            guard at < bytes.count else { throw error("the part ends inside a tag", at: tagStart) }
            if bytes[at] == UInt8(ascii: ">") { at += 1; break }
            if bytes[at] == UInt8(ascii: "/") {
                guard at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: ">") else { throw error("expected \">\" after \"/\" in a tag", at: at) }
                at += 2
                pendingEnd = true
                break
            }
            guard hadSpace else { throw error("expected a space between attributes", at: at) }
            try readAttribute()
        }
        guard open.count < maxDepth else {
            throw WorkbookError(part, "elements nested more than \(maxDepth) deep at byte \(tagStart), above the limit (a workbook's XML nests about 6 deep)")
        }
        name = qualified; localStart = local
        open.append((qualified, local))
        rootSeen = true
        return .start
    }

    private mutating func endTag() throws(WorkbookError) -> Token {
        let tagStart = at
        at += 2
        let (qualified, local) = try readName()
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: ">") else { throw error("expected \">\" to close an end tag", at: at) }
        at += 1
        guard let top = open.last else { throw error("an end tag with no element open", at: tagStart) }
        guard same(top.name, qualified) else {
            throw error("</\(String(decoding: bytes[qualified], as: UTF8.self))> closes <\(String(decoding: bytes[top.name], as: UTF8.self))>", at: tagStart)
        }
        name = qualified; localStart = local
        open.removeLast()
        return .end
    }

    private mutating func readAttribute() throws(WorkbookError) {
        let (attributeName, local) = try readName()
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: "=") else { throw error("expected \"=\" after an attribute's name", at: at) }
        at += 1
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else {
            throw error("expected a quoted attribute value", at: at)
        }
        let quote = bytes[at]
        at += 1
        let start = at
        guard let end = firstIndex(of: quote, from: at) else { throw error("the part ends inside an attribute value", at: start) }
        at = end
        if let bracket = firstIndex(of: UInt8(ascii: "<"), from: start, to: end) { throw error("\"<\" inside an attribute value", at: bracket) }
        let hasReference = firstIndex(of: UInt8(ascii: "&"), from: start, to: end) != nil
        let value = start..<at
        at += 1
        guard attributes.count < Self.maxAttributes else { throw error("more than \(Self.maxAttributes) attributes on one element", at: start) }
        if attributes.contains(where: { same($0.name, attributeName) }) {
            throw error("the attribute \(String(decoding: bytes[attributeName], as: UTF8.self)) is given twice", at: start)
        }
        attributes.append(AttributeSpan(name: attributeName, localStart: local, value: value, hasReference: hasReference))
    }

    /// `<?…?>`: the XML declaration may only name UTF-8; other instructions are passed over.
    private mutating func processingInstruction() throws(WorkbookError) {
        let start = at
        at = try position(after: "?>", from: at + 2, what: "a processing instruction")
        let body = String(decoding: bytes[(start + 2)..<(at - 2)], as: UTF8.self)
        guard body.hasPrefix("xml ") || body == "xml" else { return }
        guard start == 0 || (start == 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF])) else {
            throw error("an XML declaration that is not at the start of the part", at: start)
        }
        if let range = body.firstRange(of: "encoding=") {
            let value = body[range.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }.lowercased()
            guard value == "utf-8" || value == "utf8" else {
                throw error("the part is encoded as \(value); only UTF-8 is read (save the workbook again as .xlsx)", at: start)
            }
        }
    }

    /// A name: its range, and where its local part (after the last `:`) starts.
    private mutating func readName() throws(WorkbookError) -> (Range<Int>, Int) {
        let start = at
        var local = at
        while at < bytes.count, !Self.endsName(bytes[at]) {
            if bytes[at] == UInt8(ascii: ":") { local = at + 1 }
            at += 1
        }
        guard at > start, local < at else { throw error("expected a name", at: start) }
        return (start..<at, local)
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = at
        while at < bytes.count, Self.isSpace(bytes[at]) { at += 1 }
        return at > start
    }

    private func starts(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        return text.withUTF8Buffer { Array($0) == Array(bytes[at..<(at + count)]) }
    }

    /// The position just after the next `end`, searching from `from`.
    private func position(after end: StaticString, from: Int, what: String) throws(WorkbookError) -> Int {
        let pattern = end.withUTF8Buffer { Array($0) }
        var i = from
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0], Array(bytes[i..<(i + pattern.count)]) == pattern { return i + pattern.count }
            i += 1
        }
        throw error("the part ends inside \(what)", at: from)
    }

    // MARK: references

    private func decode(_ range: Range<Int>, hasReference: Bool) throws(WorkbookError) -> String {
        guard hasReference else { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            guard bytes[i] == UInt8(ascii: "&") else { out.append(bytes[i]); i += 1; continue }
            guard let semicolon = bytes[i..<range.upperBound].firstIndex(of: UInt8(ascii: ";")), semicolon - i <= 12 else {
                throw error("\"&\" that does not begin a reference (write &amp;)", at: i)
            }
            let reference = String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)
            if let named = Self.namedReferences[reference] {
                out.append(named)
            } else if reference.hasPrefix("#") {
                let digits = reference.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let value, !digits.hasPrefix("x+"), !digits.hasPrefix("+"), let scalar = Unicode.Scalar(value), Self.isXMLCharacter(value) else {
                    throw error("&\(reference); is not a character XML allows", at: i)
                }
                out += Array(String(Character(scalar)).utf8)
            } else {
                throw error("unknown entity &\(reference); (only &lt; &gt; &amp; &quot; &apos; and character references are read; entities a document type declares are refused)", at: i)
            }
            i = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let namedReferences: [String: UInt8] = [
        "lt": UInt8(ascii: "<"), "gt": UInt8(ascii: ">"), "amp": UInt8(ascii: "&"),
        "quot": UInt8(ascii: "\""), "apos": UInt8(ascii: "'"),
    ]

    static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x1_0000...0x10_FFFF).contains(value)
    }

    // MARK: bytes

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x09, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "<"),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "&"), UInt8(ascii: "?"), UInt8(ascii: "!"):
            return true
        default:
            return false
        }
    }

    /// The first position of `byte` in `from..<to` (to the end by default), by `memchr`: text and
    /// attribute values are most of a sheet's bytes.
    private func firstIndex(of byte: UInt8, from: Int, to: Int? = nil) -> Int? {
        let end = min(to ?? bytes.count, bytes.count)
        guard from < end else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base + from, Int32(byte), end - from) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Whether two ranges of the part hold the same bytes.
    private func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        var i = a.lowerBound, j = b.lowerBound
        while i < a.upperBound {
            if bytes[i] != bytes[j] { return false }
            i += 1; j += 1
        }
        return true
    }

    private static func equal(_ bytes: [UInt8], _ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { buffer in
            var i = range.lowerBound
            for b in buffer { if bytes[i] != b { return false }; i += 1 }
            return true
        }
    }

    func error(_ message: String, at offset: Int? = nil) -> WorkbookError {
        WorkbookError(part, "not well-formed XML" + (offset.map { " at byte \($0)" } ?? "") + ": " + message)
    }
}
