import ArgumentParser

@main
struct KieuMau: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kieumau",
        abstract: "Dashboard of the model ward police programme (Công an phường điển hình, kiểu mẫu).",
        discussion: """
            With no subcommand, opens the terminal dashboard on the embedded data (or --data DIR).
            `kieumau report` prints the same figures without a terminal.
            """,
        subcommands: [DashboardCommand.self, ReportCommand.self, ValidateCommand.self, SnapshotsCommand.self,
                      ImportCommand.self, TemplateCommand.self, ReviewsCommand.self, KeysCommand.self, GenerateCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// The dashboard with its own options only starts without the argument parser (see
    /// `QuickDashboardArguments`); everything else goes through it.
    static func main() {
        guard let settings = QuickDashboardArguments.parse(Array(CommandLine.arguments.dropFirst())) else {
            return main(nil)
        }
        do {
            try DashboardLaunch(settings: settings).run()
        } catch {
            exit(withError: error)
        }
    }
}
