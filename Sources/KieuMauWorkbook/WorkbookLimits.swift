import KieuMauCore

/// Bounds on what reading a workbook may cost, so that a hostile file (a zip bomb, a sheet of a
/// million rows, XML nested without end) is refused with a message instead of taking the memory
/// or the minutes it asks for. The defaults leave room around the largest real sheet: 20,000 rows
/// of 30 columns is a sheet part of about 25 MB that compresses about 10 times.
public struct WorkbookLimits: Sendable {
    /// The workbook file itself (as the CSV import: 16 MiB).
    public var maxFileBytes: Int
    /// Entries in the zip's directory (a workbook has 10–30).
    public var maxEntries: Int
    /// One part, inflated.
    public var maxEntryBytes: Int
    /// Every part read from one workbook, inflated.
    public var maxTotalBytes: Int
    /// How many times larger than its compressed size a part may inflate, for parts above
    /// `ratioCheckedAbove` bytes: real sheets compress 5–40 times; a zip bomb about 1,000 times.
    public var maxCompressionRatio: Int
    public var ratioCheckedAbove: Int
    /// Rows with a value (as the CSV import: 20,000 data rows).
    public var maxRows: Int
    /// Columns: a cell with a value right of this is refused (the import's sheets use about 30).
    public var maxColumns: Int
    /// Cells with a value, and cells a merged range fills, over the sheet.
    public var maxCells: Int
    /// Elements open at once in one XML part (SpreadsheetML nests about 6 deep).
    public var maxXMLDepth: Int

    public init(maxFileBytes: Int = 16 << 20, maxEntries: Int = 1_000, maxEntryBytes: Int = 96 << 20,
                maxTotalBytes: Int = 192 << 20, maxCompressionRatio: Int = 250, ratioCheckedAbove: Int = 1 << 20,
                maxRows: Int = 20_000, maxColumns: Int = 256, maxCells: Int = 2_000_000, maxXMLDepth: Int = 64) {
        self.maxFileBytes = maxFileBytes; self.maxEntries = maxEntries; self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes; self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckedAbove = ratioCheckedAbove; self.maxRows = maxRows; self.maxColumns = maxColumns
        self.maxCells = maxCells; self.maxXMLDepth = maxXMLDepth
    }

    /// The workbook limits that go with the import's: the same file size and row count.
    public init(_ limits: ImportLimits) {
        self.init(maxFileBytes: limits.maxBytes, maxRows: limits.maxRows)
    }
}
