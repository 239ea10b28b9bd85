import KieuMauCore

/// A reviewer's judgement of a ward for one snapshot.
public enum ReviewMark: String, Sendable, CaseIterable {
    /// Reviewed, nothing to follow up.
    case ok = "ok"
    /// Reviewed, needs follow-up.
    case followUp = "follow-up"
}

/// What a review is keyed by: the snapshot's date and the ward's code.
public struct ReviewKey: Hashable, Comparable, Sendable {
    public var snapshot: Day
    public var ward: String

    public init(snapshot: Day, ward: String) {
        self.snapshot = snapshot
        self.ward = ward
    }

    public static func < (a: ReviewKey, b: ReviewKey) -> Bool {
        (a.snapshot, a.ward) < (b.snapshot, b.ward)
    }
}

/// The latest review of a ward for a snapshot. The mark and the note are set separately, each
/// with who and when, so that merging a colleague's export can take the newer mark without
/// dropping an older note (and the other way round).
public struct Review: Hashable, Sendable {
    public var key: ReviewKey
    /// nil: no mark, either never set or cleared (then `markedAt` says when).
    public var mark: ReviewMark?
    public var markedBy: String
    /// When the mark was last set or cleared; nil when it never was.
    public var markedAt: ReviewTime?
    /// Free text as typed (NFC). Not sanitised: whoever draws it strips control characters.
    public var note: String
    public var notedBy: String
    /// When the note was last written; nil when it never was.
    public var notedAt: ReviewTime?

    public init(key: ReviewKey, mark: ReviewMark? = nil, markedBy: String = "", markedAt: ReviewTime? = nil,
                note: String = "", notedBy: String = "", notedAt: ReviewTime? = nil) {
        self.key = key
        self.mark = mark
        self.markedBy = markedBy
        self.markedAt = markedAt
        self.note = note
        self.notedBy = notedBy
        self.notedAt = notedAt
    }

    public var snapshot: Day { key.snapshot }
    public var ward: String { key.ward }

    /// Who touched the review last (mark or note).
    public var reviewer: String {
        guard let notedAt else { return markedBy }
        guard let markedAt else { return notedBy }
        return notedAt > markedAt ? notedBy : markedBy
    }

    /// When the review was last touched (mark or note).
    public var updatedAt: ReviewTime? {
        switch (markedAt, notedAt) {
        case let (m?, n?): return max(m, n)
        case let (m, n): return m ?? n
        }
    }

    /// True when a mark is set (either kind): the ward counts as reviewed.
    public var isReviewed: Bool { mark != nil }

    /// Neither a mark nor a note: nothing to show (a cleared mark without a note).
    public var isEmpty: Bool { mark == nil && note.isEmpty }
}

/// How many of a set of wards carry each mark, for "9 / 16 reviewed".
public struct ReviewCounts: Hashable, Sendable {
    public var ok: Int
    public var followUp: Int
    /// Wards asked about.
    public var total: Int

    public init(ok: Int = 0, followUp: Int = 0, total: Int = 0) {
        self.ok = ok
        self.followUp = followUp
        self.total = total
    }

    /// Wards with a mark of either kind.
    public var reviewed: Int { ok + followUp }
}
