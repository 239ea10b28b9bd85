/// Display width of text in terminal columns (what `wcwidth` answers), computed in Swift so
/// rendering stays pure and testable. Vietnamese letters with marks are one column whether they
/// arrive precomposed or decomposed; CJK and most emoji are two.
public enum TextWidth {
    public static func of(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        if isWide(v) { return 2 }
        // An emoji presentation selector makes a narrow symbol wide.
        if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        return 1
    }

    public static func of(_ s: String) -> Int {
        if let n = singleColumnCount(s) { return n }
        var w = 0
        for c in s { w += of(c) }
        return w
    }

    public static func of(_ s: some StringProtocol) -> Int {
        var w = 0
        for c in s { w += of(c) }
        return w
    }

    /// The number of scalars of `s` when each is a character of one column that is its own grapheme
    /// and needs no cleaning — printable ASCII, Latin-1 and Latin Extended letters (U+00A0–U+02FF),
    /// the precomposed Vietnamese letters (U+1E00–U+1EFF), and the ellipsis, arrows, box drawing,
    /// blocks and shapes that are one column — else nil. Nearly every text drawn
    /// (labels, figures, names of places) is such, and is then measured and cut by scalars, without
    /// grapheme breaking.
    public static func singleColumnCount(_ s: String) -> Int? {
        var n = 0
        for scalar in s.unicodeScalars {
            guard isSingleColumn(scalar.value) else { return nil }
            n += 1
        }
        return n
    }

    /// Whether a scalar is, alone, a character of one column that needs no cleaning (`singleColumnCount`).
    @inline(__always)
    public static func isSingleColumn(_ v: UInt32) -> Bool {
        (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v < 0x300) || (v >= 0x1E00 && v < 0x1F00)
            // the ellipsis, arrows, box drawing, blocks and shapes the screens draw with
            || v == 0x2026 || ((v >= 0x2190 && v < 0x2200) || (v >= 0x2500 && v < 0x2600)) && !isWide(v)
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || (0x2028...0x202E).contains(v)
            || (0x2060...0x2064).contains(v) || v == 0xFEFF || (0xFE00...0xFE0F).contains(v)
            || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v) || (0x20D0...0x20FF).contains(v)
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
             0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
             0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `s` that fits `width` columns; when `s` is longer, ends with "…"
    /// (or "~" in ASCII mode) so the reader knows it was cut.
    ///
    /// `s` is made inert first (`DisplaySafe`): measured raw, an escape sequence would count as
    /// columns, and a cut inside one (an OSC left open) would later swallow the rest of the row.
    public static func clip(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        // Text of single-column scalars (most of what is drawn: figures, labels, names of places)
        // has nothing to make inert: no grapheme breaking, no copy when it fits.
        if let n = singleColumnCount(s) {
            if n <= width { return s }
            let ew = of(ellipsis)
            guard ew <= width else { return ellipsis }   // as below: nothing of `s` fits beside it
            var cut = String.UnicodeScalarView()
            cut.append(contentsOf: s.unicodeScalars.prefix(width - ew))
            return String(cut) + ellipsis
        }
        let s = DisplaySafe.clean(s)
        var used = 0
        var end = s.startIndex
        for i in s.indices {
            let w = of(s[i])
            if used + w > width { break }
            used += w
            end = s.index(after: i)
        }
        if end == s.endIndex { return s }
        // Make room for the ellipsis.
        let ew = of(ellipsis)
        var cut = String(s[..<end])
        var cw = used
        while cw + ew > width, let last = cut.last { cut.removeLast(); cw -= of(last) }
        return cut + ellipsis
    }

    /// `s` clipped and padded with spaces to exactly `width` columns, aligned left or right.
    public static func fit(_ s: String, _ width: Int, right: Bool = false, ellipsis: String = "…") -> String {
        let c = clip(s, to: width, ellipsis: ellipsis)
        let pad = String(repeating: " ", count: max(0, width - of(c)))
        return right ? pad + c : c + pad
    }

    /// Lines of at most `width` columns, broken at spaces (a word longer than a line is clipped to
    /// it, so nothing is ever wider than `width`).
    public static func wrap(_ s: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            let w = String(word)
            if line.isEmpty {
                line = of(w) > width ? clip(w, to: width) : w
            } else if of(line) + 1 + of(w) <= width {
                line += " " + w
            } else {
                lines.append(line)
                line = of(w) > width ? clip(w, to: width) : w
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
