import ArgumentParser
import KieuMauCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check data files; print every problem with its file and path. Exit 0 only when all are valid.")

    @Argument(help: "Files or directories (default: the embedded data).")
    var paths: [String] = []

    func run() throws {
        var targets = paths
        if targets.isEmpty {
            guard let dir = EmbeddedData.directory() else { throw CLIError("the embedded data was not found; pass a path") }
            targets = [dir]
        }
        let problems = Catalog.validate(paths: targets, today: DataOptions.today)
        for p in problems { print(p.description) }
        let errors = problems.filter { $0.severity == .error }.count
        if errors > 0 {
            printError("\(errors) error(s), \(problems.count - errors) warning(s)")
            throw ExitCode(1)
        }
        print(problems.isEmpty ? "all valid" : "valid, with \(problems.count) warning(s)")
    }
}
