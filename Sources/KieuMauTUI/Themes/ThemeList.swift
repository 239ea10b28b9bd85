/// The themes the `t` key cycles through, each parsed the first time it is shown. Only the theme
/// on screen is needed before the first frame; parsing every theme there cost ~2.5 ms of each
/// launch (docs/BENCHMARKS.md).
public final class ThemeList {
    /// In the order `t` goes through them.
    public let names: [String]
    /// A theme by name, or nil when it cannot be used (it failed to parse): `t` passes over it.
    private let load: (String) -> Theme?
    private var parsed: [Int: Theme?] = [:]

    /// `names`, with the theme at `initial` already parsed (the one the program starts with).
    public init(names: [String], initial: Int, theme: Theme, load: @escaping (String) -> Theme?) {
        self.names = names.isEmpty ? [theme.name] : names
        self.load = load
        parsed[names.isEmpty ? 0 : min(max(0, initial), names.count - 1)] = theme
    }

    /// Themes parsed already (tests, the benchmark).
    public convenience init(_ themes: [Theme]) {
        let list = themes.isEmpty ? [BuiltinThemeFallback.plain] : themes
        self.init(names: list.map(\.name), initial: 0, theme: list[0], load: { name in list.first { $0.name == name } })
        for (i, t) in list.enumerated() { parsed[i] = t }
    }

    /// Whether the theme at `index` can be shown (parsing it if not done yet).
    public func isUsable(_ index: Int) -> Bool { theme(at: index) != nil }

    /// The theme at `index` (clamped), or nil when it failed to parse.
    public func theme(at index: Int) -> Theme? {
        let i = min(max(0, index), names.count - 1)
        if let known = parsed[i] { return known }
        let t = load(names[i])
        parsed[i] = .some(t)
        return t
    }
}

/// Used only if no theme at all could be had: plain attributes.
enum BuiltinThemeFallback {
    static let plain = Theme(name: "plain", styles: [:])
}
