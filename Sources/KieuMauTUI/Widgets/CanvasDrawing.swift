import KieuMauCore

extension Canvas {
    /// Draws `text` at (x, y) within `width` columns (clipped by display width with an ellipsis,
    /// never wrapping), made inert first: data files cannot smuggle escape sequences onto the screen.
    /// Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, width: Int? = nil, role: StyleRole = .normal,
                             ellipsis: String = "…") -> Int {
        guard y >= 0, y < height, x < self.width else { return 0 }
        let limit = min(width ?? (self.width - x), self.width - x)
        guard limit > 0 else { return 0 }
        // Text of single-column scalars (labels, figures, names of places: most of a frame) has
        // nothing to make inert and a cell a scalar: drawn scalar by scalar, without grapheme breaking.
        if let n = TextWidth.singleColumnCount(text) {
            let clipped = n <= limit ? text : TextWidth.clip(text, to: limit, ellipsis: ellipsis)
            if TextWidth.singleColumnCount(clipped) != nil {
                var col = x
                for scalar in clipped.unicodeScalars {
                    if col >= 0 {
                        let v = Int(scalar.value)
                        self[col, y] = Cell(v < 0x80 ? Self.asciiText[v] : String(scalar), role: role)
                    }
                    col += 1
                }
                return col - x
            }
        }
        let safe = DisplaySafe.clean(text)
        let clipped = TextWidth.clip(safe, to: limit, ellipsis: ellipsis)
        var col = x
        for ch in clipped {
            let w = TextWidth.of(ch)
            if w == 0 {
                // A lone zero-width character joins the cell to its left.
                if col > x, col - 1 >= 0 {
                    var c = self[col - 1, y]; c.text += String(ch); self[col - 1, y] = c
                }
                continue
            }
            if col < 0 { col += w; continue }
            if col + w > x + limit { break }
            self[col, y] = Cell(String(ch), role: role)
            if w == 2 { self[col + 1, y] = Cell("", role: role) }
            col += w
        }
        return col - x
    }

    /// The one-character texts of ASCII, made once (a cell's text, by byte).
    static let asciiText: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Fills the rest of a row segment with blanks in `role` (selection highlight across a row).
    public mutating func paint(x: Int, y: Int, width: Int, role: StyleRole) {
        guard y >= 0, y < height else { return }
        for xx in max(0, x)..<min(self.width, x + width) {
            var c = self[xx, y]; c.role = role; self[xx, y] = c
        }
    }

    public mutating func hline(y: Int, x: Int = 0, width: Int? = nil, glyph: String, role: StyleRole = .border) {
        guard y >= 0, y < height else { return }
        let w = width ?? self.width
        for xx in max(0, x)..<min(self.width, x + w) { self[xx, y] = Cell(glyph, role: role) }
    }

    public mutating func vline(x: Int, y: Int, height h: Int, glyph: String, role: StyleRole = .border) {
        guard x >= 0, x < width else { return }
        for yy in max(0, y)..<min(height, y + h) { self[x, yy] = Cell(glyph, role: role) }
    }
}
