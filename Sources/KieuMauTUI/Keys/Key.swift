/// A key press or terminal event, decoded from ncurses input by the backend.
public enum Key: Hashable, Sendable {
    case char(Character)       // printable text, incl. Vietnamese letters
    case ctrl(Character)       // Ctrl-A … Ctrl-Z as lower-case letters
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)
    case resize
    case mouse(MouseEvent)
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, doubleClick, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}
