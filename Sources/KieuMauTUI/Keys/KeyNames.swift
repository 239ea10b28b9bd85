/// Keys as people write them: in config.toml (`down = ["j", "Down"]`), in help, the status line,
/// `kieumau keys` and the README. One spelling each (`name`), and the common other spellings
/// accepted when reading (`PageDown`, `Escape`, `C-l`, `^L`).
extension Key {
    /// The spelling in config files and the README: `q`, `Q`, `Space`, `Ctrl-L`, `PgDn`, `F1`…
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        case .mouse: return "Mouse"
        }
    }

    /// The spelling on screen: arrows and ⏎ ⌫ where the terminal shows them, the name otherwise.
    public func label(unicode: Bool) -> String {
        guard unicode else { return name }
        switch self {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "⏎"
        case .backspace: return "⌫"
        default: return name
        }
    }

    /// Reads a key's name (case matters only for single characters: `q` and `Q` differ).
    public init?(name: String) {
        if name.count == 1, let c = name.first {
            guard !c.isWhitespace || c == " ", c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return nil }
            self = .char(c)
            return
        }
        let lower = name.lowercased()
        if let named = Key.named[lower] { self = named; return }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter else { return nil }
            self = .ctrl(c)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n) { self = .function(n); return }
        return nil
    }

    private static let named: [String: Key] = [
        "space": .char(" "), "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "ppage": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "npage": .pageDown,
        "home": .home, "end": .end, "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "backspace": .backspace, "bspace": .backspace, "delete": .delete, "del": .delete, "dc": .delete,
        "tab": .tab, "shift-tab": .backTab, "btab": .backTab, "backtab": .backTab,
    ]
}
