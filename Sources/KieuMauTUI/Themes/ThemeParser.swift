import Foundation
import KieuMauCore

/// Reads a theme file (see docs/THEMES.md). Never fails: every problem is reported with the file,
/// line, key and what was expected, and each role that is missing or broken keeps the fallback
/// theme's style, so a half-broken theme still gives a complete, readable screen.
public enum ThemeParser {
    /// Larger files are refused unread: a theme is a few kilobytes.
    public static let maxBytes = 256 * 1024
    /// Reading stops after this many keys (a complete theme has about 200, counting attributes).
    public static let maxKeys = 1_000
    /// At most this many problems are listed; one more line says how many were left out.
    public static let maxProblems = 100
    /// Longest theme name, in characters: it is shown in the status line.
    public static let maxNameLength = 64

    /// The keys a role's inline table may hold.
    static let colorFields = ["fg", "bg"]
    static let attributeFields = ["bold", "dim", "underline", "reverse"]
    static let monochromeSection = "monochrome"

    /// Parses raw bytes: refuses an oversized file and reports the line of invalid UTF-8.
    public static func parse(bytes: [UInt8], file: String, fallback: Theme = BuiltInThemes.default)
        -> (theme: Theme, problems: [Problem]) {
        if bytes.count > maxBytes {
            return (fallback, [tooLarge(file: file, bytes: bytes.count, fallback: fallback)])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (fallback, [invalidUTF8(bytes, file: file, fallback: fallback)])
        }
        return parse(text: text, file: file, fallback: fallback)
    }

    /// Parses theme text. `file` is used in messages and, without a `name` key, for the name.
    public static func parse(text: String, file: String, fallback: Theme = BuiltInThemes.default)
        -> (theme: Theme, problems: [Problem]) {
        let size = text.utf8.count
        if size > maxBytes {
            return (fallback, [tooLarge(file: file, bytes: size, fallback: fallback)])
        }
        let document = TOMLSubsetReader.read(text, file: file, maxKeys: maxKeys)
        var interpreter = ThemeInterpreter(file: file, fallback: fallback)
        interpreter.interpret(document)
        let declared = interpreter.declared
        var styles: [StyleRole: Style] = [:]
        var monochrome: [StyleRole: Style] = [:]
        for role in StyleRole.allCases {
            styles[role] = declared.styles[role] ?? fallback.style(for: role, depth: .trueColor)
            monochrome[role] = declared.monochrome[role] ?? fallback.style(for: role, depth: .none)
        }
        let name = declared.name ?? themeName(fromFile: file)
        let theme = Theme(name: name, styles: styles, monochrome: monochrome)
        let syntax = document.problems.map { explainFallback($0, fallback: fallback) }
        return (theme, capped(syntax + interpreter.problems, file: file))
    }

    /// The name a file gives a theme: its last path component without `.toml`, in NFC.
    public static func themeName(fromFile file: String) -> String {
        var base = file.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? file
        if base.hasSuffix(".toml") { base.removeLast(5) }
        return base.precomposedStringWithCanonicalMapping
    }

    /// A syntax error inside a role's line loses the whole line: say which style is used instead.
    private static func explainFallback(_ problem: Problem, fallback: Theme) -> Problem {
        var parts = problem.path.split(separator: ".").map(String.init)
        if parts.first == monochromeSection { parts.removeFirst() }
        guard let key = parts.first, StyleRole.allCases.contains(where: { $0.key == key }) else { return problem }
        var explained = problem
        explained.message += ", so \(key) keeps the \(fallback.name) theme's style"
        return explained
    }

    // MARK: - Whole-file problems

    private static func tooLarge(file: String, bytes: Int, fallback: Theme) -> Problem {
        Problem(file: file, message: "the file is \(bytes) bytes; a theme file may be at most \(maxBytes) bytes "
                + "(256 KiB), so it was not read and the \(fallback.name) theme is used")
    }

    private static func invalidUTF8(_ bytes: [UInt8], file: String, fallback: Theme) -> Problem {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        scan: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: break scan
            case .emptyInput: break scan
            }
        }
        let line = 1 + bytes[..<min(offset, bytes.count)].lazy.filter { $0 == 0x0A }.count
        return Problem(file: file, line: line,
                       message: "expected UTF-8 text, found an invalid byte sequence at byte \(offset); "
                       + "the file was not read and the \(fallback.name) theme is used")
    }

    /// Sorts problems by line and keeps at most `maxProblems`, errors before warnings,
    /// then says how many were left out.
    static func capped(_ problems: [Problem], file: String) -> [Problem] {
        let ordered = problems.enumerated().sorted { a, b in
            let la = a.element.line ?? 0, lb = b.element.line ?? 0
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
        guard ordered.count > maxProblems else { return ordered }
        let keep = maxProblems - 1
        let errors = ordered.filter { $0.severity == .error }
        var kept = Array(errors.prefix(keep))
        kept += ordered.filter { $0.severity == .warning }.prefix(keep - kept.count)
        let keptSet = Set(kept)
        let shown = ordered.filter { keptSet.contains($0) }
        let hiddenErrors = errors.count - shown.filter { $0.severity == .error }.count
        let hidden = ordered.count - shown.count
        return shown + [Problem(file: file, message: "\(hidden) more problems not shown "
                                + "(\(hiddenErrors) errors, \(hidden - hiddenErrors) warnings)",
                                severity: hiddenErrors > 0 ? .error : .warning)]
    }
}

/// What a file declares, before the fallback fills the rest.
struct DeclaredTheme: Sendable {
    var name: String?
    var styles: [StyleRole: Style] = [:]
    var monochrome: [StyleRole: Style] = [:]
}

/// Turns the entries of a TOML document into styles, checking each key and value.
struct ThemeInterpreter {
    let file: String
    let fallback: Theme
    var declared = DeclaredTheme()
    var problems: [Problem] = []

    private static let rolesByKey: [String: StyleRole] =
        Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0.key, $0) })
    private static let topLevelKeys = ["name"] + StyleRole.allCases.map(\.key)

    init(file: String, fallback: Theme) {
        self.file = file
        self.fallback = fallback
    }

    mutating func interpret(_ document: TOMLDocument) {
        checkSections(document)
        var firstLine: [String: Int] = [:]
        for entry in document.entries {
            let path = entry.section.map { "\($0).\(entry.key)" } ?? entry.key
            if let first = firstLine[path] {
                error(entry, path, "set twice (first on line \(first)); this one is ignored")
                continue
            }
            firstLine[path] = entry.line
            switch entry.section {
            case nil:
                interpretTopLevel(entry)
            case ThemeParser.monochromeSection?:
                interpretRole(entry, monochrome: true)
            default:
                break  // reported once per section by checkSections
            }
        }
    }

    // MARK: - Sections and top-level keys

    private mutating func checkSections(_ document: TOMLDocument) {
        var seen: [String: Int] = [:]
        for section in document.sections {
            if let first = seen[section.name] {
                problems.append(Problem(file: file, path: "[\(section.name)]", line: section.line,
                                        message: "section defined twice (first on line \(first)); "
                                        + "its keys are read as one section"))
                continue
            }
            seen[section.name] = section.line
            guard section.name != ThemeParser.monochromeSection else { continue }
            let ignored = document.entries.filter { $0.section == section.name }.count
            let hint = suggestion(for: section.name, among: [ThemeParser.monochromeSection])
            problems.append(Problem(file: file, path: "[\(section.name)]", line: section.line,
                                    message: "unknown section\(hint); the only section is [monochrome], "
                                    + "so the \(ignored) key\(ignored == 1 ? "" : "s") in it "
                                    + "\(ignored == 1 ? "is" : "are") ignored",
                                    severity: .warning))
        }
    }

    private mutating func interpretTopLevel(_ entry: TOMLEntry) {
        if entry.key == "name" {
            interpretName(entry)
        } else if Self.rolesByKey[entry.key] != nil {
            interpretRole(entry, monochrome: false)
        } else {
            let hint = suggestion(for: entry.key, among: Self.topLevelKeys)
            warning(entry, entry.key, "unknown key\(hint); expected `name` or a role such as `header` "
                    + "(all roles are listed in docs/THEMES.md); this line is ignored")
        }
    }

    private mutating func interpretName(_ entry: TOMLEntry) {
        guard case .string(let raw) = entry.value else {
            error(entry, "name", "expected a quoted name such as name = \"Sương sớm\", "
                  + "found \(entry.value.described); the file name is used")
            return
        }
        let name = raw.precomposedStringWithCanonicalMapping
        if name.isEmpty || name.allSatisfy(\.isWhitespace) {
            error(entry, "name", "expected a name, found an empty string; the file name is used")
            return
        }
        if let bad = name.unicodeScalars.first(where: Self.isUnsafeInName) {
            error(entry, "name", "the name contains the control character U+\(String(bad.value, radix: 16, uppercase: true)), "
                  + "which would disturb the terminal; the file name is used")
            return
        }
        if name.count > ThemeParser.maxNameLength {
            error(entry, "name", "expected at most \(ThemeParser.maxNameLength) characters, found \(name.count); "
                  + "the file name is used")
            return
        }
        let stem = ThemeParser.themeName(fromFile: file)
        if file.hasSuffix(".toml"), name != stem {
            warning(entry, "name", "the name \"\(name)\" differs from the file name \"\(stem)\"; "
                    + "--theme and the t key find this theme as \"\(stem)\"")
        }
        declared.name = name
    }

    private static func isUnsafeInName(_ s: Unicode.Scalar) -> Bool {
        if s.properties.generalCategory == .control { return true }
        // Bidirectional overrides and isolates can reorder what follows on the screen.
        return (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
    }

    // MARK: - Roles

    private mutating func interpretRole(_ entry: TOMLEntry, monochrome: Bool) {
        let path = monochrome ? "\(ThemeParser.monochromeSection).\(entry.key)" : entry.key
        guard let role = Self.rolesByKey[entry.key] else {
            let hint = suggestion(for: entry.key, among: StyleRole.allCases.map(\.key))
            warning(entry, path, "unknown role\(hint); roles are listed in docs/THEMES.md; this line is ignored")
            return
        }
        let keeps = "so \(role.key) keeps the \(fallback.name) theme's style"
        guard case .table(let fields) = entry.value else {
            error(entry, path, "expected an inline table such as { fg = \"#RRGGBB\", bg = \"default\", bold = true }, "
                  + "found \(entry.value.described); \(keeps)")
            return
        }
        var style = Style()
        var broken = false
        var seen: Set<String> = []
        for field in fields {
            let fieldPath = "\(path).\(field.key)"
            if !seen.insert(field.key).inserted {
                error(entry, fieldPath, "set twice in the same table, \(keeps)", column: field.column)
                broken = true
                continue
            }
            switch field.key {
            case "fg", "bg":
                guard case .string(let text) = field.value, let color = ThemeColor(themeFileValue: text) else {
                    error(entry, fieldPath, "expected a colour \"#RRGGBB\" (# and 6 hex digits) or \"default\" "
                          + "(the terminal's own colour), found \(describeColor(field.value)), \(keeps)",
                          column: field.column)
                    broken = true
                    continue
                }
                if monochrome && color != .terminalDefault {
                    warning(entry, fieldPath, "colours are not used when colour is off; "
                            + "[monochrome] takes only bold, dim, underline and reverse, so this colour is ignored",
                            column: field.column)
                    continue
                }
                if field.key == "fg" { style.fg = color } else { style.bg = color }
            case "bold", "dim", "underline", "reverse":
                guard case .bool(let on) = field.value else {
                    error(entry, fieldPath, "expected true or false, found \(field.value.described), \(keeps)",
                          column: field.column)
                    broken = true
                    continue
                }
                switch field.key {
                case "bold": style.bold = on
                case "dim": style.dim = on
                case "underline": style.underline = on
                default: style.reverse = on
                }
            default:
                let allowed = monochrome ? ThemeParser.attributeFields
                                         : ThemeParser.colorFields + ThemeParser.attributeFields
                let hint = suggestion(for: field.key, among: allowed)
                warning(entry, fieldPath, "unknown attribute\(hint); expected one of "
                        + allowed.joined(separator: ", ") + "; it is ignored", column: field.column)
            }
        }
        guard !broken else { return }
        if case .rgb = style.fg, style.fg == style.bg, !style.reverse {
            warning(entry, path, "fg and bg are the same colour, so text in this role would be invisible")
        }
        if monochrome { declared.monochrome[role] = style } else { declared.styles[role] = style }
    }

    private func describeColor(_ value: TOMLValue) -> String {
        guard case .string(let text) = value else { return value.described }
        let digits = text.hasPrefix("#") ? text.dropFirst() : nil
        if let digits, digits.allSatisfy(\.isHexDigit), digits.count != 6 {
            return "\"\(text)\" (\(digits.count) hex digit\(digits.count == 1 ? "" : "s"))"
        }
        if text.lowercased() == "default" { return "\"\(text)\" (write it in lower case)" }
        if !text.hasPrefix("#") && !text.isEmpty && text.allSatisfy(\.isLetter) {
            return "\"\(text)\" (colour names are not used: write its #RRGGBB)"
        }
        return "\"\(text)\""
    }

    // MARK: - Reporting

    private mutating func error(_ entry: TOMLEntry, _ path: String, _ message: String, column: Int? = nil) {
        problems.append(Problem(file: file, path: path, line: entry.line, column: column ?? entry.column,
                                message: message))
    }

    private mutating func warning(_ entry: TOMLEntry, _ path: String, _ message: String, column: Int? = nil) {
        problems.append(Problem(file: file, path: path, line: entry.line, column: column ?? entry.column,
                                message: message, severity: .warning))
    }

    /// ` (did you mean "header"?)` for a near miss, or "".
    private func suggestion(for key: String, among candidates: [String]) -> String {
        guard let best = NearestKey.nearest(to: key, among: candidates) else { return "" }
        return " (did you mean \"\(best)\"?)"
    }
}
