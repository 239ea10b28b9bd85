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
        let filter = state.currentFilter ?? ""
        if state.typingFilter || !filter.isEmpty {
            x += c.put(crumbs, x: x, y: y, width: c.width / 3, role: .statusLine, ellipsis: g.ellipsis) + 2
            let count: Int
            if case .provinces(let p) = state.top { count = p.rows.count } else { count = state.wardList?.rows.count ?? 0 }
            let trailer = state.notice ?? (count == 0 ? s.noMatches : "")
            let trailerWidth = trailer.isEmpty ? 0 : min(TextWidth.of(trailer) + 2, (c.width - x) / 2)
            // The end of what is being typed stays visible: a long filter is cut at its start.
            let room = max(4, c.width - x - 1 - trailerWidth)
            let typed = filter + (state.typingFilter ? "▏" : "")
            var prompt = s.filterPrompt + typed
            if TextWidth.of(prompt) > room { prompt = g.ellipsis + tail(typed, width: room - 1) }
            x += c.put(prompt, x: x, y: y, width: room, role: .filter, ellipsis: g.ellipsis) + 2
            if !trailer.isEmpty { c.put(trailer, x: x, y: y, width: c.width - x - 1, role: .warning, ellipsis: g.ellipsis) }
            return
        }
        x += c.put(crumbs, x: x, y: y, width: max(10, c.width / 2 - 2), role: .statusLine, ellipsis: g.ellipsis) + 2
        // Work under way comes first: a snapshot being read, a mark not yet stored.
        var busy: [String] = []
        if let l = state.loading, state.snapshots.indices.contains(l.target) { busy.append(s.loading(state.snapshots[l.target].header.asOf.iso)) }
        if state.wardsPending { busy.append(s.loadingWards) }
        if state.savesInFlight > 0 { busy.append(s.saving) }
        if let notice = state.notice ?? (busy.isEmpty ? nil : busy.joined(separator: " · ")) {
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

    /// Where you are: the nation, then each screen of the stack in words.
    static func breadcrumb(_ state: AppState) -> [String] {
        let s = state.strings
        var parts = [s.national]
        for (i, screen) in state.stack.enumerated() {
            switch screen {
            case .provinces:
                break
            case .criteria(let c):
                // A province's criteria view opened from the province list names the province.
                if i == 1, let p = c.scope { parts.append(shortName(state.map.provinces[p].name)) }
                parts.append(s.criteriaHeading)
            case .compare:
                parts.append(s.compareTitle)
            case .wards(let w):
                if let n = w.missingCriterion { parts.append(s.criterionFallbackName(n)) }
                else if let p = w.province { parts.append(shortName(state.map.provinces[p].name)) }
            case .wardDetail:
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

    /// Key hints from the key table, in the order they are dropped when space runs out: help and
    /// quit (`keepsHint`) stay longest, then keys that act on this screen only (the compare view's
    /// `[ ]`), then the table's order. Neighbours with the same word share it ("o/x mark", "↑↓ move").
    static func keyHints(_ state: AppState) -> [(String, String)] {
        let context = state.screenKeyContext, unicode = state.glyphs.unicode
        var kept: [(String, String)] = [], own: [(String, String)] = [], others: [(String, String)] = []
        func add(_ label: String, _ word: String, to list: inout [(String, String)]) {
            if let last = list.last, last.1 == word {
                let arrows: Set<String> = ["↑", "↓", "←", "→"]
                list[list.count - 1].0 = last.0 + (arrows.contains(label) && last.0.allSatisfy { arrows.contains(String($0)) } ? "" : "/") + label
            } else {
                list.append((label, word))
            }
        }
        for b in state.keys.bindings {
            guard let word = b.hint(in: context, state.lang), let key = b.keys.first else { continue }
            let label = key.label(unicode: unicode)
            if b.keepsHint { add(label, word, to: &kept) }
            else if b.contexts == [context] { add(label, word, to: &own) }
            else { add(label, word, to: &others) }
        }
        return kept + own + others
    }
}
