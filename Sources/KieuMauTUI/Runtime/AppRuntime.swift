import KieuMauCore
#if canImport(Glibc)
import Glibc
#endif
import KieuMauReviews

/// Runs the dashboard: keys become actions, the reducer (the state's one writer) applies them and
/// returns effects, the runner carries those out through the ports and answers with more actions.
/// Draws with `Render`, handing the frame's geometry back to the reducer.
public final class AppRuntime {
    public private(set) var state: AppState
    public let themes: ThemeList
    private let inbox = ActionInbox()
    private let runner: EffectRunner
    /// The size frames are drawn at (the terminal's, or the test's).
    public private(set) var width: Int
    public private(set) var height: Int
    /// Whether every key is followed by laying the screen out, so the next key pages and clicks
    /// by what would be drawn (tests, fuzzing). The terminal loop draws after each batch anyway.
    public var settlesAfterEachKey = true
    /// Whether the next snapshot in the direction of travel is read before it is asked for
    /// (off for the benchmark's figure of steps that read the file).
    public var readsAhead = true

    /// Ward entries (rows of a snapshot, wards of its summary) the snapshots kept besides the one
    /// on screen may hold together: ~20 MB, every snapshot of a national or communes series, one
    /// neighbour of a 100,000-ward one.
    public static let defaultRetainedWardEntries = 200_000

    public init(state: AppState, themes: ThemeList, source: any SnapshotSource, reviews: (any ReviewBackend)? = nil,
                exports: any ExportSink, clock: any Clock = SystemClock(), execution: Execution = .inline,
                retainedWardEntries: Int = AppRuntime.defaultRetainedWardEntries, width: Int = 80, height: Int = 24,
                settles: Bool = true) {
        var state = state
        _ = Reducer.reduce(&state, .themeNames(themes.names))
        _ = Reducer.reduce(&state, .reviewStore(available: reviews != nil, readOnly: reviews?.readOnlyReason))
        self.state = state
        self.themes = themes
        self.width = width
        self.height = height
        runner = EffectRunner(source: source, reviews: reviews, exports: exports, clock: clock, themes: themes,
                              inbox: inbox, execution: execution, retainedWardEntries: retainedWardEntries)
        runner.adopt(state)
        // The terminal loop draws the first frame at its own size at once: laying it out here
        // too (at 80×24) was a second render before the first frame.
        if settles { settle() }
    }

    public convenience init(state: AppState, themes: [Theme], source: any SnapshotSource, reviews: (any ReviewBackend)? = nil,
                            exports: any ExportSink, clock: any Clock = SystemClock(), execution: Execution = .inline,
                            retainedWardEntries: Int = AppRuntime.defaultRetainedWardEntries, width: Int = 80, height: Int = 24) {
        self.init(state: state, themes: ThemeList(themes), source: source, reviews: reviews, exports: exports, clock: clock,
                  execution: execution, retainedWardEntries: retainedWardEntries, width: width, height: height)
    }

    public var theme: Theme { themes.theme(at: state.themeIndex) ?? BuiltInThemes.default }
    public var shouldQuit: Bool { state.quit }

    /// The read end of the pipe answers arrive on: readable means `drainAnswers()` has work.
    public var wakeDescriptor: Int32 { inbox.readDescriptor }

    /// The shared review store's listener, when there is news to wait for (nil: nothing to watch).
    /// Readable means another dashboard wrote: call `reviewChangesReady()`.
    public var reviewChangeDescriptor: Int32? { runner.reviewChangeDescriptor }

    /// Another client may have changed the review store: read what changed, off the main thread.
    public func reviewChangesReady() {
        runner.reviewChangesReady()
        drainAnswers()
    }

    /// Milliseconds until the next timer is due (a reconnection to try), for the loop's `poll`;
    /// nil when none is set.
    public var millisecondsToNextTimer: Int32? {
        guard let deadline = runner.nextTimerDeadline else { return nil }
        let left = deadline - .now
        let ms = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
        return Int32(max(0, min(Int64(Int32.max), ms)))
    }

    /// Carries out the effects whose time has come (`everything`: all of them, for tests).
    public func fireTimers(everything: Bool = false) {
        for effect in runner.dueTimers(everything: everything) { run(effect) }
        drainAnswers()
    }

    /// True when no effect is being carried out and no answer waits.
    public var isIdle: Bool { inbox.isIdle }

    // MARK: Input

    /// After the first frame: the work deferred until the screen shows something.
    public func start() { send(.started) }

    /// Handles one key; returns false when the app should quit.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        if case .resize = key { return !state.quit }
        if let action = state.action(for: key) { send(action) }
        if settlesAfterEachKey { settle() }
        return !state.quit
    }

    /// Applies an action and carries out its effects; answers that come back at once (inline
    /// execution, or a cache hit) are applied too before this returns.
    public func send(_ action: Action) {
        for effect in Reducer.reduce(&state, action) { run(effect) }
        drainAnswers()
    }

    private func run(_ effect: Effect) {
        if case .readAhead = effect, !readsAhead { return }
        runner.run(effect)
    }

    /// Applies every answer that has arrived (the terminal loop calls this when the wake
    /// descriptor is readable).
    public func drainAnswers() {
        while true {
            let answers = inbox.drain()
            if answers.isEmpty { return }
            for answer in answers {
                for effect in Reducer.reduce(&state, answer) { run(effect) }
            }
        }
    }

    /// Applies answers as they arrive until no work is left (background execution; at once
    /// inline). For tests and the benchmark, which need the screen a key leads to in the end.
    public func waitUntilIdle(timeoutSeconds: Double = 120) {
        var waited = 0.0
        while waited < timeoutSeconds {
            drainAnswers()
            if inbox.isIdle { return }
            var fd = pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&fd, 1, 10)
            waited += 0.01
        }
    }

    /// Applies answers as they arrive until `condition` holds of the state (or no work is left).
    /// The benchmark times a key to the frame it leads to with it, and lets what the key set going
    /// after that frame (reading ahead) finish untimed.
    public func waitUntil(timeoutSeconds: Double = 120, _ condition: (AppState) -> Bool) {
        var waited = 0.0
        while waited < timeoutSeconds {
            drainAnswers()
            if condition(state) || inbox.isIdle { return }
            var fd = pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&fd, 1, 1)
            waited += 0.001
        }
    }

    /// Runs one queued job and applies its answers (stepped execution); false when none waited.
    @discardableResult
    public func runNextJob() -> Bool {
        let ran = runner.runNextJob()
        drainAnswers()
        return ran
    }

    /// True once after the repaint key: the terminal should forget what it shows and paint it all.
    public func takeRepaintRequest() -> Bool { runner.takeRepaintRequest() }

    /// Files of the snapshots the runner keeps in full (for tests of the memory bound).
    public var retainedSnapshotFiles: [String] { runner.keptSnapshotFiles }

    // MARK: Drawing

    /// The whole screen at `width`×`height`. Where it drew lists and panes goes back to the
    /// reducer, so offsets, pages and clicks follow what is on screen.
    public func render(width: Int, height: Int) -> Canvas {
        self.width = width
        self.height = height
        let frame = Render.frame(state, width: width, height: height)
        if frame.geometry != state.geometry { send(.drawn(frame.geometry)) }
        return frame.canvas
    }

    /// Lays the screen out at the current size without drawing it anywhere.
    public func settle() { _ = render(width: width, height: height) }
}
