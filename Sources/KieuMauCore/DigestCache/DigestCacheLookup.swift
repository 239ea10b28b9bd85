extension DigestCache {
    /// What a lookup found.
    public enum Lookup: Hashable, Sendable {
        /// An entry for this very file (identity and content hash), definition and dependencies.
        case hit(SnapshotDigest)
        /// No usable entry. `stamp` is the snapshot as this lookup read it (nil when it could not):
        /// store the digest decoded after the lookup under it, so that a file changed in between
        /// leaves a stale entry rather than a wrong one.
        case miss(Miss, stamp: SnapshotStamp?)

        public var digest: SnapshotDigest? {
            if case .hit(let digest) = self { return digest }
            return nil
        }
    }

    /// Why a lookup missed.
    public enum Miss: Hashable, Sendable, CustomStringConvertible {
        /// No entry (or no cache directory).
        case none
        /// An entry made from the file as it was before.
        case stale(Staleness)
        /// An entry that cannot be used, and why: it does not decode, is not a regular file, names
        /// another snapshot or definition.
        case damaged(String)
        /// The snapshot itself could not be read (then nothing is stored for it either).
        case snapshotUnreadable(String)

        public var description: String {
            switch self {
            case .none: return "no entry"
            case .stale(let staleness): return "stale: \(staleness)"
            case .damaged(let why): return "damaged: \(why)"
            case .snapshotUnreadable(let why): return "snapshot unreadable: \(why)"
            }
        }
    }

    /// How the snapshot changed since its entry was made, in the order the checks run.
    public enum Staleness: String, Hashable, Sendable, CustomStringConvertible {
        /// Another file now has the path (another device or inode).
        case replaced = "the file was replaced (another inode)"
        /// The same file, written again (another size or modification time).
        case rewritten = "the file was written again (size or modification time changed)"
        /// Same identity, other bytes (a write within the clock's resolution, or a restored time).
        case contentChanged = "the file's content changed"
        /// What else the digest depends on changed (`DigestDependencies`).
        case dependenciesChanged = "what the digest depends on changed"

        public var description: String { rawValue }
    }

    /// What a store did. A cache that cannot be written is no error: the store is skipped, and says why.
    public enum StoreOutcome: Hashable, Sendable, CustomStringConvertible {
        case stored(bytes: Int)
        case skipped(Skip)

        public var description: String {
            switch self {
            case .stored(let bytes): return "stored (\(bytes) bytes)"
            case .skipped(let skip): return "skipped: \(skip)"
            }
        }
    }

    /// Why a store was skipped.
    public enum Skip: Error, Hashable, Sendable, CustomStringConvertible {
        /// The cache directory is missing and cannot be made, or is not a directory.
        case noDirectory(String)
        /// Writing or renaming the entry failed (a read-only or full disk…); nothing was left behind.
        case writeFailed(String)
        /// The snapshot is no longer the file stamped before its digest was made.
        case snapshotChanged
        /// The digest would not read back equal (it was made for another definition, or holds a
        /// value the format refuses).
        case notStorable(String)

        public var description: String {
            switch self {
            case .noDirectory(let why): return "no cache directory: \(why)"
            case .writeFailed(let why): return "could not write: \(why)"
            case .snapshotChanged: return "the snapshot changed since it was stamped"
            case .notStorable(let why): return "not storable: \(why)"
            }
        }
    }
}
