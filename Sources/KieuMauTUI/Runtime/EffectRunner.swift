import Dispatch
import Foundation
import KieuMauCore
import KieuMauReviews

/// How the runner carries out effects: at once on the caller's thread (tests, fuzzing, the
/// in-process benchmark: deterministic), or on background queues so the key path never waits for
/// a file (the dashboard).
public enum Execution: Sendable {
    case inline
    case background
    /// Queued, and carried out one job at a time when asked (`AppRuntime.runNextJob`): fuzzing
    /// uses it to put keys between a request and its answer in every order.
    case stepped
}

/// Carries out the reducer's effects through the ports and answers with actions in the inbox.
/// Snapshot work (reading, summing, digesting, comparing) runs on one serial queue, review and
/// export work on another; each keeps its port to itself. (Unchecked-Sendable: the queues' jobs
/// touch only the inbox and the workers, which are safe there; the rest is the main thread's.)
final class EffectRunner: @unchecked Sendable {
    private let snapshots: SnapshotWorker
    private let reviews: ReviewWorker
    private let themes: ThemeList
    private let inbox: ActionInbox
    private let execution: Execution
    private let snapshotQueue = DispatchQueue(label: "kieumau.snapshots", qos: .userInitiated)
    private let reviewQueue = DispatchQueue(label: "kieumau.reviews", qos: .userInitiated)
    /// The latest request for a snapshot to show: an older one still queued is not decoded.
    private let showRequests = RequestCounter()
    /// Set by the repaint effect; the terminal loop takes it.
    private(set) var repaintRequested = false
    /// Jobs waiting to be run (stepped execution).
    private var queued: [() -> Void] = []
    /// Effects waiting for their time (`Effect.after`), soonest first; the main thread's.
    private var timers: [(deadline: ContinuousClock.Instant, effect: Effect)] = []
    /// The review store's change descriptor as last read on the review queue, and whether a drain
    /// it asked for is under way (then it is not watched: a readable socket would wake the loop
    /// again and again until drained).
    private let watchLock = NSLock()
    private var watchedDescriptor: Int32?
    private var draining = false

    /// What the terminal loop should watch for the review store's news, if anything.
    var reviewChangeDescriptor: Int32? {
        watchLock.lock(); defer { watchLock.unlock() }
        return draining ? nil : watchedDescriptor
    }

    /// The watched descriptor was readable: drain it (and stop watching until that is done).
    func reviewChangesReady() {
        watchLock.lock()
        draining = true
        watchLock.unlock()
        run(.drainReviewChanges)
    }

    /// When the next timer is due, if any.
    var nextTimerDeadline: ContinuousClock.Instant? { timers.first?.deadline }

    /// The effects whose time has come (all of them with `everything`, for tests), in order.
    func dueTimers(at now: ContinuousClock.Instant = .now, everything: Bool = false) -> [Effect] {
        let due = timers.filter { everything || $0.deadline <= now }.map(\.effect)
        timers.removeAll { everything || $0.deadline <= now }
        return due
    }

    /// Runs the oldest queued job (stepped execution); false when there was none.
    func runNextJob() -> Bool {
        guard !queued.isEmpty else { return false }
        queued.removeFirst()()
        return true
    }

    init(source: any SnapshotSource, reviews: (any ReviewBackend)?, exports: any ExportSink, clock: any Clock,
         themes: ThemeList, inbox: ActionInbox, execution: Execution, retainedWardEntries: Int) {
        self.snapshots = SnapshotWorker(source: source, budget: retainedWardEntries)
        self.reviews = ReviewWorker(backend: reviews, exports: exports, clock: clock)
        self.themes = themes
        self.inbox = inbox
        self.execution = execution
    }

    func takeRepaintRequest() -> Bool {
        defer { repaintRequested = false }
        return repaintRequested
    }

    /// Files of the snapshots kept in full (for tests of the memory bound; inline execution only).
    var keptSnapshotFiles: [String] { snapshots.keptFiles }

    /// The snapshot on screen at the start, read before the runner existed.
    func adopt(_ state: AppState) {
        watchedDescriptor = reviews.changeDescriptor
        // An outline (a warm start's first frame) has no rows to keep: they are read after it.
        guard let ref = state.currentRef, !state.wardsPending else { return }
        snapshots.adopt(state.dataset, summary: state.summary, file: ref.file)
    }

    func run(_ effect: Effect) {
        let inbox = self.inbox
        switch effect {
        case .repaint:
            repaintRequested = true
        case .nextTheme(let after):
            // A theme file that does not parse is passed over, as it is left out at launch.
            let n = themes.names.count
            guard n > 0 else { return }
            var i = after
            for _ in 0..<n {
                i = (i + 1) % n
                if themes.isUsable(i) { break }
            }
            inbox.began()
            inbox.post(.themeChosen(i))
        case .loadSnapshot(let index, let ref, let fromMap, let definition):
            let request = showRequests.next()
            onSnapshots { w in
                // A newer step was asked for meanwhile: this one is not needed any more.
                guard self.showRequests.isLatest(request) else { inbox.finished(); return }
                w.showing(ref.file)
                switch w.loaded(index: index, ref: ref, fromMap: fromMap, definition: definition) {
                case .success(let loaded): inbox.post(.snapshotLoaded(loaded))
                case .failure(let problems): inbox.post(.snapshotFailed(index: index, file: ref.file, problems: problems))
                }
            }
        case .loadWards(let index, let ref, let definition):
            onSnapshots { w in
                w.showing(ref.file)
                inbox.post(.wardsLoaded(file: ref.file, w.loaded(index: index, ref: ref, fromMap: ref.header.mapID, definition: definition)))
            }
        case .openSeries(let name, let near, let lastIndex, let fromMap, let definition):
            onSnapshots { w in
                w.forgetAll()
                let refs = w.source.snapshots(inSeries: name)
                guard !refs.isEmpty else {
                    inbox.post(.seriesOpened(name: name, refs: refs, index: 0,
                                             .failure(Problems([Problem(file: name, message: "the series has no snapshots")]))))
                    return
                }
                let index = lastIndex.flatMap { refs.indices.contains($0) ? $0 : nil }
                    ?? refs.lastIndex { $0.header.asOf <= near } ?? 0
                w.prefer([refs[index].file])
                inbox.post(.seriesOpened(name: name, refs: refs, index: index,
                                         w.loaded(index: index, ref: refs[index], fromMap: fromMap, definition: definition)))
            }
        case .showLatestKnown(let day, let refs, let fromMap, let definition):
            onSnapshots { w in inbox.post(Self.latestKnown(day: day, refs: refs, fromMap: fromMap, definition: definition, worker: w)) }
        case .reload(let series):
            onSnapshots { w in
                let problems = w.source.reload()
                w.forgetAll()
                inbox.post(.dataReloaded(refs: w.source.snapshots(inSeries: series), seriesNames: w.source.seriesNames,
                                         newProblems: problems))
            }
        case .digest(let refs, let definition):
            // One snapshot per job: a step asked for meanwhile is not held up by the whole series.
            digest(refs[...], definition: definition)
        case .readAhead(let ref, let keeping, let definition):
            onSnapshots { w in
                w.prefer(keeping)
                if w.hasRoom(for: max(1, keeping.count - 1)), case .success(let data) = w.dataset(ref) {
                    _ = w.summary(of: data, file: ref.file, definition: definition)
                }
                inbox.finished()
            }
        case .compare(let here, let other, let ref, let definition):
            onSnapshots { w in
                let result = w.dataset(ref).map { otherData in
                    let crosswalk = here.map.id == otherData.map.id ? nil : w.source.crosswalk(between: here.map.id, and: otherData.map.id)
                    return SnapshotComparison(otherData, here, crosswalk: crosswalk, definition: definition)
                }
                inbox.post(.compared(other: other, result))
            }
        case .loadReviews(let day):
            onReviews { r in
                let result = r.reviews(day)
                self.noteOutage(result, r)
                inbox.post(.reviewsLoaded(snapshot: day, result))
            }
        case .loadPreviousReview(let ward, let before, let key):
            onReviews { r in
                let result = r.previousReview(ward: ward, before: before)
                self.noteOutage(result, r)
                inbox.post(.previousReviewLoaded(key: key, (try? result.get()) ?? nil))
            }
        case .saveMark(let mark, let day, let ward):
            onReviews { r in
                let result = r.save { try $0.setMark(mark, snapshot: day, ward: ward) }
                self.noteOutage(result, r)
                inbox.post(.reviewSaved(result, snapshot: day, ward: ward, wasNote: false))
            }
        case .saveNote(let note, let base, let day, let ward):
            onReviews { r in
                let result = r.save { try $0.setNote(note, replacing: base, snapshot: day, ward: ward) }
                self.noteOutage(result, r)
                inbox.post(.reviewSaved(result, snapshot: day, ward: ward, wasNote: true))
            }
        case .drainReviewChanges:
            onReviews { r in
                let result = r.drainChanges()
                self.noteOutage(result, r)
                self.watchLock.lock()
                self.draining = false
                self.watchLock.unlock()
                if case .success(true) = result { inbox.post(.reviewsChanged) } else { inbox.finished() }
            }
        case .reconnectReviewStore:
            onReviews { r in
                switch r.reconnect() {
                case .success:
                    self.noteOutage(Result<Void, EffectFailure>.success(()), r)
                    inbox.post(.reviewStoreReconnected)
                case .failure(let f):
                    inbox.post(.reviewStoreStillOffline(reason: f.description))
                }
            }
        case .after(let delay, let effect):
            timers.append((ContinuousClock.now + delay, effect))
            timers.sort { $0.deadline < $1.deadline }
        case .export(let table, let json, let asOf, let synthetic):
            onReviews { r in inbox.post(.exported(r.export(table, json: json, asOf: asOf, synthetic: synthetic))) }
        }
    }

    /// The latest-known picture as of `day` from the digests it needs, and the snapshot it stands on.
    private static func latestKnown(day: Day, refs: [SnapshotRef], fromMap: String, definition: ModelDefinition,
                                    worker w: SnapshotWorker) -> Action {
        let (view, unreadableForView) = LatestKnownView.read(
            on: day, refs: refs, definition: definition, dataset: { try? w.dataset($0).get() },
            summary: { data, ref in w.summary(of: data, file: ref.file, definition: definition) },
            crosswalk: { w.source.crosswalk(between: $0, and: $1) })
        var unreadable = unreadableForView
        // The snapshot it stands on: the latest on or before the day that can be read.
        var loaded: LoadedSnapshot?
        var index = refs.lastIndex { $0.header.asOf <= day } ?? -1
        while index >= 0, loaded == nil {
            w.showing(refs[index].file)
            switch w.loaded(index: index, ref: refs[index], fromMap: fromMap, definition: definition) {
            case .success(let l): loaded = l
            case .failure:
                if !unreadable.contains(refs[index].file) { unreadable.append(refs[index].file) }
                index -= 1
            }
        }
        return .latestKnownReady(day: day, loaded: loaded, view: view, unreadable: unreadable)
    }

    /// Digests `refs` one job at a time, each job queueing the next before it answers (so the
    /// work never looks finished between two jobs).
    private func digest(_ refs: ArraySlice<SnapshotRef>, definition: ModelDefinition) {
        guard let ref = refs.first else { return }
        let inbox = self.inbox
        onSnapshots { w in
            let (result, map) = w.digest(ref, definition: definition)
            let answer = Action.digested(file: ref.file, result, map: map)
            self.digest(refs.dropFirst(), definition: definition)
            inbox.post(answer)
        }
    }

    /// After a review job: the descriptor to watch as the store has it now, and an answer of its
    /// own when the store could not be reached (before the job's answer, which says what failed).
    private func noteOutage<T>(_ result: Result<T, EffectFailure>, _ r: ReviewWorker) {
        let offline: EffectFailure?
        if case .failure(let f) = result, f.isOffline { offline = f } else { offline = nil }
        watchLock.lock()
        // A lost connection's socket stays readable: not watched until the store is back.
        watchedDescriptor = offline == nil ? r.changeDescriptor : nil
        watchLock.unlock()
        if let offline { inbox.began(); inbox.post(.reviewStoreOffline(since: r.timeOfDay, reason: offline.description)) }
    }

    private func onSnapshots(_ job: @escaping @Sendable (SnapshotWorker) -> Void) {
        inbox.began()
        let worker = snapshots
        switch execution {
        case .inline: job(worker)
        case .background: snapshotQueue.async { job(worker) }
        case .stepped: queued.append { job(worker) }
        }
    }

    private func onReviews(_ job: @escaping @Sendable (ReviewWorker) -> Void) {
        inbox.began()
        let worker = reviews
        switch execution {
        case .inline: job(worker)
        case .background: reviewQueue.async { job(worker) }
        case .stepped: queued.append { job(worker) }
        }
    }
}

/// Numbers requests so that a job can tell whether a newer one was made meanwhile.
final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var latest = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; latest += 1; return latest }
    func isLatest(_ n: Int) -> Bool { lock.lock(); defer { lock.unlock() }; return n == latest }
}
