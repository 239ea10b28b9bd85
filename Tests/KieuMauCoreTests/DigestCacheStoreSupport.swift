import Foundation
import Testing
@testable import KieuMauCore

/// A scratch folder holding a copy of an embedded snapshot file and a cache beside it.
struct CacheScene {
    let scratch: ScratchFolder
    let snapshot: String
    let digest: SnapshotDigest
    let cache: DigestCache

    init(_ label: String, file: String = "record/2023-12-31.snapshot.json", base: String = NSTemporaryDirectory(),
         limits: DigestCache.Limits = .standard) throws {
        scratch = try ScratchFolder(label, base: base)
        let fixture = try DigestFixtures.digest(file)
        digest = fixture.digest
        snapshot = try scratch.write("data/" + file, Array(try Data(contentsOf: URL(fileURLWithPath: fixture.entry.path))))
        cache = DigestCache(directory: scratch.path + "/cache home/kieumau/digests", limits: limits)
    }

    var entryPath: String { cache.entryPath(forSnapshotAt: snapshot, definition: .complete) }

    func lookup(_ definition: ModelDefinition = .complete, dependencies: UInt64 = 0) -> DigestCache.Lookup {
        cache.digest(forSnapshotAt: snapshot, definition: definition, dependencies: dependencies)
    }

    /// A lookup that must miss; its stamp.
    func missStamp(_ expected: DigestCache.Miss, sourceLocation: SourceLocation = #_sourceLocation) -> SnapshotStamp? {
        guard case .miss(let miss, let stamp) = lookup() else {
            Issue.record("expected a miss (\(expected)), found a hit", sourceLocation: sourceLocation); return nil
        }
        #expect(miss == expected, sourceLocation: sourceLocation)
        return stamp
    }

    /// Looks up (a miss), stores the digest under the lookup's stamp, and checks it is then a hit.
    func storeAfterMiss(sourceLocation: SourceLocation = #_sourceLocation) {
        guard let stamp = missStamp(.none, sourceLocation: sourceLocation) else {
            Issue.record("no stamp to store under", sourceLocation: sourceLocation); return
        }
        let outcome = cache.store(digest, forSnapshotAt: snapshot, definition: .complete, stamp: stamp)
        guard case .stored = outcome else { Issue.record("store: \(outcome)", sourceLocation: sourceLocation); return }
        #expect(lookup() == .hit(digest), sourceLocation: sourceLocation)
    }

    func entryNames() -> [String] { scratch.names(in: cache.directory) }

    func remove() { scratch.remove() }
}

/// Sets a file's modification (and access) time.
func setModified(_ path: String, seconds: Int64, nanoseconds: Int = 0) {
    var times = [timespec(tv_sec: Int(seconds), tv_nsec: nanoseconds), timespec(tv_sec: Int(seconds), tv_nsec: nanoseconds)]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0, "utimensat \(path): \(String(cString: strerror(errno)))")
}

func identity(_ path: String) -> SnapshotFileIdentity? {
    var info = stat()
    return stat(path, &info) == 0 ? SnapshotFileIdentity(info) : nil
}

/// Running file operations as someone without root's right to write anywhere: root ignores a
/// folder's permissions, so the body runs on a thread of its own whose file-system user is
/// `nobody` (setfsuid changes only the calling thread, and drops root's file capabilities with it).
/// Not root: the body runs as it is, permissions already apply.
enum WithoutRoot {
    static let nobody: uid_t = 65534
    static var isRoot: Bool { geteuid() == 0 }

    /// A folder for scenes that `nobody` must reach: the temporary directory when every folder on
    /// the way may be entered by others, else /tmp.
    static var base: String {
        let temporary = NSTemporaryDirectory()
        var folder = URL(fileURLWithPath: temporary).standardizedFileURL
        while folder.path != "/" {
            var info = stat()
            guard stat(folder.path, &info) == 0, info.st_mode & S_IXOTH != 0 else { return "/tmp" }
            folder.deleteLastPathComponent()
        }
        return temporary
    }

    /// Gives `paths` (and what is inside folders among them) to `nobody` when root, so that the body
    /// can read what it owns.
    static func handOver(_ paths: [String]) {
        guard isRoot else { return }
        for path in paths {
            chown(path, nobody, nobody)
            if let e = FileManager.default.enumerator(atPath: path) {
                for case let name as String in e { chown(path + "/" + name, nobody, nobody) }
            }
        }
    }

    static func run(_ body: @escaping @Sendable () -> Void) {
        guard isRoot else { body(); return }
        typealias SetFSUID = @convention(c) (uid_t) -> Int32
        guard let symbol = dlsym(nil, "setfsuid") else { Issue.record("setfsuid not found"); return }
        let setfsuid = unsafeBitCast(symbol, to: SetFSUID.self)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            _ = setfsuid(nobody)
            // setfsuid answers with the previous value: asking again tells whether it took.
            if setfsuid(nobody) == Int32(nobody) { body() } else { Issue.record("setfsuid(nobody) did not take") }
            _ = setfsuid(0)
            done.signal()
        }
        thread.start()
        done.wait()
    }
}

/// A value several threads update under a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func update<T>(_ body: (inout Value) -> T) -> T { lock.lock(); defer { lock.unlock() }; return body(&value) }
    var current: Value { update { $0 } }
}
