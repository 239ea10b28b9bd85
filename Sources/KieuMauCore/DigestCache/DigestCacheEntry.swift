/// What a digest cache file holds: the digest of one snapshot file and what it was made from.
public struct DigestCacheEntry: Hashable, Sendable {
    public var key: DigestCacheKey
    public var digest: SnapshotDigest

    public init(key: DigestCacheKey, digest: SnapshotDigest) {
        self.key = key; self.digest = digest
    }
}

/// What an entry's digest was made from; an entry serves a lookup only when all of it matches.
public struct DigestCacheKey: Hashable, Sendable {
    /// The snapshot file's absolute path, as it was looked up.
    public var snapshotPath: String
    public var definition: ModelDefinition
    /// The file's identity and content hash before it was decoded.
    public var stamp: SnapshotStamp
    /// A fingerprint of whatever else the digest depends on (the map and criteria set files, the
    /// program's version: `DigestDependencies`); 0 when the caller names none.
    public var dependencies: UInt64

    public init(snapshotPath: String, definition: ModelDefinition, stamp: SnapshotStamp, dependencies: UInt64 = 0) {
        self.snapshotPath = snapshotPath; self.definition = definition; self.stamp = stamp; self.dependencies = dependencies
    }
}
