import KieuMauCore

/// Row 0: product, snapshot date and position, map, criteria set, and the DEMO badge that is never cut.
enum HeaderView {
    static func draw(_ c: inout Canvas, state: AppState, layout: Layout) {
        let s = state.strings, g = state.glyphs, h = state.header
        c.fill(x: 0, y: 0, width: c.width, height: 1, with: Cell(" ", role: .header))
        var right = ""
        if h.synthetic { right = " \(s.demoBadge) " }
        // The review count never takes more than a third of the header (a province's name may be long).
        let progress = TextWidth.clip(reviewProgress(state, width: c.width), to: max(0, c.width / 3), ellipsis: g.ellipsis)
        let progressWidth = progress.isEmpty ? 0 : TextWidth.of(progress) + 2
        let rightWidth = TextWidth.of(right) + progressWidth
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
        if !progress.isEmpty {
            c.put(progress, x: max(0, c.width - rightWidth), y: 0, width: progressWidth, role: .header, ellipsis: g.ellipsis)
        }
        if h.synthetic {
            let w = TextWidth.of(right)
            c.put(right, x: max(0, c.width - w), y: 0, width: w, role: .headerBadge, ellipsis: g.ellipsis)
        }
    }

    /// "Nghệ An: 9 / 16 reviewed" for the list on screen, or the whole map on the province list.
    static func reviewProgress(_ state: AppState, width: Int) -> String {
        let onWards = state.wardList != nil
        guard state.reviewsAvailable, width >= 160 || (onWards && width >= 80) else { return "" }
        let s = state.strings
        switch state.top {
        case .wards, .wardDetail:
            let rows = state.wardList?.rows ?? []
            let done = rows.filter { state.reviews[state.map.wards[$0].code]?.mark != nil }.count
            let scope = StatusLineView.breadcrumb(state).dropLast(state.isWardDetailOnTop ? 1 : 0).last ?? s.national
            return s.reviewedCount(scope, Fmt.int(done, state.lang), Fmt.int(rows.count, state.lang))
        default:
            let done = state.reviews.values.filter { $0.mark != nil && state.map.wardIndex[$0.ward] != nil }.count
            return s.reviewedCount(s.national, Fmt.int(done, state.lang), Fmt.int(state.map.wards.count, state.lang))
        }
    }
}
