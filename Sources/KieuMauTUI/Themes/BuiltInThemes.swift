/// The themes compiled into the program, read from the copies of `Themes/*.toml` in
/// `BuiltInThemeFiles` (a test keeps those copies equal to the files, byte for byte).
public enum BuiltInThemes {
    /// Names in the order the `t` key cycles through them: `default` first, then alphabetical.
    public static let names: [String] = {
        let sorted = BuiltInThemeFiles.files.map(\.name).sorted()
        return sorted.filter { $0 == defaultName } + sorted.filter { $0 != defaultName }
    }()

    public static let defaultName = "default"

    /// The default theme: every role has a style, and every other theme falls back to it. It is
    /// `Themes/default.toml` read against `bare` (plain styles and the model's monochrome
    /// attributes), compiled in as a value (`DefaultThemeValue`, held to the file by a test).
    public static let `default`: Theme = DefaultThemeValue.theme

    /// A built-in theme by name, or nil. Parsed on each call, against the default: only the theme
    /// on screen is needed before the first frame, and `ThemeList` keeps what it has parsed.
    public static func theme(named name: String) -> Theme? {
        if name == defaultName { return `default` }
        guard let file = BuiltInThemeFiles.files.first(where: { $0.name == name }) else { return nil }
        return ThemeParser.parse(text: file.text, file: fileLabel(named: name), fallback: `default`).theme
    }

    /// The text of a built-in theme file, e.g. to copy it into the user's theme folder.
    public static func fileText(named name: String) -> String? {
        BuiltInThemeFiles.files.first { $0.name == name }?.text
    }

    /// The label used for built-in themes in messages, e.g. `built-in/light.toml`.
    public static func fileLabel(named name: String) -> String { "built-in/\(name).toml" }

    /// What the default theme is read against: no colours, the model's monochrome attributes.
    static let bare = Theme(name: defaultName, styles: [:], monochrome: Theme.monochromeDefault)
}
