import KieuMauCore

/// A value in the TOML subset theme files use. Kinds the themes never need (numbers, dates)
/// are kept as `.other` so the theme reader can say "expected a colour, found a number"
/// instead of a bare syntax error.
indirect enum TOMLValue: Equatable, Sendable {
    case string(String)
    case bool(Bool)
    case table([TOMLField])
    case array([TOMLValue])
    /// A value of a kind themes do not use; the associated text names it ("a number").
    case other(String)

    /// How the value is named in messages: `a string "x"`, `true`, `an inline table`.
    var described: String {
        switch self {
        case .string(let s): return "the string \"\(s)\""
        case .bool(let b): return "the boolean \(b)"
        case .table: return "an inline table"
        case .array: return "an array"
        case .other(let kind): return kind
        }
    }
}

/// One `key = value` inside an inline table.
struct TOMLField: Equatable, Sendable {
    var key: String
    var column: Int
    var value: TOMLValue
}

/// One `key = value` line, with the `[section]` it belongs to (nil before any section).
struct TOMLEntry: Equatable, Sendable {
    var section: String?
    var key: String
    var line: Int
    var column: Int
    var value: TOMLValue
}

/// A `[section]` header.
struct TOMLSection: Equatable, Sendable {
    var name: String
    var line: Int
}

/// What the reader found: entries in file order, section headers, and syntax problems.
struct TOMLDocument: Sendable {
    var entries: [TOMLEntry] = []
    var sections: [TOMLSection] = []
    var problems: [Problem] = []
}

/// Reads the subset of TOML (v1.0) that theme files use: `# comments`, `[section]`, and one
/// `key = value` per line, where a value is a string ("basic" or 'literal'), a boolean,
/// an inline table or an array. Numbers and dates are recognised only to be named in messages.
///
/// Written by hand rather than with a TOML library so every problem carries the line and column
/// (a library reports syntax positions, but values it accepted carry none) and so a hostile file
/// cannot make it work for long: it stops after `maxKeys` keys.
struct TOMLSubsetReader {
    let file: String
    let maxKeys: Int
    private var keysSeen = 0
    private var document = TOMLDocument()
    private var currentSection: String?

    init(file: String, maxKeys: Int) {
        self.file = file
        self.maxKeys = maxKeys
    }

    /// Reads the whole text; syntax problems are in the result, never thrown.
    static func read(_ text: String, file: String, maxKeys: Int) -> TOMLDocument {
        var reader = TOMLSubsetReader(file: file, maxKeys: maxKeys)
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        // A final newline ends the last line; it does not start another.
        if lines.last?.isEmpty == true { lines.removeLast() }
        for (index, raw) in lines.enumerated() {
            var scalars = Array(raw)
            if scalars.last == "\r" { scalars.removeLast() }
            if index == 0, scalars.first == "\u{FEFF}" { scalars.removeFirst() }  // byte-order mark
            if !reader.readLine(scalars, number: index + 1) { break }
        }
        return reader.document
    }

    // MARK: - Lines

    /// Reads one line; returns false when the key limit is reached and reading must stop.
    private mutating func readLine(_ s: [Unicode.Scalar], number: Int) -> Bool {
        var cursor = LineCursor(scalars: s, line: number)
        cursor.skipSpaces()
        if cursor.atEnd || cursor.peek == "#" { return true }
        do {
            if cursor.peek == "[" {
                try readSectionHeader(&cursor)
            } else {
                let keyStart = cursor.position
                let key = try readKey(&cursor, context: nil)
                if !countKey(line: number, key: key) { return false }
                cursor.skipSpaces()
                try cursor.expect("=", "\"=\" after the key \"\(key)\"", key: key)
                cursor.skipSpaces()
                let value = try readValue(&cursor, key: key, depth: 0)
                try expectLineEnd(&cursor, key: key)
                document.entries.append(TOMLEntry(section: currentSection, key: key, line: number,
                                                  column: cursor.column(of: keyStart), value: value))
            }
        } catch let failure as SyntaxFailure {
            if failure.keyLimitReached { return false }
            report(line: number, column: cursor.column(of: failure.position),
                   key: failure.key.map(qualified) ?? "", failure.message)
        } catch {
            report(line: number, column: nil, key: "", "unexpected error: \(error)")
        }
        return true
    }

    private mutating func readSectionHeader(_ cursor: inout LineCursor) throws {
        let line = cursor.line
        cursor.advance()  // "["
        if cursor.peek == "[" {
            throw cursor.failure("an array of tables ([[...]]) is not part of the theme format; "
                                 + "expected a section such as [monochrome]")
        }
        cursor.skipSpaces()
        let name = try readKey(&cursor, context: nil)
        cursor.skipSpaces()
        try cursor.expect("]", "\"]\" to close the section name", key: "[\(name)]")
        try expectLineEnd(&cursor, key: "[\(name)]")
        currentSection = name
        document.sections.append(TOMLSection(name: name, line: line))
    }

    /// After a value or section header only spaces and a comment may follow.
    private func expectLineEnd(_ cursor: inout LineCursor, key: String) throws {
        cursor.skipSpaces()
        if cursor.atEnd || cursor.peek == "#" { return }
        throw cursor.failure("expected the end of the line or a # comment after the value, "
                             + "found \"\(cursor.rest(max: 20))\"", key: key)
    }

    /// Counts a key toward the limit; reports once and returns false when the limit is passed.
    private mutating func countKey(line: Int, key: String) -> Bool {
        keysSeen += 1
        guard keysSeen > maxKeys else { return true }
        report(line: line, column: nil, key: qualified(key),
               "more than \(maxKeys) keys: a theme needs far fewer, so reading stopped here "
               + "and the rest of the file is ignored")
        return false
    }

    // MARK: - Keys

    /// A bare key (`A-Z a-z 0-9 _ -`) or a quoted one. Dotted keys are refused with a hint.
    private func readKey(_ cursor: inout LineCursor, context: String?) throws -> String {
        let key: String
        if cursor.peek == "\"" || cursor.peek == "'" {
            key = try readString(&cursor, key: context ?? "")
        } else {
            let start = cursor.position
            while let c = cursor.peek, Self.isBareKeyScalar(c) { cursor.advance() }
            guard cursor.position > start else {
                let found = cursor.atEnd ? "the end of the line" : "\"\(cursor.rest(max: 20))\""
                throw cursor.failure("expected a key (letters, digits, _ or -), found \(found)", key: context)
            }
            key = cursor.text(from: start)
        }
        cursor.skipSpaces()
        if cursor.peek == "." {
            let full = context.map { "\($0).\(key)" } ?? key
            throw cursor.failure("dotted keys are not part of the theme format; "
                                 + "write `\(key) = { fg = \"#RRGGBB\" }` instead", key: full)
        }
        return key
    }

    private static func isBareKeyScalar(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    // MARK: - Values

    private mutating func readValue(_ cursor: inout LineCursor, key: String, depth: Int) throws -> TOMLValue {
        guard depth < 8 else { throw cursor.failure("values nested more than 8 deep", key: key) }
        guard let c = cursor.peek else {
            throw cursor.failure("expected a value after \"=\", found the end of the line", key: key)
        }
        switch c {
        case "\"", "'":
            return .string(try readString(&cursor, key: key))
        case "{":
            return .table(try readInlineTable(&cursor, key: key, depth: depth))
        case "[":
            return .array(try readArray(&cursor, key: key, depth: depth))
        default:
            return try readBareValue(&cursor, key: key)
        }
    }

    /// `true`, `false`, or a number or date (kept only to be named in messages).
    private func readBareValue(_ cursor: inout LineCursor, key: String) throws -> TOMLValue {
        let start = cursor.position
        while let c = cursor.peek, !" \t,]}#".unicodeScalars.contains(c) { cursor.advance() }
        let word = cursor.text(from: start)
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "" where cursor.peek == "#":
            throw cursor.failure("expected a value, found a # comment; a colour must be quoted: \"#RRGGBB\"", key: key)
        case "": throw cursor.failure("expected a value, found \"\(cursor.rest(max: 20))\"", key: key)
        default:
            if let first = word.unicodeScalars.first, "+-0123456789".unicodeScalars.contains(first)
                || word == "inf" || word == "nan" {
                return .other(word.contains(":") ? "a date or time (\(word))" : "a number (\(word))")
            }
            cursor.position = start
            throw cursor.failure("expected a value (a \"quoted string\", true or false, or { ... }), "
                                 + "found \(word) — is a quote missing?", key: key)
        }
    }

    private mutating func readInlineTable(_ cursor: inout LineCursor, key: String, depth: Int) throws -> [TOMLField] {
        cursor.advance()  // "{"
        var fields: [TOMLField] = []
        while true {
            cursor.skipSpaces()
            if cursor.peek == "}" { cursor.advance(); return fields }
            if cursor.atEnd {
                throw cursor.failure("expected \"}\" to close the inline table on the same line", key: key)
            }
            let fieldStart = cursor.position
            let fieldKey = try readKey(&cursor, context: key)
            let path = "\(key).\(fieldKey)"
            if !countKey(line: cursor.line, key: path) { throw SyntaxFailure.keyLimit }
            cursor.skipSpaces()
            try cursor.expect("=", "\"=\" after \"\(fieldKey)\"", key: path)
            cursor.skipSpaces()
            let value = try readValue(&cursor, key: path, depth: depth + 1)
            fields.append(TOMLField(key: fieldKey, column: cursor.column(of: fieldStart), value: value))
            cursor.skipSpaces()
            switch cursor.peek {
            case ",": cursor.advance()   // a trailing comma before "}" is accepted, as in TOML 1.1
            case "}": cursor.advance(); return fields
            case nil:
                throw cursor.failure("expected \"}\" to close the inline table on the same line", key: key)
            default:
                throw cursor.failure("expected \",\" or \"}\" after the value of \"\(fieldKey)\", "
                                     + "found \"\(cursor.rest(max: 20))\"", key: path)
            }
        }
    }

    private mutating func readArray(_ cursor: inout LineCursor, key: String, depth: Int) throws -> [TOMLValue] {
        cursor.advance()  // "["
        var items: [TOMLValue] = []
        while true {
            cursor.skipSpaces()
            if cursor.peek == "]" { cursor.advance(); return items }
            if cursor.atEnd { throw cursor.failure("expected \"]\" to close the array on the same line", key: key) }
            items.append(try readValue(&cursor, key: key, depth: depth + 1))
            cursor.skipSpaces()
            switch cursor.peek {
            case ",": cursor.advance()
            case "]": cursor.advance(); return items
            default: throw cursor.failure("expected \",\" or \"]\" in the array", key: key)
            }
        }
    }

    /// A "basic" string with escapes or a 'literal' one; both must close on the same line.
    private func readString(_ cursor: inout LineCursor, key: String) throws -> String {
        let opening = cursor.position
        guard let quote = cursor.peek else { throw cursor.failure("expected a string", key: key) }
        if cursor.peek(at: 1) == quote, cursor.peek(at: 2) == quote {
            throw cursor.failure("multi-line strings (\(quote)\(quote)\(quote)) are not part of the theme format; "
                                 + "write the value on one line", key: key)
        }
        cursor.advance()
        var result = String.UnicodeScalarView()
        while true {
            guard let c = cursor.peek else {
                cursor.position = opening
                throw cursor.failure("missing closing \(quote) for the string that starts here", key: key)
            }
            cursor.advance()
            if c == quote { return String(result) }
            if c == "\\" && quote == "\"" {
                result.append(try readEscape(&cursor, key: key))
                continue
            }
            if (c.value < 0x20 && c != "\t") || c.value == 0x7F {
                cursor.position -= 1
                throw cursor.failure("control character U+\(hex4(c.value)) inside a string; "
                                     + "write it as an escape such as \\u\(hex4(c.value))", key: key)
            }
            result.append(c)
        }
    }

    private func readEscape(_ cursor: inout LineCursor, key: String) throws -> Unicode.Scalar {
        let start = cursor.position - 1
        guard let e = cursor.peek else {
            cursor.position = start
            throw cursor.failure("a backslash at the end of the line; expected an escape such as \\\" or \\\\", key: key)
        }
        cursor.advance()
        switch e {
        case "\"": return "\""
        case "\\": return "\\"
        case "b": return "\u{8}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{C}"
        case "r": return "\r"
        case "e": return "\u{1B}"
        case "u", "U":
            let count = e == "u" ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let d = cursor.peek, let digit = hexDigitValue(d) else {
                    cursor.position = start
                    throw cursor.failure("expected \(count) hex digits after \\\(e)", key: key)
                }
                value = value * 16 + digit
                cursor.advance()
            }
            guard let scalar = Unicode.Scalar(value) else {
                cursor.position = start
                throw cursor.failure("\\\(e) escape names U+\(hex4(value)), which is not a Unicode scalar value", key: key)
            }
            return scalar
        default:
            cursor.position = start
            throw cursor.failure("unknown escape \\\(e); expected one of \\\" \\\\ \\b \\t \\n \\f \\r \\e \\uXXXX \\UXXXXXXXX", key: key)
        }
    }

    // MARK: - Problems

    private func qualified(_ key: String) -> String {
        guard let section = currentSection, !key.isEmpty, !key.hasPrefix("[") else { return key }
        return "\(section).\(key)"
    }

    private mutating func report(line: Int, column: Int?, key: String, _ message: String) {
        document.problems.append(Problem(file: file, path: key, line: line, column: column, message: message))
    }
}

/// A syntax problem found while reading a line: where, and what was expected.
private struct SyntaxFailure: Error {
    var position: Int
    var key: String?
    var message: String
    var keyLimitReached = false
    static let keyLimit = SyntaxFailure(position: 0, key: nil, message: "", keyLimitReached: true)
}

/// A position in one line of Unicode scalars.
private struct LineCursor {
    let scalars: [Unicode.Scalar]
    let line: Int
    var position = 0

    var atEnd: Bool { position >= scalars.count }
    var peek: Unicode.Scalar? { atEnd ? nil : scalars[position] }
    func peek(at offset: Int) -> Unicode.Scalar? {
        let i = position + offset
        return i < scalars.count ? scalars[i] : nil
    }
    mutating func advance() { position += 1 }
    mutating func skipSpaces() { while peek == " " || peek == "\t" { advance() } }

    func text(from start: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<position])
        return String(view)
    }

    /// Up to `max` characters from the cursor, for messages.
    func rest(max: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[min(position, scalars.count)...])
        let text = String(view)
        return text.count > max ? String(text.prefix(max)) + "…" : text
    }

    /// The 1-based column a person sees: characters (grapheme clusters), not bytes or scalars.
    func column(of scalarOffset: Int) -> Int {
        let end = min(scalarOffset, scalars.count)
        // One character per scalar while the prefix is ASCII (no line break can be inside a
        // line): counting characters of a String costs ~20,000 instructions, at every key.
        if scalars[..<end].allSatisfy(\.isASCII) { return end + 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[..<min(scalarOffset, scalars.count)])
        return String(view).count + 1
    }

    /// `what` and `key` are made only when the character is not there (building the message for
    /// every key of the built-in theme was a tenth of reading it).
    mutating func expect(_ c: Unicode.Scalar, _ what: @autoclosure () -> String, key: @autoclosure () -> String) throws {
        guard peek == c else {
            let what = what(), key = key()
            let found = atEnd ? "the end of the line" : "\"\(rest(max: 20))\""
            throw failure("expected \(what), found \(found)", key: key)
        }
        advance()
    }

    func failure(_ message: String, key: String? = nil) -> SyntaxFailure {
        SyntaxFailure(position: position, key: key, message: message)
    }
}

private func hexDigitValue(_ c: Unicode.Scalar) -> UInt32? {
    switch c {
    case "0"..."9": return c.value - 48
    case "a"..."f": return c.value - 87
    case "A"..."F": return c.value - 55
    default: return nil
    }
}

private func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
