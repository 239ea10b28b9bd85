/// Keys to actions, through the state's key table, in the context the screen is in.
extension AppState {
    /// The context keys are read in: a mode (help, a note or a filter being typed) before the screen.
    public var keyContext: KeyContext {
        if showHelp { return .help }
        if noteEditor != nil { return .note }
        if editingFilter { return .filter }
        return screenKeyContext
    }

    /// The screen's own context, under any mode.
    public var screenKeyContext: KeyContext {
        switch level {
        case .provinces: return .provinces
        case .wards: return .wards
        case .detail: return .wardDetail
        case .criteria: return .criteria
        case .compare: return .compare
        }
    }

    /// The action of a key here, or nil when it means nothing here.
    public func action(for key: Key) -> Action? {
        let context = keyContext
        switch key {
        case .resize:
            return .resize
        case .mouse(let m):
            guard context != .note else { return nil }
            switch m.kind {
            case .click: return .select(x: m.x, y: m.y)
            case .doubleClick: return .open(x: m.x, y: m.y)
            case .wheelUp: return .scroll(-3)
            case .wheelDown: return .scroll(3)
            }
        default:
            break
        }
        if context == .note, let edit = Self.lineEditing(key) { return .editor(edit) }
        if context == .filter, case .char(let c) = key { return .filterInput(c) }
        return keys.command(for: key, in: context, under: screenKeyContext)?.action
    }

    /// The keys that edit a line being typed: text, and moving in it (not rebindable).
    private static func lineEditing(_ key: Key) -> EditorAction? {
        switch key {
        case .char(let c): return .insert(c)
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
