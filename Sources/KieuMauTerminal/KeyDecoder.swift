import CNcurses
import KieuMauTUI

/// Reads ncurses input as `Key`s. The mapping itself is `CursesKeyMapping` (pure, in KieuMauTUI);
/// this gives it ncurses's numbers, and `read()` is the one place that calls `get_wch`/`getmouse`.
enum KeyDecoder {
    /// The key and mouse numbers of the ncurses this was built against.
    static let codes = CursesCodes(
        up: KEY_UP, down: KEY_DOWN, left: KEY_LEFT, right: KEY_RIGHT, pageUp: KEY_PPAGE, pageDown: KEY_NPAGE,
        home: KEY_HOME, end: KEY_END, enter: KEY_ENTER, backspace: KEY_BACKSPACE, delete: KEY_DC, backTab: KEY_BTAB,
        resize: KEY_RESIZE, mouse: KEY_MOUSE, f0: KEY_F0,
        button1Clicked: UInt64(kieumau_button1_clicked()), button1DoubleClicked: UInt64(kieumau_button1_double_clicked()),
        button4Pressed: UInt64(kieumau_button4_pressed()), button5Pressed: UInt64(kieumau_button5_pressed()))

    static func decode(code: Int32, isKeyCode: Bool) -> KeyDecoding {
        CursesKeyMapping.decode(code: code, isKeyCode: isKeyCode, codes: codes)
    }

    static func decodeMouse(buttons: mmask_t, x: Int32, y: Int32) -> Key? {
        CursesKeyMapping.decodeMouse(buttons: UInt64(buttons), x: x, y: y, codes: codes)
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
