import KieuMauCore
import KieuMauReviews

/// The one writer of `AppState`: `(State, Action) -> (State, [Effect])`. Pure — no I/O, no clock,
/// no terminal; what needs any of those comes back as an effect value, and its answer arrives as
/// another action. The work is split by concern over the `Reducer+…` files.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        state.reduce(action)
    }
}

extension AppState {
    mutating func reduce(_ action: Action) -> [Effect] {
        switch action {
        case .command(let command):
            if command != .repaint { notice = nil }
            let before = followUpKey
            var effects = apply(command)
            effects += followUps(since: before)
            return effects
        case .text(let c):
            notice = nil
            typeText(c)
            return followUps(since: nil)
        case .edit(let e):
            notice = nil
            editLine(e)
            return []
        case .click(let x, let y):
            notice = nil
            let before = followUpKey
            click(x: x, y: y, open: false)
            return followUps(since: before)
        case .doubleClick(let x, let y):
            notice = nil
            let before = followUpKey
            if wardsPending {
                // Opens once the wards are read; the click selects meanwhile.
                click(x: x, y: y, open: false)
                deferredCommand = .open
                notice = strings.loadingWards
                return followUps(since: before)
            }
            let effects = click(x: x, y: y, open: true)
            return effects + followUps(since: before)
        case .wheel(let delta):
            let before = followUpKey
            move(by: delta)
            return followUps(since: before)
        case .resize:
            return []
        case .drawn(let geometry):
            settle(geometry)
            return []
        case .started:
            return started()
        case .themeNames(let names):
            themeNames = names
            themeIndex = min(themeIndex, max(0, names.count - 1))
            return []
        case .reviewStore(let available, let readOnly):
            reviewsAvailable = available
            reviewsReadOnly = readOnly
            return []
        case .glyphs(let g):
            glyphs = g
            return []
        case .snapshotLoaded(let loaded):
            return snapshotLoaded(loaded) + followUps(since: nil)
        case .snapshotFailed(let index, let file, let problems):
            return snapshotFailed(index: index, file: file, problems: problems)
        case .wardsLoaded(let file, let result):
            return wardsLoaded(file: file, result: result)
        case .latestKnownReady(let day, let loaded, let view, let unreadable):
            return latestKnownReady(day: day, loaded: loaded, view: view, unreadable: unreadable) + followUps(since: nil)
        case .seriesOpened(let name, let refs, let index, let result):
            return seriesOpened(name: name, refs: refs, index: index, result: result) + followUps(since: nil)
        case .dataReloaded(let refs, let names, let problems):
            return dataReloaded(refs: refs, seriesNames: names, newProblems: problems)
        case .digested(let file, let result, let map):
            digested(file: file, result: result, map: map)
            return []
        case .compared(let other, let result):
            compared(other: other, result: result)
            return []
        case .reviewsLoaded(let day, let result):
            reviewsLoaded(day: day, result: result)
            return []
        case .reviewSaved(let result, let day, let ward, let wasNote):
            reviewSaved(result, snapshot: day, ward: ward, wasNote: wasNote)
            return []
        case .previousReviewLoaded(let key, let review):
            if key == previousReviewKey { previousReview = review }
            return []
        case .exported(let result):
            switch result {
            case .success(let receipt): notice = strings.exported(receipt.path, receipt.rows)
            case .failure(let failure): notice = strings.exportFailed(failure.description)
            }
            return []
        case .themeChosen(let index):
            if themeNames.indices.contains(index) {
                themeIndex = index
                notice = "\(strings.themeLabel): \(themeNames[index])"
            }
            return []
        case .dataChanged:
            return [.reload(series: header.series)]
        case .reviewsChanged:
            previousReviewKey = nil
            return [.loadReviews(snapshot: header.asOf)] + followUps(since: nil)
        case .reviewStoreOffline(let since, let reason):
            return reviewStoreOffline(since: since, reason: reason)
        case .reviewStoreReconnected:
            return reviewStoreReconnected()
        case .reviewStoreStillOffline(let reason):
            return reviewStoreStillOffline(reason: reason)
        }
    }

    /// One command, in the mode the screen is in: help, the note editor, a filter being typed, or
    /// the screen on top.
    private mutating func apply(_ command: Command) -> [Effect] {
        if command == .repaint { return [.repaint] }
        if help != nil { return applyInHelp(command) }
        if noteEditor != nil { return applyInNote(command) }
        if wardsPending, command.needsWards {
            deferredCommand = command
            notice = strings.loadingWards
            return []
        }
        switch command {
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: move(by: -page)
        case .pageDown: move(by: page)
        case .first: move(toEnd: false)
        case .last: move(toEnd: true)
        case .open: return drillIn()
        case .back, .filterClear: back()
        case .filter: startFilter()
        case .filterAccept: typingFilter = false
        case .filterErase: eraseFilter()
        case .nextWard: stepWard(forward: true)
        case .previousWard: stepWard(forward: false)
        case .previousSnapshot: return step(by: -1)
        case .nextSnapshot: return step(by: 1)
        case .switchSeries: return switchSeries()
        case .toggleView: return toggleView()
        case .markOK: return mark(.ok)
        case .markFollowUp: return mark(.followUp)
        case .note: openNote()
        case .nextUnreviewed: nextUnreviewed()
        case .criteria: openCriteria()
        case .compare: return openComparison(with: nil)
        case .compareOlder: return shiftComparison(by: -1)
        case .compareNewer: return shiftComparison(by: 1)
        case .exportCSV: return export(json: false)
        case .exportJSON: return export(json: true)
        case .cycleSort: cycleListSetting(sort: true)
        case .cycleFilter: cycleListSetting(sort: false)
        case .theme: return themeNames.count > 1 ? [.nextTheme(after: themeIndex)] : []
        case .language:
            lang = lang.toggled
            notice = strings.languageName
        case .help: help = ScrollState()
        case .quit: quit = true
        case .repaint, .noteSave, .noteCancel: break
        }
        return []
    }

    private mutating func applyInHelp(_ command: Command) -> [Effect] {
        guard var h = help else { return [] }
        switch command {
        case .up: h.scroll(by: -1)
        case .down: h.scroll(by: 1)
        case .pageUp: h.scroll(by: -h.page)
        case .pageDown: h.scroll(by: h.page)
        case .first: h.scroll(to: 0)
        case .last: h.scroll(to: h.maxOffset)
        case .quit: quit = true
        case .language: lang = lang.toggled
        default:
            // Any other key closes help, as in htop.
            help = nil
            return []
        }
        help = h
        return []
    }

    /// The page of the screen on top: the rows its list or pane showed, less one.
    private var page: Int {
        switch top {
        case .provinces(let p): return p.list.page
        case .wards(let w): return w.list.page
        case .criteria(let c): return c.list.page
        case .wardDetail(let d): return d.scroll.page
        case .compare(let c): return c.scroll.page
        }
    }

    // MARK: - Follow-ups

    /// What the screen on top has selected, to see whether a move changed it.
    var followUpKey: String? {
        guard let w = selectedWard else { return nil }
        return map.wards[w].code + "@" + header.asOf.iso
    }

    /// After a change of selection: the selected ward's history (from digests) and its previous
    /// review (from the store), and a look at whether another dashboard changed the store.
    mutating func followUps(since before: String?) -> [Effect] {
        // Another dashboard's marks show on the next key too (a file store has no other way to say so).
        var effects: [Effect] = reviewsAvailable && reviewStoreOutage == nil ? [.drainReviewChanges] : []
        let key = followUpKey
        guard let key, key != before || history?.wardCode != selectedWard.map({ map.wards[$0].code }) else { return effects }
        refreshHistory()
        if reviewsAvailable, key != previousReviewKey, let w = selectedWard {
            previousReviewKey = key
            previousReview = nil
            effects.append(.loadPreviousReview(ward: map.wards[w].code, before: header.asOf, key: key))
        }
        return effects
    }
}
