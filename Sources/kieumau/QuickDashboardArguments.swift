import KieuMauCore
import KieuMauTUI

/// The dashboard's own options read without swift-argument-parser, for the common start:
/// `kieumau` with nothing or with dashboard options only. Parsing with the library costs
/// ~17 M instructions before the first frame — reflection over every command and conformance
/// lookups in a binary with ~5,900 conformance records — more than drawing the frame.
///
/// Anything it is not sure of gives nil, and the library parses as before: a subcommand, help,
/// an unknown or repeated option, an empty value or one that looks like an option, a value the
/// dashboard would refuse. So every message, and `--help`, still comes from the one parser; a
/// test checks that both read every option alike.
enum QuickDashboardArguments {
    /// The settings `arguments` (without the program name) ask for, or nil to use the parser.
    /// Plain code on purpose: no dictionary or set here, whose first use would cost conformance
    /// lookups of their own.
    static func parse(_ arguments: [String]) -> DashboardSettings? {
        var settings = DashboardSettings()
        var seen: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("--"), argument.utf8.count > 2 else { return nil }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard !seen.contains(name) else { return nil }
            seen.append(name)
            if setFlag(name, in: &settings) {
                guard inlineValue == nil else { return nil }
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard let next = rest.popFirst(), !next.hasPrefix("-") else { return nil }
                value = next
            }
            guard !value.isEmpty, set(name, value, in: &settings) else { return nil }
        }
        return settings
    }

    /// Sets the switch `name`; false when it is not one.
    static func setFlag(_ name: String, in settings: inout DashboardSettings) -> Bool {
        switch name {
        case "no-mouse": settings.noMouse = true
        case "exit-after-first-frame": settings.exitAfterFirstFrame = true
        case "terminal-self-test": settings.terminalSelfTest = true
        default: return false
        }
        return true
    }

    /// Sets the option `name` to `value`; false when it is not an option or the parser would
    /// refuse the value.
    static func set(_ name: String, _ value: String, in settings: inout DashboardSettings) -> Bool {
        switch name {
        case "data": settings.data.data = value
        case "series": settings.data.series = value
        case "as-of": settings.data.asOf = value
        case "snapshot": settings.data.snapshot = value
        case "model":
            guard let model = ModelDefinition(rawValue: value) else { return false }
            settings.data.model = model
        case "config": settings.config = value
        case "theme": settings.theme = value
        case "lang":
            guard Language(rawValue: value.lowercased()) != nil else { return false }
            settings.lang = value
        case "reviews": settings.reviews = value
        case "reviewer": settings.reviewer = value
        case "export-dir": settings.exportDir = value
        default: return false
        }
        return true
    }

    /// Every long name `parse` reads, for the test that holds it to the parser's.
    static let names = ["data", "series", "as-of", "snapshot", "model", "config", "theme", "lang", "reviews",
                        "reviewer", "export-dir", "no-mouse", "exit-after-first-frame", "terminal-self-test"]
}
