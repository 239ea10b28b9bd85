/// What a key asks for, by the name a user writes in `[keys]` of config.toml (`quit = "Q"`).
/// Keys become commands through the `KeyTable`; commands become the reducer's actions.
public enum Command: String, CaseIterable, Hashable, Sendable {
    case up, down
    case pageUp = "page_up", pageDown = "page_down"
    case first, last
    case open, back
    case filter
    case nextWard = "next_ward", previousWard = "previous_ward"
    case previousSnapshot = "previous_snapshot", nextSnapshot = "next_snapshot"
    case switchSeries = "switch_series"
    /// The latest-known view ↔ the snapshot it stands on, as published.
    case toggleView = "view"
    case markOK = "mark_ok", markFollowUp = "mark_follow_up"
    case note
    case nextUnreviewed = "next_unreviewed"
    case criteria, compare
    case compareOlder = "compare_older", compareNewer = "compare_newer"
    case exportCSV = "export_csv", exportJSON = "export_json"
    case cycleSort = "sort", cycleFilter = "cycle_filter"
    case theme, language, help, quit, repaint
    // While a filter is typed.
    case filterAccept = "filter_accept", filterClear = "filter_clear", filterErase = "filter_erase"
    // While a note is typed.
    case noteSave = "note_save", noteCancel = "note_cancel"

    /// The name in config files and `kieumau keys`.
    public var name: String { rawValue }
}

extension Command {
    /// Whether the command reads ward rows (opening a province, the criteria, a comparison, an
    /// export): in a warm start's first moments, before the rows are read, it waits for them.
    var needsWards: Bool {
        switch self {
        case .open, .criteria, .compare, .compareOlder, .compareNewer, .nextUnreviewed, .exportCSV, .exportJSON,
             .nextWard, .previousWard:
            return true
        default:
            return false
        }
    }
}
