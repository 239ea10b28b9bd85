import Foundation
import Testing
import KieuMauCore
@testable import KieuMauReviews

struct ReviewStoreTests {
    @Test func marksAndNotesRoundTrip() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("reviews.sqlite")
        do {
            let store = try ReviewStore.open(path: path)
            #expect(!store.isReadOnly)
            try store.setMark(.ok, snapshot: Sample.q2, ward: "26776", reviewer: "Lan", at: Sample.time(1))
            try store.setMark(.followUp, snapshot: Sample.q2, ward: "16666", reviewer: "Minh", at: Sample.time(2))
            let saved = try store.setNote("Tiêu chí 6 chưa đạt", snapshot: Sample.q2, ward: "16666", reviewer: "Lan", at: Sample.time(3))
            #expect(saved.mark == .followUp && saved.note == "Tiêu chí 6 chưa đạt")
        }
        let reopened = try ReviewStore.open(path: path)
        let reviews = try reopened.reviews(snapshot: Sample.q2)
        #expect(reviews.count == 2)
        #expect(reviews["26776"] == Review(key: ReviewKey(snapshot: Sample.q2, ward: "26776"),
                                           mark: .ok, markedBy: "Lan", markedAt: Sample.time(1)))
        let followUp = try #require(reviews["16666"])
        #expect(followUp.mark == .followUp && followUp.markedBy == "Minh" && followUp.markedAt == Sample.time(2))
        #expect(followUp.note == "Tiêu chí 6 chưa đạt" && followUp.notedBy == "Lan" && followUp.notedAt == Sample.time(3))
        #expect(followUp.reviewer == "Lan" && followUp.updatedAt == Sample.time(3))
        #expect(try reopened.reviews(snapshot: Sample.q1).isEmpty)
        #expect(try reopened.review(snapshot: Sample.q2, ward: "16666") == followUp)
    }

    @Test func clearingAMarkKeepsTheNote() throws {
        let folder = try TemporaryFolder()
        let store = try ReviewStore.open(path: folder.file("r.sqlite"))
        try store.setMark(.ok, snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(1))
        try store.setNote("xem lại", snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(2))
        let cleared = try store.setMark(nil, snapshot: Sample.q2, ward: "1", reviewer: "Minh", at: Sample.time(3))
        #expect(cleared.mark == nil && cleared.markedAt == Sample.time(3) && cleared.markedBy == "Minh")
        #expect(cleared.note == "xem lại")
        #expect(try store.review(snapshot: Sample.q2, ward: "1") == cleared)
        #expect(!cleared.isReviewed && !cleared.isEmpty)
    }

    @Test func notesAreStoredInNFCAndOtherwiseAsGiven() throws {
        let folder = try TemporaryFolder()
        let store = try ReviewStore.open(path: folder.file("r.sqlite"))
        let decomposed = "Phu\u{031B}o\u{031B}\u{0300}ng"        // "Phường" typed with combining marks
        let odd = "tab\there\u{1B}[31m red \u{0000} nul"
        try store.setNote(decomposed, snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(1))
        try store.setNote(odd, snapshot: Sample.q2, ward: "2", reviewer: "Lan", at: Sample.time(1))
        let reviews = try store.reviews(snapshot: Sample.q2)
        #expect(reviews["1"]?.note.unicodeScalars.elementsEqual("Ph\u{01B0}\u{1EDD}ng".unicodeScalars) == true)
        #expect(reviews["2"]?.note == odd)
    }

    @Test func previousReviewIsTheLatestEarlierOneWithContent() throws {
        let folder = try TemporaryFolder()
        let store = try ReviewStore.open(path: folder.file("r.sqlite"))
        try store.setMark(.followUp, snapshot: Sample.q1, ward: "7", reviewer: "Lan", at: Sample.time(1))
        try store.setMark(.ok, snapshot: Sample.q2, ward: "7", reviewer: "Minh", at: Sample.time(2))
        try store.setMark(.ok, snapshot: Sample.q3, ward: "7", reviewer: "Minh", at: Sample.time(3))
        try store.setMark(.ok, snapshot: Sample.q1, ward: "8", reviewer: "Lan", at: Sample.time(1))
        try store.setMark(nil, snapshot: Sample.q2, ward: "8", reviewer: "Lan", at: Sample.time(2))   // cleared: nothing to show

        #expect(try store.previousReview(ward: "7", before: Sample.q3)?.snapshot == Sample.q2)
        #expect(try store.previousReview(ward: "7", before: Sample.q2)?.mark == .followUp)
        #expect(try store.previousReview(ward: "7", before: Sample.q1) == nil)
        #expect(try store.previousReview(ward: "8", before: Sample.q3)?.snapshot == Sample.q1)
        #expect(try store.previousReview(ward: "9", before: Sample.q3) == nil)
    }

    @Test func countsMarksOfTheWardsAsked() throws {
        let folder = try TemporaryFolder()
        let store = try ReviewStore.open(path: folder.file("r.sqlite"))
        try store.setMark(.ok, snapshot: Sample.q2, ward: "a", reviewer: "L", at: Sample.time(1))
        try store.setMark(.followUp, snapshot: Sample.q2, ward: "b", reviewer: "L", at: Sample.time(1))
        try store.setMark(.ok, snapshot: Sample.q2, ward: "c", reviewer: "L", at: Sample.time(1))
        try store.setMark(nil, snapshot: Sample.q2, ward: "c", reviewer: "L", at: Sample.time(2))
        try store.setNote("only a note", snapshot: Sample.q2, ward: "d", reviewer: "L", at: Sample.time(1))
        try store.setMark(.ok, snapshot: Sample.q2, ward: "outside", reviewer: "L", at: Sample.time(1))
        try store.setMark(.ok, snapshot: Sample.q1, ward: "e", reviewer: "L", at: Sample.time(1))

        let counts = try store.reviewCounts(snapshot: Sample.q2, wards: ["a", "b", "c", "d", "e"])
        #expect(counts == ReviewCounts(ok: 1, followUp: 1, total: 5))
        #expect(counts.reviewed == 2)
    }

    @Test func allReviewsAreOrderedBySnapshotThenWard() throws {
        let folder = try TemporaryFolder()
        let store = try ReviewStore.open(path: folder.file("r.sqlite"))
        try store.setMark(.ok, snapshot: Sample.q2, ward: "2", reviewer: "L", at: Sample.time(1))
        try store.setMark(.ok, snapshot: Sample.q1, ward: "3", reviewer: "L", at: Sample.time(1))
        try store.setMark(.ok, snapshot: Sample.q2, ward: "1", reviewer: "L", at: Sample.time(1))
        #expect(try store.allReviews().map { "\($0.snapshot.iso)/\($0.ward)" } == ["2025-03-31/3", "2025-06-30/1", "2025-06-30/2"])
    }

    @Test func usesWALFullSyncAndAVersionedSchema() throws {
        let folder = try TemporaryFolder()
        let store = try ReviewStore.open(path: folder.file("deep/er/reviews.sqlite"))
        #expect(try store.pragma("journal_mode") == "wal")
        #expect(try store.pragma("synchronous") == "2")            // FULL
        #expect(try store.pragma("user_version") == String(ReviewSchema.currentVersion))
        #expect(try store.pragma("application_id") == String(ReviewSchema.applicationID))
        #expect(try Int(store.pragma("busy_timeout")) == 2000)
        var info = stat()
        #expect(stat(folder.file("deep/er"), &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test func aStoreOfAnOlderSchemaIsMigrated() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("r.sqlite")
        // A blank database made by someone else's `sqlite3 reviews.sqlite ""`: version 0, no tables.
        do {
            let blank = try SQLiteConnection(filename: path, flags: 0x6, path: path)   // READWRITE | CREATE
            try blank.execute("PRAGMA user_version = 0")
        }
        let store = try ReviewStore.open(path: path)
        try store.setMark(.ok, snapshot: Sample.q2, ward: "1", reviewer: "L", at: Sample.time(1))
        #expect(try store.pragma("user_version") == String(ReviewSchema.currentVersion))
    }
}
