import FuzzSupport
import KieuMauCore
import KieuMauTUI

/// Theme files (the TOML subset of docs/THEMES.md). Properties: no trap, hang or leak; a theme
/// always comes back with a style for every role; its name is short and has no control
/// characters; problems are capped and name the file.
func fuzzTheme(_ bytes: [UInt8]) {
    let file = "themes/fuzz.toml"
    let (theme, problems) = ThemeParser.parse(bytes: bytes, file: file)
    for role in StyleRole.allCases {
        require(theme.styles[role] != nil, "no style for role \(role.key)")
        require(theme.monochrome[role] != nil, "no monochrome style for role \(role.key)")
    }
    require(theme.name.count <= ThemeParser.maxNameLength, "name of \(theme.name.count) characters")
    require(!theme.name.unicodeScalars.contains { $0.properties.generalCategory == .control }, "control character in the name")
    require(problems.count <= ThemeParser.maxProblems, "\(problems.count) problems listed")
    for p in problems { require(p.file == file && !p.message.isEmpty, "problem \(p) does not name the file") }
}
