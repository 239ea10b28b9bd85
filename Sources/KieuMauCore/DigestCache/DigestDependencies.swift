#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fingerprint of what a digest depends on besides its snapshot file, for `DigestCache`'s
/// `dependencies`: the map it is counted on (province names, units, the wards' order), the
/// criteria set (how many criteria) and the program that computed it. A digest made before any of
/// them changed is then stale rather than wrong.
public enum DigestDependencies {
    /// The identity (device, inode, size, modification time) of each file in `files` — a stat each,
    /// no reading — and each text of `tags` (say, the program's version), in the order given.
    /// A file that cannot be stat'ed counts as missing, which is itself a state that can change.
    public static func fingerprint(files: [String], tags: [String] = []) -> UInt64 {
        var w = DigestByteWriter(capacity: 64 * (files.count + tags.count))
        for path in files {
            w.string(path)
            var info = stat()
            if stat(path, &info) == 0 {
                let identity = SnapshotFileIdentity(info)
                w.u8(1)
                w.u64(identity.device); w.u64(identity.inode); w.u64(identity.size)
                w.i64(Int(identity.modifiedSeconds)); w.u32(identity.modifiedNanoseconds)
            } else {
                w.u8(0)
            }
        }
        w.u8(0xFF)   // files end here: a file and a tag of the same text do not collide
        for tag in tags { w.string(tag) }
        return ContentHash.of(w.bytes)
    }
}
