/// What a spreadsheet import is told besides the spreadsheet, its map and its criteria set.
public struct ImportOptions: Sendable {
    public var asOf: Day
    public var series: String
    public var title: String
    /// The source every imported row cites.
    public var source: Source
    public var notes: [String]
    /// The province of every row, for a sheet without a province column (name or code).
    public var province: String?
    /// Write the rows that are right and leave out the rows in error (by default one row in error
    /// stops the import).
    public var skipBadRows: Bool
    public var limits: ImportLimits
    /// What the sheet is for each province it has rows for: by default a province's full sheet,
    /// a complete count (a ward without a row is not registered); `.named` for a list of some wards
    /// only. Provinces without rows are always named (nothing is known of them).
    public var coverage: Coverage

    public init(asOf: Day, series: String, title: String, source: Source, notes: [String] = [], province: String? = nil,
                skipBadRows: Bool = false, limits: ImportLimits = ImportLimits(), coverage: Coverage = .complete) {
        self.asOf = asOf; self.series = series; self.title = title; self.source = source; self.notes = notes
        self.province = province; self.skipBadRows = skipBadRows; self.limits = limits; self.coverage = coverage
    }
}

/// Bounds on what is read, so a wrong file (a database dump, a log) is refused with a message
/// rather than read for minutes. Vietnam has about 1,700 ward police units; the bounds leave room.
public struct ImportLimits: Sendable {
    public var maxBytes: Int
    public var maxRows: Int
    /// Map names compared with unknown names for "did you mean", over the whole import. 20,000 rows
    /// of unknown names in the largest province of the real maps (210 phường) compare at most 4.2
    /// million, usually far fewer (`NameSuggestions`); past the cap (a huge map, a sheet of garbage)
    /// unknown names get no suggestion, and a warning says so.
    public var maxSuggestionWork: Int
    public init(maxBytes: Int = 16 << 20, maxRows: Int = 20_000, maxSuggestionWork: Int = 10_000_000) {
        self.maxBytes = maxBytes; self.maxRows = maxRows; self.maxSuggestionWork = maxSuggestionWork
    }
}

/// The counts an import prints.
public struct ImportSummary: Hashable, Sendable {
    /// Data rows that are not blank.
    public var rowsRead = 0
    /// Rows matched to a ward of the map without an error.
    public var wardsMatched = 0
    public var rowsInError = 0
    /// Rows of a template that name a ward and give no figure (not counted as read).
    public var rowsWithoutFigures = 0
    public var errors = 0
    public var warnings = 0

    public init() {}

    public var lines: [String] {
        ["rows read: \(rowsRead)", "wards matched: \(wardsMatched)", "rows in error: \(rowsInError)"]
            + (rowsWithoutFigures > 0 ? ["wards without figures: \(rowsWithoutFigures)"] : [])
            + ["problems: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"]
    }
}

/// The result of converting a spreadsheet: the snapshot and its file text when there is something
/// to write, and every problem found, in file order.
public struct ImportOutcome: Sendable {
    /// The snapshot as it will be written (nil when nothing can be written).
    public var snapshot: Snapshot?
    /// The snapshot file (nil when nothing can be written).
    public var text: String?
    public var problems: [Problem]
    public var summary: ImportSummary
    /// The work "did you mean" took (counted by the tests).
    var suggestionWork = NameSuggestions.Work()

    public var errors: [Problem] { problems.filter { $0.severity == .error } }

    /// A template sent back blank: every row names a ward and none gives a figure. Nothing is
    /// written, and that is not an error.
    public var hasNoFigures: Bool {
        text == nil && summary.rowsRead == 0 && summary.rowsWithoutFigures > 0 && errors.isEmpty
    }
}
