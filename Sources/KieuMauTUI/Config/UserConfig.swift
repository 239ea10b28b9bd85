import KieuMauCore

/// The user's defaults, from `$XDG_CONFIG_HOME/kieumau/config.toml` (else
/// `~/.config/kieumau/config.toml`, or `--config PATH`): what the command line would otherwise
/// be told every time, and keys rebound by command name. A flag on the command line, then an
/// environment variable, wins over the file; the file wins over the built-in defaults.
///
/// ```toml
/// theme = "light"
/// lang = "vi"
/// [keys]
/// quit = "Q"
/// down = ["j", "Down"]
/// ```
public struct UserConfig: Sendable, Equatable {
    public var theme: String?
    public var lang: Language?
    public var series: String?
    /// A data directory of one's own (`--data`).
    public var data: String?
    public var reviewer: String?
    /// The review store: a path (SQLite) or a PostgreSQL connection URI (`--reviews`).
    public var reviews: String?
    /// Where `e` / `E` write (`--export-dir`).
    public var exportDir: String?
    /// Commands given other keys, in the file's order.
    public var keys: [KeyRebinding] = []
    /// Everything wrong with the file, each with its line, key and what was expected; what is
    /// wrong is left out and its default used.
    public var problems: [Problem] = []

    public init() {}

    /// A command and the keys the file gives it.
    public struct KeyRebinding: Sendable, Equatable {
        public var command: Command
        public var keys: [Key]
        public var line: Int
    }

    /// The key table with the file's rebindings, and a warning for each key two commands now
    /// claim in one context (the file's binding keeps it).
    public func keyTable(file: String) -> (KeyTable, [Problem]) {
        let (table, conflicts) = KeyTable.defaults.rebinding(keys.map { ($0.command, $0.keys) })
        let lines = Dictionary(keys.map { ($0.command, $0.line) }, uniquingKeysWith: { a, _ in a })
        let problems = conflicts.map { c in
            Problem(file: file, path: "keys.\(c.kept.name)", line: lines[c.kept] ?? lines[c.lost],
                    message: "\(c.key.name) is both '\(c.kept.name)' and '\(c.lost.name)' in \(c.context.name(.en)); '\(c.kept.name)' keeps it",
                    severity: .warning)
        }
        return (table, problems)
    }
}
