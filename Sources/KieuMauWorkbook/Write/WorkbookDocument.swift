/// A workbook to write, with what a province's template needs and no more: text and number cells
/// in a few fixed styles, column widths, merged ranges, drop-down lists, frozen header rows and
/// sheet protection that leaves only the input cells open.
public struct WorkbookDocument: Sendable {
    public var sheets: [Sheet] = []

    public init(sheets: [Sheet] = []) { self.sheets = sheets }

    public struct Sheet: Sendable {
        /// At most 31 characters, none of `[]:*?/\` (Excel's rules; `SheetName.safe` makes one).
        public var name: String
        /// Rows by number (1 for the first), cells by column (0 for A).
        public var rows: [Int: [Int: Cell]] = [:]
        /// Widths in characters, by column.
        public var columnWidths: [Int: Double] = [:]
        /// Heights in points, by row, for rows of wrapped text (Excel does not grow merged rows).
        public var rowHeights: [Int: Double] = [:]
        public var merges: [CellRangeSpec] = []
        public var dropDowns: [DropDown] = []
        /// Rows and columns that stay in view while scrolling: the first cell that scrolls.
        public var frozenAt: (column: Int, row: Int)?
        /// Protected: only cells in the `.input` style can be changed.
        public var isProtected = false

        public init(name: String) { self.name = name }

        public subscript(column: Int, row: Int) -> Cell? {
            get { rows[row]?[column] }
            set { rows[row, default: [:]][column] = newValue }
        }

        /// The cells of the sheet as text, row by row, as a reader of the sheet would see them.
        public var textRows: [(number: Int, cells: [String])] {
            rows.keys.sorted().compactMap { number in
                guard let cells = rows[number], let last = cells.keys.max() else { return nil }
                return (number, (0...last).map { cells[$0]?.text ?? "" })
            }
        }
    }

    public struct Cell: Sendable, Equatable {
        public var value: Value
        public var style: CellStyle

        public init(_ value: Value, _ style: CellStyle = .plain) { self.value = value; self.style = style }
        public static func text(_ text: String, _ style: CellStyle = .plain) -> Cell { Cell(.text(text), style) }

        /// The value as text (a whole number without a decimal point).
        public var text: String {
            switch value {
            case .text(let text): return text
            case .empty: return ""
            case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            }
        }
    }

    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// No value: a cell that is there for its style (an input cell, unlocked).
        case empty
    }

    /// The styles the writer knows (`WorkbookStyles` writes them).
    public enum CellStyle: Int, Sendable, CaseIterable {
        case plain = 0
        /// Large and bold: a sheet's title.
        case title
        /// Bold, centred, wrapped, shaded, bordered: column headers.
        case header
        /// Shaded and bordered, locked: what the province must not change (ward codes and names).
        case fixed
        /// Bordered and unlocked: what the province fills in.
        case input
        /// Bold: a label on the instructions sheet.
        case label
        /// Wrapped text: instructions.
        case wrapped
    }

    /// A range of cells as first and last (column, row), 0-based columns, 1-based rows.
    public struct CellRangeSpec: Sendable, Equatable {
        public var firstColumn: Int, firstRow: Int, lastColumn: Int, lastRow: Int
        public init(firstColumn: Int, firstRow: Int, lastColumn: Int, lastRow: Int) {
            self.firstColumn = firstColumn; self.firstRow = firstRow; self.lastColumn = lastColumn; self.lastRow = lastRow
        }
        var reference: String {
            CellRange(CellReference(column: firstColumn, row: firstRow), CellReference(column: lastColumn, row: lastRow)).description
        }
    }

    /// A list of allowed values offered in a drop-down over a range; other values are refused.
    public struct DropDown: Sendable, Equatable {
        public var range: CellRangeSpec
        public var items: [String]
        /// Shown when a cell of the range is selected (title at most 32 characters, text 255).
        public var promptTitle: String
        public var prompt: String
        /// Shown when another value is typed (title at most 32 characters, text 225).
        public var errorTitle: String
        public var error: String

        public init(range: CellRangeSpec, items: [String], promptTitle: String, prompt: String, errorTitle: String, error: String) {
            self.range = range; self.items = items; self.promptTitle = promptTitle; self.prompt = prompt
            self.errorTitle = errorTitle; self.error = error
        }
    }
}

/// Sheet names as Excel allows them.
public enum SheetName {
    /// `name` without the characters Excel refuses in a sheet name, cut to 31 characters.
    public static func safe(_ name: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var cleaned = String(name.filter { !forbidden.contains($0) && !$0.unicodeScalars.contains { $0.value < 0x20 } }.prefix(31))
        while cleaned.hasPrefix("'") { cleaned.removeFirst() }
        while cleaned.hasSuffix("'") { cleaned.removeLast() }
        return cleaned.isEmpty ? "Sheet" : cleaned
    }
}
