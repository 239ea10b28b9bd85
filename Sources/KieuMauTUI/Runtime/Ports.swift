import Foundation
import KieuMauCore
import KieuMauReviews

/// Where snapshots come from: the executable backs it with the data catalog, tests with data
/// made in memory. Called from the runner's snapshot queue only, one call at a time.
public protocol SnapshotSource: AnyObject {
    func load(_ ref: SnapshotRef) -> Result<Dataset, Problems>
    /// The series there are, in a stable order (e.g. "demo", "record").
    var seriesNames: [String] { get }
    func snapshots(inSeries series: String) -> [SnapshotRef]
    /// The crosswalk between two maps, in whichever direction one exists.
    func crosswalk(between a: String, and b: String) -> Crosswalk?
    /// Looks at the data again (files added or changed); returns problems not seen before.
    func reload() -> [Problem]
    /// The digest of a snapshot under `definition` (its header, totals and each ward's stage):
    /// from a digest cache where the source keeps one, else read in full and dropped.
    func digest(_ ref: SnapshotRef, definition: ModelDefinition) -> Result<SnapshotDigest, Problems>
    /// A map by id (the wards' history across snapshots, provinces' successions); nil when it
    /// cannot be read.
    func map(id: String) -> AdminMap?
    /// True when `digest` is answered from a cache without reading the rows (then the runner asks
    /// for digests rather than reading snapshots to make them).
    var hasDigestCache: Bool { get }
}

extension SnapshotSource {
    public func digest(_ ref: SnapshotRef, definition: ModelDefinition) -> Result<SnapshotDigest, Problems> {
        load(ref).map { SnapshotDigest($0, summary: ProgressSummary($0, definition: definition)) }
    }
    public func map(id: String) -> AdminMap? { nil }
    public var hasDigestCache: Bool { false }
    public func crosswalk(between a: String, and b: String) -> Crosswalk? { nil }
    public func reload() -> [Problem] { [] }
}

/// Where the dashboard keeps reviewers' marks and notes. The executable backs it with the review
/// store (an SQLite file, or a shared PostgreSQL store); tests with memory. Calls return only once
/// the write is durable, so what the screen shows as saved is saved. Called from the runner's
/// review queue only, one call at a time.
///
/// A call that fails because the store cannot be reached throws a `ReviewStoreError` of kind
/// `.offline`: the dashboard then goes read-only and tries `reconnect()` with backoff.
public protocol ReviewBackend: AnyObject {
    /// Why marks cannot be written (the store opened read-only), or nil.
    var readOnlyReason: String? { get }
    /// A descriptor that becomes readable when another client may have changed the store (a
    /// shared store's listener), for the terminal loop's `poll`; nil when there is none (a file:
    /// `drainChanges` is asked after each key instead).
    var changeDescriptor: Int32? { get }
    func reviews(snapshot: Day) throws -> [String: Review]
    /// The latest review of the ward for an earlier snapshot ("previous review").
    func previousReview(ward: String, before: Day) throws -> Review?
    func setMark(_ mark: ReviewMark?, snapshot: Day, ward: String) throws -> Review
    /// `base` is the note the editor started from: when the stored note is no longer that (another
    /// reviewer wrote meanwhile), both are kept.
    func setNote(_ note: String, replacing base: String?, snapshot: Day, ward: String) throws -> Review
    /// True when another client changed the store since the last call. Never blocks.
    func drainChanges() throws -> Bool
    /// Connects again after the store went offline; throws while it cannot be reached.
    func reconnect() throws
}

extension ReviewBackend {
    public var changeDescriptor: Int32? { nil }
    public func reconnect() throws {}
}

/// The time of day, for export names (injected so tests and benchmarks do not depend on it).
public protocol Clock: Sendable {
    func now() -> Date
}

/// The system's clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// The themes `t` cycles through, parsed when first reached (a theme file is I/O).
public protocol ThemeChooser: AnyObject {
    /// Whether the theme at `index` could be read.
    func isUsable(_ index: Int) -> Bool
}
