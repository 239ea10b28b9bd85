import KieuMauCore

/// What holds wards back: each criterion of the set in force with the share of assessed wards
/// meeting it, weakest first, as bars; Enter lists the wards missing it.
enum CriteriaView {
    static func draw(_ c: inout Canvas, state: AppState, screen: CriteriaScreen, depth: Int, area: Rect) -> FrameGeometry.ListArea {
        let s = state.strings, g = state.glyphs, l = state.lang
        let a = screen.analysis
        let x = area.x, y = area.y, width = area.width
        let scope = a.province.map { state.map.provinces[$0].name } ?? s.national
        c.put("\(s.criteriaViewTitle) — \(scope) · \(Fmt.int(a.registered, l)) \(s.registered) · \(Fmt.int(a.assessed, l)) \(s.assessedLabel)",
              x: x + 2, y: y, width: width - 3, role: .title, ellipsis: g.ellipsis)
        // Notes on what cannot be attributed to a criterion come first: they are often the answer
        // (Nghệ An's 16 wards at 21/22 miss a criterion whose number is not published).
        var notes: [String] = []
        for u in a.unattributed { notes.append(s.unattributed(u.wards.count, u.missing)) }
        for r in a.reportedShortfalls { notes.append("[\(r.sourceID)] " + s.unattributed(r.wards, r.missing)) }
        if !a.unknownWards.isEmpty { notes.append(s.unknownWards(a.unknownWards.count)) }
        // At most half the pane for notes: the list keeps room below them.
        let shownNotes = Array(notes.prefix(max(0, (area.height - 1) / 2)))
        for (i, n) in shownNotes.enumerated() {
            c.put(n, x: x + 2, y: y + 1 + i, width: width - 3, role: .warning, ellipsis: g.ellipsis)
        }
        // The list (with its own heading line) goes under the notes; its rows are where clicks land.
        let listArea = Rect(x: x, y: y + 1 + shownNotes.count - 1, width: width, height: area.height - shownNotes.count)
        let rows = a.criteria
        let nameWidth = max(12, min(36, width / 3))
        let barWidth = max(8, width - 2 - 4 - nameWidth - 30)
        let widget = ListWidget(area: listArea, depth: depth, state: screen.list, count: rows.count, focused: true, glyphs: g)
        return widget.draw(&c, empty: "–", heading: { _, _ in }, row: { c, idx, ry, _ in
            let r = rows[idx]
            var rx = x + 2
            c.put(TextWidth.fit(String(r.number), 3, right: true), x: rx, y: ry, width: 3, role: .muted); rx += 4
            c.put(name(of: r.number, state: state), x: rx, y: ry, width: nameWidth - 1, ellipsis: g.ellipsis); rx += nameWidth
            Bars.criteria(&c, x: rx, y: ry, width: barWidth, met: r.met, notMet: r.notMet, total: max(1, r.assessed), glyphs: g)
            rx += barWidth + 1
            let figures = "\(Fmt.percent(r.share, l))  \(g.notMet) \(r.notMet)  \(g.unknown) \(r.unknown)"
            c.put(figures, x: rx, y: ry, width: x + width - rx, role: r.notMet > 0 ? .barNotMet : .normal, ellipsis: g.ellipsis)
        })
    }

    static func name(of n: Int, state: AppState) -> String {
        let set = state.dataset.criteria
        guard set.criteria.indices.contains(n - 1) else { return state.strings.criterionFallbackName(n) }
        let cr = set.criteria[n - 1]
        var label = WardDetailView.name(vi: cr.nameVi, en: cr.nameEn, lang: state.lang)
        if label.isEmpty { label = state.strings.criterionFallbackName(n) }
        if !cr.subject.isEmpty { label += " (\(cr.subject))" }
        return label
    }
}
