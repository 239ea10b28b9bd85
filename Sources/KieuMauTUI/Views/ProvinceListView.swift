import KieuMauCore

/// A row per province: name, units, registered, model, a share bar with 30% and 50% markers,
/// the share, the band as a symbol (and colour), and units still needed for 30%.
enum ProvinceListView {
    struct Columns {
        var name: Int, units: Int, reg: Int, model: Int, bar: Int, pct: Int, band: Int, need: Int, outlook: Int
        init(width: Int, projection: Bool) {
            units = 6; model = 6; pct = 7; band = 2; need = 5
            outlook = projection && width >= 60 ? 5 : 0
            reg = width >= 64 ? 5 : 0
            let fixed = 2 + units + reg + model + pct + band + need + outlook
            bar = width >= 70 ? min(30, max(10, (width - fixed) / 3)) : 0
            name = max(8, width - fixed - bar - (bar > 0 ? 1 : 0))
        }
    }

    static func draw(_ c: inout Canvas, state: AppState, screen: ProvinceListScreen, depth: Int, area: Rect,
                     focused: Bool) -> FrameGeometry.ListArea {
        let s = state.strings, g = state.glyphs, l = state.lang
        let x = area.x, width = area.width
        let cols = Columns(width: width, projection: ProjectionText.scope(state, province: nil) != nil)
        let widget = ListWidget(area: area, depth: depth, state: screen.list, count: screen.rows.count, focused: focused, glyphs: g)
        return widget.draw(&c, empty: s.noMatches, heading: { c, y in
        // Column headings.
        var hx = x + 2
        func heading(_ text: String, _ w: Int, right: Bool = false) {
            guard w > 0 else { return }
            c.put(TextWidth.fit(text, w, right: right, ellipsis: g.ellipsis), x: hx, y: y, width: w, role: .title)
            hx += w
        }
        heading(s.province, cols.name)
        heading(s.units, cols.units, right: true)
        heading(s.registeredShort, cols.reg, right: true)
        heading(s.modelShort, cols.model, right: true)
        if cols.bar > 0 {
            hx += 1
            // "30" and "50" end right above the markers drawn on each row's bar.
            for (pct, label) in [(Targets.floorPercent, "30"), (Targets.stretchPercent, "50")] {
                let m = min(cols.bar - 1, Int((Double(pct) / 100.0 * Double(cols.bar)).rounded(.down)))
                c.put(label, x: hx + max(0, m - 2), y: y, width: 2, role: .title)
                c.put(g.marker, x: hx + m, y: y, width: 1, role: .targetMarker)
            }
            hx += cols.bar
        }
        heading(s.share, cols.pct, right: true)
        heading("", cols.band)
        heading(s.need30, cols.need, right: true)
        heading(s.outlookShort, cols.outlook, right: true)
        }, row: { c, idx, ry, _ in
            let p = state.summary.provinces[screen.rows[idx]]
            let t = p.tally
            var rx = x + 2
            let nameRole: StyleRole = p.conflicts.isEmpty ? .normal : .warning
            c.put(TextWidth.fit(p.province.name, cols.name - 1, ellipsis: g.ellipsis), x: rx, y: ry, width: cols.name - 1, role: nameRole, ellipsis: g.ellipsis)
            rx += cols.name
            for (value, w) in [(t.units, cols.units), (t.registered, cols.reg), (t.model, cols.model)] where w > 0 {
                c.put(TextWidth.fit(Fmt.int(value, l), w, right: true), x: rx, y: ry, width: w); rx += w
            }
            if cols.bar > 0 {
                rx += 1
                Bars.share(&c, x: rx, y: ry, width: cols.bar, share: t.share, fillRole: bandRole(t.band), glyphs: g)
                rx += cols.bar
            }
            c.put(TextWidth.fit(Fmt.percent(t.share, l), cols.pct, right: true), x: rx, y: ry, width: cols.pct); rx += cols.pct
            let symbol = t.units == 0 ? " " : g.band(t.band)
            c.put(" " + symbol, x: rx, y: ry, width: cols.band, role: bandRole(t.band)); rx += cols.band
            let need = t.needed(percent: Targets.floorPercent)
            c.put(TextWidth.fit(need == 0 ? "–" : Fmt.int(need, l), cols.need, right: true), x: rx, y: ry, width: cols.need)
            rx += cols.need
            if cols.outlook > 0, let sp = ProjectionText.scope(state, province: p.index) {
                let (sym, role) = ProjectionText.symbol(sp.outlook2025, g)
                c.put(TextWidth.fit(sym, cols.outlook - 1, right: true), x: rx, y: ry, width: cols.outlook, role: role)
            }
        })
    }
}
