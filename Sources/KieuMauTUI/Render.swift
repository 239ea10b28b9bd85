import KieuMauCore

/// Draws the whole screen for a state and a size into a canvas. Pure: the same state and size
/// always give the same cells, which is what the golden tests compare.
public enum Render {
    public static func screen(_ state: AppState, width: Int, height: Int) -> Canvas {
        var c = Canvas(width: width, height: height)
        let layout = Layout(width: width, height: height)
        if layout.tooSmall {
            TooSmallView.draw(&c, state: state)
            if !state.glyphs.unicode { ASCIIFallback.apply(to: &c) }
            return c
        }
        HeaderView.draw(&c, state: state, layout: layout)
        SummaryView.draw(&c, state: state, layout: layout)
        c.hline(y: layout.bodyTop - 1, glyph: state.glyphs.hline)
        drawListState(&c, state: state, y: layout.bodyTop - 1)
        drawBody(&c, state: state, layout: layout)
        StatusLineView.draw(&c, state: state, layout: layout)
        if state.showHelp { HelpView.draw(&c, state: state, layout: layout) }
        if !state.glyphs.unicode { ASCIIFallback.apply(to: &c) }
        return c
    }

    /// On the rule above the list: the sort and any filter in force, so `s` and `f` leave a trace.
    static func drawListState(_ c: inout Canvas, state: AppState, y: Int) {
        let s = state.strings
        var parts: [String]
        if state.level == .criteria || state.level == .compare { return }
        if state.level == .provinces {
            parts = ["\(s.sortLabel): \(s.sortName(state.provinceSort))"]
            if state.bandFilter != .all { parts.append("\(s.filterLabel): \(s.bandFilterName(state.bandFilter))") }
            if !state.provinceFilter.isEmpty { parts.append("/\(state.provinceFilter)") }
        } else {
            parts = ["\(s.sortLabel): \(s.wardSortName(state.wardSort))"]
            if state.stageFilter != .all { parts.append("\(s.filterLabel): \(s.stageFilterName(state.stageFilter))") }
            if !state.wardFilter.isEmpty { parts.append("/\(state.wardFilter)") }
            if let n = state.criterionFilter { parts.append(s.wardsMissing(n, count: state.wardRows.count)) }
        }
        let filtered = state.bandFilter != .all && state.level == .provinces
            || (state.stageFilter != .all || state.criterionFilter != nil) && state.level != .provinces
        c.put(" " + parts.joined(separator: " · ") + " ", x: 2, y: y, width: c.width - 4, role: filtered ? .warning : .muted,
              ellipsis: state.glyphs.ellipsis)
    }

    static func drawBody(_ c: inout Canvas, state: AppState, layout: Layout) {
        let top = layout.bodyTop, h = layout.bodyHeight
        switch (state.level, layout.wide) {
        case (.provinces, false):
            ProvinceListView.draw(&c, state: state, x: 0, y: top, width: layout.width, height: h, focused: true)
        case (.provinces, true):
            ProvinceListView.draw(&c, state: state, x: 0, y: top, width: layout.listWidth, height: h, focused: true)
            c.vline(x: layout.listWidth, y: top, height: h, glyph: state.glyphs.vline)
            if let p = state.selectedProvince {
                ProvinceDetailView.draw(&c, state: state, province: p, x: layout.detailLeft + 1, y: top,
                                        width: layout.detailWidth - 1, height: h)
            }
        case (.wards, false):
            WardListView.draw(&c, state: state, x: 0, y: top, width: layout.width, height: h, focused: true)
        case (.wards, true), (.detail, true):
            WardListView.draw(&c, state: state, x: 0, y: top, width: layout.listWidth, height: h, focused: state.level == .wards)
            c.vline(x: layout.listWidth, y: top, height: h, glyph: state.glyphs.vline)
            if let w = state.selectedWard {
                WardDetailView.draw(&c, state: state, ward: w, x: layout.detailLeft + 1, y: top,
                                    width: layout.detailWidth - 1, height: h, focused: state.level == .detail)
            }
        case (.criteria, _):
            CriteriaView.draw(&c, state: state, x: 0, y: top, width: layout.width, height: h)
        case (.compare, _):
            CompareView.draw(&c, state: state, x: 1, y: top, width: layout.width - 2, height: h)
        case (.detail, false):
            if let w = state.selectedWard {
                WardDetailView.draw(&c, state: state, ward: w, x: 1, y: top, width: layout.width - 2, height: h, focused: true)
            }
        }
    }
}

enum TooSmallView {
    static func draw(_ c: inout Canvas, state: AppState) {
        let s = state.strings
        let lines = [s.tooSmall, s.tooSmallDetail(c.width, c.height), s.quitHint]
        let top = max(0, c.height / 2 - 1)
        for (i, line) in lines.enumerated() {
            let w = min(c.width, TextWidth.of(line))
            c.put(line, x: max(0, (c.width - w) / 2), y: top + i, width: c.width, role: i == 0 ? .warning : .muted,
                  ellipsis: state.glyphs.ellipsis)
        }
    }
}
