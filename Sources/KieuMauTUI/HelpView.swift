import KieuMauCore

/// The `?` overlay: every key of the binding table in the current language, mouse, and the symbols.
enum HelpView {
    static func draw(_ c: inout Canvas, state: AppState, layout: Layout) {
        let s = state.strings, g = state.glyphs, vi = state.lang == .vi
        var lines: [(String, String)] = Keymap.bindings.map { b in
            (g.unicode ? b.label : asciiLabel(b.label), vi ? b.vi : b.en)
        }
        lines.append((vi ? "chuột" : "mouse", vi ? "bấm: chọn · bấm đúp: mở · cuộn: di chuyển" : "click: select · double-click: open · wheel: scroll"))
        lines.append(("", ""))
        lines.append(("\(g.below) \(g.within) \(g.above)", vi ? "dưới 30% · 30–50% · từ 50% (mục tiêu 2025)" : "below 30% · 30–50% · 50% and above (2025 target)"))
        lines.append(("\(g.met) \(g.notMet) \(g.unknown)", vi ? "tiêu chí đạt · chưa đạt · chưa rõ" : "criterion met · not met · unknown"))
        lines.append((g.marker, vi ? "vạch 30% và 50% trên thanh tỷ lệ" : "30% and 50% markers on share bars"))
        let w = min(c.width, 78), h = min(c.height - 2, lines.count + 4)
        let x0 = (c.width - w) / 2, y0 = (c.height - h) / 2
        c.fill(x: x0, y: y0, width: w, height: h, with: Cell(" ", role: .overlay))
        c.hline(y: y0, x: x0, width: w, glyph: g.hline, role: .border)
        c.hline(y: y0 + h - 1, x: x0, width: w, glyph: g.hline, role: .border)
        c.vline(x: x0, y: y0 + 1, height: h - 2, glyph: g.vline, role: .border)
        c.vline(x: x0 + w - 1, y: y0 + 1, height: h - 2, glyph: g.vline, role: .border)
        c.put(" \(s.help) — KieuMau ", x: x0 + 2, y: y0, width: w - 4, role: .title, ellipsis: g.ellipsis)
        let body = h - 3
        let maxScroll = max(0, lines.count - body)
        let start = min(state.helpScroll, maxScroll)
        for i in 0..<max(0, body) {
            let idx = start + i
            guard idx < lines.count else { break }
            let (keys, text) = lines[idx]
            c.put(TextWidth.fit(keys, 14, ellipsis: g.ellipsis), x: x0 + 2, y: y0 + 1 + i, width: 14, role: .statusKey)
            c.put(text, x: x0 + 17, y: y0 + 1 + i, width: w - 19, role: .overlay, ellipsis: g.ellipsis)
        }
        c.put(s.helpClose, x: x0 + 2, y: y0 + h - 2, width: w - 4, role: .muted, ellipsis: g.ellipsis)
    }

    static func asciiLabel(_ label: String) -> String {
        var s = label
        for (u, a) in [("↑", "Up"), ("↓", "Down"), ("←", "Left"), ("→", "Right"), ("⏎", "Enter"), ("⌫", "Bksp")] {
            s = s.split(separator: Character(u), omittingEmptySubsequences: false).joined(separator: a)
        }
        return s
    }
}
