import ArgumentParser
import Foundation
import KieuMauCore
import KieuMauTUI
import KieuMauTerminal
import KieuMauDashboard

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the terminal dashboard (what `kieumau` does with no subcommand).")

    @OptionGroup var options: DataOptions

    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: "Theme name or path to a .toml file (else $KIEUMAU_THEME, else 'default').")
    var theme: String?

    @Option(name: .long, help: "Interface language: vi or en (else from LC_ALL / LANG).")
    var lang: String?

    @OptionGroup var reviewStore: ReviewStoreOptions

    @Option(name: .long, help: "Your name on marks and notes (default: $USER).")
    var reviewer: String?

    @Option(name: .customLong("export-dir"), help: "Where e / E write their exports (default: the current directory).")
    var exportDir: String?

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

    /// What was asked for, as a plain value: the quick start (`QuickDashboardArguments`) builds
    /// the same value without this parser.
    var settings: DashboardSettings {
        DashboardSettings(data: options.choice, config: configOption.config, theme: theme, lang: lang,
                          reviews: reviewStore.reviews, reviewer: reviewer, exportDir: exportDir, noMouse: noMouse,
                          exitAfterFirstFrame: exitAfterFirstFrame, terminalSelfTest: terminalSelfTest)
    }

    func run() throws {
        try DashboardLaunch(settings: settings).run()
    }
}
