import KieuMauCore
import KieuMauReviews
import Foundation

/// Loads snapshots for the controller; the executable backs it with the data catalog,
/// tests with data made in memory.
public protocol SnapshotSource {
    func load(_ ref: SnapshotRef) -> Result<Dataset, Problems>
    /// The series there are, in a stable order (e.g. "demo", "record").
    var seriesNames: [String] { get }
    func snapshots(inSeries series: String) -> [SnapshotRef]
    /// The crosswalk between two maps, in whichever direction one exists.
    func crosswalk(between a: String, and b: String) -> Crosswalk?
    /// Looks at the data again (files added or changed); returns problems not seen before.
    func reload() -> [Problem]
}

extension SnapshotSource {
    public func crosswalk(between a: String, and b: String) -> Crosswalk? { nil }
    public func reload() -> [Problem] { [] }
}

/// Runs the app: decodes keys into actions, applies them to the state, and does the loading the
/// pure reducer cannot (snapshot steps, a ward's history, the trend). Draws with `Render`.
public final class AppController {
    public private(set) var state: AppState
    public let themes: ThemeList
    private let source: any SnapshotSource
    /// Full snapshots kept for steps and the compare view: a bounded few (see `SnapshotCache`).
    private var cache: SnapshotCache
    /// What the trend, projection, pace and ward history need of every snapshot loaded once.
    private var digests = SeriesDigests()
    /// The snapshot last shown in each series, so `D` twice comes back to the same place.
    private var lastIndexBySeries: [String: Int] = [:]
    /// The direction of the last snapshot step (−1 back, +1 on): of the two neighbours, the one
    /// that way is kept first and read ahead.
    private var travel = -1
    /// The last read-ahead (from the snapshot on screen, to the one read), so that a snapshot the
    /// cache cannot keep is read once per screen, not at every tick.
    private var readAheadTried: (from: String, to: String)?
    private let reviewBackend: (any ReviewBackend)?
    /// Writes an export and returns where it went; the executable writes to the current directory.
    private let writeExport: (_ fileName: String, _ contents: String) throws -> String
    /// (ward code, snapshot) whose previous review is on screen, to look it up once per ward.
    private var previousReviewKey: String?
    /// The day of the latest-known view (the day the program runs, or `--as-of`); nil until it is
    /// first shown, then the view `v` and `>` past the last snapshot return to.
    public private(set) var latestKnownDay: Day?

    /// Ward entries (rows of a snapshot, wards of its summary) the snapshots kept besides the one
    /// on screen may hold together: ~20 MB, every snapshot of a national or communes series, one
    /// neighbour of a 100,000-ward one.
    public static let defaultRetainedWardEntries = 200_000

    public convenience init(state: AppState, themes: [Theme], source: any SnapshotSource, reviews: (any ReviewBackend)? = nil,
                            writeExport: @escaping (_ fileName: String, _ contents: String) throws -> String = ExportFiles.writeInCurrentDirectory,
                            retainedWardEntries: Int = AppController.defaultRetainedWardEntries) {
        self.init(state: state, themes: ThemeList(themes), source: source, reviews: reviews, writeExport: writeExport,
                  retainedWardEntries: retainedWardEntries)
    }

    /// - Parameter retainedWardEntries: the budget of full snapshots kept besides the one on screen
    ///   (`SnapshotCache`).
    public init(state: AppState, themes: ThemeList, source: any SnapshotSource, reviews: (any ReviewBackend)? = nil,
                writeExport: @escaping (_ fileName: String, _ contents: String) throws -> String = ExportFiles.writeInCurrentDirectory,
                retainedWardEntries: Int = AppController.defaultRetainedWardEntries) {
        self.state = state
        self.themes = themes
        self.source = source
        self.cache = SnapshotCache(budget: retainedWardEntries)
        self.reviewBackend = reviews
        self.writeExport = writeExport
        self.state.themeNames = themes.names
        self.state.reviewsAvailable = reviews != nil
        self.state.reviewsReadOnly = reviews?.readOnlyReason
        if let ref = currentRef {
            cache.keep(state.dataset, file: ref.file)
            cache.keep(state.summary, file: ref.file)
        }
        loadReviews()
    }

    public var theme: Theme { themes.theme(at: state.themeIndex) ?? BuiltInThemes.default }
    public var shouldQuit: Bool { state.quit }
    private var currentRef: SnapshotRef? {
        state.snapshots.indices.contains(state.snapshotIndex) ? state.snapshots[state.snapshotIndex] : nil
    }

    /// Unicode or ASCII, once the terminal's locale is known.
    public func setGlyphs(_ glyphs: Glyphs) { state.glyphs = glyphs }

    public func render(width: Int, height: Int) -> Canvas {
        Render.screen(state, width: width, height: height)
    }

    public func resize(width: Int, height: Int) {
        state.setScreenSize(width: width, height: height)
    }

    /// Handles one key; returns false when the app should quit.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        let action = state.noteEditor != nil ? Keymap.editorAction(for: key)
            : state.editingFilter ? Keymap.filterAction(for: key) : Keymap.action(for: key)
        guard let action else {
            if state.showHelp { state.showHelp = false }  // any other key closes help, as in htop
            return !state.quit
        }
        // Another dashboard on the same store may have marked wards: show them on the next key.
        if let backend = reviewBackend, backend.hasChanged() { loadReviews() }
        let free = !state.showHelp && !state.editingFilter && state.noteEditor == nil
        switch action {
        case .previousSnapshot where free: stepSnapshot(by: -1)
        case .nextSnapshot where free: stepSnapshot(by: 1)
        case .toggleView where free: toggleView()
        case .cycleSeries where free: switchSeries()
        case .markOK where free: mark(.ok)
        case .markFollowUp where free: mark(.followUp)
        case .editor(.accept) where state.noteEditor != nil: saveNote()
        case .compareView where free: openComparison(with: nil)
        case .compareOlder where free && state.level == .compare: shiftComparison(by: -1)
        case .compareNewer where free && state.level == .compare: shiftComparison(by: 1)
        case .exportCSV where free: export(json: false)
        case .exportJSON where free: export(json: true)
        case .cycleTheme:
            // A theme file that does not parse is passed over, as it would be left out at launch.
            state.apply(action)
            for _ in state.themeNames.indices where !themes.isUsable(state.themeIndex) { state.apply(action) }
        default: state.apply(action)
        }
        refreshHistory()
        refreshPreviousReview()
        return !state.quit
    }

    /// Work that can wait until the first frame is on screen: the pace observed needs the previous
    /// snapshot, the trend line needs them all. Each is loaded once for its digest, then dropped
    /// unless `SnapshotCache` keeps it.
    public func afterFirstFrame() {
        while let i = nextUndigested { _ = digest(at: i) }
        finishDeferredWork()
    }

    /// The next snapshot the deferred work has to read: farthest from the screen first, so the
    /// neighbours the cache keeps are loaded last and are not held while the others are decoded.
    private var nextUndigested: Int? {
        let here = state.snapshotIndex
        return state.snapshots.indices
            .filter { i in
                let file = state.snapshots[i].file
                return state.trend[i] == nil && !digests.hasFailed(file)
                    && (digests[file].map { $0.totals.definition != state.definition } ?? true)
            }
            .max { (abs($0 - here), $0) < (abs($1 - here), $1) }
    }

    /// Trend, pace observed and projection, once every snapshot has its digest.
    private func finishDeferredWork() {
        deferredWorkPending = false
        if state.previousSummary == nil, state.snapshotIndex > 0 {
            state.previousSummary = digest(at: state.snapshotIndex - 1)?.totals
        }
        for i in state.snapshots.indices where state.trend[i] == nil {
            // A snapshot whose rows do not count every ward (or that has none) says nothing about
            // the share: a gap, not a zero.
            guard let d = digest(at: i), d.hasRows, d.totals.nationalIsCounted else { continue }
            state.trend[i] = d.totals.national.share
        }
        refreshProjection()
        state.history = nil
        refreshHistory()
    }

    /// Where it is heading, from the snapshots of the series up to the one on screen (those with
    /// ward rows: a snapshot that only announces a map says nothing about the pace).
    private func refreshProjection() {
        var series: [ProgressTotals] = []
        for i in 0...max(0, state.snapshotIndex) where state.snapshots.indices.contains(i) {
            guard let d = digest(at: i), d.hasRows || i == state.snapshotIndex else { continue }
            series.append(d.totals)
        }
        state.projection = Projection(totals: series)
    }

    // MARK: live reload

    /// Files in the data directory were added or changed: take them in without a restart, keeping
    /// the user's place, and say what arrived. A broken new file is a warning; the rest keeps working.
    public func dataChanged() {
        let wasLatestKnown = state.basis.isLatestKnown
        let oldFiles = Set(state.snapshots.map(\.file))
        let shownFile = currentRef?.file
        let shownSnapshot = state.dataset.snapshot
        let oldHeaders = Dictionary(state.snapshots.map { ($0.file, $0.header) }, uniquingKeysWith: { a, _ in a })
        let problems = source.reload().filter { $0.severity == .error }
        cache.removeAll(); digests.removeAll()
        let series = state.header.series
        let refs = source.snapshots(inSeries: series)
        var messages: [String] = []
        let added = refs.filter { !oldFiles.contains($0.file) }
        if !added.isEmpty { messages.append(state.strings.newSnapshots(added.map { $0.header.asOf.iso }.joined(separator: ", "))) }
        let changed = refs.filter { ref in oldHeaders[ref.file].map { $0 != ref.header } ?? false }
        if !changed.isEmpty { messages.append(state.strings.changedSnapshots(changed.map(\.file).joined(separator: ", "))) }
        if let p = problems.first { messages.append(state.strings.dataWarning(p.description) + (problems.count > 1 ? " (+\(problems.count - 1))" : "")) }
        state.problemCount += problems.count
        if !refs.isEmpty {
            let current = currentRef?.file
            let index = refs.firstIndex { $0.file == current } ?? refs.lastIndex { $0.header.asOf <= state.header.asOf } ?? refs.count - 1
            state.snapshots = refs
            state.trend = Array(repeating: nil, count: refs.count)
            state.history = nil
            if case .success(let data) = dataset(at: index) {
                show(index: index, data: data, previous: index > 0 ? digest(at: index - 1)?.totals : nil)
                // Rows or figures of the snapshot on screen changed while its header did not.
                if refs[index].file == shownFile, !changed.contains(where: { $0.file == shownFile }),
                   data.snapshot.wards != shownSnapshot.wards || data.snapshot.reported != shownSnapshot.reported {
                    messages.append(state.strings.changedSnapshots(refs[index].file))
                }
            } else {
                state.snapshotIndex = index
            }
            afterFirstFrame()
            if wasLatestKnown, let day = latestKnownDay { showLatestKnown(asOf: day) }
        }
        if !messages.isEmpty { state.notice = messages.joined(separator: " · ") }
    }

    // MARK: reviews

    private func loadReviews() {
        guard let backend = reviewBackend else { return }
        do {
            state.reviews = try backend.reviews(snapshot: state.header.asOf)
        } catch {
            state.notice = state.strings.saveFailed("\(error)")
        }
        previousReviewKey = nil
        refreshPreviousReview()
    }

    /// `o` / `x`: sets the mark, or clears it when the ward already has that mark. The screen
    /// shows it only once the store has it.
    private func mark(_ m: ReviewMark) {
        guard let w = state.reviewTarget else { state.notice = state.strings.chooseAWard; return }
        guard let backend = reviewBackend else { state.notice = state.strings.noReviewStore; return }
        if let reason = state.reviewsReadOnly { state.notice = state.strings.reviewsReadOnly(reason); return }
        let code = state.map.wards[w].code
        let next: ReviewMark? = state.reviews[code]?.mark == m ? nil : m
        do {
            let saved = try backend.setMark(next, snapshot: state.header.asOf, ward: code)
            state.setReview(saved)
            state.notice = state.strings.markSaved(state.strings.markName(next))
        } catch {
            state.notice = state.strings.saveFailed("\(error)")
        }
    }

    private func saveNote() {
        guard let ed = state.noteEditor else { return }
        guard let backend = reviewBackend else { state.noteEditor = nil; return }
        do {
            let saved = try backend.setNote(ed.text, snapshot: state.header.asOf, ward: ed.wardCode)
            state.setReview(saved)
            state.noteEditor = nil
            state.notice = state.strings.noteSaved
        } catch {
            // The editor stays open with the text, so nothing typed is lost.
            state.notice = state.strings.saveFailed("\(error)")
        }
    }

    /// The selected ward's review of an earlier snapshot, shown when this snapshot has none.
    private func refreshPreviousReview() {
        guard let backend = reviewBackend, state.level == .wards || state.level == .detail, let w = state.selectedWard else { return }
        let code = state.map.wards[w].code
        let key = code + "@" + state.header.asOf.iso
        guard key != previousReviewKey else { return }
        previousReviewKey = key
        state.previousReview = try? backend.previousReview(ward: code, before: state.header.asOf)
    }

    // MARK: compare

    /// Opens the compare view against `other` (default: the previous snapshot, or the next one on
    /// the first).
    private func openComparison(with other: Int?) {
        let n = state.snapshots.count
        guard n > 1 else { state.notice = state.strings.noOtherSnapshot; return }
        let target = other ?? (state.snapshotIndex > 0 ? state.snapshotIndex - 1 : state.snapshotIndex + 1)
        guard state.snapshots.indices.contains(target), target != state.snapshotIndex else { return }
        switch dataset(at: target) {
        case .success(let otherData):
            let here = state.dataset
            let cw = here.map.id == otherData.map.id ? nil : source.crosswalk(between: here.map.id, and: otherData.map.id)
            let result = SnapshotComparison(otherData, here, crosswalk: cw, definition: state.definition)
            state.showComparison(result, with: target)
        case .failure(let problems):
            state.notice = state.strings.loadFailed(state.snapshots[target].file) + ": " + (problems.all.first?.description ?? "")
        }
    }

    private func shiftComparison(by delta: Int) {
        guard var target = state.compareWith else { return }
        target += delta
        if target == state.snapshotIndex { target += delta }
        guard state.snapshots.indices.contains(target) else {
            state.notice = delta < 0 ? state.strings.firstSnapshot : state.strings.lastSnapshot
            return
        }
        openComparison(with: target)
    }

    // MARK: export

    private func export(json: Bool) {
        let table = ExportTable.of(state)
        let h = state.header
        // The province list's figures are of the day on screen (the latest-known day, or the snapshot's).
        let day = table.name == "provinces" ? state.day : h.asOf
        let stamp = ExportFiles.timestamp()
        let name = "kieumau-\(table.name)-\(day.iso)-\(stamp).\(json ? "json" : "csv")"
        do {
            let path = try writeExport(name, json ? table.json(asOf: day, synthetic: h.synthetic) : table.csv)
            state.notice = state.strings.exported(path, table.rows.count)
        } catch {
            state.notice = state.strings.exportFailed("\(error)")
        }
    }

    /// Steps through the series; a snapshot that cannot be loaded is skipped and named, so one
    /// broken file never blocks the ones beyond it.
    private func stepSnapshot(by delta: Int) {
        state.notice = nil
        travel = delta < 0 ? -1 : 1
        // From the latest-known view, back is the snapshot it stands on, as published; forward
        // past the last snapshot is the latest-known view.
        if state.basis.isLatestKnown {
            if delta < 0 { state.showAsPublished(); state.notice = state.strings.viewTogglePublished }
            else { state.notice = state.strings.lastSnapshot }
            return
        }
        if delta > 0, state.snapshotIndex == state.snapshots.count - 1 {
            showLatestKnown(asOf: latestKnownDay ?? state.header.asOf)
            return
        }
        var target = state.snapshotIndex + delta
        var skipped: [String] = []
        while state.snapshots.indices.contains(target) {
            switch dataset(at: target) {
            case .success(let data):
                let previous = target > 0 ? digest(at: target - 1)?.totals : nil
                show(index: target, data: data, previous: previous)
                if !skipped.isEmpty {
                    state.notice = state.strings.loadFailed(skipped.joined(separator: ", ")) + (state.notice.map { " · " + $0 } ?? "")
                }
                return
            case .failure(let problems):
                skipped.append(state.snapshots[target].file + (problems.all.first.map { " (\($0.path.isEmpty ? $0.message : $0.path))" } ?? ""))
                target += delta
            }
        }
        if delta > 0 {
            // Past the last snapshot that can be read: the latest-known view.
            showLatestKnown(asOf: latestKnownDay ?? state.header.asOf)
            state.notice = state.strings.loadFailed(skipped.joined(separator: ", "))
            return
        }
        let edge = state.strings.firstSnapshot
        state.notice = skipped.isEmpty ? edge : state.strings.loadFailed(skipped.joined(separator: ", ")) + " · " + edge
    }

    // MARK: latest known

    /// A notice set before the opening picture replaced the state's (a theme or data problem).
    public func restoreNotice(_ notice: String) { state.notice = notice }

    /// `v`: the latest-known view ↔ the snapshot it stands on, as published.
    private func toggleView() {
        if state.basis.isLatestKnown {
            state.showAsPublished()
            state.notice = state.strings.viewTogglePublished
        } else {
            showLatestKnown(asOf: latestKnownDay ?? state.snapshots.last?.header.asOf ?? state.header.asOf)
        }
    }

    /// Shows the latest-known picture as of `day`: each figure from the latest snapshot on or before
    /// it that gives it, on the map of the latest snapshot on or before it (whose wards the ward
    /// lists show). Reads only the snapshots `LatestKnown.snapshotsNeeded` names (their digests);
    /// the others give their headers. The dashboard calls it before the first frame.
    public func showLatestKnown(asOf day: Day) {
        latestKnownDay = day
        guard var index = state.snapshots.lastIndex(where: { $0.header.asOf <= day }) else {
            state.notice = state.strings.noSnapshotBefore(day.iso)
            return
        }
        // The snapshot it stands on: the latest on or before the day that can be read.
        var data: Dataset?
        var skipped: [String] = []
        while index >= 0 {
            if index == state.snapshotIndex { data = state.dataset; break }
            if case .success(let d) = dataset(at: index) { data = d; break }
            skipped.append(state.snapshots[index].file)
            index -= 1
        }
        guard let data else {
            state.notice = state.strings.loadFailed(skipped.joined(separator: ", "))
            return
        }
        if index != state.snapshotIndex || state.dataset.header != data.header {
            let previous = index > 0 ? digests[state.snapshots[index - 1].file]?.totals : nil
            show(index: index, data: data, previous: previous)
        }
        guard let picture = latestPicture(asOf: day) else { return }
        let result = day > Targets.deadline2025 ? latestPicture(asOf: Targets.deadline2025) : nil
        state.showLatestKnown(picture, result2025: result)
        if !skipped.isEmpty { state.notice = state.strings.loadFailed(skipped.joined(separator: ", ")) }
    }

    /// The picture as of `day` from the digests it needs and the headers of the other snapshots.
    /// A snapshot that cannot be read is left out, and the ones it would have stood for are read
    /// instead (a broken complete snapshot leaves the named ones before it needed).
    private func latestPicture(asOf day: Day) -> KnownPicture? {
        var usable: [Int] = []
        var needed = Set<Int>()
        while true {
            usable = state.snapshots.indices.filter { !digests.hasFailed(state.snapshots[$0].file) }
            needed = Set(LatestKnown.snapshotsNeeded(usable.map { state.snapshots[$0].header }, asOf: day).map { usable[$0] })
            // `digest(at:)` notes a snapshot that cannot be read, so this ends.
            if needed.sorted().allSatisfy({ digest(at: $0) != nil }) { break }
        }
        var records: [LatestKnown.Record] = []
        for i in usable where state.snapshots[i].header.asOf <= day {
            if needed.contains(i), let d = digest(at: i) {
                records.append(.init(header: d.header, totals: d.totals))
            } else {
                records.append(.init(header: state.snapshots[i].header, totals: nil))
            }
        }
        return LatestKnown.picture(asOf: day, records: records, successions: successions(for: records))
    }

    /// How the provinces of the records' earlier maps continue on the newest one's map.
    private func successions(for records: [LatestKnown.Record]) -> [ProvinceSuccession] {
        guard let target = records.filter({ $0.totals != nil }).max(by: { $0.header.asOf < $1.header.asOf })?.header.mapID,
              let later = digests.map(target) else { return [] }
        var out: [ProvinceSuccession] = []
        for id in Set(records.compactMap { $0.totals?.mapID }) where id != target {
            guard let earlier = digests.map(id), let cw = source.crosswalk(between: id, and: target), cw.fromMapID == id else { continue }
            out.append(ProvinceSuccession(crosswalk: cw, earlier: earlier, later: later))
        }
        return out.sorted { $0.fromMapID < $1.fromMapID }
    }

    /// Shows a loaded snapshot, carrying the place across a map change through the crosswalk.
    private func show(index: Int, data: Dataset, previous: ProgressTotals?) {
        let fromMap = state.map.id, toMap = data.map.id
        var translated: (province: String?, ward: String?)? = nil
        if fromMap != toMap, let cw = source.crosswalk(between: fromMap, and: toMap) {
            let province = state.province.map { state.map.provinces[$0].code } ?? state.selectedProvince.map { state.map.provinces[$0].code }
            let ward = state.level == .provinces ? nil : state.selectedWard.map { state.map.wards[$0].code }
            translated = PlaceTranslation.translate(province: province, ward: ward, with: cw, forward: cw.fromMapID == fromMap)
        }
        let wasComparing = state.level == .compare
        let file = state.snapshots[index].file
        state.replaceSnapshot(index: index, dataset: data, previous: previous, translatedPlace: translated,
                             summary: cache.summary(file))
        cache.keep(data, file: file)
        cache.keep(state.summary, file: file)
        trimCache()
        lastIndexBySeries[state.header.series] = index
        loadReviews()
        refreshProjection()
        if wasComparing { openComparison(with: nil) }
    }

    /// Opens the next series at the snapshot nearest the date on screen (the latest on or before it,
    /// else its first), keeping the place as a snapshot step does.
    private func switchSeries() {
        let names = source.seriesNames
        guard names.count > 1 else { state.notice = state.strings.onlyOneSeries; return }
        let current = state.header.series
        let next = names[((names.firstIndex(of: current) ?? -1) + 1) % names.count]
        let refs = source.snapshots(inSeries: next)
        guard !refs.isEmpty else { return }
        lastIndexBySeries[current] = state.snapshotIndex
        // Back to where the user was in that series, else the snapshot nearest the date on screen.
        let day = state.header.asOf
        let index = lastIndexBySeries[next].flatMap { refs.indices.contains($0) ? $0 : nil }
            ?? refs.lastIndex { $0.header.asOf <= day } ?? 0
        switch source.load(refs[index]) {
        case .success(let data):
            cache.removeAll(); digests.removeAll()
            state.snapshots = refs
            state.trend = Array(repeating: nil, count: refs.count)
            state.history = nil
            let latest = state.basis.isLatestKnown
            show(index: index, data: data, previous: nil)
            afterFirstFrame()
            if latest, let day = latestKnownDay { showLatestKnown(asOf: day) }
            state.notice = (state.notice.map { $0 + " · " } ?? "") + state.strings.seriesName(next)
        case .failure(let problems):
            state.notice = state.strings.loadFailed(refs[index].file) + ": " + (problems.all.first?.description ?? "")
        }
    }

    // MARK: snapshots kept and digests

    /// The snapshot at `index`: kept, or loaded (and kept if the budget allows).
    private func dataset(at index: Int) -> Result<Dataset, Problems> {
        let file = state.snapshots[index].file
        if let d = cache.dataset(file) { return .success(d) }
        trimCache(incoming: (file, cache.largestCost))
        let result = source.load(state.snapshots[index])
        if case .success(let d) = result {
            digests.forgetFailure(file)
            cache.keep(d, file: file)
            trimCache()
        }
        return result
    }

    /// What the trend, projection, pace and history need of the snapshot at `index`, made the first
    /// time from the snapshot (loaded if not kept); nil when it cannot be loaded.
    private func digest(at index: Int) -> SnapshotDigest? {
        let file = state.snapshots[index].file
        if let d = digests[file], d.totals.definition == state.definition { return d }
        guard !digests.hasFailed(file) else { return nil }
        guard case .success(let data) = dataset(at: index) else {
            digests.noteFailure(file)
            return nil
        }
        let summary = keptSummary(of: data, file: file)
        trimCache()
        let d = SnapshotDigest(data, summary: summary)
        digests.add(d, file: file, map: data.map)
        return d
    }

    /// The summary the cache holds for a snapshot, else computed and kept with it (when it is kept).
    private func keptSummary(of data: Dataset, file: String) -> ProgressSummary {
        if let s = cache.summary(file) { return s }
        let s = ProgressSummary(data, definition: state.definition)
        cache.keep(s, file: file)
        return s
    }

    /// Keeps the snapshot on screen and, within the budget, those nearest to it (the one before first).
    /// `incoming`: a snapshot about to be loaded, and its estimated cost (`SnapshotCache.trim`).
    private func trimCache(incoming: (file: String, cost: Int)? = nil) {
        let here = state.snapshotIndex
        var order = state.snapshots.indices.filter { $0 != here }
        // Nearest first; of two as near, the one in the direction of travel.
        order.sort { (abs($0 - here), ($0 - here) * travel > 0 ? 0 : 1) < (abs($1 - here), ($1 - here) * travel > 0 ? 0 : 1) }
        let current = currentRef.map { [$0.file] } ?? []
        cache.trim(preferring: current + order.map { state.snapshots[$0].file }, incoming: incoming)
    }

    // MARK: read-ahead

    /// Whether there is work for a moment without keys (`doIdleWork`): the work deferred past the
    /// first frame, or reading ahead the snapshot next in the direction of travel when the cache
    /// would keep it and it has not been tried from this screen.
    public var hasIdleWork: Bool { deferredWorkPending || readAheadIndex != nil }

    /// Whether the work deferred past the first frame is not yet done (snapshots to digest, or
    /// the trend and projection to fill in from them).
    private var deferredWorkPending = true

    /// One piece of work for a moment without keys (the dashboard runs it only when no key is
    /// waiting). First the work deferred past the first frame, one snapshot at a time, so a key
    /// typed meanwhile waits for one decode (~30 ms at 100,000 wards), not for the whole series.
    /// Then reading ahead the snapshot next in the direction of travel, with its summary, so that
    /// walking a series of large snapshots does not decode on the key; once per screen.
    public func doIdleWork() {
        if deferredWorkPending {
            if let i = nextUndigested { _ = digest(at: i); return }
            finishDeferredWork()
            return
        }
        guard let next = readAheadIndex else { return }
        let file = state.snapshots[next].file
        readAheadTried = (currentRef?.file ?? "", file)
        guard case .success(let data) = dataset(at: next) else { digests.noteFailure(file); return }
        if cache.dataset(file) != nil { _ = keptSummary(of: data, file: file) }
    }

    private var readAheadIndex: Int? {
        let next = state.snapshotIndex + travel
        guard state.snapshots.indices.contains(next), let here = currentRef?.file else { return nil }
        let file = state.snapshots[next].file
        guard cache.dataset(file) == nil, !digests.hasFailed(file) else { return nil }
        if let tried = readAheadTried, tried == (here, file) { return nil }
        // One as large as the snapshot on screen must fit the budget, or it would be dropped at once.
        return cache.largestCost <= cache.budget ? next : nil
    }

    /// Files of the snapshots kept in full (for tests of the bound).
    var retainedSnapshotFiles: [String] { cache.files }

    /// The selected ward across every snapshot of the series, when a ward is on screen: read from
    /// the digests, so a ward selected loads nothing once the series has been seen.
    private func refreshHistory() {
        guard state.level != .provinces, let wi = state.selectedWard else { return }
        let code = state.map.wards[wi].code
        if state.history?.wardCode == code { return }
        // While the deferred work is under way, the snapshots read so far (it is made again when
        // that work ends): reading the rest here would hold the key for the whole series.
        let series = deferredWorkPending
            ? state.snapshots.compactMap { ref in digests[ref.file].flatMap { $0.totals.definition == state.definition ? $0 : nil } }
            : state.snapshots.indices.compactMap { digest(at: $0) }
        state.history = digests.history(ofWard: code, in: series)
    }
}
