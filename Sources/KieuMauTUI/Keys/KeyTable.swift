/// The one table of keys. It decodes keys into commands, and writes the help screen, the status
/// line's hints, `kieumau keys` and the README's key section, so none of them can disagree with
/// what a key does. A user's `[keys]` in config.toml rebinds commands by name.
public struct KeyTable: Hashable, Sendable {
    public private(set) var bindings: [KeyBinding]
    /// For each context, each key's command (the first binding wins where two claim one key;
    /// `conflicts` names such pairs).
    private var index: [KeyContext: [Key: Command]]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        var built: [KeyContext: [Key: Command]] = [:]
        for context in KeyContext.allCases {
            var keys: [Key: Command] = [:]
            for b in bindings where b.contexts.contains(context) {
                for key in b.keys where Self.counts(key, in: context) {
                    if keys[key] == nil { keys[key] = b.command }
                }
            }
            built[context] = keys
        }
        self.index = built
    }

    /// In the contexts where text is typed, a printable character is text: bindings there
    /// act only on other keys (Enter, Esc, Ctrl-C…).
    static func counts(_ key: Key, in context: KeyContext) -> Bool {
        if context == .filter || context == .note, case .char = key { return false }
        return true
    }

    /// The command of `key` in `context`. While a filter is typed, keys it does not use move in
    /// the list below it (arrows, pages), as they did before typing began.
    public func command(for key: Key, in context: KeyContext, under screen: KeyContext? = nil) -> Command? {
        if let c = index[context]?[key] { return c }
        if context == .filter, let screen, Self.counts(key, in: .filter),
           let c = index[screen]?[key], Self.passThroughFilter.contains(c) {
            return c
        }
        return nil
    }

    /// What the list below a filter being typed still answers to.
    static let passThroughFilter: Set<Command> = [.up, .down, .pageUp, .pageDown, .first, .last, .help, .quit, .repaint]

    /// The keys of a command, in the order help shows them.
    public func keys(of command: Command) -> [Key] {
        bindings.first { $0.command == command }?.keys ?? []
    }

    public func binding(of command: Command) -> KeyBinding? { bindings.first { $0.command == command } }

    // MARK: - Conflicts

    /// Two commands claiming one key in one context.
    public struct Conflict: Hashable, Sendable, CustomStringConvertible {
        public var key: Key
        public var context: KeyContext
        /// The command that keeps the key, and the one that loses it.
        public var kept: Command
        public var lost: Command
        public var description: String {
            "\(key.name) is both '\(kept.name)' and '\(lost.name)' in \(context.name(.en)); '\(kept.name)' keeps it"
        }
    }

    /// Every key claimed by two commands in one context (the default table has none: a test says so).
    public var conflicts: [Conflict] {
        var found: [Conflict] = []
        for context in KeyContext.allCases {
            var owner: [Key: Command] = [:]
            for b in bindings where b.contexts.contains(context) {
                for key in b.keys where Self.counts(key, in: context) {
                    if let first = owner[key], first != b.command {
                        found.append(Conflict(key: key, context: context, kept: first, lost: b.command))
                    } else {
                        owner[key] = b.command
                    }
                }
            }
        }
        return found
    }

    // MARK: - Rebinding

    /// The table with `command` given `keys` instead of its own. The rebound command comes first
    /// in lookups, so a key the user gives it wins over a default binding of the same key; the
    /// returned conflicts name every key now claimed twice.
    public func rebinding(_ changes: [(command: Command, keys: [Key])]) -> (table: KeyTable, conflicts: [Conflict]) {
        var rebound = bindings
        var first: [KeyBinding] = []
        for change in changes {
            guard let i = rebound.firstIndex(where: { $0.command == change.command }) else { continue }
            rebound[i].keys = change.keys
            first.append(rebound[i])
        }
        // Lookups take the first claim of a key: the user's bindings are looked at before the others.
        let firstCommands = Set(first.map(\.command))
        let lookupOrder = first + rebound.filter { !firstCommands.contains($0.command) }
        let lookup = KeyTable(bindings: lookupOrder)
        var table = KeyTable(bindings: rebound)
        table.index = lookup.index
        return (table, lookup.conflicts)
    }
}
