/// Reads typed values out of a parsed document and collects every problem with its file, JSON
/// path, line and column. Paths are passed as autoclosures so a clean file never builds one.
struct Decoding {
    let document: JSONDocument
    /// The file as it is named in problems.
    let file: String
    private(set) var problems: [Problem] = []
    private var omitted = 0
    /// Where the last problem was, to count the next one's column on from there: in a minified
    /// file every problem is on one long line, and counting each from the line's start made 100
    /// passes over a file of up to 256 MiB.
    private var lastColumn: (offset: Int, column: Int)?

    /// A broken 100,000-row file would otherwise print 100,000 lines; the rest are counted.
    static let problemLimit = 100

    init(document: JSONDocument, file: String) {
        self.document = document; self.file = file
    }

    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// All problems, with a last one counting those left out.
    var allProblems: [Problem] {
        guard omitted > 0 else { return problems }
        return problems + [Problem(file: file, message: "\(omitted) more problems in this file are not shown")]
    }

    /// The decoded value when the file had no error, else all its problems.
    func result<T>(_ value: T?) -> Result<T, Problems> {
        if let value, !hasErrors { return .success(value) }
        return .failure(Problems(allProblems))
    }

    mutating func report(_ node: Int, _ path: @autoclosure () -> String, _ message: String,
                         severity: Problem.Severity = .error) {
        guard problems.count < Self.problemLimit else { omitted += 1; return }
        problems.append(Problem(file: file, path: path(), line: document.line(node), column: column(of: node),
                                message: message, severity: severity))
    }

    private mutating func column(of node: Int) -> Int {
        let bytes = document.bytes
        let offset = min(Int(document.nodes[node].start), bytes.count)
        var column: Int?
        if let last = lastColumn, last.offset <= offset {
            var counted = last.column
            for k in last.offset..<offset {
                if bytes[k] == 0x0A { counted = 0; break }           // another line: count afresh
                if bytes[k] & 0xC0 != 0x80 { counted += 1 }
            }
            if counted > 0 { column = counted }
        }
        let result = column ?? JSONDocument.column(in: bytes, at: offset)
        lastColumn = (offset, result)
        return result
    }

    // MARK: Typed values

    mutating func string(_ node: Int, _ path: @autoclosure () -> String) -> String? {
        guard document.kind(node) == .string else {
            report(node, path(), "expected a string, found \(document.describe(node))"); return nil
        }
        return document.string(node)
    }

    /// Free text (names, titles, notes), made inert here, once, as it is read: whatever shows or
    /// prints it later — joined with other fields, clipped, searched — never meets an escape
    /// sequence. (Cleaned only when printing, an escape left open at the end of one name swallowed
    /// the fields drawn after it on the same row.) Tokens and ids are read with `string`, unchanged,
    /// so an invisible character in them is an error rather than silently dropped.
    mutating func displayText(_ node: Int, _ path: @autoclosure () -> String) -> String? {
        guard let text = string(node, path()) else { return nil }
        if let raw = document.rawBytes(node), !DisplaySafe.mayNeedCleaning(utf8: raw) { return text }
        return DisplaySafe.clean(text)
    }

    /// A string that must not be empty (ids, codes).
    mutating func identifier(_ node: Int, _ path: @autoclosure () -> String, what: String) -> String? {
        guard let text = string(node, path()) else { return nil }
        if text.isEmpty { report(node, path(), "expected \(what), found an empty string"); return nil }
        // Ids, codes and series names are matched and printed bare (`snapshots`, report headers):
        // one carrying an escape sequence or an invisible character is refused, not shown.
        if !text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }),   // printable ASCII, the usual case: no scan
           let offset = text.unicodeScalars.firstIndex(where: DisplaySafe.isUnsafe) {
            let scalar = text.unicodeScalars[offset]
            let position = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: offset) + 1
            let hex = String(scalar.value, radix: 16, uppercase: true)
            report(node, path(), "expected \(what) without control, bidi or invisible characters, found U+"
                   + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " at character \(position)")
            return nil
        }
        return text
    }

    mutating func integer(_ node: Int, _ path: @autoclosure () -> String, in range: ClosedRange<Int>,
                          what: String = "a whole number") -> Int? {
        guard let value = document.integer(node) else {
            report(node, path(), "expected \(what) \(Self.describe(range)), found \(document.describe(node))"); return nil
        }
        guard range.contains(value) else {
            report(node, path(), "expected \(what) \(Self.describe(range)), found \(value)"); return nil
        }
        return value
    }

    mutating func bool(_ node: Int, _ path: @autoclosure () -> String) -> Bool? {
        guard document.kind(node) == .bool else {
            report(node, path(), "expected true or false, found \(document.describe(node))"); return nil
        }
        return document.nodes[node].flags & JSONNode.isTrue != 0
    }

    /// A `YYYY-MM-DD` date.
    mutating func day(_ node: Int, _ path: @autoclosure () -> String) -> Day? {
        guard let day = isoDay(node) else {
            report(node, path(), "expected a date YYYY-MM-DD, found \(document.describe(node))"); return nil
        }
        return day
    }

    /// A date or `null`; `.some(nil)` for null, nil when it is wrong.
    mutating func optionalDay(_ node: Int, _ path: @autoclosure () -> String) -> Day?? {
        if document.kind(node) == .null { return .some(nil) }
        guard let day = isoDay(node) else {
            report(node, path(), "expected a date YYYY-MM-DD or null, found \(document.describe(node))"); return nil
        }
        return .some(day)
    }

    /// `YYYY-MM-DD` read from the bytes (`Day(iso:)` splits strings, too slow for 100,000 rows).
    private func isoDay(_ node: Int) -> Day? {
        guard let raw = document.rawBytes(node), raw.count == 10,
              raw[raw.startIndex + 4] == UInt8(ascii: "-"), raw[raw.startIndex + 7] == UInt8(ascii: "-") else { return nil }
        func number(_ offset: Int, _ length: Int) -> Int? {
            var value = 0
            for b in raw[(raw.startIndex + offset)..<(raw.startIndex + offset + length)] {
                guard b &- 48 < 10 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    mutating func isArray(_ node: Int, _ path: @autoclosure () -> String, of what: String = "values") -> Bool {
        guard document.kind(node) == .array else {
            report(node, path(), "expected an array of \(what), found \(document.describe(node))"); return false
        }
        return true
    }

    /// An array of strings, element for element; nil (after reporting each wrong element) unless all are strings.
    mutating func strings(_ node: Int, _ path: @autoclosure () -> String) -> [String]? {
        guard isArray(node, path(), of: "strings") else { return nil }
        var result: [String] = []
        result.reserveCapacity(document.count(node))
        for (index, element) in document.elements(of: node).enumerated() {
            if let text = string(element, "\(path())[\(index)]") { result.append(text) }
        }
        return result.count == document.count(node) ? result : nil
    }

    // MARK: Objects

    /// Checks that `node` is an object with all `required` keys, no key outside `required` and
    /// `optional`, and no key twice. Returns its members (also when keys are missing or unknown, so
    /// the rest of it is still checked).
    mutating func object(_ node: Int, _ path: @autoclosure () -> String, required: [String], optional: [String]) -> Fields? {
        guard document.kind(node) == .object else {
            report(node, path(), "expected an object, found \(document.describe(node))"); return nil
        }
        var fields = Fields()
        for keyNode in document.keys(of: node) {
            let key = document.string(keyNode)
            if let first = fields.node(of: key) {
                report(keyNode, Self.join(path(), key), "duplicate key `\(key)` (first on line \(document.line(first - 1)))")
                continue
            }
            if !required.contains(key) && !optional.contains(key) {
                report(keyNode, Self.join(path(), key), Self.unknownKeyMessage(key, known: required + optional))
                continue
            }
            fields.members.append((key, keyNode + 1))
        }
        for key in required where fields.node(of: key) == nil {
            report(node, Self.join(path(), key), "missing required key `\(key)`")
        }
        return fields
    }

    /// The members of an object, in file order; each key with its value node.
    struct Fields {
        var members: [(key: String, value: Int)] = []
        func node(of key: String) -> Int? { members.first { $0.key == key }?.value }
        subscript(key: String) -> Int? { node(of: key) }
    }

    static func unknownKeyMessage(_ key: String, known: [String]) -> String {
        if let near = known.first(where: { $0.lowercased() == key.lowercased() }) {
            return "unknown key `\(key)`; did you mean `\(near)`?"
        }
        return "unknown key `\(key)` (expected one of: \(known.joined(separator: ", ")))"
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    static func describe(_ range: ClosedRange<Int>) -> String {
        if range.upperBound == Int.max { return range.lowerBound == 0 ? "(0 or more)" : "(\(range.lowerBound) or more)" }
        return "\(range.lowerBound)…\(range.upperBound)"
    }
}
