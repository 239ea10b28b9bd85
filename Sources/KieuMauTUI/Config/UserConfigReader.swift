import KieuMauCore

/// Reads config.toml (the TOML subset the themes use) into a `UserConfig`. Never fails: a file
/// that cannot be read gives one problem and no settings; a bad entry gives a problem with its
/// line, key and what was expected, and is left out.
extension UserConfig {
    /// Keys at the top of the file and what each must be.
    static let settings: [(key: String, expects: String)] = [
        ("theme", "a theme name or a path to a .toml file"), ("lang", "\"vi\" or \"en\""),
        ("series", "a series name, e.g. \"record\" or \"demo\""), ("data", "a folder of data files"),
        ("reviewer", "your name on marks and notes"), ("reviews", "a review store: a path, or a postgresql:// URI"),
        ("export_dir", "a folder for exports"),
    ]

    /// A file of more keys than this is not a config file (the theme files' bound, for the same reason).
    static let maxKeys = 2_000

    public static func read(_ text: String, file: String) -> UserConfig {
        let document = TOMLSubsetReader.read(text, file: file, maxKeys: maxKeys)
        var config = UserConfig()
        config.problems = document.problems
        var seen: [String: Int] = [:]
        for entry in document.entries {
            let path = entry.section.map { "\($0).\(entry.key)" } ?? entry.key
            func problem(_ message: String, _ severity: Problem.Severity = .error) {
                config.problems.append(Problem(file: file, path: path, line: entry.line, column: entry.column,
                                               message: message, severity: severity))
            }
            if let first = seen[path] {
                problem("set again; the first, on line \(first), is used")
                continue
            }
            seen[path] = entry.line
            let mistake: String?
            switch entry.section {
            case nil: mistake = config.readSetting(entry)
            case "keys": mistake = config.readKeys(entry)
            case let section?: mistake = "unknown section [\(section)]; expected [keys]"
            }
            if let mistake { problem(mistake) }
        }
        for section in document.sections where section.name != "keys" && !document.entries.contains(where: { $0.section == section.name }) {
            config.problems.append(Problem(file: file, path: "[\(section.name)]", line: section.line,
                                           message: "unknown section [\(section.name)]; expected [keys]"))
        }
        return config
    }

    /// Takes one top-level setting; returns what is wrong with it, if anything.
    private mutating func readSetting(_ entry: TOMLEntry) -> String? {
        guard let expects = Self.settings.first(where: { $0.key == entry.key })?.expects else {
            let known = Self.settings.map(\.key).joined(separator: ", ")
            return "unknown setting; expected one of \(known), or a [keys] section"
        }
        guard case .string(let raw) = entry.value else {
            return "expected \(expects) as a string, found \(entry.value.described)"
        }
        let value = DisplaySafe.clean(raw)
        guard !value.isEmpty else { return "expected \(expects), found an empty string" }
        switch entry.key {
        case "theme": theme = value
        case "lang":
            guard let l = Language(rawValue: value.lowercased()) else { return "expected \(expects), found \"\(value)\"" }
            lang = l
        case "series": series = value
        case "data": data = value
        case "reviewer": reviewer = value
        case "reviews": reviews = value
        case "export_dir": exportDir = value
        default: break
        }
        return nil
    }

    /// Takes one `[keys]` entry; returns what is wrong with it, if anything.
    private mutating func readKeys(_ entry: TOMLEntry) -> String? {
        guard let command = Command(rawValue: entry.key) else {
            let near = NearestKey.nearest(to: entry.key, among: Command.allCases.map(\.name))
            return "unknown command" + (near.map { "; did you mean '\($0)'?" } ?? "") + " (`kieumau keys` lists them)"
        }
        let names: [TOMLValue]
        switch entry.value {
        case .string: names = [entry.value]
        case .array(let items): names = items
        default:
            return "expected a key name or a list of key names, e.g. \"Q\" or [\"j\", \"Down\"], found \(entry.value.described)"
        }
        var keys: [Key] = []
        for item in names {
            guard case .string(let name) = item else {
                return "expected key names as strings, found \(item.described)"
            }
            guard let key = Key(name: name) else {
                return "\"\(DisplaySafe.clean(name))\" is not a key; expected a character (\"q\"), a name (Up, PgDn, Enter, Esc, Space, Tab, F1…) or Ctrl-letter"
            }
            if !keys.contains(key) { keys.append(key) }
        }
        guard !keys.isEmpty else { return "expected at least one key; a command cannot be left without one" }
        self.keys.append(KeyRebinding(command: command, keys: keys, line: entry.line))
        return nil
    }
}
