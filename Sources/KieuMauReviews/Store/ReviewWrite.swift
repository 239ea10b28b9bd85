import Foundation

/// What a write stores, the same for every engine: text in NFC, and a note written over another
/// reviewer's newer note kept together with it rather than replacing it.
public enum ReviewWrite {
    /// NFC, so an NFD note typed on one machine equals the NFC one from another when merging.
    public static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// The review to store when `reviewer` writes `note` at `time` over `stored`, having started
    /// from `base` (see `ReviewStoring.setNote`). The mark is left as stored.
    public static func note(_ note: String, by reviewer: String, at time: ReviewTime, over stored: Review?,
                            key: ReviewKey, base: String?) -> Review {
        let note = normalized(note), reviewer = normalized(reviewer)
        var written = stored ?? Review(key: key)
        written.note = note
        written.notedBy = reviewer
        written.notedAt = time
        guard let stored, let base, !stored.note.isEmpty, stored.note != normalized(base) else { return written }
        // Someone else wrote the note since this writer read it: keep both, as an import would.
        let incoming = Review(key: key, note: note, notedBy: reviewer, notedAt: time)
        return ReviewMerge.merge(local: stored, incoming: incoming).0
    }
}
