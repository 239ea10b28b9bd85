/// The binary format of one digest cache entry (docs/FORMAT.md, "The digest cache"): a 24-byte
/// header — magic, format version, flags, payload length, checksum of the payload — then the
/// payload's four sections (key, header, totals, wards), little-endian throughout.
///
/// The encoding is canonical: each entry has exactly one, so a file that decodes re-encodes to the
/// same bytes (the fuzz target checks it). Decoding treats the bytes as untrusted: any input gives
/// an entry or a `DigestFileError`, with work and allocation bounded by the input's size.
public enum DigestCacheFile {
    public static let magic: [UInt8] = Array("KMDIGEST".utf8)
    /// Raised whenever the encoding changes; a file of another version is a miss, then rewritten.
    public static let formatVersion = 1
    public static let headerSize = 24
    /// No real digest comes near it (100,000 wards in 700 provinces take ~0.4 MB), and it bounds what a hostile file
    /// can make the decoder allocate.
    public static let sizeLimit = 16 << 20

    /// The range of every count and figure (units, wards, reported figures): 2³¹−1 is far beyond
    /// any real map (a data file is at most 256 MiB), and with it no sum or percentage of a
    /// decoded digest's counts can overflow. A digest beyond it is not stored (it would not read back).
    static let counts = 0...Int(Int32.max)

    /// The byte values of enumerations, fixed here so that reordering a Swift enum cannot change files.
    static let definitions: [ModelDefinition] = [.complete, .recognised]
    static let coverages: [Coverage] = [.complete, .named]

    public static func encode(_ entry: DigestCacheEntry) -> [UInt8] {
        var w = DigestByteWriter(capacity: headerSize + 4096 + 2 * entry.digest.wards.count + 128 * entry.digest.totals.provinces.count)
        w.raw(magic)
        w.u16(UInt16(formatVersion))
        w.u16(0)                       // flags
        w.u32(0)                       // payload length, patched below
        w.u64(0)                       // checksum, patched below
        w.key(entry.key)
        w.header(entry.digest.header)
        w.totals(entry.digest.totals)
        w.wards(entry.digest.wards, hasRows: entry.digest.hasRows)
        var bytes = w.bytes
        seal(&bytes)
        return bytes
    }

    /// Sets the header's payload length and checksum from the payload after it (from `encode`, and
    /// the fuzz target, so that its mutations reach the sections).
    public static func seal(_ bytes: inout [UInt8]) {
        guard bytes.count >= headerSize else { return }
        let payloadLength = UInt32(clamping: bytes.count - headerSize)
        let checksum = checksum(ofPayloadIn: bytes)
        withUnsafeBytes(of: payloadLength.littleEndian) { bytes.replaceSubrange(12..<16, with: $0) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(16..<24, with: $0) }
    }

    public static func decode(_ bytes: [UInt8]) -> Result<DigestCacheEntry, DigestFileError> {
        bytes.withUnsafeBytes { raw in
            do throws(DigestFileError) {
                return .success(try decodeChecked(raw))
            } catch {
                return .failure(error)
            }
        }
    }

    private static func decodeChecked(_ bytes: UnsafeRawBufferPointer) throws(DigestFileError) -> DigestCacheEntry {
        guard bytes.count <= sizeLimit else { throw .tooLarge(size: bytes.count, limit: sizeLimit) }
        guard bytes.count >= headerSize else {
            // A short file that does not even start like one is not one at all.
            if !bytes.prefix(magic.count).elementsEqual(magic.prefix(bytes.count)) { throw .badMagic }
            throw .tooShort(size: bytes.count)
        }
        guard bytes[0..<8].elementsEqual(magic) else { throw .badMagic }
        var header = DigestByteReader(bytes, from: 8)
        let version = Int(try header.u16("version"))
        guard version == formatVersion else { throw .unsupportedVersion(version) }
        let flags = Int(try header.u16("flags"))
        guard flags == 0 else { throw .unsupportedFlags(flags) }
        let declared = Int(try header.u32("payload length"))
        guard declared == bytes.count - headerSize else { throw .payloadLength(declared: declared, found: bytes.count - headerSize) }
        let stored = try header.u64("checksum")
        let computed = ContentHash.of(UnsafeRawBufferPointer(rebasing: bytes[headerSize...]))
        guard stored == computed else { throw .checksumMismatch(stored: stored, computed: computed) }

        var r = DigestByteReader(bytes, from: headerSize)
        let key = try r.key()
        let snapshotHeader = try r.header()
        let totals = try r.totals()
        let (wards, hasRows) = try r.wards()
        guard r.remaining == 0 else { throw .trailingBytes(count: r.remaining, offset: r.offset) }
        return DigestCacheEntry(key: key, digest: SnapshotDigest(header: snapshotHeader, totals: totals, wards: wards, hasRows: hasRows))
    }

    static func checksum(ofPayloadIn bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
    }
}

extension DigestByteWriter {
    mutating func key(_ key: DigestCacheKey) {
        string(key.snapshotPath)
        definition(key.definition)
        let identity = key.stamp.identity
        u64(identity.device); u64(identity.inode); u64(identity.size)
        i64(Int(identity.modifiedSeconds)); u32(identity.modifiedNanoseconds)
        u64(key.stamp.contentHash)
        u64(key.dependencies)
    }

    mutating func definition(_ value: ModelDefinition) {
        u8(UInt8(DigestCacheFile.definitions.firstIndex(of: value) ?? 0))
    }

    mutating func coverage(_ value: Coverage) {
        u8(UInt8(DigestCacheFile.coverages.firstIndex(of: value) ?? 0))
    }
}

extension DigestByteReader {
    mutating func key() throws(DigestFileError) -> DigestCacheKey {
        let path = try string("key.snapshotPath", isPath: true)
        let definition = try enumeration("key.definition", DigestCacheFile.definitions)
        let device = try u64("key.device"), inode = try u64("key.inode"), size = try u64("key.size")
        let seconds = Int64(try i64("key.modifiedSeconds"))
        let at = offset
        let nanoseconds = try u32("key.modifiedNanoseconds")
        guard nanoseconds < 1_000_000_000 else {
            throw .invalid(field: "key.modifiedNanoseconds", offset: at, detail: "expected less than 1,000,000,000, found \(nanoseconds)")
        }
        let identity = SnapshotFileIdentity(device: device, inode: inode, size: size, modifiedSeconds: seconds, modifiedNanoseconds: nanoseconds)
        let contentHash = try u64("key.contentHash")
        let dependencies = try u64("key.dependencies")
        return DigestCacheKey(snapshotPath: path, definition: definition,
                              stamp: SnapshotStamp(identity: identity, contentHash: contentHash), dependencies: dependencies)
    }
}
