import KieuMauCore

/// Drilling in and out of the screen stack, and a reviewer's stepping from ward to ward.
extension AppState {
    // MARK: The stack

    mutating func push(_ screen: Screen) {
        typingFilter = false
        stack.append(screen)
        refreshRows(at: stack.count - 1)
    }

    /// Back to the screen below; its list keeps its place, so the user lands where they were.
    mutating func popScreen() {
        guard stack.count > 1 else { return }
        typingFilter = false
        let leaving = stack.removeLast()
        if case .wards(let w) = leaving, w.missingCriterion == nil { rememberedWardList = w }
        // The province list follows the province whose wards were left.
        if case .wards(let w) = leaving, let p = w.province, case .provinces(var list) = stack[0], stack.count == 1,
           let row = list.rows.firstIndex(of: p) {
            list.list.selected = row
            stack[0] = .provinces(list)
        }
    }

    /// Pops until `matches` holds for the screen on top (or only the province list is left).
    mutating func pop(until matches: (Screen) -> Bool) {
        while stack.count > 1, !matches(top) { popScreen() }
    }

    // MARK: Enter and Esc

    mutating func drillIn() -> [Effect] {
        switch top {
        case .provinces(let p):
            guard let province = p.selectedProvince else { return [] }
            enterProvince(province, atEnd: false)
        case .wards(let w):
            guard w.selectedWard != nil else { return [] }
            stack.append(.wardDetail(WardDetailScreen()))
        case .criteria(let c):
            guard let n = c.selectedCriterion else { return [] }
            push(.wards(WardListScreen(province: c.scope, missingCriterion: n)))
            notice = strings.wardsMissing(n, count: wardList?.rows.count ?? 0)
        case .wardDetail, .compare:
            break
        }
        return []
    }

    /// Opens the ward list of a province from the province list: the one left there last if it is
    /// the same province (same ward, same filter), else a new one at its first (or last) ward.
    mutating func enterProvince(_ p: Int, atEnd: Bool, keepPlace: Bool = true) {
        pop { if case .provinces = $0 { return true } else { return false } }
        if keepPlace, let remembered = rememberedWardList, remembered.province == p {
            push(.wards(remembered))
        } else {
            push(.wards(WardListScreen(province: p)))
            if atEnd, case .wards(var w) = top {
                w.list.selected = max(0, w.rows.count - 1)
                stack[stack.count - 1] = .wards(w)
            }
        }
        if case .provinces(var list) = stack[0], let row = list.rows.firstIndex(of: p) {
            list.list.selected = row
            stack[0] = .provinces(list)
        }
    }

    /// Esc and friends: out of a detail or question view first; in a list, clear the typed filter,
    /// then the band / stage filter, then go up a level.
    mutating func back() {
        switch top {
        case .wardDetail, .compare, .criteria:
            if !typingFilter { popScreen(); return }
        default:
            break
        }
        if typingFilter || !(currentFilter ?? "").isEmpty {
            typingFilter = false
            if !(currentFilter ?? "").isEmpty { setFilter("") }
            return
        }
        if case .provinces = top, bandFilter != .all {
            bandFilter = .all; refreshAllRows(); return
        }
        if case .wards = top, stageFilter != .all {
            stageFilter = .all; refreshAllRows(); return
        }
        popScreen()
    }

    // MARK: Reviewer stepping

    /// Next / previous ward of the list; past the end, into the next province's wards, so a reviewer
    /// walks every ward without going back. On the province list, into the province's wards.
    mutating func stepWard(forward: Bool) {
        if case .provinces(let p) = top {
            guard let province = p.selectedProvince else { return }
            enterProvince(province, atEnd: !forward, keepPlace: false)
            return
        }
        guard let depth = wardListDepth, case .wards(var w) = stack[depth] else { return }
        let next = w.list.selected + (forward ? 1 : -1)
        if w.rows.indices.contains(next) {
            w.list.selected = next
            stack[depth] = .wards(w)
            resetDetailScroll()
            return
        }
        // A list of one criterion's wards spans provinces already: it simply ends.
        guard w.missingCriterion == nil, let current = w.province else {
            notice = forward ? strings.lastWard : strings.firstWard
            return
        }
        // Into the neighbouring province (in the order of the province list) that has wards.
        let listed = provinceList.rows
        let order = listed.contains(current) ? listed : Array(map.provinces.indices)
        guard var i = order.firstIndex(of: current) else { return }
        while true {
            i += forward ? 1 : -1
            guard order.indices.contains(i) else {
                notice = forward ? strings.lastWard : strings.firstWard
                return
            }
            let candidate = order[i]
            let rows = wardRows(province: candidate, missing: nil, filter: "")
            guard !rows.isEmpty else { continue }
            var entered = WardListScreen(province: candidate)
            entered.rows = rows
            entered.list.selected = forward ? 0 : rows.count - 1
            stack[depth] = .wards(entered)
            refreshRows(at: depth)
            if case .provinces(var list) = stack[0], let row = list.rows.firstIndex(of: candidate) {
                list.list.selected = row
                stack[0] = .provinces(list)
            }
            notice = "\(glyphs.arrow) \(DisplaySafe.clean(map.provinces[candidate].name))"
            resetDetailScroll()
            return
        }
    }

    /// A new ward in the detail starts at its top.
    mutating func resetDetailScroll() {
        if case .wardDetail = top { stack[stack.count - 1] = .wardDetail(WardDetailScreen()) }
    }

    /// `u`: the next ward of the list after the cursor that has no mark yet.
    mutating func nextUnreviewed() {
        guard let depth = wardListDepth, case .wards(var w) = stack[depth], !w.rows.isEmpty else {
            notice = strings.chooseAWard
            return
        }
        let n = w.rows.count
        for step in 1...n {
            let i = (w.list.selected + step) % n
            let code = map.wards[w.rows[i]].code
            if (pendingReviews.mark(of: code, on: header.asOf) ?? reviews[code]?.mark) == nil {
                let wrapped = w.list.selected + step >= n
                w.list.selected = i
                stack[depth] = .wards(w)
                resetDetailScroll()
                if wrapped { notice = strings.wrapped }
                return
            }
        }
        notice = strings.allReviewed(n)
    }

    // MARK: The mouse

    /// Selects the list row drawn under (x, y) — in the list on top, or in the list beside it (the
    /// ward list next to a ward's detail) — and opens it on a double click.
    @discardableResult
    mutating func click(x: Int, y: Int, open: Bool) -> [Effect] {
        if help != nil || noteEditor != nil { return [] }
        for area in geometry.lists.sorted(by: { $0.depth > $1.depth }) {
            guard stack.indices.contains(area.depth), let row = area.row(atX: x, y: y) else { continue }
            select(row: row, atDepth: area.depth)
            if area.depth == stack.count - 1 {
                return open ? drillIn() : []
            }
            resetDetailScroll()
            return []
        }
        return []
    }

    private mutating func select(row: Int, atDepth depth: Int) {
        switch stack[depth] {
        case .provinces(var p): p.list.selected = row; p.list.clamp(count: p.rows.count); stack[depth] = .provinces(p)
        case .wards(var w): w.list.selected = row; w.list.clamp(count: w.rows.count); stack[depth] = .wards(w)
        case .criteria(var c): c.list.selected = row; c.list.clamp(count: c.analysis.criteria.count); stack[depth] = .criteria(c)
        default: break
        }
    }
}
