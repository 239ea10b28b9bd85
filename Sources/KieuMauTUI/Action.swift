/// What the user asked for. Keys become actions through `Keymap`; the reducer applies them.
public enum Action: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, home, end
    case drillIn, back
    case startFilter, filterInput(Character), filterBackspace, filterAccept
    case nextWard, previousWard
    /// Needs the snapshot loaded: the controller loads it, then calls `snapshotLoaded`.
    case previousSnapshot, nextSnapshot
    /// Switches between series (the published record and the synthetic demo); needs loading too.
    case cycleSeries
    /// The latest-known view ↔ the snapshot it stands on, as published; needs loading too.
    case toggleView
    case cycleSort, cycleFilter, cycleTheme, toggleLanguage, toggleHelp, quit
    case select(x: Int, y: Int), open(x: Int, y: Int), scroll(Int)
    case resize
    // Reviewers: these write to the review store, so the controller carries them out.
    case markOK, markFollowUp, editNote, nextUnreviewed
    case editor(EditorAction)
    // The command centre's questions.
    case criteriaView, compareView, compareOlder, compareNewer
    case exportCSV, exportJSON
}

/// Keys while the note editor is open.
public enum EditorAction: Hashable, Sendable {
    case insert(Character), backspace, delete, left, right, home, end, accept, cancel
}

/// One key binding: the keys, the action, and the words the help screen shows for it.
public struct Binding: Sendable {
    public var keys: [Key]
    /// How the keys are written in help and the README.
    public var label: String
    public var action: Action
    public var vi: String
    public var en: String
}

/// The one table of keys: it decodes keys and writes the help screen, so they cannot disagree.
public enum Keymap {
    public static let bindings: [Binding] = [
        Binding(keys: [.up, .char("k")], label: "↑ k", action: .moveUp, vi: "lên", en: "move up"),
        Binding(keys: [.down, .char("j")], label: "↓ j", action: .moveDown, vi: "xuống", en: "move down"),
        Binding(keys: [.pageUp, .ctrl("b")], label: "PgUp", action: .pageUp, vi: "lên một trang", en: "page up"),
        Binding(keys: [.pageDown, .ctrl("f"), .char(" ")], label: "PgDn Space", action: .pageDown, vi: "xuống một trang", en: "page down"),
        Binding(keys: [.home, .char("g")], label: "Home g", action: .home, vi: "đầu danh sách", en: "first row"),
        Binding(keys: [.end, .char("G")], label: "End G", action: .end, vi: "cuối danh sách", en: "last row"),
        Binding(keys: [.enter, .right, .char("l")], label: "⏎ → l", action: .drillIn, vi: "mở", en: "open"),
        Binding(keys: [.escape, .left, .char("h"), .backspace], label: "Esc ← h ⌫", action: .back, vi: "quay lại (Esc cũng xoá bộ lọc)", en: "back (Esc also clears the filter)"),
        Binding(keys: [.char("/")], label: "/", action: .startFilter, vi: "lọc theo tên (không dấu)", en: "filter by name (diacritics ignored)"),
        Binding(keys: [.char("n")], label: "n", action: .nextWard, vi: "phường kế tiếp (sang tỉnh sau)", en: "next ward (into the next province)"),
        Binding(keys: [.char("p")], label: "p", action: .previousWard, vi: "phường trước", en: "previous ward"),
        Binding(keys: [.char("<"), .char(",")], label: "< ,", action: .previousSnapshot, vi: "mốc thời gian trước (từ số liệu mới nhất: mốc như công bố)", en: "previous snapshot (from latest known: the snapshot as published)"),
        Binding(keys: [.char(">"), .char(".")], label: "> .", action: .nextSnapshot, vi: "mốc thời gian sau (sau mốc cuối: số liệu mới nhất)", en: "next snapshot (past the last: latest known)"),
        Binding(keys: [.char("v")], label: "v", action: .toggleView, vi: "số liệu mới nhất ↔ mốc như công bố", en: "latest known ↔ snapshot as published"),
        Binding(keys: [.char("D")], label: "D", action: .cycleSeries, vi: "đổi chuỗi dữ liệu (công bố ↔ giả lập)", en: "switch series (published record ↔ demo)"),
        Binding(keys: [.char("o")], label: "o", action: .markOK, vi: "đánh dấu đã rà soát, đạt (bấm lại để bỏ)", en: "mark reviewed OK (again to clear)"),
        Binding(keys: [.char("x")], label: "x", action: .markFollowUp, vi: "đánh dấu cần theo dõi (bấm lại để bỏ)", en: "mark needs follow-up (again to clear)"),
        Binding(keys: [.char("a")], label: "a", action: .editNote, vi: "ghi chú cho phường", en: "write a note on the ward"),
        Binding(keys: [.char("u")], label: "u", action: .nextUnreviewed, vi: "phường kế tiếp chưa rà soát", en: "next ward not yet reviewed"),
        Binding(keys: [.char("c")], label: "c", action: .criteriaView, vi: "tiêu chí nào cản trở (⏎: các phường thiếu)", en: "criteria holding wards back (⏎: wards missing it)"),
        Binding(keys: [.char("d")], label: "d", action: .compareView, vi: "so sánh với mốc khác ([ ] đổi mốc)", en: "what changed ([ ] other snapshot)"),
        Binding(keys: [.char("[")], label: "[ ]", action: .compareOlder, vi: "so sánh: mốc cũ hơn / mới hơn", en: "compare: older / newer snapshot"),
        Binding(keys: [.char("]")], label: "]", action: .compareNewer, vi: "", en: ""),
        Binding(keys: [.char("e")], label: "e E", action: .exportCSV, vi: "xuất danh sách đang xem (CSV / JSON)", en: "export the list on screen (CSV / JSON)"),
        Binding(keys: [.char("E")], label: "E", action: .exportJSON, vi: "", en: ""),
        Binding(keys: [.char("s")], label: "s", action: .cycleSort, vi: "đổi cách sắp xếp", en: "cycle sort"),
        Binding(keys: [.char("f")], label: "f", action: .cycleFilter, vi: "lọc theo mức 2025 / giai đoạn", en: "cycle band / stage filter"),
        Binding(keys: [.char("t")], label: "t", action: .cycleTheme, vi: "đổi giao diện", en: "cycle theme"),
        Binding(keys: [.char("L")], label: "L", action: .toggleLanguage, vi: "English / Tiếng Việt", en: "Tiếng Việt / English"),
        Binding(keys: [.char("?"), .function(1)], label: "? F1", action: .toggleHelp, vi: "trợ giúp", en: "help"),
        Binding(keys: [.char("q"), .ctrl("c")], label: "q", action: .quit, vi: "thoát", en: "quit"),
    ]

    private static let table: [Key: Action] = {
        var t: [Key: Action] = [:]
        for b in bindings { for k in b.keys where t[k] == nil { t[k] = b.action } }
        return t
    }()

    /// The action of a key in normal mode.
    public static func action(for key: Key) -> Action? {
        switch key {
        case .resize: return .resize
        case .mouse(let m):
            switch m.kind {
            case .click: return .select(x: m.x, y: m.y)
            case .doubleClick: return .open(x: m.x, y: m.y)
            case .wheelUp: return .scroll(-3)
            case .wheelDown: return .scroll(3)
            }
        default: return table[key]
        }
    }

    /// While a note is being written every key goes to the editor.
    public static func editorAction(for key: Key) -> Action? {
        switch key {
        case .char(let c): return .editor(.insert(c))
        case .backspace: return .editor(.backspace)
        case .delete: return .editor(.delete)
        case .left: return .editor(.left)
        case .right: return .editor(.right)
        case .home, .ctrl("a"): return .editor(.home)
        case .end, .ctrl("e"): return .editor(.end)
        case .enter: return .editor(.accept)
        case .escape: return .editor(.cancel)
        case .ctrl("c"): return .quit
        case .resize: return .resize
        default: return nil
        }
    }

    /// While the filter is being typed, text goes into it; navigation keys still work.
    public static func filterAction(for key: Key) -> Action? {
        switch key {
        case .char(let c): return .filterInput(c)
        case .backspace: return .filterBackspace
        case .enter: return .filterAccept
        case .escape: return .back
        case .up, .down, .pageUp, .pageDown, .resize, .mouse, .ctrl: return action(for: key)
        default: return nil
        }
    }
}
