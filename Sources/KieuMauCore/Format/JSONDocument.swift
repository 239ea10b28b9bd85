/// One JSON value in a parsed document. Values are laid out flat in document order ("tape"):
/// a container is followed by its children, so a 100,000-row file costs one array, not a tree of
/// small allocations. Strings and numbers are not decoded until a decoder asks for them.
struct JSONNode: Sendable {
    enum Kind: UInt8, Sendable { case object, array, string, number, bool, null }

    var kind: Kind
    /// For strings: `escaped` and `needsNFC`; for numbers: `integer`; for booleans: `isTrue`.
    var flags: UInt8
    /// Byte offset of the first byte of the token (the opening quote of a string).
    var start: UInt32
    /// Scalars: byte offset just after the content (a string's closing quote).
    /// Containers: the index of the first node after the container's subtree.
    var end: UInt32
    /// Containers: number of elements (arrays) or members (objects). An object's members are laid
    /// out as key node, value node, key node, value node…
    var count: UInt32
    /// 1-based line of `start`.
    var line: UInt32

    static let escaped: UInt8 = 1
    static let needsNFC: UInt8 = 2
    static let integer: UInt8 = 1
    static let isTrue: UInt8 = 1
}

/// A parsed JSON file: its bytes and the flat list of its values (node 0 is the top-level value).
struct JSONDocument: Sendable {
    let bytes: [UInt8]
    let nodes: [JSONNode]
    /// When parsing stopped at a top-level key (reading only a header), the index of that key's node.
    /// The root object then ends just before it.
    let stoppedAtKey: Int?

    static let root = 0

    func kind(_ i: Int) -> JSONNode.Kind { nodes[i].kind }
    func count(_ i: Int) -> Int { Int(nodes[i].count) }
    func line(_ i: Int) -> Int { Int(nodes[i].line) }
    func column(_ i: Int) -> Int { Self.column(in: bytes, at: Int(nodes[i].start)) }

    /// The index of the node after `i` and all of its children.
    @inline(__always)
    func next(after i: Int) -> Int {
        let n = nodes[i]
        return n.kind == .object || n.kind == .array ? Int(n.end) : i + 1
    }

    /// The element nodes of an array.
    func elements(of i: Int) -> Children { Children(document: self, first: i + 1, remaining: count(i), stride: 1) }
    /// The key nodes of an object; each key's value is the node after it.
    func keys(of i: Int) -> Children { Children(document: self, first: i + 1, remaining: count(i), stride: 2) }

    /// Walks the children of a container without allocating.
    struct Children: Sequence, IteratorProtocol {
        let document: JSONDocument
        var first: Int
        var remaining: Int
        /// 1 for array elements, 2 for object keys (skip the value).
        let stride: Int

        mutating func next() -> Int? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            let current = first
            first = stride == 1 ? document.next(after: current) : document.next(after: current + 1)
            return current
        }
    }

    // MARK: Scalars

    /// The decoded text of a string node, unescaped and normalised to NFC.
    func string(_ i: Int) -> String {
        let n = nodes[i]
        let lower = Int(n.start) + 1, upper = Int(n.end)
        var text: String
        if n.flags & JSONNode.escaped == 0 {
            text = String(decoding: bytes[lower..<upper], as: UTF8.self)
        } else {
            text = String(decoding: JSONEscapes.unescape(bytes[lower..<upper]), as: UTF8.self)
        }
        if n.flags & JSONNode.needsNFC != 0 { text = NFC.normalize(text) }
        return text
    }

    /// The raw bytes of a string node without escapes, or nil when it has escapes.
    func rawBytes(_ i: Int) -> ArraySlice<UInt8>? {
        let n = nodes[i]
        guard n.kind == .string, n.flags & JSONNode.escaped == 0 else { return nil }
        return bytes[Int(n.start) + 1..<Int(n.end)]
    }

    /// True when the string node holds exactly `text` (compared without decoding).
    func stringEquals(_ i: Int, _ text: StaticString) -> Bool {
        // Indexes the bytes in place: a slice would cost a retain and a release, and this runs
        // several times per ward row.
        let n = nodes[i]
        guard n.kind == .string, n.flags & JSONNode.escaped == 0 else { return false }
        let start = Int(n.start) + 1, count = Int(n.end) - start
        guard count == text.utf8CodeUnitCount else { return false }
        for k in 0..<count where bytes[start + k] != text.utf8Start[k] { return false }
        return true
    }

    /// The value of a number node when it is a whole number that fits an `Int`.
    func integer(_ i: Int) -> Int? {
        let n = nodes[i]
        guard n.kind == .number, n.flags & JSONNode.integer != 0 else { return nil }
        var k = Int(n.start)
        let negative = bytes[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        var value = 0
        while k < Int(n.end) {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(bytes[k] &- 48))
            if o1 || o2 { return nil }
            value = s
            k += 1
        }
        return negative ? -value : value
    }

    /// The source text of a token (for messages), shortened.
    func sourceText(_ i: Int, limit: Int = 40) -> String {
        let n = nodes[i]
        let upper = n.kind == .string ? Int(n.end) + 1 : Int(n.end)
        let lower = Int(n.start)
        let text = String(decoding: bytes[lower..<min(upper, lower + limit * 4)], as: UTF8.self)
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// "the string \"abc\"", "the number 12", "an array of 3 elements", … for "found …" in messages.
    func describe(_ i: Int) -> String {
        switch kind(i) {
        case .object: return "an object"
        case .array: return count(i) == 1 ? "an array of 1 element" : "an array of \(count(i)) elements"
        case .string: return "the string \(sourceText(i))"
        case .number: return "the number \(sourceText(i))"
        case .bool: return nodes[i].flags & JSONNode.isTrue != 0 ? "true" : "false"
        case .null: return "null"
        }
    }

    /// 1-based column in characters (not bytes) of a byte offset.
    static func column(in bytes: [UInt8], at offset: Int) -> Int {
        let offset = min(offset, bytes.count)
        var lineStart = offset
        while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var column = 1
        for k in lineStart..<offset where bytes[k] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
