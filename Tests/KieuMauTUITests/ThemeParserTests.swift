import Foundation
import KieuMauCore
import Testing
import KieuMauTestSupport
@testable import KieuMauTUI

@Suite struct ThemeParserTests {
    let defaultTheme = BuiltInThemes.default

    func parse(_ text: String, file: String = "broken.toml") -> (theme: Theme, problems: [Problem]) {
        ThemeParser.parse(text: text, file: file)
    }

    func style(_ theme: Theme, _ role: StyleRole) -> Style { theme.style(for: role, depth: .trueColor) }

    // MARK: - Values

    @Test func validRoleIsRead() {
        let (theme, problems) = parse("""
        name = "broken"
        header = { fg = "#112233", bg = "#AABBCC", bold = true, underline = true } # trailing comment
        """)
        #expect(problems.isEmpty)
        #expect(style(theme, .header) == Style(fg: .rgb(0x11, 0x22, 0x33), bg: .rgb(0xAA, 0xBB, 0xCC), bold: true, underline: true))
        #expect(style(theme, .title) == style(defaultTheme, .title), "roles left out keep the default's style")
        #expect(theme.name == "broken")
    }

    @Test func badHexNamesLineKeyAndExpectationAndFallsBack() throws {
        let (theme, problems) = parse("""
        name = "broken"
        header = { fg = "#12345", bold = true }
        title = { fg = "#00ff00" }
        """)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.file == "broken.toml")
        #expect(problem.line == 2)
        #expect(problem.column == 12)
        #expect(problem.path == "header.fg")
        #expect(problem.severity == .error)
        #expect(problem.message.contains("\"#RRGGBB\""))
        #expect(problem.message.contains("\"#12345\" (5 hex digits)"))
        #expect(problem.description.hasPrefix("broken.toml:2:12: header.fg: expected a colour"))
        #expect(style(theme, .header) == style(defaultTheme, .header), "a broken role keeps the default's whole style")
        #expect(style(theme, .title) == Style(fg: .rgb(0, 0xff, 0)), "other roles are still read")
    }

    @Test(arguments: [
        ("#GGGGGG", "\"#GGGGGG\""),
        ("112233", "\"112233\""),
        ("#1122334", "(7 hex digits)"),
        ("Default", "write it in lower case"),
        ("red", "colour names are not used"),
        ("", "found \"\""),
    ])
    func badColoursAreErrors(value: String, hint: String) throws {
        let (_, problems) = parse("bar_met = { fg = \"\(value)\" }")
        let problem = try #require(problems.first)
        #expect(problem.path == "bar_met.fg")
        #expect(problem.message.contains(hint), "\(problem.message)")
    }

    @Test func unknownRoleIsAWarningWithASuggestion() throws {
        let (theme, problems) = parse("""
        name = "broken"

        headr = { fg = "#ffffff" }
        """)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.severity == .warning)
        #expect(problem.line == 3)
        #expect(problem.path == "headr")
        #expect(problem.message.contains("did you mean \"header\"?"))
        #expect(style(theme, .header) == style(defaultTheme, .header))
        #expect(theme.name == "broken")
    }

    @Test func unknownAttributeIsAWarningAndTheRestOfTheRoleIsKept() throws {
        let (theme, problems) = parse("title = { fg = \"#ff0000\", italic = true, bodl = true }")
        #expect(problems.map(\.severity) == [.warning, .warning])
        #expect(problems.map(\.path) == ["title.italic", "title.bodl"])
        #expect(problems.last?.message.contains("did you mean \"bold\"?") == true)
        #expect(style(theme, .title) == Style(fg: .rgb(0xff, 0, 0)))
    }

    @Test(arguments: [
        ("header = { bold = \"yes\" }", "header.bold", "expected true or false, found the string \"yes\""),
        ("header = \"#ffffff\"", "header", "expected an inline table"),
        ("header = { fg = 12 }", "header.fg", "found a number (12)"),
        ("header = { fg = true }", "header.fg", "found the boolean true"),
        ("header = { fg = [\"#ffffff\"] }", "header.fg", "found an array"),
        ("header = true", "header", "found the boolean true"),
        ("name = 3", "name", "expected a quoted name"),
    ])
    func wrongTypesAreErrorsAndTheRoleFallsBack(line: String, path: String, expected: String) throws {
        let (theme, problems) = parse("# a theme\n" + line)
        let problem = try #require(problems.last)
        #expect(problem.line == 2)
        #expect(problem.path == path)
        #expect(problem.severity == .error)
        #expect(problem.message.contains(expected), "\(problem.message)")
        #expect(style(theme, .header) == style(defaultTheme, .header))
    }

    @Test func colourMatchingBackgroundIsReported() throws {
        let (_, problems) = parse("normal = { fg = \"#101010\", bg = \"#101010\" }")
        #expect(problems.first?.message.contains("invisible") == true)
        #expect(problems.first?.severity == .warning)
    }

    // MARK: - Syntax

    @Test func missingClosingQuotePointsAtTheOpeningQuote() throws {
        let (theme, problems) = parse("""
        name = "broken"
        header = { fg = "#ffffff, bold = true }
        title = { bold = true }
        """)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.line == 2)
        #expect(problem.column == 17)
        #expect(problem.path == "header.fg")
        #expect(problem.message.contains("missing closing \""))
        #expect(problem.message.hasSuffix("so header keeps the default theme's style"))
        #expect(style(theme, .header) == style(defaultTheme, .header))
        #expect(style(theme, .title) == Style(bold: true), "the next line is read normally")
    }

    @Test(arguments: [
        ("header { fg = \"#ffffff\" }", "header", "expected \"=\""),
        ("header.fg = \"#ffffff\"", "header", "dotted keys"),
        ("header = { fg = #ffffff }", "header.fg", "a colour must be quoted"),
        ("header = { fg = \"\"\"#ffffff\"\"\" }", "header.fg", "multi-line strings"),
        ("[[monochrome]]", "", "array of tables"),
        ("[monochrome", "[monochrome]", "expected \"]\""),
        ("header = { fg = \"#ffffff\"", "header", "close the inline table on the same line"),
        ("header = { fg = \"#ffffff\" bold = true }", "header.fg", "expected \",\" or \"}\""),
        ("header = { fg = \"\\q\" }", "header.fg", "unknown escape \\q"),
        ("header = { fg = \"#ffffff\" } extra", "header", "expected the end of the line"),
        ("header = ", "header", "expected a value"),
        ("header = yes", "header", "is a quote missing?"),
        ("= { bold = true }", "", "expected a key"),
    ])
    func syntaxErrorsNameLineAndKey(line: String, path: String, expected: String) throws {
        let (theme, problems) = parse("# comment\n\(line)\n")
        let problem = try #require(problems.first)
        #expect(problem.line == 2)
        #expect(problem.path == path)
        #expect(problem.severity == .error)
        #expect(problem.message.contains(expected), "\(problem.message)")
        #expect(style(theme, .header) == style(defaultTheme, .header))
    }

    @Test func stringEscapesAndLiteralStringsAreRead() {
        let (theme, problems) = parse(#"""
        name = "A\u0301 \"x\""
        header = { fg = '#010203' }
        "title" = { fg = "\u0023040506" }
        """#, file: "x.txt")
        #expect(problems.isEmpty, "\(problems)")
        #expect(theme.name == "Á \"x\"")
        #expect(style(theme, .header).fg == .rgb(1, 2, 3))
        #expect(style(theme, .title).fg == .rgb(4, 5, 6))
    }

    @Test func duplicateKeysAreErrorsAndTheFirstWins() throws {
        let (theme, problems) = parse("""
        title = { bold = true }
        title = { dim = true }
        header = { bold = true, bold = false }
        """)
        #expect(problems.count == 2)
        #expect(problems[0].line == 2)
        #expect(problems[0].message.contains("first on line 1"))
        #expect(problems[1].path == "header.bold")
        #expect(style(theme, .title) == Style(bold: true))
        #expect(style(theme, .header) == style(defaultTheme, .header))
    }

    @Test func crlfLineEndingsAndAByteOrderMarkAreAccepted() {
        let (theme, problems) = parse("\u{FEFF}name = \"broken\"\r\ntitle = { bold = true }\r\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(style(theme, .title) == Style(bold: true))
    }

    // MARK: - Sections

    @Test func monochromeSectionTakesAttributesOnly() throws {
        let (theme, problems) = parse("""
        [monochrome]
        header = { underline = true }
        title = { fg = "#ffffff", bold = true }
        """)
        #expect(theme.style(for: .header, depth: .none) == Style(underline: true))
        #expect(theme.style(for: .title, depth: .none) == Style(bold: true))
        #expect(theme.style(for: .muted, depth: .none) == defaultTheme.style(for: .muted, depth: .none))
        #expect(theme.style(for: .header, depth: .trueColor) == style(defaultTheme, .header))
        let problem = try #require(problems.first)
        #expect(problem.severity == .warning)
        #expect(problem.path == "monochrome.title.fg")
        #expect(problem.message.contains("colours are not used"))
    }

    @Test func unknownSectionIsAWarningThatCountsTheIgnoredKeys() throws {
        let (theme, problems) = parse("""
        [monochrom]
        header = { bold = true }
        title = { bold = true }
        """)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.path == "[monochrom]")
        #expect(problem.severity == .warning)
        #expect(problem.message.contains("did you mean \"monochrome\"?"))
        #expect(problem.message.contains("the 2 keys in it are ignored"))
        #expect(theme == ThemeParser.parse(text: "", file: "broken.toml").theme)
    }

    // MARK: - Names

    @Test func nameIsStoredInNFCAndMatchesAnNFDFileName() throws {
        let nfd = "Su\u{031B}o\u{031B}ng so\u{031B}\u{0301}m"   // "Sương sớm" (morning mist), decomposed
        let (theme, problems) = parse("name = \"\(nfd)\"", file: "/themes/\(nfd).toml")
        #expect(problems.isEmpty, "\(problems)")
        #expect(Array(theme.name.unicodeScalars) == Array("S\u{01B0}\u{01A1}ng s\u{1EDB}m".unicodeScalars))
        #expect(theme.name.unicodeScalars.count == 9)
    }

    @Test func nameDefaultsToTheFileNameAndAMismatchIsReported() throws {
        #expect(parse("", file: "/x/ocean.toml").theme.name == "ocean")
        let (theme, problems) = parse("name = \"sea\"", file: "/x/ocean.toml")
        #expect(theme.name == "sea")
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.message.contains("\"ocean\"") == true)
    }

    @Test func nameWithControlCharactersIsRefused() throws {
        let (theme, problems) = parse(#"name = "bad\u001b[31m""#, file: "esc.toml")
        #expect(theme.name == "esc")
        #expect(problems.first?.path == "name")
        #expect(problems.first?.message.contains("U+1B") == true)
        let bidi = parse("name = \"a\u{202E}b\"", file: "bidi.toml")
        #expect(bidi.theme.name == "bidi")
    }

    // MARK: - Limits

    @Test func oversizedTextIsRefusedUnread() throws {
        let text = String(repeating: "# padding\n", count: ThemeParser.maxBytes / 10 + 1)
        let (theme, problems) = parse(text)
        #expect(theme == defaultTheme)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("at most 262144 bytes") == true)
        let bytes = ThemeParser.parse(bytes: Array(repeating: 0x23, count: ThemeParser.maxBytes + 1), file: "big.toml")
        #expect(bytes.problems.first?.message.contains("\(ThemeParser.maxBytes + 1) bytes") == true)
    }

    /// The reader stops at the key limit: a hostile file costs what a file of 1,000 keys does.
    @Test func tenThousandKeysStopAtTheLimitQuickly() throws {
        let text = (1...10_000).map { "key\($0) = true" }.joined(separator: "\n")
        let tenTimesAsMany = (1...100_000).map { "key\($0) = true" }.joined(separator: "\n")
        let growth = WorkGrowth.ratio(small: 1, large: 2) { _ = parse($0 == 1 ? text : tenTimesAsMany) }
        #expect(growth < 3, "ten times the keys past the limit cost \(growth)× as much")
        let (theme, problems) = parse(text)
        #expect(problems.count == ThemeParser.maxProblems)
        let limit = try #require(problems.first { $0.severity == .error && $0.message.contains("more than 1000 keys") })
        #expect(limit.line == 1001)
        #expect(limit.path == "key1001")
        #expect(problems.last?.message.contains("more problems not shown") == true)
        #expect(theme.styles == defaultTheme.styles)
    }

    @Test func keysInsideInlineTablesCountTowardTheLimit() throws {
        let line = "title = { " + (1...20).map { "k\($0) = true" }.joined(separator: ", ") + " }"
        let text = (1...100).map { _ in line }.joined(separator: "\n")
        let problems = parse(text).problems
        let limit = try #require(problems.first { $0.message.contains("more than 1000 keys") })
        #expect(limit.line == 48)   // 21 keys a line: key 1001 is on line 48
    }

    @Test func problemListIsCappedWithACount() throws {
        let text = (1...300).map { "unknown\($0) = true" }.joined(separator: "\n")
        let problems = parse(text).problems
        #expect(problems.count == ThemeParser.maxProblems)
        #expect(problems.last?.message == "201 more problems not shown (0 errors, 201 warnings)")
        #expect(problems.dropLast().map(\.line) == (1...99).map { Optional($0) })
    }

    @Test func invalidUTF8NamesItsLine() throws {
        let bytes = Array("name = \"x\"\n# ok\ntitle = { fg = \"".utf8) + [0xFF, 0xFE] + Array("\" }\n".utf8)
        let (theme, problems) = ThemeParser.parse(bytes: bytes, file: "latin1.toml")
        #expect(theme == defaultTheme)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message.contains("UTF-8") == true)
    }

    /// Random text over the characters that matter to the grammar must never trap, and every
    /// problem must point at a line inside the text.
    @Test func randomTextNeverTrapsAndEveryProblemHasALine() {
        var rng = SplitMix64(seed: 0x6b69_6575)
        let alphabet = Array("ab_-=\"'{}[],.#\\ \t\nu0f1true\u{0301}ư\r")
        for _ in 0..<300 {
            let length = Int(rng.next() % 200)
            let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let lineCount = text.unicodeScalars.filter { $0 == "\n" }.count + 1
            for problem in parse(text).problems {
                guard let line = problem.line else { continue }
                #expect((1...lineCount).contains(line), "\(problem) in \(text.debugDescription)")
            }
        }
    }

    // MARK: - Round trip

    /// Writing a theme with `themeFileValue` and reading it back gives the same theme.
    @Test(arguments: BuiltInThemes.names)
    func builtInThemesSurviveWritingAndReading(name: String) throws {
        let theme = try #require(BuiltInThemes.theme(named: name))
        var text = "name = \"\(name)\"\n"
        for role in StyleRole.allCases { text += "\(role.key) = \(theme.style(for: role, depth: .trueColor).themeFileValue)\n" }
        text += "[monochrome]\n"
        for role in StyleRole.allCases { text += "\(role.key) = \(theme.style(for: role, depth: .none).themeFileValue)\n" }
        let (again, problems) = ThemeParser.parse(text: text, file: "\(name).toml")
        #expect(problems.isEmpty, "\(problems)")
        #expect(again == theme)
    }
}
