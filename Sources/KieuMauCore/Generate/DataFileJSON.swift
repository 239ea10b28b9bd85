/// A JSON value whose objects keep their keys in the order given, so written files are byte-stable.
indirect enum OrderedJSON: Equatable, Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    static func == (a: OrderedJSON, b: OrderedJSON) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

}

extension OrderedJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
}

/// Writes data files in one layout: the top-level object one key per line, every non-empty top-level
/// array one element per line (so each ward or province row is a line and diffs stay readable), and
/// everything nested compact on its line. Output ends with a newline.
enum DataFileJSON {
    static func document(_ top: [(String, OrderedJSON)]) -> String {
        var out = "{\n"
        for (i, (key, value)) in top.enumerated() {
            out += "  "
            writeString(key, into: &out)
            out += ": "
            if case .array(let items) = value, !items.isEmpty {
                out += "[\n"
                for (j, item) in items.enumerated() {
                    out += "    "
                    writeCompact(item, into: &out)
                    out += j + 1 < items.count ? ",\n" : "\n"
                }
                out += "  ]"
            } else {
                writeCompact(value, into: &out)
            }
            out += i + 1 < top.count ? ",\n" : "\n"
        }
        return out + "}\n"
    }

    static func compact(_ value: OrderedJSON) -> String {
        var out = ""
        writeCompact(value, into: &out)
        return out
    }

    static func writeCompact(_ value: OrderedJSON, into out: inout String) {
        switch value {
        case .string(let s): writeString(s, into: &out)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                writeCompact(item, into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += ", " }
                writeString(k, into: &out)
                out += ": "
                writeCompact(v, into: &out)
            }
            out += "}"
        }
    }

    /// Escapes quotes, backslashes and control characters; everything else is written as UTF-8.
    static func writeString(_ s: String, into out: inout String) {
        out += JSONWriter.string(s)
    }
}
