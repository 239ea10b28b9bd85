/// What one curses input event (`get_wch`) means.
public enum KeyDecoding: Equatable, Sendable {
    case key(Key)
    /// KEY_MOUSE: the event itself must be fetched with `getmouse`.
    case mouse
    /// Something we do not act on (NUL, Ctrl-\, unknown key codes, C1 controls).
    case ignored
}

/// The numbers curses gives function keys and mouse buttons. The backend fills them from its
/// `<curses.h>`, so the mapping below stays free of the terminal library: tested and fuzzed anywhere.
public struct CursesCodes: Sendable {
    public var up, down, left, right, pageUp, pageDown, home, end: Int32
    public var enter, backspace, delete, backTab, resize, mouse: Int32
    /// KEY_F0: F1 is `f0 + 1`, and so on up to F63.
    public var f0: Int32
    public var button1Clicked, button1DoubleClicked, button4Pressed, button5Pressed: UInt64

    public init(up: Int32, down: Int32, left: Int32, right: Int32, pageUp: Int32, pageDown: Int32, home: Int32, end: Int32,
                enter: Int32, backspace: Int32, delete: Int32, backTab: Int32, resize: Int32, mouse: Int32, f0: Int32,
                button1Clicked: UInt64, button1DoubleClicked: UInt64, button4Pressed: UInt64, button5Pressed: UInt64) {
        self.up = up; self.down = down; self.left = left; self.right = right
        self.pageUp = pageUp; self.pageDown = pageDown; self.home = home; self.end = end
        self.enter = enter; self.backspace = backspace; self.delete = delete; self.backTab = backTab
        self.resize = resize; self.mouse = mouse; self.f0 = f0
        self.button1Clicked = button1Clicked; self.button1DoubleClicked = button1DoubleClicked
        self.button4Pressed = button4Pressed; self.button5Pressed = button5Pressed
    }
}

/// Turns curses input into `Key`s: a pure mapping of the numbers `get_wch` and `getmouse` give.
public enum CursesKeyMapping {
    /// `code` is the value `get_wch` stored; `isKeyCode` is true when it returned KEY_CODE_YES
    /// (a function key) rather than OK (a character).
    public static func decode(code: Int32, isKeyCode: Bool, codes: CursesCodes) -> KeyDecoding {
        isKeyCode ? decodeKeyCode(code, codes) : decodeCharacter(code)
    }

    private static func decodeKeyCode(_ code: Int32, _ c: CursesCodes) -> KeyDecoding {
        switch code {
        case c.up: return .key(.up)
        case c.down: return .key(.down)
        case c.left: return .key(.left)
        case c.right: return .key(.right)
        case c.pageUp: return .key(.pageUp)
        case c.pageDown: return .key(.pageDown)
        case c.home: return .key(.home)
        case c.end: return .key(.end)
        case c.enter: return .key(.enter)
        case c.backspace: return .key(.backspace)
        case c.delete: return .key(.delete)
        case c.backTab: return .key(.backTab)
        case c.resize: return .key(.resize)
        case c.mouse: return .mouse
        default:
            // In 64 bits: `code - f0` must not overflow whatever the codes are.
            let n = Int64(code) - Int64(c.f0)
            return (1...63).contains(n) ? .key(.function(Int(n))) : .ignored
        }
    }

    private static func decodeCharacter(_ code: Int32) -> KeyDecoding {
        switch code {
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)       // terminals send either for the Backspace key
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 1...26:
            // Ctrl-A is 1 … Ctrl-Z is 26 ("a" is 97).
            guard let scalar = Unicode.Scalar(UInt32(96 + code)) else { return .ignored }
            return .key(.ctrl(Character(scalar)))
        case ..<32, 128..<160:                   // other C0 and the C1 controls
            return .ignored
        default:
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: code)) else { return .ignored }
            return .key(.char(Character(scalar)))
        }
    }

    /// A mouse report from `getmouse`: `buttons` is MEVENT.bstate, `x`/`y` the cell.
    /// Double-click wins over click when curses reports both.
    public static func decodeMouse(buttons: UInt64, x: Int32, y: Int32, codes c: CursesCodes) -> Key? {
        let kind: MouseEvent.Kind
        if buttons & c.button1DoubleClicked != 0 { kind = .doubleClick }
        else if buttons & c.button1Clicked != 0 { kind = .click }
        else if buttons & c.button4Pressed != 0 { kind = .wheelUp }
        else if buttons & c.button5Pressed != 0 { kind = .wheelDown }
        else { return nil }
        return .mouse(MouseEvent(kind: kind, x: Int(x), y: Int(y)))
    }
}
