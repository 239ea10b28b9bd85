import Foundation
import Testing
import KieuMauCore
import KieuMauReviews
@testable import KieuMauReviewsPostgres
import KieuMauTestSupport

/// The shared store means what the SQLite store means: what a write returns is stored, marks
/// resolve newest-wins, notes are never lost, imports merge.
@Suite(needsPostgres)
struct PostgresStoreTests {
    @Test func aMarkAndANoteAreStoredAndReadBack() throws {
        let database = try TestDatabase()
        let store = try database.open()
        #expect(store.readOnlyReason == nil)
        let marked = try store.setMark(.ok, snapshot: Sample.q2, ward: "16666", reviewer: "Lan", at: Sample.time(1, milliseconds: 123))
        #expect(marked.mark == .ok && marked.markedBy == "Lan" && marked.markedAt == Sample.time(1, milliseconds: 123))
        let noted = try store.setNote("Thiếu tiêu chí 6", snapshot: Sample.q2, ward: "16666", reviewer: "Lan", at: Sample.time(2))
        #expect(noted.mark == .ok && noted.note == "Thiếu tiêu chí 6")

        let reopened = try database.open()
        #expect(try reopened.reviews(snapshot: Sample.q2) == ["16666": noted])
        #expect(try reopened.review(snapshot: Sample.q2, ward: "16666") == noted)
        #expect(try reopened.previousReview(ward: "16666", before: Sample.q3) == noted)
        #expect(try reopened.previousReview(ward: "16666", before: Sample.q2) == nil)
        #expect(try reopened.allReviews() == [noted])
    }

    @Test func anOlderMarkDoesNotReplaceANewerOne() throws {
        let store = try TestDatabase().open()
        try store.setMark(.followUp, snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(10))
        // Another reviewer whose clock is behind: the stored, newer mark stays and is returned.
        let returned = try store.setMark(.ok, snapshot: Sample.q2, ward: "1", reviewer: "Minh", at: Sample.time(5))
        #expect(returned.mark == .followUp && returned.markedBy == "Lan")
        let cleared = try store.setMark(nil, snapshot: Sample.q2, ward: "1", reviewer: "Minh", at: Sample.time(11))
        #expect(cleared.mark == nil && cleared.markedAt == Sample.time(11))
    }

    @Test func aNoteWrittenOverAnotherReviewersNewerNoteKeepsBoth() throws {
        let store = try TestDatabase().open()
        try store.setNote("Lan's note", snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(1))
        // Minh started editing from Lan's note; meanwhile Lan wrote again.
        try store.setNote("Lan's second note", snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(2))
        let saved = try store.setNote("Minh's note", replacing: "Lan's note", snapshot: Sample.q2, ward: "1", reviewer: "Minh", at: Sample.time(3))
        #expect(saved.note == "Minh's note\n\n[Lan, 2025-07-01T08:00:02.000Z] Lan's second note")
        // Editing from what is stored replaces it.
        let edited = try store.setNote("Minh's edit", replacing: saved.note, snapshot: Sample.q2, ward: "1", reviewer: "Minh", at: Sample.time(4))
        #expect(edited.note == "Minh's edit")
    }

    @Test func exportAndImportWorkAgainstTheSharedStore() throws {
        let folder = try TemporaryFolder()
        let local = try ReviewStore.open(path: folder.file("mine.sqlite"))
        try ReviewExchangeTests.fill(local)
        let shared = try TestDatabase().open()
        let counts = try shared.merge(try local.allReviews())
        #expect(counts.added == 5 && counts.total == 5)
        #expect(try shared.allReviews() == local.allReviews())
        // Exported from the shared store and imported again: nothing changes.
        let exported = ReviewExport.render(try shared.allReviews(), as: .json)
        let again = try shared.merge(try ReviewImport.parse(Array(exported.utf8), file: "shared.json"))
        #expect(again.unchanged == 5 && again.total == 5)
        // And into a second SQLite file, the same reviews.
        let copy = try ReviewStore.open(path: folder.file("copy.sqlite"))
        _ = try copy.merge(try ReviewImport.parse(Array(ReviewExport.render(try shared.allReviews(), as: .csv).utf8), file: "s.csv"))
        #expect(try copy.allReviews() == local.allReviews())
    }

    @Test func aKeyGivenTwiceInOneMergeMergesAsOneAtATimeWould() throws {
        let store = try TestDatabase().open()
        let key = ReviewKey(snapshot: Sample.q2, ward: "1")
        let counts = try store.merge([
            Review(key: key, mark: .ok, markedBy: "Lan", markedAt: Sample.time(1), note: "một", notedBy: "Lan", notedAt: Sample.time(1)),
            Review(key: key, mark: .followUp, markedBy: "Minh", markedAt: Sample.time(2), note: "hai", notedBy: "Minh", notedAt: Sample.time(2)),
        ])
        #expect(counts.added == 1 && counts.notesMerged == 1)
        let stored = try #require(try store.review(snapshot: Sample.q2, ward: "1"))
        #expect(stored.mark == .followUp && stored.note == "hai\n\n[Lan, 2025-07-01T08:00:01.000Z] một")
    }

    @Test func initIsIdempotentAndLoadsBothMaps() throws {
        let database = try TestDatabase(initialized: false)
        let first = try PostgresReviewStore.initialize(uri: database.uri)
        #expect(first.fromVersion == 0 && first.toVersion == PostgresSchema.currentVersion)
        #expect(first.maps.map(\.id) == ["vn-2025-01", "vn-2025-07"])
        #expect(first.maps.map(\.wards) == [1726, 687])
        let second = try PostgresReviewStore.initialize(uri: database.uri)
        #expect(second.fromVersion == PostgresSchema.currentVersion && second.maps == first.maps)
    }

    @Test func twoInitsAtOnceBothSucceed() async throws {
        let database = try TestDatabase(initialized: false)
        let uri = database.uri
        async let a = Task.detached { try PostgresReviewStore.initialize(uri: uri) }.value
        async let b = Task.detached { try PostgresReviewStore.initialize(uri: uri) }.value
        let reports = try await [a, b]
        #expect(Set(reports.map(\.fromVersion)) == [0, PostgresSchema.currentVersion])
        #expect(try database.open().allReviews().isEmpty)
    }

    @Test func aStoreWithoutTheSchemaSaysToRunInit() throws {
        let database = try TestDatabase(initialized: false)
        let error = #expect(throws: ReviewStoreError.self) { try database.open() }
        #expect(error?.kind == .notInitialized)
        #expect(error?.message.contains("kieumau reviews init") == true)
    }
}
