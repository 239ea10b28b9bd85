import Testing
import KieuMauCore
@testable import KieuMauReviews

struct ReviewMergeTests {
    let key = ReviewKey(snapshot: Sample.q2, ward: "16666")

    func review(mark: ReviewMark? = nil, by markedBy: String = "", at markedAt: Int64? = nil,
                note: String = "", noteBy: String = "", noteAt: Int64? = nil) -> Review {
        Review(key: key, mark: mark, markedBy: markedBy, markedAt: markedAt.map { Sample.time($0) },
               note: note, notedBy: noteBy, notedAt: noteAt.map { Sample.time($0) })
    }

    @Test func aNewKeyIsAdded() {
        let incoming = review(mark: .ok, by: "Lan", at: 1)
        #expect(ReviewMerge.merge(local: nil, incoming: incoming) == (incoming, .added))
    }

    @Test func theNewerMarkWinsEitherWay() {
        let older = review(mark: .followUp, by: "Lan", at: 1)
        let newer = review(mark: .ok, by: "Minh", at: 2)
        #expect(ReviewMerge.merge(local: older, incoming: newer) == (newer, .updated))
        #expect(ReviewMerge.merge(local: newer, incoming: older) == (newer, .unchanged))
    }

    @Test func aLaterClearingIsNotUndoneByAnOlderMark() {
        let cleared = review(mark: nil, by: "Lan", at: 5)
        let oldMark = review(mark: .ok, by: "Minh", at: 3)
        #expect(ReviewMerge.merge(local: cleared, incoming: oldMark).1 == .unchanged)
        #expect(ReviewMerge.merge(local: oldMark, incoming: cleared).0.mark == nil)
    }

    @Test func equalTimesGiveTheSameAnswerOnBothSides() {
        let a = review(mark: .ok, by: "Lan", at: 1)
        let b = review(mark: .followUp, by: "Minh", at: 1)
        #expect(ReviewMerge.merge(local: a, incoming: b).0 == ReviewMerge.merge(local: b, incoming: a).0)
    }

    @Test func aMarkWithoutANoteDoesNotTouchTheNote() {
        let local = review(mark: .followUp, by: "Lan", at: 1, note: "criterion 6", noteBy: "Lan", noteAt: 1)
        let incoming = review(mark: .ok, by: "Minh", at: 2)
        let (merged, outcome) = ReviewMerge.merge(local: local, incoming: incoming)
        #expect(outcome == .updated)
        #expect(merged.mark == .ok && merged.note == "criterion 6" && merged.notedBy == "Lan")
    }

    @Test func differentNotesAreBothKeptNewerFirst() {
        let mine = review(note: "Tiêu chí 6 chưa đạt", noteBy: "Lan", noteAt: 1)
        let theirs = review(note: "Đã bổ sung hồ sơ", noteBy: "Minh", noteAt: 2)
        let expected = "Đã bổ sung hồ sơ\n\n[Lan, 2025-07-01T08:00:01.000Z] Tiêu chí 6 chưa đạt"
        let (merged, outcome) = ReviewMerge.merge(local: mine, incoming: theirs)
        #expect(outcome == .notesMerged)
        #expect(merged.note == expected && merged.notedBy == "Minh" && merged.notedAt == Sample.time(2))
        // The other side merging ours gets the same note.
        #expect(ReviewMerge.merge(local: theirs, incoming: mine).0.note == expected)
        // Merging either original again changes nothing.
        #expect(ReviewMerge.merge(local: merged, incoming: theirs).1 == .unchanged)
        #expect(ReviewMerge.merge(local: merged, incoming: mine).1 == .unchanged)
    }

    @Test func aMergedNoteReplacesTheOneItHolds() {
        let mine = review(note: "A", noteBy: "Lan", noteAt: 1)
        let theirs = review(note: "B", noteBy: "Minh", noteAt: 2)
        let combined = ReviewMerge.merge(local: theirs, incoming: mine).0
        // Lan imports Minh's store after Minh imported hers: she takes the combined note whole.
        let (merged, outcome) = ReviewMerge.merge(local: mine, incoming: combined)
        #expect(outcome == .updated && merged.note == combined.note)
    }

    @Test func anEmptyIncomingNoteNeverErasesOne() {
        let local = review(note: "giữ lại", noteBy: "Lan", noteAt: 1)
        let erased = review(note: "", noteBy: "Minh", noteAt: 9)
        #expect(ReviewMerge.merge(local: local, incoming: erased).1 == .unchanged)
    }

    @Test func aNoteThatMerelyStartsTheSameIsStillKept() {
        let local = review(note: "Tiêu chí 6 chưa đạt, cần xem lại", noteBy: "Lan", noteAt: 1)
        let incoming = review(note: "Tiêu chí 6", noteBy: "Minh", noteAt: 2)
        let (merged, outcome) = ReviewMerge.merge(local: local, incoming: incoming)
        #expect(outcome == .notesMerged)
        #expect(merged.note.hasPrefix("Tiêu chí 6\n\n[Lan,"))
    }
}
