import CNcurses
import KieuMauTUI

/// What one `get_wch` result means.
enum KeyDecoding: Equatable, Sendable {
    case key(Key)
    /// KEY_MOUSE: the event itself must be fetched with `getmouse`.
    case mouse
    /// Something we do not act on (NUL, Ctrl-\, unknown key codes, C1 controls).
    case ignored
}

/// Turns ncurses input into `Key`s. The mapping functions are pure (tested without a terminal);
/// `read()` is the one place that calls `get_wch`/`getmouse`.
enum KeyDecoder {

    /// `code` is the value `get_wch` stored; `isKeyCode` is true when it returned KEY_CODE_YES
    /// (a function key) rather than OK (a character).
    static func decode(code: Int32, isKeyCode: Bool) -> KeyDecoding {
        isKeyCode ? decodeKeyCode(code) : decodeCharacter(code)
    }

    private static func decodeKeyCode(_ code: Int32) -> KeyDecoding {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_RESIZE: return .key(.resize)
        case KEY_MOUSE: return .mouse
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .key(.function(Int(code - KEY_F0)))
        default: return .ignored
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
    /// Double-click wins over click when ncurses reports both.
    static func decodeMouse(buttons: mmask_t, x: Int32, y: Int32) -> Key? {
        let kind: MouseEvent.Kind
        if buttons & kieumau_button1_double_clicked() != 0 { kind = .doubleClick }
        else if buttons & kieumau_button1_clicked() != 0 { kind = .click }
        else if buttons & kieumau_button4_pressed() != 0 { kind = .wheelUp }
        else if buttons & kieumau_button5_pressed() != 0 { kind = .wheelDown }
        else { return nil }
        return .mouse(MouseEvent(kind: kind, x: Int(x), y: Int(y)))
    }

    /// The result of one non-blocking read.
    enum Read: Equatable {
        case key(Key)
        /// Input arrived but means nothing to us; read again.
        case ignored
        /// Nothing is waiting.
        case empty
    }

    /// Reads one input event without waiting (the session puts stdscr in nodelay mode).
    static func read() -> Read {
        var value: wint_t = 0
        let status = get_wch(&value)
        if status == ERR { return .empty }
        switch decode(code: Int32(bitPattern: value), isKeyCode: status == KEY_CODE_YES) {
        case .key(let key):
            return .key(key)
        case .ignored:
            return .ignored
        case .mouse:
            var event = MEVENT()
            guard getmouse(&event) == OK,
                  let key = decodeMouse(buttons: event.bstate, x: event.x, y: event.y) else { return .ignored }
            return .key(key)
        }
    }
}
