extension ThemeColor {
    /// Reads a colour as written in a theme file: `#RRGGBB` (either case) or `default`,
    /// the terminal's own colour. Anything else is nil; the caller says what was expected.
    public init?(themeFileValue text: String) {
        if text == "default" { self = .terminalDefault; return }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 7, scalars[0] == "#" else { return nil }
        var channels: [UInt8] = []
        for i in stride(from: 1, to: 7, by: 2) {
            guard let high = Self.hexValue(scalars[i]), let low = Self.hexValue(scalars[i + 1]) else { return nil }
            channels.append(high << 4 | low)
        }
        self = .rgb(channels[0], channels[1], channels[2])
    }

    /// The colour as a theme file writes it: `default` or lower-case `#rrggbb`.
    public var themeFileValue: String {
        switch self {
        case .terminalDefault:
            return "default"
        case let .rgb(r, g, b):
            return "#" + [r, g, b].map { v in
                let s = String(v, radix: 16)
                return s.count == 1 ? "0" + s : s
            }.joined()
        }
    }

    private static func hexValue(_ c: Unicode.Scalar) -> UInt8? {
        switch c {
        case "0"..."9": return UInt8(c.value - 48)
        case "a"..."f": return UInt8(c.value - 87)
        case "A"..."F": return UInt8(c.value - 55)
        default: return nil
        }
    }
}

extension Style {
    /// The style as a theme file's inline table, listing only what differs from a plain style:
    /// `{ fg = "#e0e0e0", bg = "#1f3a5f", bold = true }`.
    public var themeFileValue: String {
        var parts: [String] = []
        if fg != .terminalDefault { parts.append("fg = \"\(fg.themeFileValue)\"") }
        if bg != .terminalDefault { parts.append("bg = \"\(bg.themeFileValue)\"") }
        if bold { parts.append("bold = true") }
        if dim { parts.append("dim = true") }
        if underline { parts.append("underline = true") }
        if reverse { parts.append("reverse = true") }
        return parts.isEmpty ? "{}" : "{ " + parts.joined(separator: ", ") + " }"
    }
}
