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

    /// The reducer's action for the command.
    public var action: Action {
        switch self {
        case .up: return .moveUp
        case .down: return .moveDown
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .first: return .home
        case .last: return .end
        case .open: return .drillIn
        case .back: return .back
        case .filter: return .startFilter
        case .nextWard: return .nextWard
        case .previousWard: return .previousWard
        case .previousSnapshot: return .previousSnapshot
        case .nextSnapshot: return .nextSnapshot
        case .switchSeries: return .cycleSeries
        case .markOK: return .markOK
        case .markFollowUp: return .markFollowUp
        case .note: return .editNote
        case .nextUnreviewed: return .nextUnreviewed
        case .criteria: return .criteriaView
        case .compare: return .compareView
        case .compareOlder: return .compareOlder
        case .compareNewer: return .compareNewer
        case .exportCSV: return .exportCSV
        case .exportJSON: return .exportJSON
        case .cycleSort: return .cycleSort
        case .cycleFilter: return .cycleFilter
        case .theme: return .cycleTheme
        case .language: return .toggleLanguage
        case .help: return .toggleHelp
        case .quit: return .quit
        case .repaint: return .repaint
        case .filterAccept: return .filterAccept
        case .filterClear: return .back
        case .filterErase: return .filterBackspace
        case .noteSave: return .editor(.accept)
        case .noteCancel: return .editor(.cancel)
        }
    }
}
