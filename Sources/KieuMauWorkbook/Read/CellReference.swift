/// A cell's address as a spreadsheet writes it, "E7": column E (index 4), row 7.
struct CellReference: Hashable, Sendable, CustomStringConvertible {
    /// 0 for column A.
    var column: Int
    /// 1 for the first row.
    var row: Int

    /// Excel's last column (XFD) and row.
    static let maxColumns = 16_384
    static let maxRows = 1_048_576

    init(column: Int, row: Int) { self.column = column; self.row = row }

    /// Parses "E7" (also "$E$7"); nil for anything else or beyond Excel's grid.
    init?(_ text: some StringProtocol) { self.init(utf8: text.utf8) }

    /// Parses the UTF-8 of "E7", as an attribute's bytes hold it.
    init?(utf8: some Sequence<UInt8>) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                letters += 1; column = column * 26 + Int(byte - 64)
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                letters += 1; column = column * 26 + Int(byte - 96)
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                digits += 1; row = row * 10 + Int(byte - 48)
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, column <= Self.maxColumns, (1...Self.maxRows).contains(row) else { return nil }
        self.init(column: column - 1, row: row)
    }

    /// Column letters: 0 → A, 25 → Z, 26 → AA.
    static func letters(_ column: Int) -> String {
        var n = column + 1
        var scalars: [Unicode.Scalar] = []
        while n > 0 {
            scalars.append(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    var description: String { Self.letters(column) + String(row) }
}

/// A range of cells, "A1:AB1", as merged cells and data validations name them.
struct CellRange: Hashable, Sendable, CustomStringConvertible {
    var first: CellReference
    var last: CellReference

    init(_ first: CellReference, _ last: CellReference) { self.first = first; self.last = last }

    /// Parses "A1:AB1" or a single cell "A1"; nil when malformed or reversed.
    init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let first = CellReference(parts[0]), let last = CellReference(parts[parts.count - 1]),
              first.column <= last.column, first.row <= last.row else { return nil }
        self.init(first, last)
    }

    var cellCount: Int { (last.column - first.column + 1) * (last.row - first.row + 1) }

    var description: String { first == last ? first.description : "\(first):\(last)" }
}
