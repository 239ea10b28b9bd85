/// Keeps spreadsheets from running written text as a formula: a cell whose first Unicode scalar
/// is `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice on CSV
/// injection), unless the whole cell is a plain number such as `-3` or `-0.25`, which a
/// spreadsheet must still read as a number. A cell that already starts with `'` gets one more, so
/// that `unguarded` gives back exactly what was written.
///
/// The first *scalar* is what a spreadsheet looks at: compared as Characters, "=" followed by a
/// combining mark ("=\u{301}HYPERLINK(…)") or "\r\n" equals no trigger and went out unguarded.
public enum FormulaGuard {
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "'"]

    public static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, triggers.contains(first), !isPlainNumber(text) else { return text }
        return "'" + text
    }

    /// Drops the `'` that `guarded` added. A `'` before anything else was typed by a person and stays.
    public static func unguarded(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, triggers.contains(second) else { return text }
        return String(scalars.dropFirst())
    }

    /// `-12`, `3`, `-0.25`: an optional minus, digits, and at most one point between digits.
    /// Anything else that starts with a trigger (`-1+2`, `-1e3`, `+5`) is guarded.
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        var digitsBefore = 0, digitsAfter = 0, sawPoint = false
        for s in scalars {
            switch s {
            case "0"..."9": if sawPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            case "." where !sawPoint: sawPoint = true
            default: return false
            }
        }
        return digitsBefore > 0 && (!sawPoint || digitsAfter > 0)
    }
}
