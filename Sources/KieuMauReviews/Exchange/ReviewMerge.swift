import Foundation

/// Merges a colleague's review into ours, key by key. Commutative in what it keeps and
/// idempotent: merging the same review again changes nothing.
///
/// - Mark: the newer `markedAt` wins, a clearing included (a mark the reviewer cleared later does
///   not come back). Equal times fall to a fixed order so both sides agree.
/// - Note: never lost. When the two notes differ and neither already holds the other, the newer
///   note comes first and the older follows on a line of its own, signed:
///   `newer note⏎⏎[older reviewer, 2025-07-01T08:30:00.000Z] older note`. A note that is already
///   held (as the head or as such a signed block) is not added again.
public enum ReviewMerge {
    public enum Outcome: Sendable, Equatable {
        /// The key was not in the store.
        case added
        /// The mark or note was taken from the import.
        case updated
        /// Nothing new.
        case unchanged
        /// Both sides had different notes; both were kept.
        case notesMerged
    }

    public static func merge(local: Review?, incoming: Review) -> (Review, Outcome) {
        guard let local else { return (incoming, .added) }
        var merged = local
        if let theirs = incoming.markedAt, Self.markWins(incoming, over: local, at: theirs) {
            merged.mark = incoming.mark
            merged.markedBy = incoming.markedBy
            merged.markedAt = incoming.markedAt
        }
        var notesMerged = false
        switch noteMerge(local: local, incoming: incoming) {
        case .keep: break
        case .take:
            merged.note = incoming.note
            merged.notedBy = incoming.notedBy
            merged.notedAt = incoming.notedAt
        case .combine(let text, let by, let at):
            merged.note = text
            merged.notedBy = by
            merged.notedAt = at
            notesMerged = true
        }
        if merged == local { return (local, .unchanged) }
        return (merged, notesMerged ? .notesMerged : .updated)
    }

    /// True when the incoming mark is newer, or equally new and first in a fixed order.
    private static func markWins(_ incoming: Review, over local: Review, at theirs: ReviewTime) -> Bool {
        guard let ours = local.markedAt else { return true }
        if theirs != ours { return theirs > ours }
        return (incoming.mark?.rawValue ?? "", incoming.markedBy) > (local.mark?.rawValue ?? "", local.markedBy)
    }

    private enum NoteChoice {
        case keep, take
        case combine(String, by: String, at: ReviewTime?)
    }

    private static func noteMerge(local: Review, incoming: Review) -> NoteChoice {
        if incoming.note.isEmpty || incoming.note == local.note { return .keep }
        if local.note.isEmpty { return .take }
        if holds(local.note, incoming) { return .keep }
        if holds(incoming.note, local) { return .take }
        let incomingIsNewer = isNewer(incoming, than: local)
        let (newer, older) = incomingIsNewer ? (incoming, local) : (local, incoming)
        return .combine(newer.note + signedBlock(older), by: newer.notedBy, at: newer.notedAt)
    }

    /// `⏎⏎[reviewer, time] note`: how an older note follows a newer one.
    static func signedBlock(_ review: Review) -> String {
        "\n\n[\(review.notedBy), \(review.notedAt?.iso ?? "no time")] \(review.note)"
    }

    /// True when `text` already holds the note of `review`: as its head (the note followed by
    /// the end or a signed block) or as one of its signed blocks.
    private static func holds(_ text: String, _ review: Review) -> Bool {
        let note = review.note
        if text.hasPrefix(note) {
            let rest = text.dropFirst(note.count)
            if rest.isEmpty || rest.hasPrefix("\n\n[") { return true }
        }
        let block = signedBlock(review)
        guard let range = text.range(of: block) else { return false }
        let rest = text[range.upperBound...]
        return rest.isEmpty || rest.hasPrefix("\n\n[")
    }

    /// Newer by note time; equal times fall to a fixed order so both sides agree.
    private static func isNewer(_ a: Review, than b: Review) -> Bool {
        switch (a.notedAt, b.notedAt) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (a.notedBy, a.note) > (b.notedBy, b.note)
        }
    }
}
