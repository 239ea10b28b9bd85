import Testing
import KieuMauCore
@testable import KieuMauReviews

/// Two dashboards on one store: each sees the other's marks, and a writer waits for the other.
struct ReviewStoreSharingTests {
    @Test func twoStoresOnOneFileSeeEachOthersWrites() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("shared.sqlite")
        let first = try ReviewStore.open(path: path)
        let second = try ReviewStore.open(path: path)
        #expect(try !first.hasChangedSinceLastCheck())
        #expect(try !second.hasChangedSinceLastCheck())

        try second.setMark(.ok, snapshot: Sample.q2, ward: "26776", reviewer: "Minh", at: Sample.time(1))
        #expect(try !second.hasChangedSinceLastCheck())   // its own write is no news to it
        #expect(try first.hasChangedSinceLastCheck())
        #expect(try !first.hasChangedSinceLastCheck())     // reported once
        #expect(try first.reviews(snapshot: Sample.q2)["26776"]?.markedBy == "Minh")

        try first.setNote("đã xem", snapshot: Sample.q2, ward: "26776", reviewer: "Lan", at: Sample.time(2))
        #expect(try second.hasChangedSinceLastCheck())
        let seen = try #require(try second.reviews(snapshot: Sample.q2)["26776"])
        #expect(seen.mark == .ok && seen.note == "đã xem")
    }

    @Test func aReaderIsNotBlockedByAnOpenWriteTransaction() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("shared.sqlite")
        let writer = try ReviewStore.open(path: path)
        let reader = try ReviewStore.open(path: path)
        try writer.setMark(.ok, snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(1))
        try writer.connection.execute("BEGIN IMMEDIATE")
        try writer.connection.execute("UPDATE review SET mark = 'follow-up'")
        // WAL: the reader sees the last committed state, without waiting.
        #expect(try reader.reviews(snapshot: Sample.q2)["1"]?.mark == .ok)
        try writer.connection.execute("COMMIT")
        #expect(try reader.hasChangedSinceLastCheck())
        #expect(try reader.reviews(snapshot: Sample.q2)["1"]?.mark == .followUp)
    }

    @Test func aWriterHeldUpTooLongGetsALockedError() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("shared.sqlite")
        let holder = try ReviewStore.open(path: path)
        let waiter = try ReviewStore.open(path: path, busyTimeoutMilliseconds: 50)
        try holder.connection.execute("BEGIN IMMEDIATE")
        defer { try? holder.connection.execute("ROLLBACK") }
        let error = #expect(throws: ReviewStoreError.self) {
            try waiter.setMark(.ok, snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(1))
        }
        #expect(error?.kind == .locked)
        #expect(error?.message == "locked by another program for more than 50 ms while saving the mark of ward 1; try again")
    }
}
