import KieuMauCore

/// Loads snapshots for the controller; the executable backs it with the data catalog,
/// tests with data made in memory.
public protocol SnapshotSource {
    func load(_ ref: SnapshotRef) -> Result<Dataset, Problems>
    /// The series there are, in a stable order (e.g. "demo", "record").
    var seriesNames: [String] { get }
    func snapshots(inSeries series: String) -> [SnapshotRef]
    /// The crosswalk between two maps, in whichever direction one exists.
    func crosswalk(between a: String, and b: String) -> Crosswalk?
}

extension SnapshotSource {
    public func crosswalk(between a: String, and b: String) -> Crosswalk? { nil }
}

/// Runs the app: decodes keys into actions, applies them to the state, and does the loading the
/// pure reducer cannot (snapshot steps, a ward's history, the trend). Draws with `Render`.
public final class AppController {
    public private(set) var state: AppState
    public let themes: [Theme]
    private let source: any SnapshotSource
    private var datasets: [String: Dataset] = [:]
    private var summaries: [String: ProgressSummary] = [:]
    /// The snapshot last shown in each series, so `D` twice comes back to the same place.
    private var lastIndexBySeries: [String: Int] = [:]

    public init(state: AppState, themes: [Theme], source: any SnapshotSource) {
        self.state = state
        self.themes = themes.isEmpty ? [BuiltinThemeFallback.plain] : themes
        self.source = source
        self.state.themeNames = self.themes.map(\.name)
        if let ref = currentRef { datasets[ref.file] = state.dataset }
    }

    public var theme: Theme { themes[min(state.themeIndex, themes.count - 1)] }
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
        let action = state.editingFilter ? Keymap.filterAction(for: key) : Keymap.action(for: key)
        guard let action else {
            if state.showHelp { state.showHelp = false }  // any other key closes help, as in htop
            return !state.quit
        }
        switch action {
        case .previousSnapshot where !state.showHelp && !state.editingFilter: stepSnapshot(by: -1)
        case .nextSnapshot where !state.showHelp && !state.editingFilter: stepSnapshot(by: 1)
        case .cycleSeries where !state.showHelp && !state.editingFilter: switchSeries()
        default: state.apply(action)
        }
        refreshHistory()
        return !state.quit
    }

    /// Work that can wait until the first frame is on screen: the pace observed needs the previous
    /// snapshot, the trend line needs them all.
    public func afterFirstFrame() {
        if state.previousSummary == nil, state.snapshotIndex > 0 {
            state.previousSummary = summary(at: state.snapshotIndex - 1)
        }
        for i in state.snapshots.indices where state.trend[i] == nil {
            // A snapshot with no ward rows says nothing about the share: a gap, not a zero.
            guard case .success(let d) = dataset(at: i), !d.snapshot.wards.isEmpty else { continue }
            state.trend[i] = summary(at: i)?.national.share
        }
    }

    /// Steps through the series; a snapshot that cannot be loaded is skipped and named, so one
    /// broken file never blocks the ones beyond it.
    private func stepSnapshot(by delta: Int) {
        state.notice = nil
        var target = state.snapshotIndex + delta
        var skipped: [String] = []
        while state.snapshots.indices.contains(target) {
            switch dataset(at: target) {
            case .success(let data):
                let previous = target > 0 ? summary(at: target - 1) : nil
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
        let edge = delta < 0 ? state.strings.firstSnapshot : state.strings.lastSnapshot
        state.notice = skipped.isEmpty ? edge : state.strings.loadFailed(skipped.joined(separator: ", ")) + " · " + edge
    }

    /// Shows a loaded snapshot, carrying the place across a map change through the crosswalk.
    private func show(index: Int, data: Dataset, previous: ProgressSummary?) {
        let fromMap = state.map.id, toMap = data.map.id
        var translated: (province: String?, ward: String?)? = nil
        if fromMap != toMap, let cw = source.crosswalk(between: fromMap, and: toMap) {
            let province = state.province.map { state.map.provinces[$0].code } ?? state.selectedProvince.map { state.map.provinces[$0].code }
            let ward = state.level == .provinces ? nil : state.selectedWard.map { state.map.wards[$0].code }
            translated = PlaceTranslation.translate(province: province, ward: ward, with: cw, forward: cw.fromMapID == fromMap)
        }
        state.replaceSnapshot(index: index, dataset: data, previous: previous, translatedPlace: translated)
        lastIndexBySeries[state.header.series] = index
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
            datasets = [:]; summaries = [:]
            datasets[refs[index].file] = data
            state.snapshots = refs
            state.trend = Array(repeating: nil, count: refs.count)
            state.history = nil
            show(index: index, data: data, previous: nil)
            state.notice = (state.notice.map { $0 + " · " } ?? "") + state.strings.seriesName(next)
            afterFirstFrame()
        case .failure(let problems):
            state.notice = state.strings.loadFailed(refs[index].file) + ": " + (problems.all.first?.description ?? "")
        }
    }

    private func dataset(at index: Int) -> Result<Dataset, Problems> {
        let ref = state.snapshots[index]
        if let d = datasets[ref.file] { return .success(d) }
        let result = source.load(ref)
        if case .success(let d) = result { datasets[ref.file] = d }
        return result
    }

    private func summary(at index: Int) -> ProgressSummary? {
        let ref = state.snapshots[index]
        if let s = summaries[ref.file] { return s }
        guard case .success(let d) = dataset(at: index) else { return nil }
        let s = ProgressSummary(d, definition: state.definition)
        summaries[ref.file] = s
        return s
    }

    /// The selected ward across every snapshot of the series, when a ward is on screen.
    private func refreshHistory() {
        guard state.level != .provinces, let wi = state.selectedWard else { return }
        let code = state.map.wards[wi].code
        if state.history?.wardCode == code { return }
        var points: [WardHistory.Point] = []
        for i in state.snapshots.indices {
            guard case .success(let d) = dataset(at: i), let w = d.map.wardIndex[code] else { continue }
            let wp = d.wardProgress(at: w)
            points.append(.init(asOf: d.header.asOf, stage: wp.stage, met: wp.met, total: d.criteria.count))
        }
        state.history = WardHistory(wardCode: code, points: points)
    }
}

/// Used only if no theme at all could be had: plain attributes.
enum BuiltinThemeFallback {
    static let plain = Theme(name: "plain", styles: [:])
}
