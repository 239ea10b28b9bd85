/// Keeps spreadsheets from running exported text as a formula: a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice). A cell that already
/// starts with `'` gets one more, so that `unguard` gives back exactly what was exported.
enum FormulaGuard {
    private static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "'"]

    static func guarded(_ text: String) -> String {
        guard let first = text.first, triggers.contains(first) else { return text }
        return "'" + text
    }

    /// Drops the `'` that `guarded` added. A `'` before anything else was typed by a person and stays.
    static func unguarded(_ text: String) -> String {
        guard text.first == "'", let second = text.dropFirst().first, triggers.contains(second) else { return text }
        return String(text.dropFirst())
    }
}
