import Foundation
import Testing
@testable import KieuMauCore

/// The digest cache's lookups: a hit only for the very file an entry was made from, checked on
/// every use; stale when the file is written again or replaced; damaged entries miss with a reason.
@Suite struct DigestCacheStoreTests {
    @Test func aStoredDigestIsAHitForItsFileAndDefinitionOnly() throws {
        let scene = try CacheScene("hit")
        defer { scene.remove() }
        let stamp = try #require(scene.missStamp(.none))
        #expect(stamp.contentHash == ContentHash.of(Array(try Data(contentsOf: URL(fileURLWithPath: scene.snapshot)))))
        #expect(stamp.identity == identity(scene.snapshot))
        #expect(scene.cache.store(scene.digest, forSnapshotAt: scene.snapshot, definition: .complete, stamp: stamp) ==
            .stored(bytes: DigestCacheFile.encode(DigestCacheEntry(key: DigestCacheKey(snapshotPath: scene.snapshot, definition: .complete, stamp: stamp),
                                                                   digest: scene.digest)).count))
        #expect(scene.lookup() == .hit(scene.digest))
        #expect(scene.lookup().digest?.totals.national == scene.digest.totals.national)
        // Another definition has its own entry.
        guard case .miss(.none, _) = scene.lookup(.recognised) else { Issue.record("recognised should miss"); return }
        // One file, named from the path's hash and the definition, in a folder only its owner enters.
        let name = try #require(scene.entryNames().first)
        #expect(scene.entryNames().count == 1 && name.hasSuffix(".complete.digest") && DigestCache.isEntryName(name))
        var info = stat()
        #expect(stat(scene.cache.directory, &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test func staleWhenWrittenAgainWithTheSameSize() throws {
        let scene = try CacheScene("rewritten")
        defer { scene.remove() }
        scene.storeAfterMiss()
        let before = try #require(identity(scene.snapshot))
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: scene.snapshot)))
        let i = try #require(bytes.firstIndex(of: UInt8(ascii: "2")))
        bytes[i] = UInt8(ascii: "3")
        // Written in place: same inode, same size, a later modification time.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: scene.snapshot))
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        setModified(scene.snapshot, seconds: before.modifiedSeconds + 5)
        let after = try #require(identity(scene.snapshot))
        #expect(after.inode == before.inode && after.size == before.size && after.modifiedSeconds != before.modifiedSeconds)
        #expect(scene.missStamp(.stale(.rewritten))?.contentHash == ContentHash.of(bytes))
        // The same modification time put back: only the content hash tells.
        setModified(scene.snapshot, seconds: before.modifiedSeconds, nanoseconds: Int(before.modifiedNanoseconds))
        #expect(identity(scene.snapshot) == before)
        #expect(scene.missStamp(.stale(.contentChanged)) != nil)
    }

    @Test func staleWhenOnlyTheModificationTimeChanges() throws {
        let scene = try CacheScene("touched")
        defer { scene.remove() }
        scene.storeAfterMiss()
        let before = try #require(identity(scene.snapshot))
        setModified(scene.snapshot, seconds: before.modifiedSeconds, nanoseconds: (Int(before.modifiedNanoseconds) + 1) % 1_000_000_000)
        let stamp = try #require(scene.missStamp(.stale(.rewritten)))
        // Rebuilt under the new stamp, it is a hit again.
        #expect(scene.cache.store(scene.digest, forSnapshotAt: scene.snapshot, definition: .complete, stamp: stamp) != .skipped(.snapshotChanged))
        #expect(scene.lookup() == .hit(scene.digest))
    }

    @Test func staleWhenReplacedByAnotherFileWithTheSameBytes() throws {
        let scene = try CacheScene("replaced")
        defer { scene.remove() }
        scene.storeAfterMiss()
        let before = try #require(identity(scene.snapshot))
        let copy = scene.snapshot + ".new"
        try FileManager.default.copyItem(atPath: scene.snapshot, toPath: copy)
        setModified(copy, seconds: before.modifiedSeconds, nanoseconds: Int(before.modifiedNanoseconds))
        #expect(rename(copy, scene.snapshot) == 0)
        let after = try #require(identity(scene.snapshot))
        #expect(after.inode != before.inode && after.size == before.size && after.modifiedSeconds == before.modifiedSeconds)
        #expect(scene.missStamp(.stale(.replaced)) != nil)
    }

    @Test func staleWhenWhatTheDigestDependsOnChanges() throws {
        let scene = try CacheScene("dependencies")
        defer { scene.remove() }
        let map = try scene.scratch.write("data/maps/m.map.json", Array("{}".utf8))
        let fingerprint = DigestDependencies.fingerprint(files: [map], tags: ["kieumau 1.0"])
        #expect(fingerprint != 0)
        let stamp = try #require(scene.missStamp(.none))
        scene.cache.store(scene.digest, forSnapshotAt: scene.snapshot, definition: .complete, stamp: stamp, dependencies: fingerprint)
        #expect(scene.lookup(dependencies: fingerprint) == .hit(scene.digest))
        // The map written again, another version of the program, the map gone: each another fingerprint.
        setModified(map, seconds: 1_000_000_000)
        let touched = DigestDependencies.fingerprint(files: [map], tags: ["kieumau 1.0"])
        #expect(touched != fingerprint)
        #expect(DigestDependencies.fingerprint(files: [map], tags: ["kieumau 1.1"]) != touched)
        #expect(DigestDependencies.fingerprint(files: [map + ".gone"], tags: ["kieumau 1.0"]) != touched)
        #expect(DigestDependencies.fingerprint(files: [], tags: [map]) != DigestDependencies.fingerprint(files: [map], tags: []))
        guard case .miss(.stale(.dependenciesChanged), _) = scene.lookup(dependencies: touched) else {
            Issue.record("expected stale dependencies"); return
        }
    }

    @Test func aDamagedEntryMissesWithTheReason() throws {
        let scene = try CacheScene("damaged")
        defer { scene.remove() }
        scene.storeAfterMiss()
        let good = Array(try Data(contentsOf: URL(fileURLWithPath: scene.entryPath)))
        var flipped = good
        flipped[good.count / 2] ^= 0x20
        try Data(flipped).write(to: URL(fileURLWithPath: scene.entryPath))
        guard case .miss(.damaged(let why), let stamp) = scene.lookup() else { Issue.record("a flipped byte should miss"); return }
        #expect(why.hasPrefix("checksum mismatch") && stamp != nil)
        try Data(good.prefix(100)).write(to: URL(fileURLWithPath: scene.entryPath))
        guard case .miss(.damaged(let short), _) = scene.lookup() else { Issue.record("a short entry should miss"); return }
        #expect(short.hasPrefix("truncated"))
        try Data().write(to: URL(fileURLWithPath: scene.entryPath))
        #expect(scene.missStamp(.damaged("truncated: 0 bytes, fewer than the 24 of the file header")) != nil)
        // Rebuilt over the damage.
        let stamp2 = try #require(stamp)
        #expect(scene.cache.store(scene.digest, forSnapshotAt: scene.snapshot, definition: .complete, stamp: stamp2) != .skipped(.snapshotChanged))
        #expect(scene.lookup() == .hit(scene.digest))
    }

    @Test func aFolderFIFOOrLinkWhereAnEntryShouldBeIsDamageAndNothingWaits() throws {
        let scene = try CacheScene("not a file")
        defer { scene.remove() }
        #expect(DigestCache.makeDirectory(scene.cache.directory) == nil)
        // A folder: a miss, and a store cannot replace it (nor removes it).
        #expect(mkdir(scene.entryPath, 0o700) == 0)
        let stamp = try #require(scene.missStamp(.damaged("a folder where an entry should be")))
        guard case .skipped(.writeFailed(let why)) = scene.cache.store(scene.digest, forSnapshotAt: scene.snapshot, definition: .complete, stamp: stamp) else {
            Issue.record("a store over a folder should be skipped"); return
        }
        #expect(why.contains("rename"))
        #expect(scene.entryNames() == [(scene.entryPath as NSString).lastPathComponent], "the folder stays, no temporary file is left")
        #expect(rmdir(scene.entryPath) == 0)
        // A FIFO: opening it would wait for a writer; the lookup answers at once, a store replaces it.
        #expect(mkfifo(scene.entryPath, 0o600) == 0)
        #expect(scene.missStamp(.damaged("a FIFO where an entry should be")) != nil)
        guard case .stored = scene.cache.store(scene.digest, forSnapshotAt: scene.snapshot, definition: .complete, stamp: stamp) else {
            Issue.record("a store over a FIFO should succeed"); return
        }
        #expect(scene.lookup() == .hit(scene.digest))
        // A symbolic link, even to a good entry, is not followed.
        let elsewhere = scene.scratch.path + "/elsewhere.digest"
        #expect(rename(scene.entryPath, elsewhere) == 0 && symlink(elsewhere, scene.entryPath) == 0)
        #expect(scene.missStamp(.damaged("a symbolic link where an entry should be")) != nil)
    }

    @Test func anEntryOfAnotherSnapshotOrDefinitionIsDamage() throws {
        let scene = try CacheScene("another path")
        defer { scene.remove() }
        scene.storeAfterMiss()
        // The same bytes at another path: the entry copied to that path's name is not its entry.
        let other = scene.snapshot.replacingOccurrences(of: "2023-12-31", with: "copy")
        try FileManager.default.copyItem(atPath: scene.snapshot, toPath: other)
        let otherEntry = scene.cache.entryPath(forSnapshotAt: other, definition: .complete)
        try FileManager.default.copyItem(atPath: scene.entryPath, toPath: otherEntry)
        guard case .miss(.damaged(let why), _) = scene.cache.digest(forSnapshotAt: other, definition: .complete) else {
            Issue.record("another snapshot's entry should miss"); return
        }
        #expect(why == "an entry for another snapshot (\(scene.snapshot))")
        // The complete entry under the recognised name.
        try FileManager.default.copyItem(atPath: scene.entryPath, toPath: scene.cache.entryPath(forSnapshotAt: scene.snapshot, definition: .recognised))
        guard case .miss(.damaged(let definition), _) = scene.lookup(.recognised) else { Issue.record("another definition's entry should miss"); return }
        #expect(definition == "an entry for another model definition (complete)")
    }

    /// A path is bytes: a tab in a folder's name is kept, and the NFC and NFD spellings of a name
    /// (equal as Swift strings) are two files with two entries.
    @Test func aPathIsTakenByteForByte() throws {
        let scene = try CacheScene("paths")
        defer { scene.remove() }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: scene.snapshot)))
        let tabbed = try scene.scratch.write("tab\there/s.snapshot.json", bytes)
        guard case .miss(.none, let stamp?) = scene.cache.digest(forSnapshotAt: tabbed, definition: .complete) else {
            Issue.record("expected a miss"); return
        }
        guard case .stored = scene.cache.store(scene.digest, forSnapshotAt: tabbed, definition: .complete, stamp: stamp) else {
            Issue.record("a path with a tab should be storable"); return
        }
        #expect(scene.cache.digest(forSnapshotAt: tabbed, definition: .complete) == .hit(scene.digest))
        let nfc = try scene.scratch.write("Hu\u{1EBF}.snapshot.json", bytes)             // "Huế", é composed
        let nfd = try scene.scratch.write("Hue\u{0302}\u{0301}.snapshot.json", bytes)    // e + ◌̂ + ◌́
        #expect(nfc == nfd, "Swift holds the two spellings equal")
        #expect(nfc.utf8.count != nfd.utf8.count && identity(nfc)?.inode != identity(nfd)?.inode, "two files")
        guard case .miss(_, let nfcStamp?) = scene.cache.digest(forSnapshotAt: nfc, definition: .complete) else {
            Issue.record("expected a miss"); return
        }
        scene.cache.store(scene.digest, forSnapshotAt: nfc, definition: .complete, stamp: nfcStamp)
        let nfcEntry = scene.cache.entryPath(forSnapshotAt: nfc, definition: .complete)
        let nfdEntry = scene.cache.entryPath(forSnapshotAt: nfd, definition: .complete)
        #expect(!nfcEntry.utf8.elementsEqual(nfdEntry.utf8), "two entry names")
        try FileManager.default.copyItem(atPath: nfcEntry, toPath: nfdEntry)
        guard case .miss(.damaged(let why), _) = scene.cache.digest(forSnapshotAt: nfd, definition: .complete) else {
            Issue.record("the NFC file's entry should not serve the NFD file"); return
        }
        #expect(why.hasPrefix("an entry for another snapshot"))
    }

    @Test func anUnreadableSnapshotMissesWithoutAStamp() throws {
        let scene = try CacheScene("unreadable")
        defer { scene.remove() }
        for path in [scene.snapshot + ".missing", scene.scratch.path + "/data"] {
            guard case .miss(.snapshotUnreadable(let why), nil) = scene.cache.digest(forSnapshotAt: path, definition: .complete) else {
                Issue.record("\(path) should be unreadable"); continue
            }
            #expect(!why.isEmpty)
        }
    }

    @Test func aStoreIsSkippedWhenTheSnapshotChangedSinceItsStamp() throws {
        let scene = try CacheScene("changed before store")
        defer { scene.remove() }
        let stamp = try #require(scene.missStamp(.none))
        let before = try #require(identity(scene.snapshot))
        setModified(scene.snapshot, seconds: before.modifiedSeconds + 60)
        #expect(scene.cache.store(scene.digest, forSnapshotAt: scene.snapshot, definition: .complete, stamp: stamp) == .skipped(.snapshotChanged))
        #expect(scene.entryNames().isEmpty)
        // A digest made for another definition is not stored under this one.
        let fresh = try #require(scene.missStamp(.none))
        let recognised = try DigestFixtures.digest("record/2023-12-31.snapshot.json", definition: .recognised).digest
        guard case .skipped(.notStorable(let why)) = scene.cache.store(recognised, forSnapshotAt: scene.snapshot, definition: .complete, stamp: fresh) else {
            Issue.record("a digest of another definition should not be stored"); return
        }
        #expect(why.contains("definition recognised"))
        // Nor one holding a count the format refuses: it would never read back.
        let t = scene.digest.totals
        let first = try #require(t.provinces.first)
        let province = ProvinceTally(province: Province(code: first.province.code, name: first.province.name, units: 1 << 40),
                                     tally: first.tally, coverage: first.coverage)
        let huge = SnapshotDigest(header: scene.digest.header,
                                  totals: ProgressTotals(asOf: t.asOf, mapID: t.mapID, definition: t.definition, criteriaCount: t.criteriaCount,
                                                         national: t.national, nationalCoverage: t.nationalCoverage, provinces: [province]),
                                  wards: scene.digest.wards, hasRows: true)
        guard case .skipped(.notStorable(let refused)) = scene.cache.store(huge, forSnapshotAt: scene.snapshot, definition: .complete, stamp: fresh) else {
            Issue.record("a digest with a count beyond the format's should not be stored"); return
        }
        #expect(refused.contains("totals.provinces[0].units"))
        #expect(scene.entryNames().isEmpty)
    }

    @Test func theDirectoryComesFromTheEnvironment() {
        #expect(DigestCache.directory(environment: ["XDG_CACHE_HOME": "/x/c", "HOME": "/h"]) == "/x/c/kieumau/digests")
        #expect(DigestCache.directory(environment: ["HOME": "/h ô"]) == "/h ô/.cache/kieumau/digests")
        // A relative XDG_CACHE_HOME is ignored, as the specification asks; no absolute folder, no cache.
        #expect(DigestCache.directory(environment: ["XDG_CACHE_HOME": "cache", "HOME": "/h"]) == "/h/.cache/kieumau/digests")
        #expect(DigestCache.directory(environment: ["XDG_CACHE_HOME": "", "HOME": ""]) == nil)
        #expect(DigestCache(environment: [:]) == nil)
        #expect(DigestCache(environment: ["HOME": "/h"])?.directory == "/h/.cache/kieumau/digests")
        #expect(DigestCache.processEnvironment()["HOME"] == ProcessInfo.processInfo.environment["HOME"])
    }
}
