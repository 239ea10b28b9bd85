/// Where each part of the screen goes for a given size. Render and mouse handling both use it,
/// so a click lands on the row that was drawn there.
public struct Layout: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public var tooSmall: Bool
    /// Below 80×24: a one-line summary and fewer columns.
    public var compact: Bool
    /// At least 120 columns: list and detail side by side.
    public var wide: Bool
    public var summaryTop: Int
    public var summaryHeight: Int
    /// The body: list (and detail when wide) between the summary and the status line.
    public var bodyTop: Int
    public var bodyHeight: Int
    public var listWidth: Int
    public var detailLeft: Int
    public var detailWidth: Int
    public var statusRow: Int

    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public init(width: Int, height: Int) {
        self.width = width; self.height = height
        tooSmall = width < Layout.minimumWidth || height < Layout.minimumHeight
        compact = width < 80 || height < 24
        wide = width >= 120 && !compact
        summaryTop = 1
        summaryHeight = compact ? 1 : 4
        bodyTop = summaryTop + summaryHeight + 1         // a rule under the summary
        statusRow = max(0, height - 1)
        bodyHeight = max(0, statusRow - bodyTop)
        if wide {
            listWidth = max(72, width * 55 / 100)
            detailLeft = listWidth + 1                    // one column for the divider
            detailWidth = width - detailLeft
        } else {
            listWidth = width; detailLeft = 0; detailWidth = width
        }
    }

    /// Rows of list items visible under the list's column heading.
    public var listVisibleRows: Int { max(1, bodyHeight - 1) }
    /// The screen row of list item `i` given the scroll, or nil when off screen.
    public func listRowY(_ i: Int, scroll: Int) -> Int? {
        let y = bodyTop + 1 + (i - scroll)
        return (y > bodyTop && y < bodyTop + bodyHeight) ? y : nil
    }
    /// The list item under screen row `y`.
    public func listItem(atY y: Int, scroll: Int) -> Int? {
        guard y > bodyTop, y < bodyTop + bodyHeight else { return nil }
        return scroll + (y - bodyTop - 1)
    }
}
