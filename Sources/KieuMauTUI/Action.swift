/// What the user asked for. Keys become commands through the `KeyTable`, commands actions; the
/// reducer applies them.
public enum Action: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, home, end
    case drillIn, back
    case startFilter, filterInput(Character), filterBackspace, filterAccept
    case nextWard, previousWard
    /// Needs the snapshot loaded: the controller loads it, then calls `snapshotLoaded`.
    case previousSnapshot, nextSnapshot
    /// Switches between series (the published record and the synthetic demo); needs loading too.
    case cycleSeries
    case cycleSort, cycleFilter, cycleTheme, toggleLanguage, toggleHelp, quit
    /// Forget what the terminal shows and paint it all again (line noise).
    case repaint
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
