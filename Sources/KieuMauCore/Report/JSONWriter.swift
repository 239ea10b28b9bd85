/// Writes JSON text by hand: stable key order (the order given), so reports and generated files
/// are byte-for-byte reproducible.
public enum JSONWriter {
    public static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Escaped rather than written raw: C0/C1 controls, bidi and zero-width characters
                // (DisplaySafe's list), so JSON shown in a terminal cannot move the cursor or reorder text.
                if DisplaySafe.isUnsafe(u) || (0x2028...0x2029).contains(u.value) {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A JSON value built in code.
    public indirect enum Value {
        case string(String), int(Int), double(Double), bool(Bool), null
        case array([Value])
        case object([(String, Value)])
    }

    public static func write(_ v: Value, indent: Int = 0, step: Int = 2) -> String {
        let pad = String(repeating: " ", count: indent)
        let inner = String(repeating: " ", count: indent + step)
        switch v {
        case .string(let s): return string(s)
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? String((d * 10000).rounded() / 10000) : "null"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + write($0, indent: indent + step, step: step) }.joined(separator: ",\n") + "\n" + pad + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { inner + string($0.0) + ": " + write($0.1, indent: indent + step, step: step) }.joined(separator: ",\n") + "\n" + pad + "}"
        }
    }
}
