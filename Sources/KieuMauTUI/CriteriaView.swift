import KieuMauCore

/// What holds wards back: each criterion of the set in force with the share of assessed wards
/// meeting it, weakest first, as bars; Enter lists the wards missing it.
enum CriteriaView {
    static func draw(_ c: inout Canvas, state: AppState, x: Int, y: Int, width: Int, height: Int) {
        let s = state.strings, g = state.glyphs, l = state.lang
        guard let a = state.criteriaAnalysis else { return }
        let scope = a.province.map { state.map.provinces[$0].name } ?? s.national
        c.put("\(s.criteriaViewTitle) — \(scope) · \(Fmt.int(a.registered, l)) \(s.registered) · \(Fmt.int(a.assessed, l)) \(s.assessedLabel)",
              x: x + 2, y: y, width: width - 3, role: .title, ellipsis: g.ellipsis)
        // Notes on what cannot be attributed to a criterion come first: they are often the answer
        // (Nghệ An's 16 wards at 21/22 miss a criterion whose number is not published).
        var notes: [String] = []
        for u in a.unattributed { notes.append(s.unattributed(u.wards.count, u.missing)) }
        for r in a.reportedShortfalls { notes.append("[\(r.sourceID)] " + s.unattributed(r.wards, r.missing)) }
        if !a.unknownWards.isEmpty { notes.append(s.unknownWards(a.unknownWards.count)) }
        let listTop = y + 1 + notes.count
        for (i, n) in notes.enumerated() {
            c.put(n, x: x + 2, y: y + 1 + i, width: width - 3, role: .warning, ellipsis: g.ellipsis)
        }
        let rows = a.criteria
        let visible = max(0, height - 1 - notes.count)
        let nameWidth = max(12, min(36, width / 3))
        let barWidth = max(8, width - 2 - 4 - nameWidth - 30)
        for i in 0..<visible {
            let idx = state.criteriaPos.scroll + i
            guard idx < rows.count else { break }
            let r = rows[idx], ry = listTop + i
            let selected = idx == state.criteriaPos.cursor
            var rx = x
            c.put(selected ? g.cursor : " ", x: rx, y: ry, role: .emphasis); rx += 2
            c.put(TextWidth.fit(String(r.number), 3, right: true), x: rx, y: ry, width: 3, role: .muted); rx += 4
            c.put(name(of: r.number, state: state), x: rx, y: ry, width: nameWidth - 1, ellipsis: g.ellipsis); rx += nameWidth
            Bars.criteria(&c, x: rx, y: ry, width: barWidth, met: r.met, notMet: r.notMet, total: max(1, r.assessed), glyphs: g)
            rx += barWidth + 1
            let figures = "\(Fmt.percent(r.share, l))  \(g.notMet) \(r.notMet)  \(g.unknown) \(r.unknown)"
            c.put(figures, x: rx, y: ry, width: x + width - rx, role: r.notMet > 0 ? .barNotMet : .normal, ellipsis: g.ellipsis)
            if selected { c.paint(x: x, y: ry, width: width, role: .selection) }
        }
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

    /// Rows the list starts below (title and notes), for mouse hits.
    static func headerRows(_ state: AppState) -> Int {
        guard let a = state.criteriaAnalysis else { return 1 }
        return 1 + a.unattributed.count + a.reportedShortfalls.count + (a.unknownWards.isEmpty ? 0 : 1)
    }
}
