import FuzzSupport
import KieuMauTUI

/// The key decoder: what `get_wch` and `getmouse` give, mapped to `Key`s. Input: records of a flag
/// byte and a 4-byte code (then mouse buttons and a cell). Properties: no trap for any number;
/// text keys are never control characters; function keys are F1…F63; Ctrl keys are a…z.
func fuzzKeys(_ bytes: [UInt8]) {
    var k = 0
    func int32() -> Int32 {
        var v: UInt32 = 0
        for _ in 0..<4 { v = v << 8 | UInt32(k < bytes.count ? bytes[k] : 0); k += 1 }
        return Int32(bitPattern: v)
    }
    while k < bytes.count {
        let flag = bytes[k]; k += 1
        let code = int32()
        let decoded = CursesKeyMapping.decode(code: code, isKeyCode: flag & 1 != 0, codes: NcursesCodes.v6)
        if case .key(let key) = decoded {
            switch key {
            case .char(let c):
                require(!c.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }, "control character \(code) as text")
            case .ctrl(let c): require(("a"..."z").contains(c), "Ctrl-\(c)")
            case .function(let n): require((1...63).contains(n), "F\(n)")
            default: break
            }
        }
        if flag & 2 != 0 {
            let buttons = UInt64(UInt32(bitPattern: int32())), x = int32(), y = int32()
            if case .mouse(let event)? = CursesKeyMapping.decodeMouse(buttons: buttons, x: x, y: y, codes: NcursesCodes.v6) {
                require(event.x == Int(x) && event.y == Int(y), "mouse cell moved")
            }
        }
    }
}

/// ncurses 6's numbers (`<curses.h>`, NCURSES_MOUSE_VERSION 2), as the backend passes them.
enum NcursesCodes {
    static let v6 = CursesCodes(
        up: 0o403, down: 0o402, left: 0o404, right: 0o405, pageUp: 0o523, pageDown: 0o522, home: 0o406, end: 0o550,
        enter: 0o527, backspace: 0o407, delete: 0o512, backTab: 0o541, resize: 0o632, mouse: 0o631, f0: 0o410,
        button1Clicked: 0o4, button1DoubleClicked: 0o10, button4Pressed: 0o2 << 15, button5Pressed: 0o2 << 20)
}
