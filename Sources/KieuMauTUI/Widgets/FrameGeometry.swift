/// Where the last frame drew each list and scrolling pane, and which rows it showed. The frame
/// hands it to the reducer (`Action.drawn`), which keeps the offsets the frame settled and uses the
/// rows' rectangles for mouse clicks: a click selects the row that was drawn under it, whatever
/// was drawn above the list (the criteria view's notes once shifted clicks by a row each).
public struct FrameGeometry: Hashable, Sendable {
    /// A list as drawn: the screen it belongs to (its depth in the stack), the rectangle of its
    /// rows (headings excluded), the first row shown and how many rows the list has.
    public struct ListArea: Hashable, Sendable {
        public var depth: Int
        public var rows: Rect
        public var offset: Int
        public var count: Int
        /// The list row under (x, y), or nil.
        public func row(atX x: Int, y: Int) -> Int? {
            guard rows.contains(x: x, y: y) else { return nil }
            let i = offset + (y - rows.y)
            return i < count ? i : nil
        }
    }

    /// A pane of text as drawn (ward detail, comparison, help; `depth` -1 for help).
    public struct TextArea: Hashable, Sendable {
        public var depth: Int
        public var rect: Rect
        public var offset: Int
        public var contentRows: Int
    }

    public var lists: [ListArea] = []
    public var texts: [TextArea] = []

    public init() {}

    public func list(atDepth depth: Int) -> ListArea? { lists.first { $0.depth == depth } }
    public func text(atDepth depth: Int) -> TextArea? { texts.first { $0.depth == depth } }
}
