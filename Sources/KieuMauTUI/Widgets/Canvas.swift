/// What a cell means, not what colour it is: a theme maps roles to colours and attributes.
public enum StyleRole: UInt8, Hashable, Sendable, CaseIterable {
    case normal
    case header
    case headerBadge      // "DEMO — synthetic data"
    case title            // pane titles, column headings
    case border
    case selection        // the row under the cursor in the focused pane
    case selectionDim     // the row under the cursor in an unfocused pane
    case muted
    case emphasis
    case barMet
    case barNotMet
    case barUnknown
    case barEmpty
    case bandBelow
    case bandWithin
    case bandAbove
    case targetMarker
    case warning          // disagreements, conflicts, problems
    case error
    case statusLine
    case statusKey        // a key in the status line ("q")
    case filter           // the filter prompt
    case sparkline
    case overlay          // help overlay body

    /// The key used in theme files.
    public var key: String {
        switch self {
        case .normal: return "normal"
        case .header: return "header"
        case .headerBadge: return "header_badge"
        case .title: return "title"
        case .border: return "border"
        case .selection: return "selection"
        case .selectionDim: return "selection_dim"
        case .muted: return "muted"
        case .emphasis: return "emphasis"
        case .barMet: return "bar_met"
        case .barNotMet: return "bar_not_met"
        case .barUnknown: return "bar_unknown"
        case .barEmpty: return "bar_empty"
        case .bandBelow: return "band_below"
        case .bandWithin: return "band_within"
        case .bandAbove: return "band_above"
        case .targetMarker: return "target_marker"
        case .warning: return "warning"
        case .error: return "error"
        case .statusLine: return "status_line"
        case .statusKey: return "status_key"
        case .filter: return "filter"
        case .sparkline: return "sparkline"
        case .overlay: return "overlay"
        }
    }
}

/// One screen cell: a grapheme cluster (or empty for the right half of a wide character) and its role.
public struct Cell: Hashable, Sendable {
    /// The text drawn in this cell; "" marks the continuation of a wide character to its left.
    public var text: String
    public var role: StyleRole
    public init(_ text: String = " ", role: StyleRole = .normal) { self.text = text; self.role = role }
    public static let blank = Cell()
}

/// An in-memory grid the renderer draws into; the ncurses backend copies it to the screen,
/// tests compare its text with golden files.
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// One row as plain text (continuation cells skipped), trailing blanks kept.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += cells[y * width + x].text }
        return s
    }

    /// The whole canvas as text, one line per row, trailing spaces trimmed (golden files).
    public var text: String {
        (0..<height).map { y -> String in
            var l = line(y)
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }

    /// Cells of row `y`, for a backend that copies a row at a time.
    public func row(_ y: Int) -> ArraySlice<Cell> { cells[(y * width)..<((y + 1) * width)] }

    /// Sets one cell, ignoring positions outside the canvas.
    public mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        cells[y * width + x] = cell
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with cell: Cell = .blank) {
        let x0 = max(0, x), y0 = max(0, y), x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 { for xx in x0..<x1 { cells[yy * width + xx] = cell } }
    }
}
