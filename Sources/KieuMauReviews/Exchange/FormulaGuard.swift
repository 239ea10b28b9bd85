/// Keeps spreadsheets from running exported text as a formula: a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice). A cell that already
/// starts with `'` gets one more, so that `unguard` gives back exactly what was exported.
///
/// The first scalar is what a spreadsheet looks at: as Characters, "=" followed by a combining
/// mark, or "\r\n", is not equal to any trigger and went out unguarded (noticed with the fuzzing
/// finding in `CSVRecords.field`).
enum FormulaGuard {
    private static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "'"]

    static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, triggers.contains(first) else { return text }
        return "'" + text
    }

    /// Drops the `'` that `guarded` added. A `'` before anything else was typed by a person and stays.
    static func unguarded(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, triggers.contains(second) else { return text }
        return String(scalars.dropFirst())
    }
}
