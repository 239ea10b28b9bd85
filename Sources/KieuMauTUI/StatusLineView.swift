import KieuMauCore

/// The last row: where you are (breadcrumb), the filter being typed or a notice, and key hints.
enum StatusLineView {
    static func draw(_ c: inout Canvas, state: AppState, layout: Layout) {
        let y = layout.statusRow
        let s = state.strings, g = state.glyphs
        c.fill(x: 0, y: y, width: c.width, height: 1, with: Cell(" ", role: .statusLine))
        let crumbs = breadcrumb(state).joined(separator: g.breadcrumb)
        var x = 1
        if state.editingFilter || !currentFilter(state).isEmpty {
            let prompt = s.filterPrompt + currentFilter(state) + (state.editingFilter ? "▏" : "")
            x += c.put(crumbs, x: x, y: y, width: c.width / 3, role: .statusLine, ellipsis: g.ellipsis) + 2
            x += c.put(prompt, x: x, y: y, width: c.width - x - 1, role: .filter, ellipsis: g.ellipsis) + 2
            let count = state.level == .provinces ? state.provinceRows.count : state.wardRows.count
            if count == 0 { c.put(s.noMatches, x: x, y: y, width: c.width - x - 1, role: .warning, ellipsis: g.ellipsis) }
            return
        }
        x += c.put(crumbs, x: x, y: y, width: max(10, c.width / 2 - 2), role: .statusLine, ellipsis: g.ellipsis) + 2
        if let notice = state.notice {
            c.put(notice, x: x, y: y, width: c.width - x - 1, role: .warning, ellipsis: g.ellipsis)
            return
        }
        // Key hints, right-aligned, as many as fit.
        let hints = keyHints(state)
        var text: [(String, String)] = []
        var width = 0
        for h in hints {
            let w = TextWidth.of(h.0) + 1 + TextWidth.of(h.1) + 2
            if x + width + w >= c.width { break }
            text.append(h); width += w
        }
        var hx = c.width - width
        for (key, label) in text {
            hx += c.put(key, x: hx, y: y, role: .statusKey, ellipsis: g.ellipsis)
            hx += c.put(" " + label + "  ", x: hx, y: y, role: .statusLine, ellipsis: g.ellipsis)
        }
    }

    static func currentFilter(_ state: AppState) -> String {
        state.level == .provinces ? state.provinceFilter : state.wardFilter
    }

    static func breadcrumb(_ state: AppState) -> [String] {
        var parts = [state.strings.national]
        if state.level != .provinces, let p = state.province { parts.append(shortName(state.map.provinces[p].name)) }
        if state.level == .detail, let w = state.selectedWard { parts.append(state.map.wards[w].name) }
        return parts
    }

    /// "Tỉnh Nghệ An" → "Nghệ An" for the breadcrumb (the type prefix adds nothing there).
    static func shortName(_ name: String) -> String {
        for prefix in ["Thành phố ", "Tỉnh "] where name.hasPrefix(prefix) { return String(name.dropFirst(prefix.count)) }
        return name
    }

    static func keyHints(_ state: AppState) -> [(String, String)] {
        let vi = state.lang == .vi
        var hints: [(String, String)] = [("?", vi ? "trợ giúp" : "help"), ("q", vi ? "thoát" : "quit")]
        let more: [(String, String)] = [
            ("↑↓", vi ? "chọn" : "move"),
            ("⏎", vi ? "mở" : "open"),
            ("Esc", vi ? "lại" : "back"),
            ("/", vi ? "lọc" : "filter"),
            ("n/p", vi ? "phường" : "ward"),
            ("</>", vi ? "mốc" : "snapshot"),
            ("D", vi ? "chuỗi" : "series"),
            ("s", vi ? "xếp" : "sort"),
            ("f", vi ? "mức" : "band"),
            ("t", vi ? "màu" : "theme"),
            ("L", "EN/VI"),
        ]
        hints = more + hints
        if !state.glyphs.unicode {
            hints = hints.map { ($0.0.replacingOccurrences(["↑↓": "Up/Dn", "⏎": "Enter"]), $0.1) }
        }
        return hints
    }
}

extension String {
    func replacingOccurrences(_ table: [String: String]) -> String { table[self] ?? self }
}
