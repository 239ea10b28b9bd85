/// Keys to actions, through the state's key table, in the context the screen is in.
extension AppState {
    /// The context keys are read in: a mode (help, a note or a filter being typed) before the screen.
    public var keyContext: KeyContext {
        if help != nil { return .help }
        if noteEditor != nil { return .note }
        if typingFilter { return .filter }
        return screenKeyContext
    }

    /// The screen's own context, under any mode.
    public var screenKeyContext: KeyContext { top.keyContext }

    /// The action of a key here, or nil when it means nothing here.
    public func action(for key: Key) -> Action? {
        let context = keyContext
        switch key {
        case .resize:
            return .resize
        case .mouse(let m):
            if context == .help {
                switch m.kind {
                case .wheelUp: return .command(.up)
                case .wheelDown: return .command(.down)
                default: return .command(.help)
                }
            }
            guard context != .note else { return nil }
            switch m.kind {
            case .click: return .click(x: m.x, y: m.y)
            case .doubleClick: return .doubleClick(x: m.x, y: m.y)
            case .wheelUp: return .wheel(-3)
            case .wheelDown: return .wheel(3)
            }
        default:
            break
        }
        if context == .note {
            if case .char(let c) = key { return .text(c) }
            if let edit = Self.lineEditing(key) { return .edit(edit) }
        }
        if context == .filter, case .char(let c) = key { return .text(c) }
        if let command = keys.command(for: key, in: context, under: screenKeyContext) { return .command(command) }
        // Any other key closes help, as in htop.
        return context == .help ? .command(.help) : nil
    }

    /// The keys that move and delete in a line being typed (not rebindable).
    private static func lineEditing(_ key: Key) -> EditorAction? {
        switch key {
        case .backspace: return .backspace
        case .delete: return .delete
        case .left: return .left
        case .right: return .right
        case .home, .ctrl("a"): return .home
        case .end, .ctrl("e"): return .end
        default: return nil
        }
    }
}
