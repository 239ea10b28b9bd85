import KieuMauCore

/// What every review store offers, whichever engine holds it: the embedded SQLite file
/// (`ReviewStore`) or a shared PostgreSQL database (`PostgresReviewStore`). Every command and the
/// dashboard work through this, so they behave the same on either.
///
/// The meaning is the same on both: a write returns only once it is committed (what a caller shows
/// as saved is saved); marks resolve newest-wins; notes are never lost (see `ReviewMerge`).
/// Synchronous and not thread-safe: one object per thread.
public protocol ReviewStoring: AnyObject {
    /// The store for messages: a file path, or a connection URI without its password.
    var displayName: String { get }
    /// True when writes are impossible; `readOnlyReason` says why.
    var isReadOnly: Bool { get }
    var readOnlyReason: String? { get }

    /// Every review of a snapshot, by ward code (cleared marks without a note included).
    func reviews(snapshot: Day) throws(ReviewStoreError) -> [String: Review]
    /// The review of one ward for one snapshot, if any.
    func review(snapshot: Day, ward: String) throws(ReviewStoreError) -> Review?
    /// The latest review with a mark or a note of the ward for a snapshot dated before `before`.
    func previousReview(ward: String, before: Day) throws(ReviewStoreError) -> Review?
    /// Every review, ordered by snapshot then ward.
    func allReviews() throws(ReviewStoreError) -> [Review]

    /// Sets (nil: clears) the mark; the note stays. A mark older than the stored one (another
    /// reviewer's clock ahead) does not replace it. Returns the review as stored, once committed.
    @discardableResult
    func setMark(_ mark: ReviewMark?, snapshot: Day, ward: String, reviewer: String, at time: ReviewTime) throws(ReviewStoreError) -> Review

    /// Replaces the note (empty: removes it); the mark stays. `base` is the note the writer
    /// started from: when the stored note is no longer that (someone else wrote meanwhile), both
    /// are kept as an import keeps them. nil: replace whatever is stored. Returns the review as
    /// stored, once committed.
    @discardableResult
    func setNote(_ note: String, replacing base: String?, snapshot: Day, ward: String, reviewer: String, at time: ReviewTime) throws(ReviewStoreError) -> Review

    /// Merges reviews from elsewhere (`ReviewMerge`) in one transaction: all or nothing.
    func merge(_ incoming: [Review]) throws(ReviewStoreError) -> ReviewMergeCounts

    /// A descriptor that becomes readable when another client may have changed the store, for
    /// the caller's `poll`; nil when the store has none (SQLite: ask `drainChanges` on each key).
    var changeDescriptor: Int32? { get }
    /// What others changed since the last call, without blocking.
    func drainChanges() throws(ReviewStoreError) -> ReviewChanges
    /// Connects again after `.offline` (a no-op for a file). Throws while the store is still
    /// unreachable; after success, reload: changes made while offline were not announced.
    func reconnect() throws(ReviewStoreError)
}

extension ReviewStoring {
    /// Replaces the note whatever is stored (`setNote(_:replacing: nil, …)`).
    @discardableResult
    public func setNote(_ note: String, snapshot: Day, ward: String, reviewer: String, at time: ReviewTime) throws(ReviewStoreError) -> Review {
        try setNote(note, replacing: nil, snapshot: snapshot, ward: ward, reviewer: reviewer, at: time)
    }

    /// How many of `wards` carry each mark in the snapshot, for "9 / 16 reviewed".
    public func reviewCounts(snapshot: Day, wards: Set<String>) throws(ReviewStoreError) -> ReviewCounts {
        var counts = ReviewCounts(total: wards.count)
        for (ward, review) in try reviews(snapshot: snapshot) where wards.contains(ward) {
            switch review.mark {
            case .ok: counts.ok += 1
            case .followUp: counts.followUp += 1
            case nil: break
            }
        }
        return counts
    }
}

/// What changed in a store since the last look.
public enum ReviewChanges: Sendable, Equatable {
    case none
    /// These reviews were written by another client.
    case reviews(Set<ReviewKey>)
    /// Something may have changed and which is not known (SQLite tells only that it changed):
    /// reload what is shown.
    case unknown

    public var isEmpty: Bool { self == .none }
}

/// What an import did, key by key.
public struct ReviewMergeCounts: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Keys where both sides had different notes and both were kept.
    public var notesMerged = 0

    public init() {}

    public var total: Int { added + updated + unchanged + notesMerged }

    /// Counts one key's outcome.
    public mutating func add(_ outcome: ReviewMerge.Outcome) {
        switch outcome {
        case .added: added += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .notesMerged: notesMerged += 1
        }
    }
}
