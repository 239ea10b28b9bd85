import Testing
@testable import KieuMauTUI

/// The default theme is compiled in as a Swift value (`DefaultThemeValue`): parsing its TOML at
/// every start cost 3 M instructions (issue 14). This test holds the value to the file.
@Suite struct DefaultThemeValueTests {
    @Test func theCompiledDefaultIsTheParsedFile() throws {
        let file = try #require(BuiltInThemeFiles.files.first { $0.name == BuiltInThemes.defaultName })
        let parsed = ThemeParser.parse(text: file.text, file: BuiltInThemes.fileLabel(named: file.name), fallback: BuiltInThemes.bare)
        #expect(parsed.problems.isEmpty)
        #expect(parsed.theme == DefaultThemeValue.theme,
                "Themes/default.toml changed: replace DefaultThemeValue.swift's body with\n\(Self.swift(parsed.theme))")
    }

    /// The value as Swift source.
    static func swift(_ theme: Theme) -> String {
        func color(_ c: ThemeColor) -> String {
            switch c {
            case .terminalDefault: return ".terminalDefault"
            case .rgb(let r, let g, let b): return ".rgb(\(r), \(g), \(b))"
            }
        }
        func style(_ s: Style) -> String {
            var parts: [String] = []
            if s.fg != .terminalDefault { parts.append("fg: \(color(s.fg))") }
            if s.bg != .terminalDefault { parts.append("bg: \(color(s.bg))") }
            if s.bold { parts.append("bold: true") }
            if s.dim { parts.append("dim: true") }
            if s.underline { parts.append("underline: true") }
            if s.reverse { parts.append("reverse: true") }
            return "Style(\(parts.joined(separator: ", ")))"
        }
        func table(_ styles: [StyleRole: Style]) -> String {
            let rows = StyleRole.allCases.compactMap { role in styles[role].map { "        .\(role): \(style($0))," } }
            return rows.isEmpty ? "[:]" : "[\n" + rows.joined(separator: "\n") + "\n    ]"
        }
        return "    static let theme = Theme(name: \"\(theme.name)\", styles: \(table(theme.styles)),\n"
            + "                             monochrome: \(table(theme.monochrome)))"
    }
}
