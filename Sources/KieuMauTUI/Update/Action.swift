import KieuMauCore
import KieuMauReviews

/// Everything that can change the state: what the user asked for, and what carried-out effects
/// answered. The reducer applies one at a time.
public enum Action: Sendable {
    // MARK: From the user
    case command(Command)
    /// A character typed into the filter or the note being written.
    case text(Character)
    /// Moving and deleting in the line being typed.
    case edit(EditorAction)
    case click(x: Int, y: Int), doubleClick(x: Int, y: Int), wheel(Int)
    case resize

    // MARK: From the frame
    /// Where the last frame drew lists and panes: offsets settle, clicks and pages use it.
    case drawn(FrameGeometry)

    /// The dashboard is on screen: start the work deferred past the first frame.
    case started
    /// What the runtime was given: the themes `t` cycles through, whether there is a review store.
    case themeNames([String])
    case reviewStore(available: Bool, readOnly: String?)
    /// Unicode or ASCII, once the terminal's locale is known.
    case glyphs(Glyphs)

    // MARK: From carried-out effects
    /// The theme `t` moved to (the next one that could be read).
    case themeChosen(Int)
    case snapshotLoaded(LoadedSnapshot)
    case snapshotFailed(index: Int, file: String, problems: Problems)
    /// The ward rows of the snapshot on screen (first drawn from its digest), or why not.
    case wardsLoaded(file: String, Result<LoadedSnapshot, Problems>)
    /// The latest-known picture as of `day`, the snapshot it stands on (nil: none can be read),
    /// and the files that could not be read for it.
    case latestKnownReady(day: Day, loaded: LoadedSnapshot?, view: LatestKnownView?, unreadable: [String])
    /// The refs of another series and its opening snapshot.
    case seriesOpened(name: String, refs: [SnapshotRef], index: Int, Result<LoadedSnapshot, Problems>)
    /// The data folder was read again (live reload).
    case dataReloaded(refs: [SnapshotRef], seriesNames: [String], newProblems: [Problem])
    case digested(file: String, Result<SnapshotDigest, Problems>, map: AdminMap?)
    case compared(other: Int, Result<SnapshotComparison, Problems>)
    case reviewsLoaded(snapshot: Day, Result<[String: Review], EffectFailure>)
    case reviewSaved(Result<Review, EffectFailure>, snapshot: Day, ward: String, wasNote: Bool)
    case previousReviewLoaded(key: String, Review?)
    case exported(Result<ExportReceipt, EffectFailure>)
    /// Files in the data folder changed (the watcher): read them again.
    case dataChanged
    /// Another dashboard changed the review store.
    case reviewsChanged
    /// The review store cannot be reached (since `since`, the time of day): read-only until it can.
    case reviewStoreOffline(since: String, reason: String)
    /// A try to reach the review store again: it worked, or why not.
    case reviewStoreReconnected
    case reviewStoreStillOffline(reason: String)
}

/// Keys while a line (a note, a filter) is being typed.
public enum EditorAction: Hashable, Sendable {
    case backspace, delete, left, right, home, end
}

/// A snapshot read for the screen, with what the step needs beside it.
public struct LoadedSnapshot: Sendable {
    public var index: Int
    public var file: String
    public var dataset: Dataset
    public var summary: ProgressSummary
    /// The crosswalk from the map on screen when the request was made to this one's, when they differ.
    public var crosswalk: Crosswalk?
    public init(index: Int, file: String, dataset: Dataset, summary: ProgressSummary, crosswalk: Crosswalk?) {
        self.index = index; self.file = file; self.dataset = dataset; self.summary = summary; self.crosswalk = crosswalk
    }
}

/// Where an export went and how many rows it held.
public struct ExportReceipt: Hashable, Sendable {
    public var path: String
    public var rows: Int
}

/// Why an effect could not be carried out, in words for the status line.
public struct EffectFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    /// The review store could not be reached (nothing was saved; the dashboard goes read-only).
    public var isOffline: Bool
    public init(_ description: String, isOffline: Bool = false) { self.description = description; self.isOffline = isOffline }
}
