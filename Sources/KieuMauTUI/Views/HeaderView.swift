import KieuMauCore

/// Row 0: product, what the screen is (the latest known on a day, or a snapshot as published, with
/// its place in the series), the map (and since when it is in force), the criteria set, and the
/// DEMO badge that is never cut.
enum HeaderView {
    static func draw(_ c: inout Canvas, state: AppState, layout: Layout) {
        let s = state.strings, g = state.glyphs, h = state.header
        c.fill(x: 0, y: 0, width: c.width, height: 1, with: Cell(" ", role: .header))
        var right = ""
        if h.synthetic { right = " \(s.demoBadge) " }
        // The review count never takes more than a third of the header (a province's name may be long).
        // The review store out of reach takes the review count's place, and says so in warning colours.
        let outage = state.reviewStoreOutage.map { s.reviewStoreOffline($0.since) }
        let progress = TextWidth.clip(outage ?? reviewProgress(state, width: c.width), to: max(0, c.width / 3), ellipsis: g.ellipsis)
        let progressWidth = progress.isEmpty ? 0 : TextWidth.of(progress) + 2
        let rightWidth = TextWidth.of(right) + progressWidth
        var x = 1
        let avail = c.width - rightWidth - 1
        let position = s.snapshotPosition(state.snapshotIndex + 1, max(1, state.snapshots.count))
        // Most important first: what is cut at the right edge matters least. The title is left out
        // for synthetic data (the badge says what it is), for the latest-known picture (it is not
        // one snapshot's) and below 100 columns.
        let which: String
        switch state.basis {
        case .latestKnown(let day):
            which = layout.compact ? "\(g.left) \(s.latestKnownShort(day.iso))" : "\(g.left) \(s.latestKnownOn(day.iso))"
        case .asPublished:
            which = layout.compact ? "\(g.left) \(h.asOf.iso) \(g.right)"
                : "\(g.left) \(c.width >= 100 ? s.asPublished(h.asOf.iso) : s.asPublishedShort(h.asOf.iso)) \(g.right) \(position)"
        }
        var mapPart = s.provinces(state.map.provinces.count)
        if c.width >= 100, let effective = state.map.effective { mapPart += " (\(s.sinceMap(effective.iso)))" }
        var parts = [s.product, which, mapPart + " · " + s.criteria(state.dataset.criteria.count)]
        if c.width >= 100 { parts.insert(s.programme, at: 1) }
        if !h.synthetic && c.width >= 100 && !state.basis.isLatestKnown { parts.append(h.title) }
        for (i, part) in parts.enumerated() where x < avail {
            let used = c.put(part, x: x, y: 0, width: avail - x, role: .header, ellipsis: g.ellipsis)
            x += used + (i == 0 ? 2 : 3)
        }
        if !progress.isEmpty {
            c.put(progress, x: max(0, c.width - rightWidth), y: 0, width: progressWidth, role: outage == nil ? .header : .headerBadge,
                  ellipsis: g.ellipsis)
        }
        if h.synthetic {
            let w = TextWidth.of(right)
            c.put(right, x: max(0, c.width - w), y: 0, width: w, role: .headerBadge, ellipsis: g.ellipsis)
        }
    }

    /// "Nghệ An: 9 / 16 reviewed" for the list on screen, or the whole map on the province list.
    static func reviewProgress(_ state: AppState, width: Int) -> String {
        let onWards = state.wardList != nil
        guard state.reviewsAvailable, !state.wardsPending, width >= 160 || (onWards && width >= 80) else { return "" }
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
