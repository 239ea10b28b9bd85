/// Decoding of backslash escapes inside JSON strings. The parser has already checked them, so
/// this only rewrites bytes.
enum JSONEscapes {
    static func unescape(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var k = raw.startIndex
        while k < raw.endIndex {
            let b = raw[k]
            guard b == UInt8(ascii: "\\"), k + 1 < raw.endIndex else { out.append(b); k += 1; continue }
            let c = raw[k + 1]
            k += 2
            switch c {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(raw, k)
                k += 4
                if (0xD800...0xDBFF).contains(scalar), k + 6 <= raw.endIndex {
                    let low = hex4(raw, k + 2)
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                }
                appendUTF8(scalar, to: &out)
            default: out.append(c) // \" \\ \/
            }
        }
        return out
    }

    /// The value of four hex digits at `k`, or nil when they are not four hex digits.
    static func hex4(checking bytes: UnsafePointer<UInt8>, _ k: Int) -> UInt32? {
        var value: UInt32 = 0
        for j in 0..<4 {
            guard let d = hexDigit(bytes[k + j]) else { return nil }
            value = value << 4 | d
        }
        return value
    }

    @inline(__always)
    static func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - 55)
        default: return nil
        }
    }

    private static func hex4(_ raw: ArraySlice<UInt8>, _ k: Int) -> UInt32 {
        var value: UInt32 = 0
        for j in 0..<4 { value = value << 4 | (hexDigit(raw[k + j]) ?? 0) }
        return value
    }

    private static func appendUTF8(_ s: UInt32, to out: inout [UInt8]) {
        switch s {
        case ..<0x80: out.append(UInt8(s))
        case ..<0x800:
            out.append(UInt8(0xC0 | s >> 6)); out.append(UInt8(0x80 | s & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | s >> 12)); out.append(UInt8(0x80 | s >> 6 & 0x3F)); out.append(UInt8(0x80 | s & 0x3F))
        default:
            out.append(UInt8(0xF0 | s >> 18)); out.append(UInt8(0x80 | s >> 12 & 0x3F))
            out.append(UInt8(0x80 | s >> 6 & 0x3F)); out.append(UInt8(0x80 | s & 0x3F))
        }
    }
}
