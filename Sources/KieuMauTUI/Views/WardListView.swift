import KieuMauCore
import KieuMauReviews

/// A row per ward of the province: name, district, stage, a criteria bar with "21/22", and the
/// numbers of the criteria not met.
enum WardListView {
    struct Columns {
        var name: Int, district: Int, stage: Int, bar: Int, met: Int, missing: Int
        init(width: Int, hasDistricts: Bool) {
            met = 6
            stage = width >= 70 ? 19 : 2
            bar = width >= 90 ? 12 : (width >= 70 ? 8 : 0)
            let rest = width - 4 - met - stage - bar - (bar > 0 ? 1 : 0)
            district = hasDistricts && width >= 90 ? max(10, rest / 4) : 0
            missing = max(6, rest / 4)
            name = max(8, rest - district - missing)
        }
    }

    static func draw(_ c: inout Canvas, state: AppState, screen: WardListScreen, depth: Int, area: Rect,
                     focused: Bool) -> FrameGeometry.ListArea {
        let s = state.strings, g = state.glyphs
        let map = state.map, sum = state.summary
        let x = area.x, width = area.width
        let cols = Columns(width: width, hasDistricts: map.hasDistricts)
        let total = state.dataset.criteria.count
        let widget = ListWidget(area: area, depth: depth, state: screen.list, count: screen.rows.count, focused: focused, glyphs: g)
        return widget.draw(&c, empty: s.noMatches, heading: { c, y in
        var hx = x + 4
        func heading(_ text: String, _ w: Int) {
            guard w > 0 else { return }
            c.put(TextWidth.fit(text, w, ellipsis: g.ellipsis), x: hx, y: y, width: w, role: .title)
            hx += w
        }
        heading(s.ward, cols.name)
        heading(s.district, cols.district)
        heading(cols.stage > 2 ? s.stage : "", cols.stage)
        if cols.bar > 0 { heading(s.criteriaHeading, cols.bar + 1) }
        heading("", cols.met)
        heading(s.missing, cols.missing)
        }, row: { c, idx, ry, _ in
            let wi = screen.rows[idx]
            let ward = map.wards[wi], wp = sum.wards[wi]
            var rx = x + 2
            // The review mark of this snapshot: ✓ reviewed OK, ! needs follow-up, ✎ a note only.
            let review = state.reviews[ward.code]
            let (markText, markRole) = reviewSymbol(review, g)
            c.put(markText, x: rx, y: ry, width: 1, role: markRole); rx += 2
            c.put(ward.name, x: rx, y: ry, width: cols.name - 1, ellipsis: g.ellipsis); rx += cols.name
            if cols.district > 0 {
                c.put(map.district(ward.districtCode)?.name ?? "", x: rx, y: ry, width: cols.district - 1, role: .muted, ellipsis: g.ellipsis)
                rx += cols.district
            }
            // A ward without a row where the rows only name some wards is not known, not "not registered".
            let unnamed = isUnnamed(wi, state)
            let stageName = unnamed ? s.notNamed : s.stageName(wp.stage)
            let stageText = cols.stage > 2 ? "\(stageSymbol(wp, g)) \(stageName)" : stageSymbol(wp, g)
            c.put(stageText, x: rx, y: ry, width: cols.stage - 1, role: unnamed ? .muted : stageRole(wp, state.definition), ellipsis: g.ellipsis)
            rx += cols.stage
            if cols.bar > 0 {
                if let met = wp.met, wp.isRegistered {
                    Bars.criteria(&c, x: rx, y: ry, width: cols.bar, met: met, notMet: wp.missing.count, total: total, glyphs: g)
                }
                rx += cols.bar + 1
            }
            let metText = wp.isRegistered ? (wp.met.map { "\($0)/\(total)" } ?? "?/\(total)") : ""
            c.put(TextWidth.fit(metText, cols.met - 1, right: true), x: rx, y: ry, width: cols.met - 1); rx += cols.met
            if !wp.missing.isEmpty {
                c.put(wp.missing.map(String.init).joined(separator: ","), x: rx, y: ry, width: cols.missing, role: .barNotMet, ellipsis: g.ellipsis)
            }
        })
    }

    /// The ward has no row and its province's rows name only some wards: nothing is known of it.
    static func isUnnamed(_ wardIndex: Int, _ state: AppState) -> Bool {
        guard state.dataset.row(ofWardAt: wardIndex) == nil,
              let p = state.map.provinceIndex[state.map.wards[wardIndex].provinceCode] else { return false }
        return state.summary.provinces[p].coverage == .named
    }

    static func reviewSymbol(_ r: Review?, _ g: Glyphs) -> (String, StyleRole) {
        switch r?.mark {
        case .ok?: return (g.unicode ? "✓" : "v", .bandAbove)
        case .followUp?: return ("!", .warning)
        case nil: return (r.map { $0.note.isEmpty } == false ? (g.unicode ? "✎" : "n") : " ", .muted)
        }
    }

    static func stageSymbol(_ w: WardProgress, _ g: Glyphs) -> String {
        switch w.stage {
        case .notRegistered: return g.unicode ? "·" : "."
        case .registered: return g.unicode ? "◐" : "o"
        case .complete: return g.unicode ? "●" : "*"
        case .recognised: return g.met
        }
    }

    static func stageRole(_ w: WardProgress, _ d: ModelDefinition) -> StyleRole {
        if w.isModel(d) { return .bandAbove }
        return w.isRegistered ? .normal : .muted
    }
}
