import KieuMauCore

/// Why a workbook, or a part of it, cannot be read: where (a part of the zip such as
/// `xl/worksheets/sheet1.xml`, or a sheet's name; empty for the whole file) and what was expected.
public struct WorkbookError: Error, Hashable, Sendable {
    public var place: String
    public var message: String

    public init(_ place: String = "", _ message: String) {
        self.place = place; self.message = message
    }

    /// The error as the import reports problems: the file, then the place inside it.
    public func problem(file: String) -> Problem {
        Problem(file: file, path: place, message: message)
    }
}
