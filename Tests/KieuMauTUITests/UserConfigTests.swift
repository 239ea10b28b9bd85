import Testing
import KieuMauCore
@testable import KieuMauTUI

/// config.toml: settings and keys; every mistake named with its line, key and expectation.
@Suite struct UserConfigTests {
    @Test func aGoodFileGivesEverySettingAndTheKeys() {
        let config = UserConfig.read("""
            # mine
            theme = "light"
            lang = "vi"
            series = "demo"
            data = "/srv/data"
            reviewer = "Lê Thị Hoa"
            reviews = "postgresql:///kieumau?host=/run/postgresql"
            export_dir = "/srv/exports"

            [keys]
            quit = "Q"
            down = ["j", "Down"]
            """, file: "config.toml")
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(config.theme == "light" && config.lang == .vi && config.series == "demo" && config.data == "/srv/data")
        #expect(config.reviewer == "Lê Thị Hoa" && config.reviews == "postgresql:///kieumau?host=/run/postgresql")
        #expect(config.exportDir == "/srv/exports")
        #expect(config.keys.map(\.command) == [.quit, .down])
        #expect(config.keys.last?.keys == [.char("j"), .down])
        let (table, problems) = config.keyTable(file: "config.toml")
        #expect(problems.isEmpty)
        #expect(table.command(for: .char("Q"), in: .provinces) == .quit)
    }

    @Test func mistakesAreNamedByLineKeyAndExpectationAndTheRestIsUsed() {
        let config = UserConfig.read("""
            theme = 3
            lang = "fr"
            colour = "red"
            series = "demo"
            [keys]
            qiut = "Q"
            down = "Ctrl-1"
            up = 5
            help = []
            [view]
            """, file: "config.toml")
        let described = config.problems.map(\.description)
        func has(_ text: String) -> Bool { described.contains { $0.contains(text) } }
        #expect(has("config.toml:1:1: theme: expected a theme name or a path to a .toml file as a string, found a number"), "\(described)")
        #expect(has("config.toml:2:1: lang: expected \"vi\" or \"en\", found \"fr\""), "\(described)")
        #expect(has("config.toml:3:1: colour: unknown setting"), "\(described)")
        #expect(has("config.toml:6:1: keys.qiut: unknown command; did you mean 'quit'?"), "\(described)")
        #expect(has("config.toml:7:1: keys.down: \"Ctrl-1\" is not a key"), "\(described)")
        #expect(has("config.toml:8:1: keys.up: expected a key name or a list of key names"), "\(described)")
        #expect(has("config.toml:9:1: keys.help: expected at least one key"), "\(described)")
        #expect(has("config.toml:10: [view]: unknown section [view]; expected [keys]"), "\(described)")
        #expect(config.series == "demo", "a good setting beside bad ones is used")
        #expect(config.keys.isEmpty)
    }

    @Test func twoCommandsGivenOneKeyAreReportedWithTheLine() {
        let config = UserConfig.read("[keys]\nquit = \"j\"\n", file: "c.toml")
        let (table, problems) = config.keyTable(file: "c.toml")
        #expect(table.command(for: .char("j"), in: .provinces) == .quit)
        #expect(problems.contains { $0.line == 2 && $0.severity == .warning && $0.description.contains("j is both 'quit' and 'down'") },
                "\(problems)")
    }

    @Test func aSyntaxErrorIsNamedToo() {
        let config = UserConfig.read("theme = \"light\nlang = \"en\"\n", file: "c.toml")
        #expect(config.problems.contains { $0.line == 1 }, "\(config.problems)")
        #expect(config.lang == .en)
    }
}
