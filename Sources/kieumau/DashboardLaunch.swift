import Foundation
import KieuMauCore
import KieuMauDashboard
import KieuMauTUI
import KieuMauTerminal

/// Opens the dashboard as `settings` ask: settings and keys, data, themes, review store, then
/// the terminal loop until the user quits.
struct DashboardLaunch {
    let settings: DashboardSettings

    func run() throws {
        let noMouse = settings.noMouse, lang = settings.lang, exitAfterFirstFrame = settings.exitAfterFirstFrame
        let environment = ProcessInfo.processInfo.environment
        let timings = PhaseTimings(environment: environment)
        let terminalOptions = TerminalOptions(mouse: !noMouse)
        if settings.terminalSelfTest {
            do {
                try runTerminalSelfTest(options: terminalOptions, exitAfterFirstFrame: exitAfterFirstFrame,
                                        crashKeyEnabled: environment["KIEUMAU_SELF_TEST_CRASH_KEY"] == "1").endProcess()
            } catch {
                throw CLIError("\(error)\nFor a plain-text summary run `kieumau report`.")
            }
        }
        // The user's settings fill in what the command line leaves out; a flag, then an
        // environment variable, wins over the file.
        let loaded = try ConfigOption.load(settings.config, environment: environment)
        let config = loaded.config
        let (keyTable, configProblems) = loaded.keys
        for p in configProblems { printError("kieumau: config: \(p)") }
        var options = settings.data
        options.data = options.data ?? config.data
        options.series = options.series ?? config.series
        let reviewsFlag = settings.reviews ?? ((environment["KIEUMAU_REVIEWS"] ?? "").isEmpty ? config.reviews : nil)
        let themeArgument = settings.theme ?? ((environment["KIEUMAU_THEME"] ?? "").isEmpty ? config.theme : nil)

        // A bad option is named before anything else, also where no dashboard could be drawn.
        let exports = try ExportFolder(flag: settings.exportDir ?? config.exportDir)
        // Refuse a terminal we cannot drive before any work, with the way out.
        if let refusal = TerminalSession.refusal(term: environment["TERM"], inputIsTerminal: isatty(STDIN_FILENO) == 1,
                                                 outputIsTerminal: isatty(STDOUT_FILENO) == 1) {
            throw CLIError("\(refusal)\nFor a plain-text summary run `kieumau report`.")
        }

        let catalog = try options.catalog()
        timings.mark("scan (criteria, snapshot headers)")
        let series = try options.chosenSeries(in: catalog)
        // Digests of snapshots are kept between runs (issue 14): a warm start draws its first frame
        // from the opening snapshot's digest on the map's outline, and reads the rows after it.
        let digestCache = environment["KIEUMAU_DIGEST_CACHE"] == "off" ? nil : DigestCache(environment: environment)
        let source = CatalogSource(catalog: catalog, digestCache: digestCache)
        let refs = source.snapshots(inSeries: series)
        var skippedNotice: String?
        var openingDigest: SnapshotDigest?
        var openingSummary: ProgressSummary?
        let (index, data) = try options.opening(catalog.snapshots(inSeries: series), skipped: { entry, problems in
            skippedNotice = skippedNotice ?? "\(entry.file): \(problems.all.first?.description ?? "")"
        }) { entry in
            source.open(entry, definition: options.model).map { opened in
                openingDigest = opened.outline
                openingSummary = opened.summary
                return opened.dataset
            }
        }
        timings.mark(openingDigest == nil ? "load (map, snapshot)" : "load (digest, map outline)")

        let (themes, themeIndex, themeProblems) = Self.themes(argument: themeArgument, environment: environment)
        for p in themeProblems { printError("kieumau: theme: \(p)") }
        timings.mark("themes")

        let language = Language.from(flag: lang ?? config.lang?.rawValue, environment: environment)
        let strings = Strings(language)
        var notice: String?
        if let first = configProblems.first {
            notice = "config: \(first)" + (configProblems.count > 1 ? " (+\(configProblems.count - 1))" : "")
        } else if let first = themeProblems.first(where: { $0.severity == .error }) {
            notice = "theme: \(first)"
        } else if let skippedNotice {
            notice = strings.loadFailed(skippedNotice)
        } else if !catalog.problems.isEmpty {
            notice = "\(catalog.problems.count) \(strings.problemsLabel): kieumau validate"
        }
        let (backend, reviewProblem) = StoreReviewBackend.open(flag: reviewsFlag, reviewer: settings.reviewer ?? config.reviewer, environment: environment)
        if let reviewProblem {
            printError("kieumau: reviews: \(reviewProblem)")
            notice = backend == nil ? strings.noReviewStore + ": " + reviewProblem : strings.reviewsReadOnly(reviewProblem)
        }
        // The opening screen is the latest known as of today (or --as-of), unless --snapshot asks
        // for one snapshot as published. Its figures are read before the first frame.
        var opening: LatestKnownView?
        if try options.snapshotDay() == nil {
            let day = try options.latestKnownDay()
            opening = LatestKnownView.read(on: day, refs: refs, definition: options.model, source: source)
            if opening == nil, notice == nil { notice = strings.noSnapshotBefore(day.iso) }
        }
        let state = AppState(dataset: data, snapshots: refs, snapshotIndex: index, lang: language, themeIndex: themeIndex,
                             definition: options.model, keys: keyTable, seriesNames: source.seriesNames,
                             problemCount: catalog.problems.count, notice: notice, summary: openingSummary, latestKnown: opening,
                             outlineOf: openingDigest)
        let runtime = AppRuntime(state: state, themes: themes, source: source, reviews: backend, exports: exports,
                                 execution: .background, settles: false)
        runtime.settlesAfterEachKey = false
        timings.mark("state (summary, lists)")
        timings.count("ward rows decoded before the first frame", source.wardRowsDecoded)
        var app = TimedApp(DashboardApp(runtime: runtime, watcher: DirectoryWatcher(directory: catalog.directory)), timings: timings)
        let exit: LoopExit
        do {
            exit = try MainLoop.run(app: &app, options: terminalOptions, environment: environment, exitAfterFirstFrame: exitAfterFirstFrame)
        } catch {
            throw CLIError("\(error)\nFor a plain-text summary run `kieumau report`.")
        }
        timings.mark(exitAfterFirstFrame ? "first frame drawn, terminal restored" : "session until quit")
        timings.report()
        exit.endProcess()
    }

    /// Every theme `t` can cycle through, and which one to start with. Only the chosen theme is
    /// parsed now; the others when `t` first reaches them (a broken one is passed over then).
    static func themes(argument: String?, environment: [String: String]) -> (ThemeList, Int, [Problem]) {
        let locator = ThemeLocator.system(environment: environment)
        let chosen = locator.resolve(argument: argument, environment: environment)
        var names = locator.availableNames()
        let index: Int
        if let i = names.firstIndex(of: chosen.name) {
            index = i
        } else {
            names.insert(chosen.name, at: 0)
            index = 0
        }
        let list = ThemeList(names: names, initial: index, theme: chosen.theme) { name in
            let r = locator.load(name: name)
            return r.problems.contains { $0.severity == .error } ? nil : r.theme
        }
        return (list, index, chosen.problems)
    }
}
