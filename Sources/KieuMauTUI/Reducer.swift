import KieuMauCore
import KieuMauReviews

/// Applies actions to the state. Pure: no I/O, no terminal. What needs loading or writing
/// (snapshot steps, series, marks, notes, the comparison, exports) is done by the controller,
/// which then calls back into the state (`replaceSnapshot`, `setReview`, …).
extension AppState {
    public var layout: Layout { Layout(width: screenWidth, height: screenHeight) }

    /// A new terminal size: keeps cursors and scroll offsets on screen, changes nothing else.
    public mutating func setScreenSize(width: Int, height: Int) {
        guard width != screenWidth || height != screenHeight else { return }
        screenWidth = width; screenHeight = height
        keepCursorsVisible()
    }

    public mutating func apply(_ action: Action) {
        if action != .resize { notice = nil }
        if showHelp {
            applyInHelp(action)
            return
        }
        if noteEditor != nil, case .editor(let e) = action {
            applyInEditor(e)
            return
        }
        switch action {
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: move(by: -max(1, layout.listVisibleRows - 1))
        case .pageDown: move(by: max(1, layout.listVisibleRows - 1))
        case .home: move(to: 0)
        case .end: move(to: Int.max)
        case .drillIn: drillIn()
        case .back: back()
        case .startFilter:
            guard level != .criteria, level != .compare else { return }
            if level == .detail { popLevel() }
            editingFilter = true
        case .filterInput(let c):
            guard editingFilter else { return }
            let safe = DisplaySafe.clean(String(c))
            guard !safe.isEmpty else { return }
            setFilter(currentFilter + safe)
        case .filterBackspace:
            var f = currentFilter
            if !f.isEmpty { f.removeLast() }
            setFilter(f)
        case .filterAccept:
            editingFilter = false
        case .nextWard: stepWard(forward: true)
        case .previousWard: stepWard(forward: false)
        case .nextUnreviewed: nextUnreviewed()
        case .previousSnapshot, .nextSnapshot, .cycleSeries, .toggleView, .markOK, .markFollowUp, .compareView,
             .compareOlder, .compareNewer, .exportCSV, .exportJSON, .editor:
            break  // carried out by the controller, which loads or writes first
        case .editNote:
            guard let w = reviewTarget else { notice = strings.chooseAWard; return }
            guard reviewsAvailable else { notice = strings.noReviewStore; return }
            if let reason = reviewsReadOnly { notice = strings.reviewsReadOnly(reason); return }
            noteEditor = LineEditor(text: reviews[map.wards[w].code]?.note ?? "", wardCode: map.wards[w].code)
        case .criteriaView: openCriteria()
        case .cycleSort:
            guard cycleListSetting(sort: true) else { return }
            refreshRows()
        case .cycleFilter:
            guard cycleListSetting(sort: false) else { return }
            refreshRows()
        case .cycleTheme:
            if !themeNames.isEmpty {
                themeIndex = (themeIndex + 1) % themeNames.count
                notice = "\(strings.themeLabel): \(themeNames[themeIndex])"
            }
        case .toggleLanguage:
            lang = lang.toggled
            notice = strings.languageName
        case .toggleHelp:
            showHelp = true; helpScroll = 0
        case .quit:
            quit = true
        case .select(let x, let y): select(x: x, y: y)
        case .open(let x, let y):
            if select(x: x, y: y) { drillIn() }
        case .scroll(let n):
            move(by: n)
        case .resize:
            break
        }
        keepCursorsVisible()
    }

    /// `s` / `f`: steps the sort or filter of the list on screen (the ward list's in a ward's
    /// detail) and names the new one in the notice. False where the level has no such list.
    private mutating func cycleListSetting(sort: Bool) -> Bool {
        let s = strings
        switch (level, sort) {
        case (.provinces, true): cycle(\.provinceSort, label: s.sortLabel, name: s.sortName)
        case (.provinces, false): cycle(\.bandFilter, label: s.filterLabel, name: s.bandFilterName)
        case (.wards, true), (.detail, true): cycle(\.wardSort, label: s.sortLabel, name: s.wardSortName)
        case (.wards, false), (.detail, false): cycle(\.stageFilter, label: s.filterLabel, name: s.stageFilterName)
        case (.criteria, _), (.compare, _): return false
        }
        return true
    }

    private mutating func cycle<Setting: CaseIterable & Equatable>(
        _ setting: WritableKeyPath<AppState, Setting>, label: String, name: (Setting) -> String
    ) where Setting.AllCases.Index == Int {
        self[keyPath: setting] = self[keyPath: setting].next
        notice = "\(label): \(name(self[keyPath: setting]))"
    }

    private mutating func applyInHelp(_ action: Action) {
        switch action {
        case .moveUp, .scroll(-3): helpScroll = max(0, helpScroll - 1)
        case .moveDown, .scroll(3): helpScroll = min(HelpView.maxScroll(self), helpScroll + 1)
        case .pageUp: helpScroll = max(0, helpScroll - 10)
        case .pageDown: helpScroll = min(HelpView.maxScroll(self), helpScroll + 10)
        case .home: helpScroll = 0
        case .end: helpScroll = HelpView.maxScroll(self)
        case .quit: quit = true
        case .resize: break
        case .toggleLanguage: lang = lang.toggled
        default: showHelp = false
        }
    }

    /// Typing in the note editor; accepting is the controller's (it saves), cancelling is ours.
    private mutating func applyInEditor(_ e: EditorAction) {
        guard var ed = noteEditor else { return }
        switch e {
        case .insert(let c):
            // Control characters and escape sequences never reach the note.
            for ch in DisplaySafe.clean(String(c)) { ed.insert(ch) }
        case .backspace: ed.backspace()
        case .delete: ed.deleteForward()
        case .left: ed.move(by: -1)
        case .right: ed.move(by: 1)
        case .home: ed.home()
        case .end: ed.end()
        case .cancel:
            noteEditor = nil
            notice = strings.noteCancelled
            return
        case .accept:
            break
        }
        noteEditor = ed
    }

    // MARK: levels

    private mutating func push(_ next: Level) {
        backStack.append(level)
        level = next
    }

    /// Back through the levels to `target`, each step as Esc takes it; `target` must be on the stack.
    private mutating func popLevels(to target: Level) {
        while level != target, !backStack.isEmpty { popLevel() }
    }

    /// Back to the level below; the list there keeps its cursor, so the user lands where they were.
    private mutating func popLevel() {
        let leaving = level
        level = backStack.popLast() ?? .provinces
        switch (leaving, level) {
        case (.wards, .provinces):
            if let p = province, let i = provinceRows.firstIndex(of: p) { provincePos.cursor = i }
        case (.wards, .criteria):
            restoreWardContext()
        case (.criteria, _):
            criteriaAnalysis = nil
            restoreWardContext()
        case (.compare, _):
            comparison = nil
        default:
            break
        }
    }

    /// The ward list the criteria view borrowed, as it was.
    private mutating func restoreWardContext() {
        criterionFilter = nil
        if let saved = savedWardContext, level != .criteria {
            province = saved.province
            wardFilter = saved.filter
            refreshRows()
            wardPos = saved.position
            savedWardContext = nil
        } else if level == .criteria {
            refreshRows()
        }
    }

    // MARK: moving

    private var currentCount: Int {
        switch level {
        case .provinces: return provinceRows.count
        case .wards, .detail: return wardRows.count
        case .criteria: return criteriaAnalysis?.criteria.count ?? 0
        case .compare: return 0
        }
    }

    private mutating func move(by delta: Int) {
        switch level {
        case .detail:
            // The detail has focus (on wide screens the list stays visible on the left): arrows scroll it.
            detailScroll = max(0, min(maxDetailScroll, detailScroll + delta))
        case .compare:
            compareScroll = max(0, min(CompareView.maxScroll(self), compareScroll + delta))
        case .provinces:
            move(to: provincePos.cursor + delta)
        case .wards:
            move(to: wardPos.cursor + delta)
        case .criteria:
            move(to: criteriaPos.cursor + delta)
        }
    }

    private mutating func move(to index: Int) {
        let i = max(0, min(currentCount - 1, index))
        switch level {
        case .detail: detailScroll = index == 0 ? 0 : maxDetailScroll
        case .compare: compareScroll = index == 0 ? 0 : CompareView.maxScroll(self)
        case .provinces: provincePos.cursor = i
        case .wards: wardPos.cursor = i; detailScroll = 0
        case .criteria: criteriaPos.cursor = i
        }
    }

    /// How far the ward detail can scroll: its lines less the rows it has on screen.
    var maxDetailScroll: Int {
        guard let w = selectedWard else { return 0 }
        return max(0, WardDetailView.lineCount(self, ward: w) - layout.bodyHeight)
    }

    mutating func keepCursorsVisible() {
        let rows = layout.listVisibleRows
        func clamp(_ p: inout ListPosition, count: Int) {
            p.cursor = max(0, min(p.cursor, count - 1))
            if p.cursor < p.scroll { p.scroll = p.cursor }
            if p.cursor >= p.scroll + rows { p.scroll = p.cursor - rows + 1 }
            p.scroll = max(0, min(p.scroll, max(0, count - rows)))
        }
        clamp(&provincePos, count: provinceRows.count)
        clamp(&wardPos, count: wardRows.count)
        clamp(&criteriaPos, count: criteriaAnalysis?.criteria.count ?? 0)
    }

    // MARK: drill-down

    private mutating func drillIn() {
        switch level {
        case .provinces:
            guard let p = selectedProvince else { return }
            enterProvince(p, atEnd: false, keepPlace: true)
        case .wards:
            guard selectedWard != nil else { return }
            push(.detail)
            detailScroll = 0
        case .criteria:
            guard let n = selectedCriterion else { return }
            savedWardContext = savedWardContext ?? SavedWardContext(province: province, position: wardPos, filter: wardFilter)
            province = criteriaScope
            criterionFilter = n
            wardFilter = ""
            wardPos = ListPosition()
            refreshRows()
            push(.wards)
            notice = strings.wardsMissing(n, count: wardRows.count)
        case .detail, .compare:
            break
        }
    }

    private mutating func enterProvince(_ p: Int, atEnd: Bool, keepPlace: Bool) {
        if province != p || !keepPlace || criterionFilter != nil {
            province = p
            criterionFilter = nil
            wardFilter = ""
            wardPos = ListPosition()
            refreshRows()
            if atEnd { wardPos.cursor = max(0, wardRows.count - 1) }
        }
        if level == .provinces { push(.wards) }
        editingFilter = false
    }

    /// Esc and friends: out of the detail first (back to the list as it was, filter and all); in a
    /// list, clear the typed filter, then the band / stage filter, then go up a level.
    private mutating func back() {
        if (level == .detail || level == .compare || level == .criteria) && !editingFilter {
            popLevel()
            return
        }
        if editingFilter || !currentFilter.isEmpty {
            editingFilter = false
            if !currentFilter.isEmpty { setFilter("") }
            return
        }
        if level == .provinces && bandFilter != .all {
            bandFilter = .all; refreshRows(); return
        }
        if level == .wards && stageFilter != .all {
            stageFilter = .all; refreshRows(); return
        }
        if level != .provinces { popLevel() }
    }

    // MARK: filter

    private var currentFilter: String { level == .provinces ? provinceFilter : wardFilter }

    private mutating func setFilter(_ f: String) {
        if level == .provinces { provinceFilter = f } else { wardFilter = f }
        refreshRows()
    }

    // MARK: the question views

    /// What holds wards back, for the province on screen or the nation.
    private mutating func openCriteria() {
        guard level != .criteria else { return }
        // The list on screen was opened from the criteria view (one criterion's wards): go back to
        // that view rather than open a second one, whose Esc would give back the list without its
        // criterion (found by fuzzing the dashboard).
        if backStack.contains(.criteria) {
            popLevels(to: .criteria)
            return
        }
        if level == .compare { popLevel() }
        criteriaScope = level == .provinces ? nil : province
        if level != .provinces {
            savedWardContext = SavedWardContext(province: province, position: wardPos, filter: wardFilter)
        }
        push(.criteria)
        criteriaPos = ListPosition()
        refreshCriteria()
    }

    /// Opens the compare view against snapshot `other` with its result (the controller computes it).
    public mutating func showComparison(_ result: SnapshotComparison?, with other: Int) {
        compareWith = other
        comparison = result
        compareScroll = 0
        if level != .compare { push(.compare) }
    }

    // MARK: reviewer stepping

    /// Next / previous ward of the list; past the end, into the next province's wards, so a reviewer
    /// walks every ward without going back.
    private mutating func stepWard(forward: Bool) {
        if level == .provinces {
            guard let p = selectedProvince else { return }
            enterProvince(p, atEnd: !forward, keepPlace: false)
            return
        }
        guard level == .wards || level == .detail else { return }
        let next = wardPos.cursor + (forward ? 1 : -1)
        if wardRows.indices.contains(next) {
            wardPos.cursor = next
            detailScroll = 0
            return
        }
        // A list of one criterion's wards spans provinces already: it simply ends.
        guard criterionFilter == nil else {
            notice = forward ? strings.lastWard : strings.firstWard
            return
        }
        // Cross into the neighbouring province (in the order of the province list) that has wards.
        let order = provinceRows.contains(province ?? -1) ? provinceRows : Array(map.provinces.indices)
        guard let current = province, var i = order.firstIndex(of: current) else { return }
        while true {
            i += forward ? 1 : -1
            guard order.indices.contains(i) else {
                notice = forward ? strings.lastWard : strings.firstWard
                return
            }
            let candidate = order[i]
            let rows = ListQueries.wardRows(summary: summary, map: map, province: candidate, sort: wardSort, stage: stageFilter, filter: "")
            if !rows.isEmpty {
                enterProvince(candidate, atEnd: !forward, keepPlace: false)
                if let pi = provinceRows.firstIndex(of: candidate) { provincePos.cursor = pi }
                notice = "\(glyphs.arrow) \(DisplaySafe.clean(map.provinces[candidate].name))"
                detailScroll = 0
                return
            }
        }
    }

    /// The ward a mark or note applies to: the one under the cursor of the ward list or in the detail.
    public var reviewTarget: Int? {
        level == .wards || level == .detail ? selectedWard : nil
    }

    /// `u`: the next ward of the current list after the cursor that has no mark yet.
    private mutating func nextUnreviewed() {
        guard level == .wards || level == .detail, !wardRows.isEmpty else { notice = strings.chooseAWard; return }
        let n = wardRows.count
        for step in 1...n {
            let i = (wardPos.cursor + step) % n
            if reviews[map.wards[wardRows[i]].code]?.mark == nil {
                let wrapped = wardPos.cursor + step >= n
                wardPos.cursor = i
                detailScroll = 0
                if wrapped { notice = strings.wrapped }
                return
            }
        }
        notice = strings.allReviewed(n)
    }

    /// A review the controller saved: it shows now because it is stored.
    public mutating func setReview(_ review: Review) {
        reviews[review.ward] = review
    }

    // MARK: mouse

    /// Moves the cursor to the list row at (x, y); true when a row was hit.
    @discardableResult
    private mutating func select(x: Int, y: Int) -> Bool {
        let l = layout
        if l.wide && x >= l.detailLeft && level != .criteria { return false }
        if (level == .detail && !l.wide) || level == .compare { return false }
        let scroll: Int
        switch level {
        case .provinces: scroll = provincePos.scroll
        case .criteria: scroll = criteriaPos.scroll
        default: scroll = wardPos.scroll
        }
        guard let item = l.listItem(atY: y, scroll: scroll), item < currentCountForList else { return false }
        switch level {
        case .provinces: provincePos.cursor = item
        case .criteria: criteriaPos.cursor = item
        default:
            wardPos.cursor = item
            if level == .detail { detailScroll = 0 }
        }
        return true
    }

    private var currentCountForList: Int {
        switch level {
        case .provinces: return provinceRows.count
        case .criteria: return criteriaAnalysis?.criteria.count ?? 0
        default: return wardRows.count
        }
    }

    // MARK: snapshots

    /// Shows another snapshot of the series, keeping the same province and ward when they exist on
    /// its map (or where the crosswalk says they went), and saying so when they do not.
    public mutating func replaceSnapshot(index: Int, dataset data: Dataset, previous: ProgressTotals?,
                                         translatedPlace: (province: String?, ward: String?)? = nil,
                                         summary known: ProgressSummary? = nil) {
        let oldMap = map
        let oldProvinceCode = province.map { oldMap.provinces[$0].code }
        let oldWardCode = selectedWard.map { oldMap.wards[$0].code }
        let oldCursorProvinceCode = selectedProvince.map { oldMap.provinces[$0].code }
        let oldCriteriaScopeCode = criteriaScope.map { oldMap.provinces[$0].code }
        // Across a map change the crosswalk says where the place went; otherwise codes carry over.
        let provinceCode = translatedPlace.map { $0.province } ?? oldProvinceCode
        let wardCode = translatedPlace.map { $0.ward } ?? oldWardCode
        let cursorProvinceCode = translatedPlace.map { $0.province } ?? oldCursorProvinceCode
        snapshotIndex = index
        setDataset(data, previous: previous, summary: known)
        reviews = [:]
        previousReview = nil
        comparison = nil
        province = oldProvinceCode == nil ? nil : provinceCode.flatMap { map.provinceIndex[$0] }
        criteriaScope = oldCriteriaScopeCode.flatMap { map.provinceIndex[$0] }
        // One criterion's wards, and a set without that criterion (22 criteria, then 20 from 2024).
        let droppedCriterion = criterionFilter.flatMap { $0 > data.criteria.count ? $0 : nil }
        if droppedCriterion != nil { criterionFilter = nil }
        refreshRows()
        refreshCriteria()
        if let code = cursorProvinceCode, let pi = map.provinceIndex[code], let row = provinceRows.firstIndex(of: pi) {
            provincePos.cursor = row
        }
        var missing: [String] = []
        if let oldProvinceCode, province == nil {
            missing.append(oldMap.province(oldProvinceCode)?.name ?? oldProvinceCode)
            level = .provinces
            backStack = []
        } else if let oldWardCode {
            if let wardCode, let wi = map.wardIndex[wardCode], let row = wardRows.firstIndex(of: wi) {
                wardPos.cursor = row
            } else {
                missing.append(oldMap.ward(oldWardCode)?.name ?? oldWardCode)
                if level == .detail { popLevel() }
            }
        }
        if !missing.isEmpty {
            notice = strings.notOnMap(DisplaySafe.clean(missing.joined(separator: ", ")))
        } else if translatedPlace != nil, let p = province ?? selectedProvince {
            // Say where the place went when the map changed.
            let target = level == .provinces ? map.provinces[p].name : (selectedWard.map { map.wards[$0].name } ?? map.provinces[p].name)
            notice = strings.mapChanged(DisplaySafe.clean(target))
        }
        // Its ward list has nothing to list any more: back to the criteria view it came from (found
        // by fuzzing: the list was left as the whole map's wards, with no criterion and no province).
        if let n = droppedCriterion, backStack.contains(.criteria) {
            popLevels(to: .criteria)
            notice = strings.criterionNotInSet(n, total: data.criteria.count)
        }
        keepCursorsVisible()
    }
}
