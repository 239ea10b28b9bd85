import KieuMauCore
import KieuMauReviews

/// Work the reducer asks for and the runner carries out through the ports (snapshot source,
/// review store, export sink, clock), answering with actions. Values, so a test can read what a
/// key asked for without doing it.
public enum Effect: Sendable {
    /// Read a snapshot for the screen (`index` in the series); `fromMap` is the map on screen,
    /// for the crosswalk when the maps differ.
    case loadSnapshot(index: Int, ref: SnapshotRef, fromMap: String, definition: ModelDefinition)
    /// Read the ward rows of the snapshot on screen, whose first frame came from its digest.
    case loadWards(index: Int, ref: SnapshotRef, definition: ModelDefinition)
    /// Open another series near `day` (or at `lastIndex`, where the user last was in it).
    case openSeries(name: String, near: Day, lastIndex: Int?, fromMap: String, definition: ModelDefinition)
    /// The latest-known picture of the series as of `day` (and, after 2025, at 31/12/2025), with
    /// the snapshot it stands on: the latest on or before `day` that can be read.
    case showLatestKnown(day: Day, refs: [SnapshotRef], fromMap: String, definition: ModelDefinition)
    /// Read the data folder again, and list the series on screen.
    case reload(series: String)
    /// Digests of these snapshots, one at a time, off the main thread.
    case digest([SnapshotRef], definition: ModelDefinition)
    /// Read a snapshot into the runner's cache before it is asked for (the next in the direction of travel).
    case readAhead(SnapshotRef, keeping: [String], definition: ModelDefinition)
    /// What changed between the snapshot on screen and another.
    case compare(here: Dataset, other: Int, ref: SnapshotRef, definition: ModelDefinition)
    case loadReviews(snapshot: Day)
    case loadPreviousReview(ward: String, before: Day, key: String)
    case saveMark(ReviewMark?, snapshot: Day, ward: String)
    /// `base`: the note the editor started from (a note another reviewer wrote meanwhile is kept too).
    case saveNote(String, base: String?, snapshot: Day, ward: String)
    /// Look whether another dashboard changed the store (answered with `.reviewsChanged` if so).
    case drainReviewChanges
    /// Try to reach the review store again (answered `.reviewStoreReconnected` or `.reviewStoreStillOffline`).
    case reconnectReviewStore
    /// `effect`, once `delay` has passed (the terminal loop sleeps until then, no CPU meanwhile).
    indirect case after(Duration, Effect)
    case export(ExportTable, json: Bool, asOf: Day, synthetic: Bool)
    /// The next theme after `after` that can be read (answered with `.themeChosen`).
    case nextTheme(after: Int)
    /// Forget what the terminal shows and paint every cell again.
    case repaint
}
