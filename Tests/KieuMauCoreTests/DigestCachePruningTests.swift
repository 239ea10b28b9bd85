import Foundation
import Testing
@testable import KieuMauCore

/// The cache's size bound: entries unused for `maximumAgeDays` go, then the least recently used
/// beyond `maximumEntries` or `maximumBytes`; temporary files of stopped writers go after an hour;
/// nothing else in the folder is touched.
@Suite struct DigestCachePruningTests {
    let now: Int64 = 1_800_000_000

    /// A folder with `count` entries of `size` bytes, entry i last used i hours before `now`.
    func folder(_ scratch: ScratchFolder, count: Int, size: Int = 100) throws -> DigestCache {
        let directory = scratch.path + "/digests"
        for i in 0..<count {
            let name = String(format: "%016x", i) + ".complete.digest"
            let path = try scratch.write("digests/" + name, [UInt8](repeating: 7, count: size))
            setModified(path, seconds: now - Int64(i) * 3600)
        }
        return DigestCache(directory: directory)
    }

    @Test func theLeastRecentlyUsedGoBeyondTheCount() throws {
        let scratch = try ScratchFolder("prune count")
        defer { scratch.remove() }
        let cache = try folder(scratch, count: 10)
        let limited = DigestCache(directory: cache.directory, limits: DigestCache.Limits(maximumEntries: 4, maximumBytes: 1 << 20, maximumAgeDays: 30))
        let outcome = limited.prune(now: now)
        #expect(outcome == DigestCache.PruneOutcome(removedEntries: 6, removedTemporaryFiles: 0, keptEntries: 4, keptBytes: 400))
        #expect(scratch.names(in: cache.directory) == (0..<4).map { String(format: "%016x", $0) + ".complete.digest" })
    }

    @Test func theLeastRecentlyUsedGoBeyondTheBytes() throws {
        let scratch = try ScratchFolder("prune bytes")
        defer { scratch.remove() }
        let cache = try folder(scratch, count: 5, size: 1000)
        let limited = DigestCache(directory: cache.directory, limits: DigestCache.Limits(maximumEntries: 100, maximumBytes: 2500, maximumAgeDays: 30))
        #expect(limited.prune(now: now).keptEntries == 2)
        #expect(scratch.names(in: cache.directory).count == 2)
    }

    @Test func entriesUnusedForTooLongGoAndAHitKeepsOneFresh() throws {
        let scene = try CacheScene("prune age", limits: DigestCache.Limits(maximumEntries: 10, maximumBytes: 1 << 20, maximumAgeDays: 30, touchInterval: 0))
        defer { scene.remove() }
        scene.storeAfterMiss()
        let realNow = DigestCache.now()
        setModified(scene.entryPath, seconds: realNow - 40 * 86_400)
        // A hit marks the entry used, so it survives a prune that counts 30 days from now.
        #expect(scene.lookup() == .hit(scene.digest))
        #expect(scene.cache.prune(now: realNow).removedEntries == 0)
        // Unused for 31 days: gone.
        setModified(scene.entryPath, seconds: realNow - 31 * 86_400)
        #expect(scene.cache.prune(now: realNow).removedEntries == 1)
        #expect(scene.entryNames().isEmpty)
    }

    @Test func onlyTheCachesOwnFilesAreTouched() throws {
        let scratch = try ScratchFolder("prune foreign")
        defer { scratch.remove() }
        let cache = try folder(scratch, count: 3)
        let foreign = ["notes.txt", "0000000000000000.complete.digest.bak", "0000000000000000.other.digest", "ABCDEF0123456789.complete.digest"]
        for name in foreign {
            setModified(try scratch.write("digests/" + name, [1]), seconds: now - 400 * 86_400)
        }
        // A stopped writer's temporary file (two hours old) and a running writer's (a minute).
        let stale = try scratch.write("digests/.tmp-0000000000000001.complete.digest-1-abc", [1])
        setModified(stale, seconds: now - 7200)
        let running = try scratch.write("digests/.tmp-0000000000000002.complete.digest-2-def", [1])
        setModified(running, seconds: now - 60)
        let none = DigestCache(directory: cache.directory, limits: DigestCache.Limits(maximumEntries: 0, maximumBytes: 0, maximumAgeDays: 0))
        let outcome = none.prune(now: now)
        #expect(outcome.removedEntries == 3 && outcome.removedTemporaryFiles == 1 && outcome.keptEntries == 0)
        #expect(scratch.names(in: cache.directory) == (foreign + [(running as NSString).lastPathComponent]).sorted())
    }

    @Test func aStorePrunesToTheLimits() throws {
        let scene = try CacheScene("prune on store", limits: DigestCache.Limits(maximumEntries: 1, maximumBytes: 1 << 20, maximumAgeDays: 30))
        defer { scene.remove() }
        scene.storeAfterMiss()
        let old = try #require(scene.entryNames().first)
        setModified(scene.cache.directory + "/" + old, seconds: DigestCache.now() - 3600)
        guard case .miss(.none, let stamp?) = scene.lookup(.recognised) else { Issue.record("expected a miss"); return }
        let recognised = try DigestFixtures.digest("record/2023-12-31.snapshot.json", definition: .recognised).digest
        guard case .stored = scene.cache.store(recognised, forSnapshotAt: scene.snapshot, definition: .recognised, stamp: stamp) else {
            Issue.record("store failed"); return
        }
        #expect(scene.entryNames() == [(scene.cache.entryPath(forSnapshotAt: scene.snapshot, definition: .recognised) as NSString).lastPathComponent])
    }
}
