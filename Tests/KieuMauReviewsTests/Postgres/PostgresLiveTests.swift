import Foundation
import Testing
import KieuMauCore
import KieuMauReviews
@testable import KieuMauReviewsPostgres
import KieuMauTestSupport

/// Many writers at once, and what one connection hears of another's marks.
@Suite(needsPostgres)
struct PostgresLiveTests {
    @Test func eightWritersOfFiveHundredMarksEachLeaveEveryLastMark() async throws {
        let database = try TestDatabase()
        let uri = database.uri
        // Each writer marks the same 100 wards five times over, in its own order and clock, so
        // writers race on every key; the newest mark of each key must be what remains.
        let writers = 8, rounds = 5, wards = 100
        let written = try await withThrowingTaskGroup(of: [Review].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    let store = try PostgresReviewStore.open(uri: uri)
                    var saved: [Review] = []
                    for round in 0..<rounds {
                        for index in 0..<wards {
                            let ward = (index * (writer + 1) + round) % wards
                            // Distinct times: writer and position make each mark's time unique.
                            let time = Sample.time(Int64(round * wards + ward), milliseconds: Int64(writer))
                            let mark: ReviewMark = (writer + round).isMultiple(of: 2) ? .ok : .followUp
                            saved.append(try store.setMark(mark, snapshot: Sample.q2, ward: "W\(ward)", reviewer: "writer\(writer)", at: time))
                        }
                    }
                    return saved
                }
            }
            var all: [Review] = []
            for try await saved in group { all += saved }
            return all
        }
        #expect(written.count == writers * rounds * wards)
        var newest: [String: Review] = [:]
        for review in written where newest[review.ward].map({ review.markedAt! > $0.markedAt! }) ?? true { newest[review.ward] = review }
        let stored = try database.open().reviews(snapshot: Sample.q2)
        #expect(stored.count == wards)
        for (ward, review) in newest {
            #expect(stored[ward]?.mark == review.mark && stored[ward]?.markedBy == review.markedBy && stored[ward]?.markedAt == review.markedAt,
                    "ward \(ward)")
        }
    }

    @Test func aListenerHearsAnotherConnectionsMarkWithinASecond() throws {
        let database = try TestDatabase()
        let watching = try database.open(listening: true)
        let descriptor = try #require(watching.changeDescriptor)
        #expect(try watching.drainChanges() == .none)

        let writer = try database.open()
        let start = ContinuousClock.now
        try writer.setMark(.ok, snapshot: Sample.q2, ward: Wards.ngheAn, reviewer: "Lan", at: Sample.time(1))
        // What the dashboard's loop will do: sleep in poll on the socket, then drain.
        var pollFD = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pollFD, 1, 1000)
        let heard = try watching.drainChanges()
        let elapsed = ContinuousClock.now - start
        #expect(ready == 1)
        #expect(heard == .reviews([ReviewKey(snapshot: Sample.q2, ward: Wards.ngheAn)]))
        #expect(elapsed < .seconds(1), "heard after \(elapsed)")
        print("mark → heard on another connection: \(elapsed)")

        // Its own writes are not news to it; with nothing sent, the socket stays quiet.
        try watching.setMark(.followUp, snapshot: Sample.q2, ward: "1", reviewer: "Minh", at: Sample.time(2))
        var quiet = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&quiet, 1, 200)
        #expect(try watching.drainChanges() == .none)
    }

    @Test func aStandaloneListenerReportsEveryKeyOfAnImport() throws {
        let database = try TestDatabase()
        let listener = try ReviewChangeListener(uri: database.uri)
        let incoming = (0..<50).map { Review(key: ReviewKey(snapshot: Sample.q2, ward: "W\($0)"), mark: .ok, markedBy: "Lan", markedAt: Sample.time(1)) }
        _ = try database.open().merge(incoming)
        var heard = Set<ReviewKey>()
        let deadline = ContinuousClock.now + .seconds(2)
        while heard.count < 50, ContinuousClock.now < deadline {
            var pollFD = pollfd(fd: listener.descriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&pollFD, 1, 200)
            heard.formUnion(try listener.drain())
        }
        #expect(heard == Set(incoming.map(\.key)))
    }
}
