import ArgumentParser
import Testing
@testable import kieumau

/// The dashboard's quick start reads its options without swift-argument-parser; whatever it
/// reads, it must read as the parser does, and it must leave to the parser what it is unsure of.
@Suite struct QuickDashboardArgumentsTests {
    /// The settings the parser gives, or nil when it would not open the dashboard with them.
    func parsed(_ arguments: [String]) -> DashboardSettings? {
        (try? KieuMau.parseAsRoot(arguments) as? DashboardCommand)?.settings
    }

    @Test(arguments: [
        [],
        ["--data", "/tmp/d", "--series", "demo"],
        ["--data=/tmp/thư mục", "--series=record", "--as-of", "2025-06-30"],
        ["--snapshot", "2024-03-31", "--model", "recognised", "--lang", "EN"],
        ["--config", "/x/config.toml", "--theme", "light", "--reviews", "postgresql://u@h/db", "--reviewer", "Lan"],
        ["--export-dir", "/tmp/out", "--no-mouse", "--exit-after-first-frame"],
        ["--terminal-self-test", "--exit-after-first-frame"],
        ["--theme", "nord", "--reviewer", "Nguyễn Văn A"],
        ["--data", "report"],
    ])
    func readsAsTheParserDoes(_ arguments: [String]) throws {
        let quick = try #require(QuickDashboardArguments.parse(arguments), "the quick start should take \(arguments)")
        #expect(quick == parsed(arguments))
    }

    /// What the quick start leaves to the parser: help, subcommands, unknown, repeated or
    /// misplaced options, values the dashboard refuses, flags given a value.
    @Test(arguments: [
        ["--help"], ["-h"], ["help"], ["dashboard"], ["report"], ["dashboard", "--data", "x"],
        ["--unknown"], ["--data"], ["--data", "--series", "demo"], ["--data", "a", "--data", "b"],
        ["--model", "everything"], ["--lang", "fr"], ["--no-mouse=yes"], ["positional"], ["--"], ["-"],
        ["--data", "-x"], ["--version"], ["--theme="], ["--reviewer", ""],
    ])
    func leavesTheRestToTheParser(_ arguments: [String]) {
        #expect(QuickDashboardArguments.parse(arguments) == nil)
    }

    /// Every option of `kieumau dashboard`, hidden ones included, is one the quick start reads,
    /// and no other: an option added to the command must be added there too.
    @Test func knowsEveryOptionOfTheDashboard() {
        let help = DashboardCommand.helpMessage(includeHidden: true, columns: 400)
        var names: [String] = []
        for line in help.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("--") else { continue }
            let name = trimmed.dropFirst(2).prefix { $0 != " " && $0 != "," && $0 != "=" }
            if name != "help" { names.append(String(name)) }
        }
        #expect(names.sorted() == QuickDashboardArguments.names.sorted())
        for name in QuickDashboardArguments.names {
            var settings = DashboardSettings()
            #expect(QuickDashboardArguments.setFlag(name, in: &settings)
                    || QuickDashboardArguments.set(name, name == "model" ? "complete" : (name == "lang" ? "vi" : "x"), in: &settings),
                    "\(name) is listed but not read")
        }
    }
}
