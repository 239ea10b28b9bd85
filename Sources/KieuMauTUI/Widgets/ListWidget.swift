import KieuMauCore

/// The one list widget: every list (provinces, wards, criteria) is drawn through it, so the
/// heading, the window of rows that fits, the cursor and the selection bar behave the same, and the
/// rows it drew are reported for the mouse (`FrameGeometry.ListArea`).
struct ListWidget {
    var area: Rect
    /// The list's depth in the stack (which screen's list this is).
    var depth: Int
    var state: ListState
    var count: Int
    /// Whether keys move this list now (a dimmer selection bar when not).
    var focused: Bool
    var glyphs: Glyphs

    /// The first row to draw: the list's own offset, moved just enough to show the selection.
    static func settledOffset(_ state: ListState, count: Int, visible: Int) -> Int {
        guard visible > 0, count > 0 else { return 0 }
        var offset = min(state.offset, max(0, count - visible))
        let selected = max(0, min(state.selected, count - 1))
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        return max(0, offset)
    }

    /// Draws the heading on the first line of `area` (by `heading`) and the rows below it (by
    /// `row(index, y, isSelected)`), or `empty` when there are none. Returns where the rows went.
    @discardableResult
    func draw(_ c: inout Canvas, empty: String, heading: (inout Canvas, Int) -> Void,
              row: (inout Canvas, _ index: Int, _ y: Int, _ selected: Bool) -> Void) -> FrameGeometry.ListArea {
        heading(&c, area.y)
        let rows = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        let offset = Self.settledOffset(state, count: count, visible: rows.height)
        if count == 0 {
            c.put(empty, x: area.x + 2, y: rows.y, width: area.width - 2, role: .muted, ellipsis: glyphs.ellipsis)
        }
        for i in 0..<rows.height {
            let index = offset + i
            guard index < count else { break }
            let y = rows.y + i
            let selected = index == state.selected
            c.put(selected ? glyphs.cursor : " ", x: area.x, y: y, role: .emphasis)
            row(&c, index, y, selected)
            if selected { c.paint(x: area.x, y: y, width: area.width, role: focused ? .selection : .selectionDim) }
        }
        return FrameGeometry.ListArea(depth: depth, rows: rows, offset: offset, count: count)
    }
}
