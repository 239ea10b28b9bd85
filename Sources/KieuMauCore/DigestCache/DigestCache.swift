#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The on-disk cache of snapshot digests (issue 14): one file per snapshot file and model
/// definition in `directory`, so that a start can draw from digests without decoding the snapshots.
///
/// An entry serves a lookup only when the snapshot file is the one it was made from — same
/// device, inode, size and modification time (ns), and the same content hash, checked on every
/// use — and the same definition and dependencies. Entries are untrusted input: a damaged one is a
/// miss with a reason, never a trap. A cache that cannot be read or written (missing, read-only,
/// full, not a directory) is no cache: lookups miss, stores are skipped and say why.
///
/// A value without state: safe to use from several threads, and several processes may share the
/// directory (writes are atomic renames; the last writer of an entry wins).
public struct DigestCache: Sendable {
    /// Where the entries are: `<cache home>/kieumau/digests`.
    public let directory: String
    public let limits: Limits
    /// How entries are written; tests replace it to simulate a full disk.
    let output: FileOutput

    public init(directory: String, limits: Limits = .standard) {
        self.init(directory: directory, limits: limits, output: .system)
    }

    init(directory: String, limits: Limits, output: FileOutput) {
        self.directory = Catalog.absolutePath(directory)
        self.limits = limits
        self.output = output
    }

    /// The cache under `$XDG_CACHE_HOME/kieumau/` (else `$HOME/.cache/kieumau/`) of `environment`;
    /// nil when neither names an absolute folder (then there is no cache).
    public init?(environment: [String: String], limits: Limits = .standard) {
        guard let directory = Self.directory(environment: environment) else { return nil }
        self.init(directory: directory, limits: limits)
    }

    /// The entries' folder for `environment`. Relative values are ignored, as the XDG base
    /// directory specification asks.
    public static func directory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/kieumau/digests" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/kieumau/digests" }
        return nil
    }

    /// The two variables `directory(environment:)` reads, from this process's environment.
    public static func processEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["XDG_CACHE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    /// The entry file of a snapshot file and definition: the hash of the snapshot's absolute path, then the definition.
    public func entryPath(forSnapshotAt path: String, definition: ModelDefinition) -> String {
        let hash = String(ContentHash.of(Catalog.absolutePath(path)), radix: 16)
        return directory + "/" + String(repeating: "0", count: 16 - hash.count) + hash + "." + definition.rawValue + Self.entrySuffix
    }

    static let entrySuffix = ".digest"

    // MARK: lookup

    /// The digest of the snapshot file at `path` for `definition`, if an entry for exactly this file
    /// (and `dependencies`) is there; else why not, with the stamp to store a new digest under.
    public func digest(forSnapshotAt path: String, definition: ModelDefinition, dependencies: UInt64 = 0) -> Lookup {
        let absolute = Catalog.absolutePath(path)
        let stamp: SnapshotStamp
        switch SnapshotStamp.read(absolute) {
        case .success(let s): stamp = s
        case .failure(let failure): return .miss(.snapshotUnreadable(failure.message), stamp: nil)
        }
        let entryPath = entryPath(forSnapshotAt: absolute, definition: definition)
        let bytes: [UInt8], lastUsed: Int64
        switch DigestEntryFile.read(entryPath) {
        case .missing: return .miss(.none, stamp: stamp)
        case .unusable(let why): return .miss(.damaged(why), stamp: stamp)
        case .read(let b, let modified): bytes = b; lastUsed = modified
        }
        let entry: DigestCacheEntry
        switch DigestCacheFile.decode(bytes) {
        case .success(let e): entry = e
        case .failure(let error): return .miss(.damaged(error.description), stamp: stamp)
        }
        if let mismatch = Self.mismatch(entry, path: absolute, definition: definition, stamp: stamp, dependencies: dependencies) {
            return .miss(mismatch, stamp: stamp)
        }
        if Self.now() - lastUsed > limits.touchInterval { DigestEntryFile.touch(entryPath) }
        return .hit(entry.digest)
    }

    /// Why `entry` does not serve this lookup, or nil when it does.
    static func mismatch(_ entry: DigestCacheEntry, path: String, definition: ModelDefinition, stamp: SnapshotStamp,
                         dependencies: UInt64) -> Miss? {
        let key = entry.key
        // Byte for byte: two spellings Swift holds equal (NFC and NFD) are two files on Linux.
        if !key.snapshotPath.utf8.elementsEqual(path.utf8) { return .damaged("an entry for another snapshot (\(DisplaySafe.clean(key.snapshotPath)))") }
        if key.definition != definition || entry.digest.totals.definition != definition {
            return .damaged("an entry for another model definition (\(key.definition.rawValue))")
        }
        let stored = key.stamp.identity
        if !stored.isSameFile(as: stamp.identity) { return .stale(.replaced) }
        if stored != stamp.identity { return .stale(.rewritten) }
        if key.stamp.contentHash != stamp.contentHash { return .stale(.contentChanged) }
        if key.dependencies != dependencies { return .stale(.dependenciesChanged) }
        return nil
    }

    // MARK: store

    /// Stores `digest`, made from the snapshot file at `path` as `stamp` saw it (the stamp of the
    /// lookup that missed, or `SnapshotStamp.read` taken before decoding), then prunes the cache to
    /// its limits. Skipped, with the reason, when the cache cannot be written or the file has
    /// changed since it was stamped.
    @discardableResult
    public func store(_ digest: SnapshotDigest, forSnapshotAt path: String, definition: ModelDefinition,
                      stamp: SnapshotStamp, dependencies: UInt64 = 0) -> StoreOutcome {
        let absolute = Catalog.absolutePath(path)
        guard digest.totals.definition == definition else {
            return .skipped(.notStorable("a digest for definition \(digest.totals.definition.rawValue), stored as \(definition.rawValue)"))
        }
        let entry = DigestCacheEntry(key: DigestCacheKey(snapshotPath: absolute, definition: definition, stamp: stamp,
                                                         dependencies: dependencies), digest: digest)
        let bytes = DigestCacheFile.encode(entry)
        // Read back before writing: an entry that would not be a hit is never written.
        switch DigestCacheFile.decode(bytes) {
        case .success(let back) where back == entry: break
        case .success: return .skipped(.notStorable("it does not read back equal"))
        case .failure(let error): return .skipped(.notStorable(error.description))
        }
        guard SnapshotFileIdentity.of(absolute) == stamp.identity else { return .skipped(.snapshotChanged) }
        if let failure = Self.makeDirectory(directory) { return .skipped(.noDirectory(failure)) }
        switch DigestEntryFile.write(bytes, to: entryPath(forSnapshotAt: absolute, definition: definition), using: output) {
        case .failure(let skip): return .skipped(skip)
        case .success: break
        }
        prune()
        return .stored(bytes: bytes.count)
    }

    /// Makes `path` and the folders above it (mode 700, as the XDG specification asks); nil when
    /// it is a directory afterwards, else why not.
    static func makeDirectory(_ path: String) -> String? {
        var info = stat()
        if stat(path, &info) == 0 {
            return info.st_mode & S_IFMT == S_IFDIR ? nil : "\(path) is not a folder"
        }
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o700) != 0, errno != EEXIST { return "cannot make \(prefix): \(DigestEntryFile.errorText())" }
        }
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return "\(path) is not a folder" }
        return nil
    }

    static func now() -> Int64 { Int64(time(nil)) }
}

extension DigestCache {
    /// How big the cache may grow. After each store, entries not used for `maximumAgeDays` go, then
    /// the least recently used until at most `maximumEntries` and `maximumBytes` remain.
    public struct Limits: Hashable, Sendable {
        public var maximumEntries: Int
        public var maximumBytes: Int
        public var maximumAgeDays: Int
        /// A hit marks its entry used (its modification time) at most this often, in seconds.
        public var touchInterval: Int64

        public init(maximumEntries: Int, maximumBytes: Int, maximumAgeDays: Int, touchInterval: Int64 = 3600) {
            self.maximumEntries = maximumEntries; self.maximumBytes = maximumBytes
            self.maximumAgeDays = maximumAgeDays; self.touchInterval = touchInterval
        }

        /// 256 entries (the embedded series take 38, a 100,000-ward snapshot's entry ~0.3 MB), 64 MiB, 30 days.
        public static let standard = Limits(maximumEntries: 256, maximumBytes: 64 << 20, maximumAgeDays: 30)
    }

    /// The two calls that put an entry on disk, so that tests can make them fail as a full disk does.
    struct FileOutput: Sendable {
        var write: @Sendable (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int
        var rename: @Sendable (_ from: String, _ to: String) -> Int32

        static let system = FileOutput(write: { fd, bytes, count in systemWrite(fd, bytes, count) },
                                       rename: { from, to in systemRename(from, to) })
    }
}

private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
