/// A list's place: the selected row, and the first row drawn. The offset is settled when the list
/// is drawn (`ListWidget`): the reducer moves the selection, the frame that shows it decides which
/// rows fit, and reports them back (`FrameGeometry`), so paging and clicks use what was drawn.
public struct ListState: Hashable, Sendable {
    public internal(set) var selected: Int = 0
    public internal(set) var offset: Int = 0
    /// Rows the list showed when last drawn (0 before the first frame).
    public internal(set) var visibleRows: Int = 0

    public init(selected: Int = 0) { self.selected = selected }

    /// Keeps the selection within `count` rows.
    mutating func clamp(count: Int) {
        selected = max(0, min(selected, count - 1))
        offset = max(0, min(offset, max(0, count - 1)))
    }

    /// A page: the rows drawn less one (so one row of context stays), at least one.
    var page: Int { max(1, visibleRows - 1) }
}

/// A pane of text that scrolls (the ward detail, the comparison, help): the first line drawn,
/// settled when drawn like a list's offset.
public struct ScrollState: Hashable, Sendable {
    public internal(set) var offset: Int = 0
    /// Lines shown and lines in all, when last drawn.
    public internal(set) var visibleRows: Int = 0
    public internal(set) var contentRows: Int = 0

    public init() {}

    var maxOffset: Int { max(0, contentRows - visibleRows) }
    var page: Int { max(1, visibleRows - 1) }

    mutating func scroll(by delta: Int) { offset = max(0, min(maxOffset, offset + delta)) }
    mutating func scroll(to position: Int) { offset = max(0, min(maxOffset, position)) }
}
