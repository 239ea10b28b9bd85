import KieuMauCore

/// The full snapshots (rows and summary) the controller keeps, so that a step to a neighbour or
/// back does not decode the file again — bounded, because at 100,000 wards one snapshot is ~20 MB.
///
/// The snapshot on screen is always kept. The others are kept nearest to it in the series first
/// (the one before ahead of the one after), while their cost — ward rows of the snapshot plus wards
/// of its summary, ~144 and ~56 bytes each — stays within `budget`. With the default a national or
/// communes series (≤ ~20,000 a snapshot) keeps every snapshot, a 100,000-ward series the screen and
/// one neighbour. What the trend, projection and ward history need of the rest is in their digests
/// (`SeriesDigests`); a step to a snapshot not kept loads it again.
struct SnapshotCache {
    private struct Entry {
        var dataset: Dataset
        var summary: ProgressSummary?
        /// One for the snapshot itself, so a budget of 0 keeps none even of those without rows.
        var cost: Int { 1 + dataset.snapshot.wards.count + (summary?.wards.count ?? 0) }
    }

    /// Ward entries the snapshots other than the one on screen may hold together.
    let budget: Int
    private var entries: [String: Entry] = [:]
    /// Files kept, the one kept most recently first.
    private(set) var files: [String] = []

    init(budget: Int) { self.budget = max(0, budget) }

    func dataset(_ file: String) -> Dataset? { entries[file]?.dataset }
    func summary(_ file: String) -> ProgressSummary? { entries[file]?.summary }

    /// Keeps a loaded snapshot (its summary, if it already has one, stays).
    mutating func keep(_ data: Dataset, file: String) {
        if entries[file] == nil {
            entries[file] = Entry(dataset: data)
            files.insert(file, at: 0)
        }
    }

    /// Keeps the summary of a snapshot that is kept.
    mutating func keep(_ summary: ProgressSummary, file: String) {
        entries[file]?.summary = summary
    }

    /// Drops what is over the budget. `files` is the order of preference: the snapshot on screen
    /// first (always kept), then the others nearest to it; a file not listed is dropped.
    /// `incoming` is a snapshot about to be loaded, with its cost as estimated: room is made for it
    /// first, so what it would push out is freed before its rows are decoded, not after.
    mutating func trim(preferring files: [String], incoming: (file: String, cost: Int)? = nil) {
        var kept: [String: Entry] = [:]
        var used = 0
        for (i, file) in files.enumerated() {
            if let incoming, file == incoming.file, entries[file] == nil {
                // The first place is the screen's, outside the budget.
                if i > 0, used + incoming.cost <= budget { used += incoming.cost }
                continue
            }
            guard let e = entries[file], kept[file] == nil else { continue }
            if i == 0 {
                kept[file] = e
            } else if used + e.cost <= budget {
                used += e.cost
                kept[file] = e
            }
        }
        entries = kept
        self.files = self.files.filter { kept[$0] != nil }
    }

    /// The cost of the largest snapshot kept: the estimate for one about to be loaded.
    var largestCost: Int { entries.values.map(\.cost).max() ?? 0 }

    mutating func removeAll() { entries = [:]; files = [] }
}
