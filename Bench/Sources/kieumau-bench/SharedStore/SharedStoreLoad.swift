import Foundation
import Glibc
import KieuMauCore
import KieuMauReviews
import KieuMauReviewsPostgres

/// One run: `reviewers` threads mark wards as fast as the store commits, while one thread sleeps
/// in `poll` on every reviewer's listener and times each mark from its call to being drained.
struct SharedStoreLoad {
    struct Result {
        var reviewers: Int
        var marks: Int
        var marksPerSecond: Double
        /// Milliseconds from the start of `setMark` to the drain, one sample per listener and mark.
        var heard: Samples
        var expectedDeliveries: Int
        var allHeard: Bool { heard.count == expectedDeliveries }
    }

    let uri: String
    let reviewers: Int
    let marksEach: Int

    /// When each mark's call started, by ward code; read by the listening thread.
    private final class SendTimes: @unchecked Sendable {
        private let lock = NSLock()
        private var started: [String: UInt64] = [:]
        func record(_ ward: String, _ time: UInt64) { lock.lock(); started[ward] = time; lock.unlock() }
        func started(_ ward: String) -> UInt64? { lock.lock(); defer { lock.unlock() }; return started[ward] }
    }

    func run() throws -> Result {
        let snapshot = Day(year: 2025, month: 6, day: 30)!
        let listeners = OwnedByOneThread(try (0..<reviewers).map { _ in try ReviewChangeListener(uri: uri) })
        let stores = OwnedByOneThread(try (0..<reviewers).map { _ in try PostgresReviewStore.open(uri: uri) })
        let sendTimes = SendTimes()
        let expected = reviewers * marksEach * reviewers
        let failures = Failures()

        // The listening side: poll on every listener's socket, drain what is readable.
        let listening = Thread {
            var heard = Samples()
            var descriptors = listeners.items.map { pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0) }
            let deadline = now() + 120_000_000_000
            while heard.count < expected, now() < deadline {
                guard poll(&descriptors, nfds_t(descriptors.count), 1000) > 0 else { continue }
                let arrived = now()
                for (index, descriptor) in descriptors.enumerated() where descriptor.revents != 0 {
                    do {
                        for key in try listeners.items[index].drain() {
                            if let start = sendTimes.started(key.ward) { heard.append(milliseconds(start, arrived)) }
                        }
                    } catch { failures.add("listener \(index): \(error)") }
                }
            }
            failures.setHeard(heard)
        }
        listening.start()

        let start = now()
        DispatchQueue.concurrentPerform(iterations: reviewers) { reviewer in
            let store = stores.items[reviewer]
            for index in 0..<marksEach {
                let ward = "B\(reviewer)-\(index)"
                sendTimes.record(ward, now())
                do {
                    try store.setMark(index.isMultiple(of: 2) ? .ok : .followUp, snapshot: snapshot, ward: ward,
                                      reviewer: "bench\(reviewer)", at: .now())
                } catch { failures.add("reviewer \(reviewer): \(error)") }
            }
        }
        let elapsed = milliseconds(start, now())
        while !failures.listeningDone { usleep(10_000) }
        if let first = failures.first { throw BenchError("shared-store run with \(reviewers) reviewers failed: \(first)") }
        return Result(reviewers: reviewers, marks: reviewers * marksEach,
                      marksPerSecond: Double(reviewers * marksEach) / (elapsed / 1000),
                      heard: failures.heard, expectedDeliveries: expected)
    }

    /// Connections handed to threads: the listeners all to the listening thread, each store to
    /// one reviewer's thread; none is used by two threads.
    private final class OwnedByOneThread<Item>: @unchecked Sendable {
        let items: [Item]
        init(_ items: [Item]) { self.items = items }
    }

    /// What the threads report back.
    private final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [String] = []
        private var heardSamples: Samples?
        func add(_ message: String) { lock.lock(); messages.append(message); lock.unlock() }
        func setHeard(_ samples: Samples) { lock.lock(); heardSamples = samples; lock.unlock() }
        var first: String? { lock.lock(); defer { lock.unlock() }; return messages.first }
        var listeningDone: Bool { lock.lock(); defer { lock.unlock() }; return heardSamples != nil }
        var heard: Samples { lock.lock(); defer { lock.unlock() }; return heardSamples ?? Samples() }
    }
}
