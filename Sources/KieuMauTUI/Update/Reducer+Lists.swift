import KieuMauCore

/// Moving in lists and panes, the filter typed with `/`, sorting and narrowing, and keeping each
/// list's rows in step with the data.
extension AppState {
    // MARK: Moving

    /// Moves the selection of the list on top by `delta` rows, or scrolls the pane on top.
    mutating func move(by delta: Int) {
        let depth = stack.count - 1
        switch stack[depth] {
        case .provinces(var p): p.list.selected += delta; p.list.clamp(count: p.rows.count); stack[depth] = .provinces(p)
        case .wards(var w): w.list.selected += delta; w.list.clamp(count: w.rows.count); stack[depth] = .wards(w)
        case .criteria(var c):
            c.list.selected += delta; c.list.clamp(count: c.analysis.criteria.count); stack[depth] = .criteria(c)
        case .wardDetail(var d): d.scroll.scroll(by: delta); stack[depth] = .wardDetail(d)
        case .compare(var c): c.scroll.scroll(by: delta); stack[depth] = .compare(c)
        }
    }

    /// To the first or last row (or the top or end of a pane).
    mutating func move(toEnd: Bool) {
        let depth = stack.count - 1
        switch stack[depth] {
        case .wardDetail(var d): d.scroll.scroll(to: toEnd ? Int.max : 0); stack[depth] = .wardDetail(d)
        case .compare(var c): c.scroll.scroll(to: toEnd ? Int.max : 0); stack[depth] = .compare(c)
        default: move(by: toEnd ? Int.max / 2 : -(Int.max / 2))
        }
    }

    /// The offsets and sizes the frame settled: lists keep the rows they showed, panes their scroll.
    mutating func settle(_ g: FrameGeometry) {
        geometry = g
        for area in g.lists where stack.indices.contains(area.depth) {
            func settled(_ l: ListState) -> ListState {
                var l = l
                l.offset = area.offset
                l.visibleRows = area.rows.height
                return l
            }
            switch stack[area.depth] {
            case .provinces(var p): p.list = settled(p.list); stack[area.depth] = .provinces(p)
            case .wards(var w): w.list = settled(w.list); stack[area.depth] = .wards(w)
            case .criteria(var c): c.list = settled(c.list); stack[area.depth] = .criteria(c)
            default: break
            }
        }
        for area in g.texts {
            func settled(_ s: ScrollState) -> ScrollState {
                var s = s
                s.visibleRows = area.rect.height
                s.contentRows = area.contentRows
                s.offset = area.offset
                return s
            }
            if area.depth < 0 {
                if let h = help { help = settled(h) }
                continue
            }
            guard stack.indices.contains(area.depth) else { continue }
            switch stack[area.depth] {
            case .wardDetail(var d): d.scroll = settled(d.scroll); stack[area.depth] = .wardDetail(d)
            case .compare(var c): c.scroll = settled(c.scroll); stack[area.depth] = .compare(c)
            default: break
            }
        }
    }

    // MARK: The filter typed with `/`

    /// The typed filter of the list on top (provinces or wards), or nil where there is none.
    public var currentFilter: String? {
        switch top {
        case .provinces(let p): return p.filter
        case .wards(let w): return w.filter
        default: return nil
        }
    }

    mutating func startFilter() {
        if isWardDetailOnTop { popScreen() }
        guard currentFilter != nil else { return }
        typingFilter = true
    }

    mutating func typeText(_ c: Character) {
        if noteEditor != nil {
            // Control characters and escape sequences never reach the note.
            for ch in DisplaySafe.clean(String(c)) { noteEditor?.insert(ch) }
            return
        }
        guard typingFilter, let f = currentFilter else { return }
        let safe = DisplaySafe.clean(String(c))
        guard !safe.isEmpty else { return }
        setFilter(f + safe)
    }

    mutating func eraseFilter() {
        guard var f = currentFilter else { return }
        if !f.isEmpty { f.removeLast() }
        setFilter(f)
    }

    mutating func setFilter(_ text: String) {
        let depth = stack.count - 1
        switch stack[depth] {
        case .provinces(var p):
            p.filter = text
            stack[depth] = .provinces(p)
        case .wards(var w):
            w.filter = text
            stack[depth] = .wards(w)
        default:
            return
        }
        refreshRows(at: depth)
    }

    // MARK: Sorting and narrowing (`s`, `f`)

    /// Steps the sort or filter of the list on screen (the ward list's in a ward's detail) and
    /// names the new one in the notice.
    mutating func cycleListSetting(sort: Bool) {
        let s = strings
        let onProvinces: Bool
        switch top {
        case .provinces: onProvinces = true
        case .wards, .wardDetail: onProvinces = false
        case .criteria, .compare: return
        }
        switch (onProvinces, sort) {
        case (true, true):
            provinceSort = provinceSort.next
            notice = "\(s.sortLabel): \(s.sortName(provinceSort))"
        case (true, false):
            bandFilter = bandFilter.next
            notice = "\(s.filterLabel): \(s.bandFilterName(bandFilter))"
        case (false, true):
            wardSort = wardSort.next
            notice = "\(s.sortLabel): \(s.wardSortName(wardSort))"
        case (false, false):
            stageFilter = stageFilter.next
            notice = "\(s.filterLabel): \(s.stageFilterName(stageFilter))"
        }
        refreshAllRows()
    }

    // MARK: Rows

    /// Recomputes the rows of every list in the stack, keeping each selection on the same item.
    mutating func refreshAllRows() {
        for depth in stack.indices { refreshRows(at: depth) }
    }

    mutating func refreshRows(at depth: Int) {
        switch stack[depth] {
        case .provinces(var p):
            let old = p.selectedProvince
            p.rows = ListQueries.provinceRows(summary: summary, sort: provinceSort, band: bandFilter, filter: p.filter, names: names,
                                              picture: picture)
            p.list.selected = ListQueries.reanchor(rows: p.rows, item: old, cursor: p.list.selected)
            p.list.clamp(count: p.rows.count)
            stack[depth] = .provinces(p)
        case .wards(var w):
            let old = w.selectedWard
            w.rows = wardRows(province: w.province, missing: w.missingCriterion, filter: w.filter)
            w.list.selected = ListQueries.reanchor(rows: w.rows, item: old, cursor: w.list.selected)
            w.list.clamp(count: w.rows.count)
            stack[depth] = .wards(w)
        case .criteria(var c):
            c.analysis = CriteriaAnalysis(dataset, province: c.scope.flatMap { $0 < map.provinces.count ? $0 : nil })
            c.list.clamp(count: c.analysis.criteria.count)
            stack[depth] = .criteria(c)
        case .wardDetail, .compare:
            break
        }
    }

    /// The wards a ward list shows, with the list settings in force.
    mutating func wardRows(province: Int?, missing: Int?, filter: String) -> [Int] {
        names.prepareWards(in: province)
        return ListQueries.wardRows(summary: summary, map: map, province: province, sort: wardSort, stage: stageFilter,
                                    filter: filter, missingCriterion: missing, marks: dataset, names: names)
    }
}
