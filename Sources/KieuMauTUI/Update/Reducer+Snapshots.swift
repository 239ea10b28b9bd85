import KieuMauCore

/// Stepping through the series, switching series, taking in changed data, and what the series
/// says over time (trend, pace, projection, a ward's history) from digests of its snapshots.
extension AppState {
    // MARK: Starting

    /// After the first frame: the reviews of the snapshot on screen, and digests of every other
    /// snapshot, farthest first (the neighbours a cache keeps are read last).
    mutating func started() -> [Effect] {
        var effects: [Effect] = reviewsAvailable ? [.loadReviews(snapshot: header.asOf)] : []
        if wardsPending, let ref = currentRef { effects.append(.loadWards(index: snapshotIndex, ref: ref, definition: definition)) }
        effects += digestSeries()
        return effects + followUps(since: nil)
    }

    /// The rows of the snapshot the first frame drew from its digest: the same figures, now with
    /// every ward. The view (latest known or as published) stays; a key that waited is carried out.
    mutating func wardsLoaded(file: String, result: Result<LoadedSnapshot, Problems>) -> [Effect] {
        // A step, a series switch or a reload showed a snapshot in full meanwhile: nothing to do.
        guard wardsPending, file == currentRef?.file else { return [] }
        let waiting = deferredCommand
        deferredCommand = nil
        switch result {
        case .failure(let problems):
            // The digest was right about the file when it was drawn; now it cannot be read.
            wardsPending = false
            digests.noteFailure(file)
            notice = strings.loadFailed(file) + ": " + (problems.all.first?.description ?? "")
            return []
        case .success(let loaded):
            guard loaded.dataset.header == header, loaded.summary.definition == definition else { return [] }
            dataset = loaded.dataset
            summary = loaded.summary
            wardsPending = false
            names = MapNameIndex(map)
            if !basis.isLatestKnown {
                picture = LatestKnown.asPublished(header: header, totals: ProgressTotals(summary))
                result2025 = Self.published2025(header, summary)
            }
            refreshAllRows()
            refreshProjection()
            if notice == strings.loadingWards { notice = nil }
            guard let waiting else { return readAhead() }
            return readAhead() + reduce(.command(waiting))
        }
    }

    /// Digests of the snapshots that have none, farthest from the screen first.
    mutating func digestSeries() -> [Effect] {
        let here = snapshotIndex
        let missing = snapshots.indices
            .filter { digests[snapshots[$0].file].map { $0.totals.definition != definition } ?? !digests.hasFailed(snapshots[$0].file) }
            .sorted { (abs($0 - here), $0) > (abs($1 - here), $1) }
        guard !missing.isEmpty else { finishDigests(); return [] }
        digestsPending = Set(missing.map { snapshots[$0].file })
        return [.digest(missing.map { snapshots[$0] }, definition: definition)]
    }

    mutating func digested(file: String, result: Result<SnapshotDigest, Problems>, map digestMap: AdminMap?) {
        guard digestsPending.remove(file) != nil else { return }
        switch result {
        case .success(let d):
            digests.add(d, file: file, map: digestMap)
            // A snapshot whose rows do not count every ward (or that has none) says nothing about
            // the share: a gap, not a zero.
            if let i = snapshots.firstIndex(where: { $0.file == file }), d.hasRows, d.totals.nationalIsCounted {
                trend[i] = d.totals.national.share
            }
        case .failure:
            digests.noteFailure(file)
        }
        if digestsPending.isEmpty { finishDigests() }
    }

    /// Pace, projection and history once the series has its digests.
    mutating func finishDigests() {
        if snapshotIndex > 0, let d = digests[snapshots[snapshotIndex - 1].file] { previousSummary = d.totals }
        refreshProjection()
        history = nil
        refreshHistory()
    }

    /// Where it is heading, from the snapshots up to the one on screen that have ward rows (one
    /// that only announces a map says nothing about the pace).
    mutating func refreshProjection() {
        var series: [ProgressTotals] = []
        for i in 0...max(0, snapshotIndex) where snapshots.indices.contains(i) {
            if i == snapshotIndex { series.append(ProgressTotals(summary)); continue }
            guard let d = digests[snapshots[i].file], d.totals.definition == definition, d.hasRows else { continue }
            series.append(d.totals)
        }
        projection = Projection(totals: series)
    }

    /// The selected ward across the snapshots of the series read so far.
    mutating func refreshHistory() {
        guard let w = selectedWard else { return }
        let code = map.wards[w].code
        var series: [SnapshotDigest] = []
        for (i, ref) in snapshots.enumerated() {
            if i == snapshotIndex { series.append(SnapshotDigest(dataset, summary: summary)); continue }
            if let d = digests[ref.file], d.totals.definition == definition { series.append(d) }
        }
        var all = digests
        all.add(SnapshotDigest(dataset, summary: summary), file: currentRef?.file ?? "", map: map)
        history = all.history(ofWard: code, in: series)
    }

    // MARK: Steps

    /// `<` `>`: asks for the neighbouring snapshot; the screen says "loading" until it arrives.
    mutating func step(by delta: Int) -> [Effect] {
        travel = delta < 0 ? -1 : 1
        // From the latest-known view, back is the snapshot it stands on, as published; on is the end.
        if basis.isLatestKnown, loading == nil {
            if delta < 0 {
                showAsPublished()
                notice = strings.viewTogglePublished
            } else {
                notice = strings.lastSnapshot
            }
            return []
        }
        let target = (loading.flatMap { if case .step = $0.purpose { return $0.target } else { return nil } } ?? snapshotIndex) + delta
        guard snapshots.indices.contains(target) else {
            // Forward past the last snapshot: the latest-known view again.
            if delta > 0 { return showLatestKnown(on: latestKnownDay ?? header.asOf) }
            notice = strings.firstSnapshot
            return []
        }
        return load(target, purpose: .step(delta: delta, skipped: []))
    }

    // MARK: Latest known and as published

    /// `v`: the latest-known view ↔ the snapshot it stands on, as published.
    mutating func toggleView() -> [Effect] {
        if basis.isLatestKnown {
            showAsPublished()
            notice = strings.viewTogglePublished
            return []
        }
        return showLatestKnown(on: latestKnownDay ?? snapshots.last?.header.asOf ?? header.asOf)
    }

    /// Asks for the latest-known picture as of `day` (the runner reads the digests it needs).
    mutating func showLatestKnown(on day: Day) -> [Effect] {
        latestKnownDay = day
        let target = snapshots.lastIndex { $0.header.asOf <= day } ?? snapshotIndex
        loading = Loading(target: target, file: snapshots.indices.contains(target) ? snapshots[target].file : "", purpose: .latestKnown(day))
        return [.showLatestKnown(day: day, refs: snapshots, fromMap: map.id, definition: definition)]
    }

    mutating func latestKnownReady(day: Day, loaded: LoadedSnapshot?, view: LatestKnownView?, unreadable: [String]) -> [Effect] {
        guard let l = loading, case .latestKnown(let asked) = l.purpose, asked == day else { return [] }
        // An answer for the series on screen before a switch (asked as of the same day): the
        // request made since for this series answers after it.
        if let loaded, !(snapshots.indices.contains(loaded.index) && snapshots[loaded.index].file == loaded.file) { return [] }
        loading = nil
        var effects: [Effect] = []
        if let loaded, loaded.index != snapshotIndex || loaded.dataset.header != header {
            effects = show(loaded)
        }
        guard let view, loaded != nil else {
            notice = unreadable.isEmpty ? strings.noSnapshotBefore(day.iso) : strings.loadFailed(unreadable.joined(separator: ", "))
            return effects
        }
        basis = .latestKnown(day)
        picture = view.picture
        result2025 = day > Targets.deadline2025 ? view.result2025 : nil
        refreshAllRows()
        if !unreadable.isEmpty { notice = strings.loadFailed(unreadable.joined(separator: ", ")) }
        return effects
    }

    /// The snapshot on screen as it was published.
    mutating func showAsPublished() {
        basis = .asPublished
        picture = LatestKnown.asPublished(header: header, totals: ProgressTotals(summary))
        result2025 = Self.published2025(header, summary)
        refreshAllRows()
    }

    mutating func load(_ index: Int, purpose: Loading.Purpose) -> [Effect] {
        let ref = snapshots[index]
        loading = Loading(target: index, file: ref.file, purpose: purpose)
        return [.loadSnapshot(index: index, ref: ref, fromMap: map.id, definition: definition)]
    }

    mutating func snapshotLoaded(_ loaded: LoadedSnapshot) -> [Effect] {
        guard let l = loading, l.target == loaded.index, l.file == loaded.file else { return [] }
        loading = nil
        var messages: [String] = []
        switch l.purpose {
        case .step(let delta, let skipped, let retreating):
            if !skipped.isEmpty { messages.append(strings.loadFailed(skipped.joined(separator: ", "))) }
            if retreating { messages.append(delta < 0 ? strings.firstSnapshot : strings.lastSnapshot) }
        case .series(let name):
            messages.append(strings.seriesName(name))
        case .latestKnown:
            break
        case .reload(let reloadMessages):
            messages += reloadMessages
            if loaded.file == currentRef?.file, loaded.dataset.snapshot.wards != dataset.snapshot.wards
                || loaded.dataset.snapshot.reported != dataset.snapshot.reported,
               !reloadMessages.contains(where: { $0.contains(loaded.file) }) {
                messages.append(strings.changedSnapshots(loaded.file))
            }
        }
        let wasLatestKnown = basis.isLatestKnown
        var effects = show(loaded)
        if !messages.isEmpty { notice = (messages + [notice].compactMap { $0 }).joined(separator: " · ") }
        switch l.purpose {
        case .series, .reload:
            effects += digestSeries()
            // A series switch or a reload keeps the view the user was in.
            if wasLatestKnown, let day = latestKnownDay {
                let kept = notice
                effects += showLatestKnown(on: day)
                notice = kept
            }
        case .step, .latestKnown:
            break
        }
        return effects
    }

    /// A snapshot that could not be read: a step goes on past it, naming it; otherwise the
    /// screen stays as it is and says why.
    mutating func snapshotFailed(index: Int, file: String, problems: Problems) -> [Effect] {
        guard let l = loading, l.target == index, l.file == file else { return [] }
        loading = nil
        digests.noteFailure(file)
        let why = file + (problems.all.first.map { " (\($0.path.isEmpty ? $0.message : $0.path))" } ?? "")
        switch l.purpose {
        case .step(let delta, let skipped, let retreating):
            // On past a snapshot that cannot be read; at the end of the series, back toward the
            // screen (keys typed ahead asked for one that cannot be read), down to the screen itself.
            let next = retreating ? index - delta : index + delta
            if !retreating, snapshots.indices.contains(next) {
                return load(next, purpose: .step(delta: delta, skipped: skipped + [why]))
            }
            // Forward past the last snapshot that can be read: the latest-known view, saying which could not be.
            if delta > 0, !retreating {
                let effects = showLatestKnown(on: latestKnownDay ?? header.asOf)
                notice = strings.loadFailed((skipped + [why]).joined(separator: ", "))
                return effects
            }
            let back = retreating ? next : index - delta
            if back != snapshotIndex, snapshots.indices.contains(back), (back - snapshotIndex).signum() == delta.signum() {
                return load(back, purpose: .step(delta: delta, skipped: skipped + [why], retreating: true))
            }
            let edge = delta < 0 ? strings.firstSnapshot : strings.lastSnapshot
            notice = strings.loadFailed((skipped + [why]).joined(separator: ", ")) + " · " + edge
        case .series, .reload, .latestKnown:
            notice = strings.loadFailed(file) + ": " + (problems.all.first?.description ?? "")
        }
        return []
    }

    /// Shows a loaded snapshot, keeping the place on every screen of the stack: the same province,
    /// ward and criterion where they exist (through the crosswalk across a map change), saying
    /// what is not there any more. A screen whose place is gone ends the stack there.
    mutating func show(_ loaded: LoadedSnapshot) -> [Effect] {
        let oldMap = map
        let crosswalk = loaded.crosswalk
        let forward = crosswalk.map { $0.fromMapID == oldMap.id } ?? true
        func translated(province: String?, ward: String?) -> (province: String?, ward: String?) {
            guard let crosswalk else { return (province, ward) }
            return PlaceTranslation.translate(province: province, ward: ward, with: crosswalk, forward: forward)
        }
        let oldProvinceCode = provinceList.selectedProvince.map { oldMap.provinces[$0].code }
        let oldStack = stack
        let hadComparison = comparison != nil

        snapshotIndex = loaded.index
        dataset = loaded.dataset
        summary = loaded.summary
        if wardsPending {
            // The outline's names index holds no ward: made again for the whole map.
            wardsPending = false
            deferredCommand = nil
            names = MapNameIndex(map)
        }
        basis = .asPublished
        picture = LatestKnown.asPublished(header: header, totals: ProgressTotals(summary))
        result2025 = Self.published2025(header, summary)
        if !names.isIndex(of: map) { names = MapNameIndex(map) }
        if !dataset.snapshot.wards.isEmpty, summary.national.units > 0, picture.national.count != nil {
            trend[loaded.index] = summary.national.share
        }
        previousSummary = loaded.index > 0 ? digests[snapshots[loaded.index - 1].file]?.totals : nil
        lastIndexBySeries[header.series] = loaded.index
        reviews = [:]
        previousReview = nil
        previousReviewKey = nil

        var missing: [String] = []
        var droppedCriterion: Int?
        var provinces = ProvinceListScreen()
        if case .provinces(let p) = oldStack[0] { provinces = p }
        provinces.rows = ListQueries.provinceRows(summary: summary, sort: provinceSort, band: bandFilter, filter: provinces.filter,
                                                  names: names, picture: picture)
        if let code = translated(province: oldProvinceCode, ward: nil).province, let pi = map.provinceIndex[code],
           let row = provinces.rows.firstIndex(of: pi) {
            provinces.list.selected = row
        }
        provinces.list.clamp(count: provinces.rows.count)
        stack = [.provinces(provinces)]

        screens: for (depth, screen) in oldStack.enumerated().dropFirst() {
            switch screen {
            case .provinces:
                continue
            case .wards(let w):
                if let c = w.missingCriterion, c > dataset.criteria.count {
                    // 22 criteria, then 20 from 2024: a list of wards missing criterion 21 has nothing to list.
                    droppedCriterion = c
                    break screens
                }
                let oldProvince = w.province.map { oldMap.provinces[$0].code }
                let oldWard = w.selectedWard.map { oldMap.wards[$0].code }
                let place = translated(province: oldProvince, ward: oldWard)
                let province = place.province.flatMap { map.provinceIndex[$0] }
                if let oldProvince, province == nil {
                    missing.append(oldMap.province(oldProvince)?.name ?? oldProvince)
                    break screens
                }
                var n = WardListScreen(province: province, missingCriterion: w.missingCriterion)
                n.filter = w.filter
                n.rows = wardRows(province: province, missing: w.missingCriterion, filter: w.filter)
                n.list.selected = w.list.selected
                if let code = place.ward, let wi = map.wardIndex[code], let row = n.rows.firstIndex(of: wi) {
                    n.list.selected = row
                } else if let oldWard {
                    missing.append(oldMap.ward(oldWard)?.name ?? oldWard)
                    if oldStack.indices.contains(depth + 1), case .wardDetail = oldStack[depth + 1] {
                        n.list.clamp(count: n.rows.count)
                        stack.append(.wards(n))
                        // The ward of the detail above is gone: the detail goes with it.
                        break screens
                    }
                }
                n.list.clamp(count: n.rows.count)
                stack.append(.wards(n))
            case .wardDetail(let d):
                stack.append(.wardDetail(d))
            case .criteria(let c):
                let scopeCode = c.scope.map { oldMap.provinces[$0].code }
                let scope = translated(province: scopeCode, ward: nil).province.flatMap { map.provinceIndex[$0] }
                var n = CriteriaScreen(scope: scope, analysis: CriteriaAnalysis(dataset, province: scope), list: c.list)
                n.list.clamp(count: n.analysis.criteria.count)
                stack.append(.criteria(n))
            case .compare:
                // Worked out again below, against the snapshot before the new one.
                break screens
            }
        }
        typingFilter = typingFilter && currentFilter != nil
        if let n = droppedCriterion {
            pop { if case .criteria = $0 { return true } else { return false } }
            notice = strings.criterionNotInSet(n, total: dataset.criteria.count)
        } else if !missing.isEmpty {
            notice = strings.notOnMap(DisplaySafe.clean(missing.joined(separator: ", ")))
        } else if crosswalk != nil {
            // Say where the place went when the map changed.
            let place = selectedWard.map { map.wards[$0].name } ?? selectedProvince.map { map.provinces[$0].name }
            if let place { notice = strings.mapChanged(DisplaySafe.clean(place)) }
        }
        refreshProjection()
        history = nil
        var effects: [Effect] = reviewsAvailable ? [.loadReviews(snapshot: header.asOf)] : []
        if hadComparison { effects += openComparison(with: nil) }
        effects += readAhead()
        return effects
    }

    /// The next snapshot in the direction of travel, read into the runner's cache before it is asked for.
    mutating func readAhead() -> [Effect] {
        let next = snapshotIndex + travel
        guard snapshots.indices.contains(next), !digests.hasFailed(snapshots[next].file) else { return [] }
        let keep = [snapshotIndex, next, snapshotIndex - travel].filter(snapshots.indices.contains).map { snapshots[$0].file }
        return [.readAhead(snapshots[next], keeping: keep, definition: definition)]
    }

    // MARK: Series

    /// `D`: the next series, at the snapshot nearest the date on screen.
    mutating func switchSeries() -> [Effect] {
        guard seriesNames.count > 1 else { notice = strings.onlyOneSeries; return [] }
        let current = header.series
        let next = seriesNames[((seriesNames.firstIndex(of: current) ?? -1) + 1) % seriesNames.count]
        lastIndexBySeries[current] = snapshotIndex
        return [.openSeries(name: next, near: header.asOf, lastIndex: lastIndexBySeries[next], fromMap: map.id, definition: definition)]
    }

    mutating func seriesOpened(name: String, refs: [SnapshotRef], index: Int,
                               result: Result<LoadedSnapshot, Problems>) -> [Effect] {
        switch result {
        case .failure(let problems):
            notice = strings.loadFailed(refs.indices.contains(index) ? refs[index].file : name) + ": " + (problems.all.first?.description ?? "")
            return []
        case .success(let loaded):
            snapshots = refs
            trend = Array(repeating: nil, count: refs.count)
            digests.removeAll()
            digestsPending = []
            history = nil
            loading = Loading(target: loaded.index, file: loaded.file, purpose: .series(name))
            return snapshotLoaded(loaded)
        }
    }

    // MARK: Live reload

    /// The data folder was read again: the same snapshot where it still is, else the nearest
    /// earlier one, and a word on what arrived; a broken new file is a warning.
    mutating func dataReloaded(refs: [SnapshotRef], seriesNames names: [String], newProblems: [Problem]) -> [Effect] {
        let oldFiles = Set(snapshots.map(\.file))
        let oldHeaders = Dictionary(snapshots.map { ($0.file, $0.header) }, uniquingKeysWith: { a, _ in a })
        let errors = newProblems.filter { $0.severity == .error }
        var messages: [String] = []
        let added = refs.filter { !oldFiles.contains($0.file) }
        if !added.isEmpty { messages.append(strings.newSnapshots(added.map { $0.header.asOf.iso }.joined(separator: ", "))) }
        let changed = refs.filter { ref in oldHeaders[ref.file].map { $0 != ref.header } ?? false }
        if !changed.isEmpty { messages.append(strings.changedSnapshots(changed.map(\.file).joined(separator: ", "))) }
        if let p = errors.first { messages.append(strings.dataWarning(p.description) + (errors.count > 1 ? " (+\(errors.count - 1))" : "")) }
        problemCount += errors.count
        seriesNames = names.isEmpty ? seriesNames : names
        guard !refs.isEmpty else {
            if !messages.isEmpty { notice = messages.joined(separator: " · ") }
            return []
        }
        let current = currentRef?.file
        let index = refs.firstIndex { $0.file == current } ?? refs.lastIndex { $0.header.asOf <= header.asOf } ?? refs.count - 1
        snapshots = refs
        trend = Array(repeating: nil, count: refs.count)
        digests.removeAll()
        digestsPending = []
        history = nil
        if !dataset.snapshot.wards.isEmpty, refs[index].file == current { trend[index] = summary.national.share }
        return load(index, purpose: .reload(messages: messages))
    }
}
