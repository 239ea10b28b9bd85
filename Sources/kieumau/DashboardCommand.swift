import ArgumentParser
import Foundation
import KieuMauCore
import KieuMauTUI

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the terminal dashboard (what `kieumau` does with no subcommand).")

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: "Theme name or path to a .toml file (else $KIEUMAU_THEME, else 'default').")
    var theme: String?

    @Option(name: .long, help: "Interface language: vi or en (else from LC_ALL / LANG).")
    var lang: String?

    @OptionGroup var reviewStore: ReviewStoreOptions

    @Option(name: .long, help: "Your name on marks and notes (default: $USER).")
    var reviewer: String?

    @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse (keeps the terminal's own text selection).")
    var noMouse = false

    @Flag(name: .customLong("exit-after-first-frame"), help: .hidden)
    var exitAfterFirstFrame = false

    @Flag(name: .customLong("terminal-self-test"), help: .hidden)
    var terminalSelfTest = false

    func validate() throws {
        if let lang, Language(rawValue: lang.lowercased()) == nil {
            throw ValidationError("--lang: expected 'vi' or 'en', found '\(lang)'")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let timings = PhaseTimings(environment: environment)
        let terminalOptions = TerminalOptions(mouse: !noMouse)
        if terminalSelfTest {
            do {
                try runTerminalSelfTest(options: terminalOptions, exitAfterFirstFrame: exitAfterFirstFrame,
                                        crashKeyEnabled: environment["KIEUMAU_SELF_TEST_CRASH_KEY"] == "1").endProcess()
            } catch {
                throw CLIError("\(error)\nFor a plain-text summary run `kieumau report`.")
            }
        }
        // Refuse a terminal we cannot drive before any work, with the way out.
        if let refusal = TerminalSession.refusal(term: environment["TERM"], inputIsTerminal: isatty(STDIN_FILENO) == 1,
                                                 outputIsTerminal: isatty(STDOUT_FILENO) == 1) {
            throw CLIError("\(refusal)\nFor a plain-text summary run `kieumau report`.")
        }

        let catalog = try options.catalog()
        timings.mark("scan (criteria, snapshot headers)")
        let series = try options.chosenSeries(in: catalog)
        let source = CatalogSource(catalog: catalog)
        let refs = source.snapshots(inSeries: series)
        var skippedNotice: String?
        let (index, data) = try options.opening(catalog.snapshots(inSeries: series), skipped: { entry, problems in
            skippedNotice = skippedNotice ?? "\(entry.file): \(problems.all.first?.description ?? "")"
        }) { entry in
            source.load(SnapshotRef(file: entry.file, header: entry.header))
        }
        timings.mark("load (map, snapshot)")

        let (themes, themeIndex, themeProblems) = Self.themes(argument: theme, environment: environment)
        for p in themeProblems { printError("kieumau: theme: \(p)") }
        timings.mark("themes")

        let language = Language.from(flag: lang, environment: environment)
        var state = AppState(dataset: data, snapshots: refs, snapshotIndex: index, lang: language, definition: options.model)
        state.themeIndex = themeIndex
        state.problemCount = catalog.problems.count
        if let first = themeProblems.first(where: { $0.severity == .error }) {
            state.notice = "theme: \(first)"
        } else if let skippedNotice {
            state.notice = state.strings.loadFailed(skippedNotice)
        } else if !catalog.problems.isEmpty {
            state.notice = "\(catalog.problems.count) \(state.strings.problemsLabel): kieumau validate"
        }
        let (backend, reviewProblem) = StoreReviewBackend.open(flag: reviewStore.reviews, reviewer: reviewer, environment: environment)
        if let reviewProblem {
            printError("kieumau: reviews: \(reviewProblem)")
            state.notice = (backend == nil ? state.strings.noReviewStore + ": " + reviewProblem : state.strings.reviewsReadOnly(reviewProblem))
        }
        let controller = AppController(state: state, themes: themes, source: source, reviews: backend)
        // The opening screen is the latest known as of today (or --as-of), unless --snapshot asks
        // for one snapshot as published.
        if try options.snapshotDay() == nil {
            let notice = controller.state.notice
            controller.showLatestKnown(asOf: try options.latestKnownDay())
            if let notice, controller.state.notice == nil { controller.restoreNotice(notice) }
        }
        timings.mark("state (summary, lists)")
        var app = TimedApp(DashboardApp(controller: controller, watcher: DirectoryWatcher(directory: catalog.directory)), timings: timings)
        let exit: LoopExit
        do {
            exit = try MainLoop.run(app: &app, options: terminalOptions, exitAfterFirstFrame: exitAfterFirstFrame)
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
        let locator = ThemeLocator.system()
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
