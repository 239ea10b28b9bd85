import KieuMauCore

/// Applies actions to the state. Pure: no I/O, no terminal; snapshot loading happens in the
/// controller, which then calls `replaceSnapshot`.
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
            if level == .detail { level = .wards }
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
        case .previousSnapshot, .nextSnapshot, .cycleSeries:
            break  // handled by the controller, which loads the snapshot
        case .cycleSort:
            if level == .provinces {
                provinceSort = provinceSort.next
                notice = "\(strings.sortLabel): \(strings.sortName(provinceSort))"
            } else {
                wardSort = wardSort.next
                notice = "\(strings.sortLabel): \(strings.wardSortName(wardSort))"
            }
            refreshRows()
        case .cycleFilter:
            if level == .provinces {
                bandFilter = bandFilter.next
                notice = "\(strings.filterLabel): \(strings.bandFilterName(bandFilter))"
            } else {
                stageFilter = stageFilter.next
                notice = "\(strings.filterLabel): \(strings.stageFilterName(stageFilter))"
            }
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

    // MARK: moving

    private var currentCount: Int { level == .provinces ? provinceRows.count : wardRows.count }

    private mutating func move(by delta: Int) {
        if level == .detail {
            // The detail has focus (on wide screens the list stays visible on the left): arrows scroll it.
            detailScroll = max(0, min(maxDetailScroll, detailScroll + delta))
            return
        }
        let target = (level == .provinces ? provincePos.cursor : wardPos.cursor) + delta
        move(to: target)
    }

    private mutating func move(to index: Int) {
        if level == .detail {
            detailScroll = index == 0 ? 0 : maxDetailScroll
            return
        }
        let n = currentCount
        let i = max(0, min(n - 1, index))
        if level == .provinces { provincePos.cursor = max(0, i) } else { wardPos.cursor = max(0, i); detailScroll = 0 }
    }

    /// How far the ward detail can scroll: its lines less the rows it has on screen.
    var maxDetailScroll: Int {
        guard let w = selectedWard else { return 0 }
        return max(0, WardDetailView.lineCount(self, ward: w) - layout.bodyHeight)
    }

    private mutating func keepCursorsVisible() {
        let rows = layout.listVisibleRows
        func clamp(_ p: inout ListPosition, count: Int) {
            p.cursor = max(0, min(p.cursor, count - 1))
            if p.cursor < p.scroll { p.scroll = p.cursor }
            if p.cursor >= p.scroll + rows { p.scroll = p.cursor - rows + 1 }
            p.scroll = max(0, min(p.scroll, max(0, count - rows)))
        }
        clamp(&provincePos, count: provinceRows.count)
        clamp(&wardPos, count: wardRows.count)
    }

    // MARK: drill-down

    private mutating func drillIn() {
        switch level {
        case .provinces:
            guard let p = selectedProvince else { return }
            enterProvince(p, atEnd: false, keepPlace: true)
        case .wards:
            guard selectedWard != nil else { return }
            level = .detail
            detailScroll = 0
        case .detail:
            break
        }
    }

    private mutating func enterProvince(_ p: Int, atEnd: Bool, keepPlace: Bool) {
        if province != p || !keepPlace {
            province = p
            wardFilter = ""
            wardPos = ListPosition()
            refreshRows()
            if atEnd { wardPos.cursor = max(0, wardRows.count - 1) }
        }
        level = .wards
        editingFilter = false
    }

    /// Esc and friends: out of the detail first (back to the list as it was, filter and all); in a
    /// list, clear the typed filter, then the band / stage filter, then go up a level.
    private mutating func back() {
        if level == .detail && !editingFilter {
            level = .wards
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
        switch level {
        case .detail:
            level = .wards
        case .wards:
            level = .provinces
            if let p = province, let i = provinceRows.firstIndex(of: p) { provincePos.cursor = i }
        case .provinces:
            break
        }
    }

    // MARK: filter

    private var currentFilter: String { level == .provinces ? provinceFilter : wardFilter }

    private mutating func setFilter(_ f: String) {
        if level == .provinces { provinceFilter = f } else { wardFilter = f }
        refreshRows()
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
        let next = wardPos.cursor + (forward ? 1 : -1)
        if wardRows.indices.contains(next) {
            wardPos.cursor = next
            detailScroll = 0
            return
        }
        // Cross into the neighbouring province (in the order of the province list) that has wards.
        let order = provinceRows.contains(province ?? -1) ? provinceRows : Array(map.provinces.indices)
        guard let current = province, var i = order.firstIndex(of: current) else { return }
        let keepLevel = level
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
                level = keepLevel
                if let pi = provinceRows.firstIndex(of: candidate) { provincePos.cursor = pi }
                notice = "\(glyphs.arrow) \(DisplaySafe.clean(map.provinces[candidate].name))"
                detailScroll = 0
                return
            }
        }
    }

    // MARK: mouse

    /// Moves the cursor to the list row at (x, y); true when a row was hit.
    @discardableResult
    private mutating func select(x: Int, y: Int) -> Bool {
        let l = layout
        if l.wide && x >= l.detailLeft { return false }
        if level == .detail && !l.wide { return false }
        let scroll = level == .provinces ? provincePos.scroll : wardPos.scroll
        guard let item = l.listItem(atY: y, scroll: scroll), item < currentCountForList else { return false }
        if level == .provinces { provincePos.cursor = item } else {
            wardPos.cursor = item
            if level == .detail { detailScroll = 0 }
        }
        return true
    }

    private var currentCountForList: Int { level == .provinces ? provinceRows.count : wardRows.count }

    // MARK: snapshots

    /// Shows another snapshot of the series, keeping the same province and ward when they exist on
    /// its map, and saying so when they do not.
    public mutating func replaceSnapshot(index: Int, dataset data: Dataset, previous: ProgressSummary?,
                                         translatedPlace: (province: String?, ward: String?)? = nil) {
        let oldMap = map
        let oldProvinceCode = province.map { oldMap.provinces[$0].code }
        let oldWardCode = selectedWard.map { oldMap.wards[$0].code }
        let oldCursorProvinceCode = selectedProvince.map { oldMap.provinces[$0].code }
        // Across a map change the crosswalk says where the place went; otherwise codes carry over.
        let provinceCode = translatedPlace.map { $0.province } ?? oldProvinceCode
        let wardCode = translatedPlace.map { $0.ward } ?? oldWardCode
        let cursorProvinceCode = translatedPlace.map { $0.province } ?? oldCursorProvinceCode
        snapshotIndex = index
        setDataset(data, previous: previous)
        province = oldProvinceCode == nil ? nil : provinceCode.flatMap { map.provinceIndex[$0] }
        refreshRows()
        if let code = cursorProvinceCode, let pi = map.provinceIndex[code], let row = provinceRows.firstIndex(of: pi) {
            provincePos.cursor = row
        }
        var missing: [String] = []
        if let oldProvinceCode, province == nil {
            missing.append(oldMap.province(oldProvinceCode)?.name ?? oldProvinceCode)
            level = .provinces
        } else if let oldWardCode {
            if let wardCode, let wi = map.wardIndex[wardCode], let row = wardRows.firstIndex(of: wi) {
                wardPos.cursor = row
            } else {
                missing.append(oldMap.ward(oldWardCode)?.name ?? oldWardCode)
                if level == .detail { level = .wards }
            }
        }
        if !missing.isEmpty {
            notice = strings.notOnMap(DisplaySafe.clean(missing.joined(separator: ", ")))
        } else if translatedPlace != nil, let p = province ?? selectedProvince {
            // Say where the place went when the map changed.
            let target = level == .provinces ? map.provinces[p].name : (selectedWard.map { map.wards[$0].name } ?? map.provinces[p].name)
            notice = strings.mapChanged(DisplaySafe.clean(target))
        }
        keepCursorsVisible()
    }
}
