import KieuMauCore

/// A row per province: name, units, registered, model, a share bar with 30% and 50% markers,
/// the share, the band as a symbol (and colour), units still needed for 30%, and the 2025 column.
/// A province whose share is not known shows "?" and, where the bar would be, why.
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
        let cols = Columns(width: width, projection: true)
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
            let pi = screen.rows[idx]
            let province = state.map.provinces[pi]
            guard state.picture.provinces.indices.contains(pi) else { return }
            let scope = state.picture.provinces[pi]
            var rx = x + 2
            let conflict = scope.figures.values.contains(where: \.isConflict)
            c.put(TextWidth.fit(province.name, cols.name - 1, ellipsis: g.ellipsis), x: rx, y: ry, width: cols.name - 1,
                  role: conflict ? .warning : .normal, ellipsis: g.ellipsis)
            rx += cols.name
            c.put(TextWidth.fit(Fmt.int(scope.units, l), cols.units, right: true), x: rx, y: ry, width: cols.units); rx += cols.units
            if cols.reg > 0 {
                let (text, role) = registered(scope, state)
                c.put(TextWidth.fit(text, cols.reg, right: true), x: rx, y: ry, width: cols.reg, role: role); rx += cols.reg
            }
            let count = scope.count
            let modelText = count.map { Fmt.int($0.modelCount, l) } ?? (scope.units == 0 ? "–" : g.unknown)
            c.put(TextWidth.fit(modelText, cols.model, right: true), x: rx, y: ry, width: cols.model, role: count == nil ? .muted : .normal)
            rx += cols.model
            if cols.bar > 0 {
                rx += 1
                if let count {
                    Bars.share(&c, x: rx, y: ry, width: cols.bar, share: count.share, fillRole: bandRole(count.band), glyphs: g)
                } else if case .unknown(let r) = scope.verdict, r != .noUnits {
                    c.put(FigureText.shortReason(r, s), x: rx, y: ry, width: cols.bar, role: .muted, ellipsis: g.ellipsis)
                }
                rx += cols.bar
            }
            let pct = count.map { Fmt.percent($0.share, l) } ?? (scope.units == 0 ? "" : g.unknown)
            c.put(TextWidth.fit(pct, cols.pct, right: true), x: rx, y: ry, width: cols.pct, role: count == nil ? .muted : .normal); rx += cols.pct
            let symbol = count.map { g.band($0.band) } ?? " "
            c.put(" " + symbol, x: rx, y: ry, width: cols.band, role: count.map { bandRole($0.band) } ?? .muted); rx += cols.band
            let need = count.map { $0.needed(percent: Targets.floorPercent) }
            let needText = need.map { $0 == 0 ? "–" : Fmt.int($0, l) } ?? (scope.units == 0 ? "–" : g.unknown)
            c.put(TextWidth.fit(needText, cols.need, right: true), x: rx, y: ry, width: cols.need, role: need == nil ? .muted : .normal)
            rx += cols.need
            if cols.outlook > 0 {
                let (sym, role) = Column2025.symbol(Column2025.mark(state, province: pi), g)
                c.put(TextWidth.fit(sym, cols.outlook - 1, right: true), x: rx, y: ry, width: cols.outlook, role: role)
            }
        })
    }

    /// The registered figure of the column: one value (dimmed when old or from another map), or "?".
    static func registered(_ scope: ScopeKnowledge, _ state: AppState) -> (String, StyleRole) {
        guard let v = scope.figure(.registered)?.single, let n = v.value.count else { return (state.glyphs.unknown, .muted) }
        let old = FigureText.isOld(v, state.picture) || v.mapID != state.picture.mapID
        return (Fmt.int(n, state.lang), old ? .muted : .normal)
    }
}
