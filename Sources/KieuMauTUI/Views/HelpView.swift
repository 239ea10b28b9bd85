import KieuMauCore

/// The `?` overlay: every key of the key table (as the user's config binds them) in the current
/// language, the keys that cannot be rebound, and the symbols.
enum HelpView {
    static func lines(_ state: AppState) -> [(String, String)] {
        let g = state.glyphs, vi = state.lang == .vi
        var lines: [(String, String)] = state.keys.bindings.map { b in
            (b.keys.map { $0.label(unicode: g.unicode) }.joined(separator: " "), b.description(state.lang))
        }
        lines += KeyTable.fixedKeys(state.lang).map { fixed in
            (g.unicode ? fixed.keys : asciiLabel(fixed.keys), fixed.does)
        }
        lines.append(("", ""))
        lines.append(("\(g.below) \(g.within) \(g.above)", vi ? "dưới 30% · 30–50% · từ 50% (mục tiêu 2025)" : "below 30% · 30–50% · 50% and above (2025 target)"))
        lines.append(("\(g.met) \(g.notMet) \(g.unknown)", vi ? "tiêu chí đạt · chưa đạt · chưa rõ" : "criterion met · not met · unknown"))
        lines.append((g.marker, vi ? "vạch 30% và 50% trên thanh tỷ lệ" : "30% and 50% markers on share bars"))
        return lines
    }

    /// The box: full width up to 80 columns, centred beyond.
    static func box(_ layout: Layout, lineCount: Int) -> (x: Int, y: Int, w: Int, h: Int) {
        let w = layout.width <= 80 ? layout.width : 78
        let h = min(layout.height, lineCount + 4)
        return ((layout.width - w) / 2, (layout.height - h) / 2, w, h)
    }

    /// Draws the box over the screen; returns its text area (depth -1: help is not in the stack).
    static func draw(_ c: inout Canvas, state: AppState, layout: Layout) -> FrameGeometry.TextArea {
        let s = state.strings, g = state.glyphs
        let lines = lines(state)
        let (x0, y0, w, h) = box(layout, lineCount: lines.count)
        let scroll = state.help ?? ScrollState()
        guard w >= 10, h >= 4 else { return FrameGeometry.TextArea(depth: -1, rect: Rect(x: 0, y: 0, width: 0, height: 0), offset: 0, contentRows: lines.count) }
        c.fill(x: x0, y: y0, width: w, height: h, with: Cell(" ", role: .overlay))
        c.hline(y: y0, x: x0, width: w, glyph: g.hline, role: .border)
        c.hline(y: y0 + h - 1, x: x0, width: w, glyph: g.hline, role: .border)
        c.vline(x: x0, y: y0 + 1, height: h - 2, glyph: g.vline, role: .border)
        c.vline(x: x0 + w - 1, y: y0 + 1, height: h - 2, glyph: g.vline, role: .border)
        let corners = g.unicode ? ["┌", "┐", "└", "┘"] : ["+", "+", "+", "+"]
        c.set(x0, y0, Cell(corners[0], role: .border)); c.set(x0 + w - 1, y0, Cell(corners[1], role: .border))
        c.set(x0, y0 + h - 1, Cell(corners[2], role: .border)); c.set(x0 + w - 1, y0 + h - 1, Cell(corners[3], role: .border))
        c.put(" \(s.help) — KieuMau ", x: x0 + 2, y: y0, width: w - 4, role: .title, ellipsis: g.ellipsis)
        let body = h - 3
        let start = max(0, min(scroll.offset, lines.count - body))
        // As wide as the widest keys of the table ("PgDn Ctrl-F Space"), within reason.
        let keyWidth = min(20, max(8, state.keys.bindings.map { b in
            TextWidth.of(b.keys.map { $0.label(unicode: g.unicode) }.joined(separator: " "))
        }.max() ?? 14))
        for i in 0..<max(0, body) {
            let idx = start + i
            guard idx < lines.count else { break }
            let (keys, text) = lines[idx]
            c.put(TextWidth.fit(keys, keyWidth, ellipsis: g.ellipsis), x: x0 + 2, y: y0 + 1 + i, width: keyWidth, role: .statusKey)
            c.put(text, x: x0 + 3 + keyWidth, y: y0 + 1 + i, width: w - 5 - keyWidth, role: .overlay, ellipsis: g.ellipsis)
        }
        var footer = s.helpClose
        if start + body < lines.count { footer += "   " + (g.unicode ? "↓ " : "v ") + s.helpMore }
        c.put(footer, x: x0 + 2, y: y0 + h - 2, width: w - 4, role: .muted, ellipsis: g.ellipsis)
        return FrameGeometry.TextArea(depth: -1, rect: Rect(x: x0 + 2, y: y0 + 1, width: w - 4, height: max(0, body)),
                                      offset: start, contentRows: lines.count)
    }

    static func asciiLabel(_ label: String) -> String {
        var s = label
        for (u, a) in [("↑", "Up"), ("↓", "Down"), ("←", "Left"), ("→", "Right"), ("⏎", "Enter"), ("⌫", "Backspace")] {
            s = s.split(separator: Character(u), omittingEmptySubsequences: false).joined(separator: a)
        }
        return s
    }
}
