import KieuMauCore

/// A pane of text lines, each made of styled segments (or a bar), drawn with a scroll offset.
struct DetailLines {
    enum Item {
        case text([(String, StyleRole)])
        case bar((inout Canvas, Int, Int, Int) -> Void, suffix: String)
    }
    var items: [Item] = []

    mutating func add(_ text: String, _ role: StyleRole = .normal) { items.append(.text([(text, role)])) }
    mutating func add(_ segments: [(String, StyleRole)]) { items.append(.text(segments)) }
    mutating func blank() { items.append(.text([])) }
    mutating func bar(suffix: String, _ draw: @escaping (inout Canvas, Int, Int, Int) -> Void) {
        items.append(.bar(draw, suffix: suffix))
    }

    /// Draws into `area` from line `scroll.offset` and says where, for the reducer (`FrameGeometry`).
    func drawPane(_ c: inout Canvas, area: Rect, depth: Int, scroll: ScrollState, ellipsis: String) -> FrameGeometry.TextArea {
        let used = draw(&c, x: area.x, y: area.y, width: area.width, height: area.height, scroll: scroll.offset, ellipsis: ellipsis)
        return FrameGeometry.TextArea(depth: depth, rect: area, offset: used, contentRows: items.count)
    }

    /// Draws from line `scroll`; returns the scroll actually used (clamped to the content).
    @discardableResult
    func draw(_ c: inout Canvas, x: Int, y: Int, width: Int, height: Int, scroll: Int, ellipsis: String) -> Int {
        let maxScroll = max(0, items.count - height)
        let start = max(0, min(scroll, maxScroll))
        for i in 0..<height {
            let idx = start + i
            guard idx < items.count else { break }
            let ry = y + i
            switch items[idx] {
            case .text(let segments):
                var rx = x
                for (text, role) in segments where rx < x + width {
                    rx += c.put(text, x: rx, y: ry, width: x + width - rx, role: role, ellipsis: ellipsis)
                }
            case .bar(let draw, let suffix):
                let sw = TextWidth.of(suffix)
                let bw = max(4, width - sw - 1)
                draw(&c, x, ry, bw)
                c.put(suffix, x: x + bw + 1, y: ry, width: width - bw - 1, ellipsis: ellipsis)
            }
        }
        return start
    }
}
