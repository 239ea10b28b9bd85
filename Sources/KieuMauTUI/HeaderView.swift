import KieuMauCore

/// Row 0: product, snapshot date and position, map, criteria set, and the DEMO badge that is never cut.
enum HeaderView {
    static func draw(_ c: inout Canvas, state: AppState, layout: Layout) {
        let s = state.strings, g = state.glyphs, h = state.header
        c.fill(x: 0, y: 0, width: c.width, height: 1, with: Cell(" ", role: .header))
        var right = ""
        if h.synthetic { right = " \(s.demoBadge) " }
        let rightWidth = TextWidth.of(right)
        var x = 1
        let avail = c.width - rightWidth - 1
        let position = s.snapshotPosition(state.snapshotIndex + 1, max(1, state.snapshots.count))
        // Most important first: what is cut at the right edge matters least. The title is left out
        // for synthetic data (the badge says what it is) and below 100 columns.
        var parts = [s.product, "\(g.left) \(h.asOf.iso) \(g.right) \(position)",
                     s.provinces(state.map.provinces.count) + " · " + s.criteria(state.dataset.criteria.count)]
        if layout.compact { parts[1] = "\(g.left) \(h.asOf.iso) \(g.right)" }
        if c.width >= 100 { parts.insert(s.programme, at: 1) }
        if !h.synthetic && c.width >= 100 { parts.append(h.title) }
        for (i, part) in parts.enumerated() where x < avail {
            let used = c.put(part, x: x, y: 0, width: avail - x, role: .header, ellipsis: g.ellipsis)
            x += used + (i == 0 ? 2 : 3)
        }
        if h.synthetic {
            c.put(right, x: max(0, c.width - rightWidth), y: 0, width: rightWidth, role: .headerBadge, ellipsis: g.ellipsis)
        }
    }
}
