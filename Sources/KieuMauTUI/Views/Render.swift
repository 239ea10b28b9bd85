import KieuMauCore

/// A drawn screen, and where its lists and panes went.
public struct Frame: Sendable {
    public var canvas: Canvas
    public var geometry: FrameGeometry
}

/// Draws the whole screen for a state and a size. Pure: the same state and size always give the
/// same cells, which is what the golden tests compare.
public enum Render {
    public static func screen(_ state: AppState, width: Int, height: Int) -> Canvas {
        frame(state, width: width, height: height).canvas
    }

    public static func frame(_ state: AppState, width: Int, height: Int) -> Frame {
        var c = Canvas(width: width, height: height)
        var geometry = FrameGeometry()
        let layout = Layout(width: width, height: height)
        if layout.tooSmall {
            TooSmallView.draw(&c, state: state)
            if !state.glyphs.unicode { ASCIIFallback.apply(to: &c) }
            return Frame(canvas: c, geometry: geometry)
        }
        HeaderView.draw(&c, state: state, layout: layout)
        SummaryView.draw(&c, state: state, layout: layout)
        c.hline(y: layout.bodyTop - 1, glyph: state.glyphs.hline)
        drawListState(&c, state: state, y: layout.bodyTop - 1)
        drawBody(&c, state: state, layout: layout, geometry: &geometry)
        StatusLineView.draw(&c, state: state, layout: layout)
        if state.help != nil { geometry.texts.append(HelpView.draw(&c, state: state, layout: layout)) }
        if !state.glyphs.unicode { ASCIIFallback.apply(to: &c) }
        return Frame(canvas: c, geometry: geometry)
    }

    /// On the rule above the list: the sort and any filter in force, so `s` and `f` leave a trace.
    static func drawListState(_ c: inout Canvas, state: AppState, y: Int) {
        let s = state.strings
        var parts: [String]
        let filtered: Bool
        switch state.top {
        case .provinces(let p):
            parts = ["\(s.sortLabel): \(s.sortName(state.provinceSort))"]
            if state.bandFilter != .all { parts.append("\(s.filterLabel): \(s.bandFilterName(state.bandFilter))") }
            if !p.filter.isEmpty { parts.append("/\(p.filter)") }
            filtered = state.bandFilter != .all
        case .wards, .wardDetail:
            guard let w = state.wardList else { return }
            parts = ["\(s.sortLabel): \(s.wardSortName(state.wardSort))"]
            if state.stageFilter != .all { parts.append("\(s.filterLabel): \(s.stageFilterName(state.stageFilter))") }
            if !w.filter.isEmpty { parts.append("/\(w.filter)") }
            if let n = w.missingCriterion { parts.append(s.wardsMissing(n, count: w.rows.count)) }
            filtered = state.stageFilter != .all || w.missingCriterion != nil
        case .criteria, .compare:
            return
        }
        c.put(" " + parts.joined(separator: " · ") + " ", x: 2, y: y, width: c.width - 4, role: filtered ? .warning : .muted,
              ellipsis: state.glyphs.ellipsis)
    }

    static func drawBody(_ c: inout Canvas, state: AppState, layout: Layout, geometry: inout FrameGeometry) {
        let top = layout.bodyTop, h = layout.bodyHeight
        let depth = state.stack.count - 1
        let full = Rect(x: 0, y: top, width: layout.width, height: h)
        let list = Rect(x: 0, y: top, width: layout.wide ? layout.listWidth : layout.width, height: h)
        let detail = Rect(x: layout.detailLeft + 1, y: top, width: layout.detailWidth - 1, height: h)
        func divider() { c.vline(x: layout.listWidth, y: top, height: h, glyph: state.glyphs.vline) }
        switch state.top {
        case .provinces(let p):
            geometry.lists.append(ProvinceListView.draw(&c, state: state, screen: p, depth: depth, area: list, focused: true))
            if layout.wide {
                divider()
                if let province = p.selectedProvince {
                    ProvinceDetailView.draw(&c, state: state, province: province, x: detail.x, y: top, width: detail.width, height: h)
                }
            }
        case .wards(let w):
            geometry.lists.append(WardListView.draw(&c, state: state, screen: w, depth: depth, area: list, focused: true))
            if layout.wide {
                divider()
                if let ward = w.selectedWard {
                    // A preview that follows the cursor; it scrolls once opened.
                    _ = WardDetailView.draw(&c, state: state, ward: ward, depth: -2, area: detail, scroll: ScrollState())
                }
            }
        case .wardDetail(let d):
            guard let listDepth = state.wardListDepth, case .wards(let w) = state.stack[listDepth], let ward = w.selectedWard else { return }
            if layout.wide {
                geometry.lists.append(WardListView.draw(&c, state: state, screen: w, depth: listDepth, area: list, focused: false))
                divider()
                geometry.texts.append(WardDetailView.draw(&c, state: state, ward: ward, depth: depth, area: detail, scroll: d.scroll))
            } else {
                geometry.texts.append(WardDetailView.draw(&c, state: state, ward: ward, depth: depth,
                                                          area: Rect(x: 1, y: top, width: layout.width - 2, height: h), scroll: d.scroll))
            }
        case .criteria(let screen):
            geometry.lists.append(CriteriaView.draw(&c, state: state, screen: screen, depth: depth, area: full))
        case .compare(let screen):
            geometry.texts.append(CompareView.draw(&c, state: state, screen: screen, depth: depth,
                                                   area: Rect(x: 1, y: top, width: layout.width - 2, height: h)))
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
