/// A problem found in a data file: which file, where in it, and what was expected.
public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable { case error, warning }

    /// The file, relative to the data directory when it is inside one.
    public var file: String
    /// Path inside the file, e.g. `wards[3][2]` or `provinces[12].name`; empty for the whole file.
    public var path: String
    public var line: Int?
    public var column: Int?
    /// What was expected and what was found.
    public var message: String
    public var severity: Severity

    public init(file: String, path: String = "", line: Int? = nil, column: Int? = nil,
                message: String, severity: Severity = .error) {
        self.file = file; self.path = path; self.line = line; self.column = column
        self.message = message; self.severity = severity
    }

    /// `file:line:column: path: message` (parts that are unknown are left out).
    ///
    /// Made inert with `DisplaySafe`: file names, keys and quoted values come from the files
    /// themselves, and this text goes straight to a terminal (`validate`, theme warnings on stderr).
    public var description: String {
        var s = file
        if let line { s += ":\(line)"; if let column { s += ":\(column)" } }
        if !path.isEmpty { s += ": \(path)" }
        s += ": "
        if severity == .warning { s += "warning: " }
        return DisplaySafe.clean(s + message)
    }
}

/// Several problems at once, so a caller reports them all.
public struct Problems: Error, Sendable, CustomStringConvertible {
    public var all: [Problem]
    public init(_ all: [Problem]) { self.all = all }
    public var description: String { all.map(\.description).joined(separator: "\n") }
}
