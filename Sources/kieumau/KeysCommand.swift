import ArgumentParser
import KieuMauTUI

/// `kieumau keys`: the key table, as the user's config binds it; `--format markdown` is the
/// README's key section (a test keeps the two equal).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List every key of the dashboard, with the command name config.toml rebinds it by.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Option(name: .long, help: "text (default) or markdown.")
    var format: Format = .text

    @Option(name: .long, help: "vi or en (default en).")
    var lang: String = "en"

    @Flag(name: .customLong("defaults"), help: "The keys as shipped, without your config.toml.")
    var defaults = false

    @OptionGroup var configOption: ConfigOption

    func run() throws {
        guard let language = Language(rawValue: lang.lowercased()) else {
            throw CLIError("--lang: expected 'vi' or 'en', found '\(lang)'")
        }
        var table = KeyTable.defaults
        if !defaults {
            let loaded = try configOption.load()
            let keys = loaded.keys
            for p in keys.problems { printError("kieumau: config: \(p)") }
            table = keys.table
        }
        print(format == .markdown ? table.markdown(language) : table.text(language), terminator: "")
    }
}
