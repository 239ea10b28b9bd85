#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension DigestCache {
    /// What a prune removed.
    public struct PruneOutcome: Hashable, Sendable {
        public var removedEntries = 0
        public var removedTemporaryFiles = 0
        public var keptEntries = 0
        public var keptBytes = 0
    }

    /// Keeps the cache within `limits`: removes entries not used for `maximumAgeDays`, then the least
    /// recently used until within `maximumEntries` and `maximumBytes`, and temporary files left by
    /// writers that stopped (older than an hour, so a writer still at work keeps its file). Only
    /// files named as this cache names them are touched. Runs after each store.
    /// - Parameter now: seconds since 1970 (default: the clock's).
    @discardableResult
    public func prune(now: Int64? = nil) -> PruneOutcome {
        let now = now ?? Self.now()
        var outcome = PruneOutcome()
        guard let dir = opendir(directory) else { return outcome }
        var entries: [(name: String, lastUsed: Int64, bytes: Int)] = []
        while let item = readdir(dir) {
            let name = withUnsafePointer(to: &item.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: item.pointee.d_name)) { String(cString: $0) }
            }
            let isEntry = Self.isEntryName(name), isTemporary = name.hasPrefix(DigestEntryFile.temporaryPrefix)
            guard isEntry || isTemporary else { continue }
            var info = stat()
            guard lstat(directory + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let modified = SnapshotFileIdentity(info).modifiedSeconds
            if isTemporary {
                if now - modified > 3600, unlink(directory + "/" + name) == 0 { outcome.removedTemporaryFiles += 1 }
            } else {
                entries.append((name, modified, Int(info.st_size)))
            }
        }
        closedir(dir)
        // Most recently used first; what falls outside the limits goes.
        entries.sort { $0.lastUsed != $1.lastUsed ? $0.lastUsed > $1.lastUsed : $0.name < $1.name }
        let oldest = now - Int64(limits.maximumAgeDays) * 86_400
        for entry in entries {
            let fits = entry.lastUsed >= oldest && outcome.keptEntries < limits.maximumEntries
                && outcome.keptBytes + entry.bytes <= limits.maximumBytes
            if fits {
                outcome.keptEntries += 1
                outcome.keptBytes += entry.bytes
            } else if unlink(directory + "/" + entry.name) == 0 {
                outcome.removedEntries += 1
            }
        }
        return outcome
    }

    /// `<16 hex digits>.<definition>.digest`, as `entryPath` names entries.
    static func isEntryName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, "." + parts[2] == entrySuffix, ModelDefinition(rawValue: String(parts[1])) != nil,
              parts[0].utf8.count == 16 else { return false }
        return parts[0].utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }
}
