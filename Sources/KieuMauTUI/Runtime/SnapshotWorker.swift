import KieuMauCore

/// The snapshot source and the cache of full snapshots, touched only on the runner's snapshot
/// queue (one job at a time), so neither needs locks.
final class SnapshotWorker: @unchecked Sendable {
    let source: any SnapshotSource
    private var cache: SnapshotCache
    /// Files in the order they should be kept: the one on screen first, then its neighbours.
    private var preference: [String] = []

    init(source: any SnapshotSource, budget: Int) {
        self.source = source
        self.cache = SnapshotCache(budget: budget)
    }

    /// Files of the snapshots kept in full (for tests of the bound).
    var keptFiles: [String] { cache.files }

    /// What to keep first from now on: the snapshot on screen, then the ones named.
    func prefer(_ files: [String]) {
        preference = files
        cache.trim(preferring: order(adding: nil))
    }

    /// A snapshot about to be shown: it comes first, the one on screen until now next.
    func showing(_ file: String) {
        prefer([file] + preference.filter { $0 != file })
    }

    /// Takes the snapshot on screen as read (the command line read it for the first frame).
    func adopt(_ data: Dataset, summary: ProgressSummary, file: String) {
        cache.keep(data, file: file)
        cache.keep(summary, file: file)
        prefer([file])
    }

    /// Whether `count` snapshots as large as the largest kept fit the budget besides the screen.
    /// Reading ahead is done only when the one just left stays kept too: with room for one
    /// neighbour, stepping back and forth between two snapshots (a common way to compare them)
    /// would otherwise read a file at every step.
    func hasRoom(for count: Int) -> Bool { cache.largestCost * count <= cache.budget }

    func forgetAll() { cache.removeAll() }

    /// The snapshot, from the cache or read (and kept if the budget allows).
    func dataset(_ ref: SnapshotRef) -> Result<Dataset, Problems> {
        if let d = cache.dataset(ref.file) { return .success(d) }
        // Room is made before the rows are decoded, not after.
        cache.trim(preferring: order(adding: ref.file), incoming: (ref.file, cache.largestCost))
        let result = source.load(ref)
        if case .success(let d) = result {
            cache.keep(d, file: ref.file)
            cache.trim(preferring: order(adding: ref.file))
        }
        return result
    }

    /// The summary of a snapshot under a definition of "model", kept with it when it is kept.
    func summary(of data: Dataset, file: String, definition: ModelDefinition) -> ProgressSummary {
        if let s = cache.summary(file), s.definition == definition { return s }
        let s = ProgressSummary(data, definition: definition)
        cache.keep(s, file: file)
        return s
    }

    /// The digest of a snapshot and the map its ward indices refer to: from the snapshot kept in
    /// full when it is, else from the source's digest cache (a source without one reads it, kept
    /// as the budget allows).
    func digest(_ ref: SnapshotRef, definition: ModelDefinition) -> (Result<SnapshotDigest, Problems>, AdminMap?) {
        if cache.dataset(ref.file) != nil || !source.hasDigestCache {
            switch dataset(ref) {
            case .success(let data):
                return (.success(SnapshotDigest(data, summary: summary(of: data, file: ref.file, definition: definition))), data.map)
            case .failure(let problems):
                return (.failure(problems), nil)
            }
        }
        let result = source.digest(ref, definition: definition)
        guard case .success(let d) = result else { return (result, nil) }
        return (result, source.map(id: d.totals.mapID))
    }

    /// A snapshot ready for the screen: rows, summary, and the crosswalk from `fromMap` if the maps differ.
    func loaded(index: Int, ref: SnapshotRef, fromMap: String, definition: ModelDefinition) -> Result<LoadedSnapshot, Problems> {
        dataset(ref).map { data in
            let crosswalk = data.map.id == fromMap ? nil : source.crosswalk(between: fromMap, and: data.map.id)
            return LoadedSnapshot(index: index, file: ref.file, dataset: data,
                                  summary: summary(of: data, file: ref.file, definition: definition), crosswalk: crosswalk)
        }
    }

    /// The order files are kept in: the preference, then `file`, then the rest as they are.
    private func order(adding file: String?) -> [String] {
        var seen = Set(preference)
        var order = preference
        if let file, seen.insert(file).inserted { order.append(file) }
        for kept in cache.files where seen.insert(kept).inserted { order.append(kept) }
        return order
    }
}
