import KieuMauCore

/// The last row: where you are (breadcrumb), the filter being typed or a notice, and key hints.
enum StatusLineView {
    static func draw(_ c: inout Canvas, state: AppState, layout: Layout) {
        let y = layout.statusRow
        let s = state.strings, g = state.glyphs
        c.fill(x: 0, y: y, width: c.width, height: 1, with: Cell(" ", role: .statusLine))
        let crumbs = breadcrumb(state).joined(separator: g.breadcrumb)
        var x = 1
        if let ed = state.noteEditor {
            // The note being typed, with its cursor; the end stays visible as it grows.
            let help = "  " + s.noteHelp
            let room = max(8, c.width - 2 - TextWidth.of(s.notePrompt) - TextWidth.of(help))
            let before = String(ed.text.prefix(ed.cursor)), after = String(ed.text.dropFirst(ed.cursor))
            var shown = before + "▏" + after
            if TextWidth.of(shown) > room { shown = g.ellipsis + tail(before + "▏", width: room - 1) }
            x += c.put(s.notePrompt, x: x, y: y, role: .statusKey)
            x += c.put(shown, x: x, y: y, width: room, role: .filter, ellipsis: g.ellipsis)
            c.put(help, x: x, y: y, width: c.width - x - 1, role: .statusLine, ellipsis: g.ellipsis)
            return
        }
        if state.editingFilter || !currentFilter(state).isEmpty {
            x += c.put(crumbs, x: x, y: y, width: c.width / 3, role: .statusLine, ellipsis: g.ellipsis) + 2
            let count = state.level == .provinces ? state.provinceRows.count : state.wardRows.count
            let trailer = state.notice ?? (count == 0 ? s.noMatches : "")
            let trailerWidth = trailer.isEmpty ? 0 : min(TextWidth.of(trailer) + 2, (c.width - x) / 2)
            // The end of what is being typed stays visible: a long filter is cut at its start.
            let room = max(4, c.width - x - 1 - trailerWidth)
            let typed = currentFilter(state) + (state.editingFilter ? "▏" : "")
            var prompt = s.filterPrompt + typed
            if TextWidth.of(prompt) > room { prompt = g.ellipsis + tail(typed, width: room - 1) }
            x += c.put(prompt, x: x, y: y, width: room, role: .filter, ellipsis: g.ellipsis) + 2
            if !trailer.isEmpty { c.put(trailer, x: x, y: y, width: c.width - x - 1, role: .warning, ellipsis: g.ellipsis) }
            return
        }
        x += c.put(crumbs, x: x, y: y, width: max(10, c.width / 2 - 2), role: .statusLine, ellipsis: g.ellipsis) + 2
        if let notice = state.notice {
            c.put(notice, x: x, y: y, width: c.width - x - 1, role: .warning, ellipsis: g.ellipsis)
            return
        }
        // Key hints, right-aligned, as many as fit, kept in reading order.
        var shown: [(String, String)] = []
        var width = 0
        for h in keyHints(state) {
            let w = TextWidth.of(h.0) + 1 + TextWidth.of(h.1) + 2
            if x + width + w >= c.width { break }
            shown.append(h); width += w
        }
        // Help and quit first in the list (so they survive), but drawn last, at the right edge.
        let ordered = Array(shown.dropFirst(min(2, shown.count))) + Array(shown.prefix(2))
        var hx = c.width - width
        for (key, label) in ordered {
            hx += c.put(key, x: hx, y: y, role: .statusKey, ellipsis: g.ellipsis)
            hx += c.put(" " + label + "  ", x: hx, y: y, role: .statusLine, ellipsis: g.ellipsis)
        }
    }

    /// The last characters of `text` that fit `width` columns.
    static func tail(_ text: String, width: Int) -> String {
        var out = "", used = 0
        for ch in text.reversed() {
            let w = TextWidth.of(ch)
            if used + w > width { break }
            out.insert(ch, at: out.startIndex); used += w
        }
        return out
    }

    static func currentFilter(_ state: AppState) -> String {
        state.level == .provinces ? state.provinceFilter : state.wardFilter
    }

    static func breadcrumb(_ state: AppState) -> [String] {
        let s = state.strings
        var parts = [s.national]
        let levels = state.backStack + [state.level]
        for (i, level) in levels.enumerated() {
            switch level {
            case .provinces:
                break
            case .criteria:
                if i == 0 || levels[..<i].allSatisfy({ $0 == .provinces }), let p = state.criteriaScope {
                    parts.append(shortName(state.map.provinces[p].name))
                }
                parts.append(s.criteriaHeading)
            case .compare:
                parts.append(s.compareTitle)
            case .wards:
                if let n = state.criterionFilter { parts.append(s.criterionFallbackName(n)) }
                else if let p = state.province { parts.append(shortName(state.map.provinces[p].name)) }
            case .detail:
                if let w = state.selectedWard { parts.append(state.map.wards[w].name) }
            }
        }
        return parts
    }

    /// "Tỉnh Nghệ An" → "Nghệ An" for the breadcrumb (the type prefix adds nothing there).
    static func shortName(_ name: String) -> String {
        for prefix in ["Thành phố ", "Tỉnh "] where name.hasPrefix(prefix) { return String(name.dropFirst(prefix.count)) }
        return name
    }

    /// Key hints in the order they are dropped when space runs out: help and quit stay longest.
    static func keyHints(_ state: AppState) -> [(String, String)] {
        let vi = state.lang == .vi
        var hints: [(String, String)] = [("?", vi ? "trợ giúp" : "help"), ("q", vi ? "thoát" : "quit")]
        switch state.level {
        case .detail:
            hints += [("↑↓", vi ? "cuộn" : "scroll"), ("n/p", vi ? "phường" : "ward"), ("Esc", vi ? "lại" : "back"),
                      ("o/x", vi ? "đánh dấu" : "mark"), ("a", vi ? "ghi chú" : "note"), ("u", vi ? "chưa rà soát" : "unreviewed"),
                      ("</>", vi ? "mốc" : "snapshot")]
        case .wards:
            hints += [("↑↓", vi ? "chọn" : "move"), ("⏎", vi ? "mở" : "open"), ("Esc", vi ? "lại" : "back"),
                      ("n/p", vi ? "phường" : "ward"), ("o/x", vi ? "đánh dấu" : "mark"), ("a", vi ? "ghi chú" : "note"),
                      ("u", vi ? "chưa rà soát" : "unreviewed"), ("/", vi ? "lọc" : "filter"), ("</>", vi ? "mốc" : "snapshot"),
                      ("s", vi ? "xếp" : "sort"), ("f", vi ? "giai đoạn" : "stage")]
        case .criteria:
            hints += [("↑↓", vi ? "chọn" : "move"), ("⏎", vi ? "các phường thiếu" : "wards missing it"), ("Esc", vi ? "lại" : "back"),
                      ("e", vi ? "xuất" : "export")]
        case .compare:
            hints += [("↑↓", vi ? "cuộn" : "scroll"), ("[ ]", vi ? "mốc khác" : "other snapshot"), ("Esc", vi ? "lại" : "back"),
                      ("e", vi ? "xuất" : "export")]
        case .provinces:
            hints += [("↑↓", vi ? "chọn" : "move"), ("⏎", vi ? "mở" : "open"), ("/", vi ? "lọc" : "filter"),
                      ("c", vi ? "tiêu chí" : "criteria"), ("d", vi ? "so sánh" : "compare"),
                      ("</>", vi ? "mốc" : "snapshot"), ("v", vi ? "mới nhất/mốc" : "latest/snapshot"), ("D", vi ? "chuỗi" : "series"), ("s", vi ? "xếp" : "sort"),
                      ("f", vi ? "mức" : "band"), ("e", vi ? "xuất" : "export")]
        }
        hints += [("t", vi ? "màu" : "theme"), ("L", "EN/VI")]
        if !state.glyphs.unicode {
            hints = hints.map { ($0.0.replacingOccurrences(["↑↓": "Up/Dn", "⏎": "Enter"]), $0.1) }
        }
        return hints
    }
}

extension String {
    func replacingOccurrences(_ table: [String: String]) -> String { table[self] ?? self }
}
