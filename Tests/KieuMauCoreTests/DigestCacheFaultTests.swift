import Foundation
import Testing
@testable import KieuMauCore

/// A cache that cannot be written is no cache, not an error: read-only, not a folder, a full disk.
/// Writers of one entry at the same time never leave a damaged entry to be seen.
@Suite struct DigestCacheFaultTests {
    @Test func aReadOnlyCacheStillServesItsEntriesAndSkipsStores() throws {
        let scene = try CacheScene("read-only", base: WithoutRoot.base)
        defer { scene.remove() }
        scene.storeAfterMiss()
        let other = try scene.scratch.write("data/other.snapshot.json", Array(try Data(contentsOf: URL(fileURLWithPath: scene.snapshot))))
        let before = scene.entryNames()
        WithoutRoot.handOver([scene.scratch.path + "/cache home"])
        #expect(chmod(scene.cache.directory, 0o555) == 0)
        let outcomes = Locked<(lookup: DigestCache.Lookup?, store: DigestCache.StoreOutcome?, prune: DigestCache.PruneOutcome?)>((nil, nil, nil))
        let (cache, snapshot, digest) = (scene.cache, scene.snapshot, scene.digest)
        WithoutRoot.run {
            let lookup = cache.digest(forSnapshotAt: snapshot, definition: .complete)
            var store: DigestCache.StoreOutcome?
            if case .miss(_, let stamp?) = cache.digest(forSnapshotAt: other, definition: .complete) {
                store = cache.store(digest, forSnapshotAt: other, definition: .complete, stamp: stamp)
            }
            let prune = cache.prune(now: DigestCache.now() + 400 * 86_400)
            outcomes.update { $0 = (lookup, store, prune) }
        }
        let (lookup, store, prune) = outcomes.current
        #expect(lookup == .hit(scene.digest))
        guard case .skipped(.writeFailed(let why))? = store else { Issue.record("store: \(String(describing: store))"); return }
        #expect(why.contains("Permission denied"))
        // Nothing could be removed either, and nothing was left behind.
        #expect(prune?.removedEntries == 0)
        #expect(scene.entryNames() == before)
    }

    @Test func aCacheFolderThatIsAFileIsNoCache() throws {
        let scratch = try ScratchFolder("file as folder")
        defer { scratch.remove() }
        try scratch.write("cache/kieumau", Array("not a folder".utf8))
        let snapshot = try scratch.write("s.snapshot.json", Array("{}".utf8))
        let cache = try #require(DigestCache(environment: ["XDG_CACHE_HOME": scratch.path + "/cache"]))
        guard case .miss(.none, let stamp?) = cache.digest(forSnapshotAt: snapshot, definition: .complete) else {
            Issue.record("a lookup should miss with nothing there"); return
        }
        let digest = try DigestFixtures.digest("record/2023-12-31.snapshot.json").digest
        guard case .skipped(.noDirectory(let why)) = cache.store(digest, forSnapshotAt: snapshot, definition: .complete, stamp: stamp) else {
            Issue.record("a store should be skipped"); return
        }
        #expect(why.contains("Not a directory"))
        #expect(try String(contentsOfFile: scratch.path + "/cache/kieumau", encoding: .utf8) == "not a folder")
        // The folder itself a file.
        try scratch.write("cache2/kieumau/digests", Array("x".utf8))
        let cache2 = DigestCache(directory: scratch.path + "/cache2/kieumau/digests")
        #expect(cache2.store(digest, forSnapshotAt: snapshot, definition: .complete, stamp: stamp) ==
            .skipped(.noDirectory("\(scratch.path)/cache2/kieumau/digests is not a folder")))
    }

    @Test func aMissingCacheFolderIsMadeOnTheFirstStore() throws {
        let scene = try CacheScene("missing folder")
        defer { scene.remove() }
        #expect(!FileManager.default.fileExists(atPath: scene.scratch.path + "/cache home"))
        scene.storeAfterMiss()
        #expect(scene.entryNames().count == 1)
    }

    /// A full disk, simulated where the writes happen: a real one needs root (a small tmpfs) or a
    /// process-wide file size limit (RLIMIT_FSIZE), which would fail the other tests running in this
    /// process. The disk takes part of the entry, then refuses with ENOSPC, as a full one does.
    @Test func aFullDiskSkipsTheStoreAndLeavesTheOldEntry() throws {
        let scene = try CacheScene("full disk")
        defer { scene.remove() }
        scene.storeAfterMiss()
        let oldEntry = Array(try Data(contentsOf: URL(fileURLWithPath: scene.entryPath)))
        let full = DigestCache.FileOutput(write: { fd, bytes, count in
            if count > 1000 { return write(fd, bytes, 1000) }
            errno = ENOSPC
            return -1
        }, rename: { from, to in rename(from, to) })
        let cache = DigestCache(directory: scene.cache.directory, limits: .standard, output: full)
        // The snapshot written again, so the store would replace the entry.
        let before = try #require(identity(scene.snapshot))
        setModified(scene.snapshot, seconds: before.modifiedSeconds + 1)
        guard case .miss(.stale(.rewritten), let stamp?) = cache.digest(forSnapshotAt: scene.snapshot, definition: .complete) else {
            Issue.record("expected a stale entry"); return
        }
        #expect(cache.store(scene.digest, forSnapshotAt: scene.snapshot, definition: .complete, stamp: stamp) ==
            .skipped(.writeFailed("No space left on device")))
        #expect(scene.entryNames() == [(scene.entryPath as NSString).lastPathComponent], "no temporary file left")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: scene.entryPath))) == oldEntry)
        // A disk that takes nothing at all.
        let nothing = DigestCache(directory: scene.cache.directory, limits: .standard,
                                  output: DigestCache.FileOutput(write: { _, _, _ in 0 }, rename: { from, to in rename(from, to) }))
        #expect(nothing.store(scene.digest, forSnapshotAt: scene.snapshot, definition: .complete, stamp: stamp) ==
            .skipped(.writeFailed("the disk took no more bytes")))
        #expect(scene.entryNames().count == 1)
    }

    /// Four threads store two different digests for one entry, over and over, while another looks
    /// it up: every lookup finds one of the two whole, and no temporary file outlives its writer.
    /// The writers write 256 bytes at a time (a slow disk), so that an entry written in place
    /// would be seen half-written: with the rename taken out, this test fails.
    @Test func concurrentWritersOfOneEntryNeverShowADamagedOne() throws {
        let scene = try CacheScene("concurrent")
        defer { scene.remove() }
        scene.storeAfterMiss()
        let stamp = try SnapshotStamp.read(scene.snapshot).get()
        // Another digest (another snapshot's) under the same key: which one wins does not matter.
        let other = try DigestFixtures.digest("demo/2025-12-31.snapshot.json").digest
        #expect(other != scene.digest)
        let slow = DigestCache.FileOutput(write: { fd, bytes, count in
            sched_yield()
            return write(fd, bytes, min(count, 256))
        }, rename: { from, to in rename(from, to) })
        let (cache, snapshot, digests) = (DigestCache(directory: scene.cache.directory, limits: .standard, output: slow), scene.snapshot, [scene.digest, other])
        let writersLeft = Locked(4)
        let seen = Locked<[String: Int]>([:])
        DispatchQueue.concurrentPerform(iterations: 5) { worker in
            if worker < 4 {
                for round in 0..<40 {
                    let outcome = cache.store(digests[(worker + round) % 2], forSnapshotAt: snapshot, definition: .complete, stamp: stamp)
                    if case .skipped(let why) = outcome { seen.update { $0["skipped: \(why)", default: 0] += 1 } }
                }
                writersLeft.update { $0 -= 1 }
            } else {
                repeat {
                    let found: String
                    switch cache.digest(forSnapshotAt: snapshot, definition: .complete) {
                    case .hit(let d) where d == digests[0]: found = "first"
                    case .hit(let d) where d == digests[1]: found = "second"
                    case .hit: found = "another digest"
                    case .miss(let why, _): found = "miss: \(why)"
                    }
                    seen.update { $0[found, default: 0] += 1 }
                } while writersLeft.current > 0
            }
        }
        let counts = seen.current
        #expect(Set(counts.keys).isSubset(of: ["first", "second"]), "\(counts)")
        #expect(counts.values.reduce(0, +) > 0)
        #expect(scene.entryNames().count == 1, "\(scene.entryNames())")
    }
}
