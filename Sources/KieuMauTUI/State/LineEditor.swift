/// A one-line text editor for notes: Vietnamese input arrives as whole characters; the cursor
/// moves and deletes by grapheme cluster, so a letter with its marks goes in one Backspace.
public struct LineEditor: Hashable, Sendable {
    public var text: String
    /// Cursor position in characters (0...text.count).
    public var cursor: Int
    /// The ward whose note this is (code), so the note lands where it was started.
    public var wardCode: String

    /// The note as it was when the editor opened: saving sends it along, so a note another
    /// reviewer wrote meanwhile is kept beside this one rather than overwritten.
    public let original: String

    public init(text: String, wardCode: String) {
        self.text = text; self.wardCode = wardCode; cursor = text.count; original = text
    }

    public static let maximumLength = 2000

    /// Inserts at the cursor. A combining mark typed on its own joins the letter before it, so the
    /// cursor is counted again from the text rather than moved by one.
    public mutating func insert(_ c: Character) {
        guard text.count < LineEditor.maximumLength else { return }
        cursor = min(cursor, text.count)
        let head = String(text.prefix(cursor)) + String(c)
        text = head + text.dropFirst(cursor)
        cursor = min(head.count, text.count)
    }
    public mutating func backspace() {
        cursor = min(cursor, text.count)
        guard cursor > 0 else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
        cursor -= 1
    }
    public mutating func deleteForward() {
        cursor = min(cursor, text.count)
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }
    public mutating func move(by d: Int) { cursor = max(0, min(text.count, cursor + d)) }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = text.count }
}
