import KieuMauCore

/// The command centre's questions: what holds wards back (criteria), what changed (compare), and
/// exporting the list on screen.
extension AppState {
    /// `c`: what holds wards back, for the province on screen or the nation.
    mutating func openCriteria() {
        if case .criteria = top { return }
        // The list on screen was opened from the criteria view (one criterion's wards): back to
        // that view rather than a second one, whose Esc would give back the list without its
        // criterion (found by fuzzing the dashboard).
        if criteriaInStack {
            pop { if case .criteria = $0 { return true } else { return false } }
            return
        }
        if case .compare = top { popScreen() }
        let scope: Int?
        if case .provinces = top { scope = nil } else { scope = province }
        stack.append(.criteria(CriteriaScreen(scope: scope, analysis: CriteriaAnalysis(dataset, province: scope))))
        typingFilter = false
    }

    /// `d`: what changed since `other` (default: the previous snapshot, or the next one on the first).
    mutating func openComparison(with other: Int?) -> [Effect] {
        let n = snapshots.count
        guard n > 1 else { notice = strings.noOtherSnapshot; return [] }
        let target = other ?? (snapshotIndex > 0 ? snapshotIndex - 1 : snapshotIndex + 1)
        guard snapshots.indices.contains(target), target != snapshotIndex else { return [] }
        let screen = CompareScreen(other: target, result: nil)
        if case .compare = top { stack[stack.count - 1] = .compare(screen) } else { stack.append(.compare(screen)) }
        typingFilter = false
        return [.compare(here: dataset, other: target, ref: snapshots[target], definition: definition)]
    }

    /// `[` `]`: an older or newer snapshot to compare with.
    mutating func shiftComparison(by delta: Int) -> [Effect] {
        guard let c = comparison else { return [] }
        var target = c.other + delta
        if target == snapshotIndex { target += delta }
        guard snapshots.indices.contains(target) else {
            notice = delta < 0 ? strings.firstSnapshot : strings.lastSnapshot
            return []
        }
        return openComparison(with: target)
    }

    mutating func compared(other: Int, result: Result<SnapshotComparison, Problems>) {
        guard case .compare(var c) = top, c.other == other else { return }
        switch result {
        case .success(let r):
            c.result = r
            c.scroll = ScrollState()
            stack[stack.count - 1] = .compare(c)
        case .failure(let problems):
            popScreen()
            notice = strings.loadFailed(snapshots[other].file) + ": " + (problems.all.first?.description ?? "")
        }
    }

    /// `e` / `E`: the list on screen as it is shown, for the runner to write.
    mutating func export(json: Bool) -> [Effect] {
        let table = ExportTable.of(self)
        // The province list's figures are of the day on screen (the latest-known day, or the snapshot's).
        let asOf = table.name == "provinces" ? day : header.asOf
        return [.export(table, json: json, asOf: asOf, synthetic: header.synthetic || picture.synthetic)]
    }
}
