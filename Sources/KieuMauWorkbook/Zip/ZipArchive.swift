/// The entries of a zip archive held in memory, read from its central directory, and their
/// contents on demand (stored or deflated, as workbooks use), within `WorkbookLimits`.
///
/// Written for workbooks rather than as a general zip reader: one disk, no ZIP64 (a workbook
/// within the import's limits never needs it), no encryption. Everything that does not fit is a
/// `WorkbookError` that says what was found; nothing traps on a corrupt or hostile archive.
struct ZipArchive {
    struct Entry: Sendable {
        var name: String
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    let bytes: [UInt8]
    let entries: [Entry]
    let limits: WorkbookLimits
    /// Index of each entry by its name in lower case: part names are case-insensitive (OPC).
    private let index: [String: Int]
    /// Bytes inflated so far from this archive, against `limits.maxTotalBytes`.
    private(set) var inflatedBytes = 0

    static let localHeaderSignature: UInt32 = 0x0403_4B50
    static let centralHeaderSignature: UInt32 = 0x0201_4B50
    static let endSignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50

    init(bytes: [UInt8], limits: WorkbookLimits) throws(WorkbookError) {
        self.bytes = bytes
        self.limits = limits
        let reader = LittleEndian(bytes)
        guard let end = Self.findEnd(reader) else {
            throw WorkbookError("", "the zip archive is truncated or corrupt: its directory (the end record) is missing; save the workbook again")
        }
        let disk = try reader.u16(end + 4), directoryDisk = try reader.u16(end + 6)
        let countOnDisk = try reader.u16(end + 8), count = try reader.u16(end + 10)
        let directorySize = Int(try reader.u32(end + 12)), directoryOffset = Int(try reader.u32(end + 16))
        if disk != 0 || directoryDisk != 0 || countOnDisk != count {
            throw WorkbookError("", "the zip archive is split over several disks, which a workbook never is")
        }
        if end >= 20, (try? reader.u32(end - 20)) == Self.zip64LocatorSignature || count == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
            throw WorkbookError("", "the zip archive is a ZIP64 archive, larger than any workbook the import reads")
        }
        if Int(count) > limits.maxEntries {
            throw WorkbookError("", "the zip archive has \(count) entries, above the limit of \(limits.maxEntries) (a workbook has 10–30)")
        }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else {
            throw WorkbookError("", "the zip archive is truncated or corrupt: its directory lies outside the file")
        }
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        var at = directoryOffset
        for _ in 0..<count {
            guard try reader.u32(at) == Self.centralHeaderSignature else {
                throw WorkbookError("", "the zip archive is corrupt: entry \(entries.count + 1) of its directory is not where the directory says")
            }
            let nameLength = Int(try reader.u16(at + 28)), extraLength = Int(try reader.u16(at + 30))
            let commentLength = Int(try reader.u16(at + 32))
            let name = String(decoding: try reader.slice(at + 46, nameLength), as: UTF8.self)
            let entry = Entry(name: name, flags: try reader.u16(at + 8), method: try reader.u16(at + 10),
                              crc32: try reader.u32(at + 16), compressedSize: Int(try reader.u32(at + 20)),
                              uncompressedSize: Int(try reader.u32(at + 24)), localHeaderOffset: Int(try reader.u32(at + 42)))
            let key = Self.key(name)
            if index[key] != nil {
                throw WorkbookError(name, "the zip archive names this entry twice; which one is meant cannot be told")
            }
            index[key] = entries.count
            entries.append(entry)
            at += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
        self.index = index
    }

    /// The end record: searched backwards from the end, past a comment of up to 65,535 bytes.
    private static func findEnd(_ reader: LittleEndian) -> Int? {
        let last = reader.count - 22
        guard last >= 0 else { return nil }
        var at = last
        while at >= max(0, last - 65_535) {
            if (try? reader.u32(at)) == endSignature, let comment = try? reader.u16(at + 20), at + 22 + Int(comment) == reader.count {
                return at
            }
            at -= 1
        }
        return nil
    }

    private static func key(_ name: String) -> String {
        (name.hasPrefix("/") ? String(name.dropFirst()) : name).lowercased()
    }

    func entry(named name: String) -> Entry? { index[Self.key(name)].map { entries[$0] } }

    /// The contents of the named part, or nil when the archive has no such part.
    mutating func read(_ name: String) throws(WorkbookError) -> [UInt8]? {
        guard let entry = entry(named: name) else { return nil }
        return try read(entry)
    }

    /// The contents of an entry, checked against its declared size, its CRC-32 and the limits.
    mutating func read(_ entry: Entry) throws(WorkbookError) -> [UInt8] {
        let name = entry.name
        if entry.flags & 0x41 != 0 || entry.method == 99 {
            throw WorkbookError(name, "the entry is encrypted; remove the workbook's password (save it again without one) and import that")
        }
        guard entry.method == 0 || entry.method == 8 else {
            throw WorkbookError(name, "the entry is compressed with method \(entry.method); a workbook uses 0 (stored) or 8 (deflate)")
        }
        let size = entry.uncompressedSize
        if size > limits.maxEntryBytes {
            throw WorkbookError(name, "the entry inflates to \(size) bytes, above the limit of \(limits.maxEntryBytes) for one part of a workbook")
        }
        if size > limits.maxTotalBytes - inflatedBytes {
            throw WorkbookError(name, "the workbook's parts inflate to more than \(limits.maxTotalBytes) bytes in all, above the limit")
        }
        if size > limits.ratioCheckedAbove, size / max(1, entry.compressedSize) > limits.maxCompressionRatio {
            throw WorkbookError(name, "the entry inflates \(size / max(1, entry.compressedSize)) times its compressed size (\(entry.compressedSize) to \(size) bytes), above the limit of \(limits.maxCompressionRatio): a zip bomb, not a workbook")
        }
        let reader = LittleEndian(bytes)
        let local = entry.localHeaderOffset
        guard (try? reader.u32(local)) == Self.localHeaderSignature else {
            throw WorkbookError(name, "the zip archive is truncated or corrupt: the entry's header is missing")
        }
        let dataStart = local + 30 + Int(try reader.u16(local + 26)) + Int(try reader.u16(local + 28))
        guard let stored = try? reader.slice(dataStart, entry.compressedSize) else {
            throw WorkbookError(name, "the zip archive is truncated: the entry's data runs past the end of the file")
        }
        let contents: [UInt8]
        if entry.method == 0 {
            guard entry.compressedSize == size else {
                throw WorkbookError(name, "the zip archive is corrupt: a stored entry of \(entry.compressedSize) bytes declares \(size)")
            }
            contents = Array(stored)
        } else {
            contents = try Inflater.inflate(stored, size: size, entry: name)
        }
        guard ZlibChecksum.crc32(contents) == entry.crc32 else {
            throw WorkbookError(name, "the zip archive is corrupt: the entry's checksum (CRC-32) does not match its contents")
        }
        inflatedBytes += size
        return contents
    }
}

/// Little-endian fields of a byte array, each read checked against its end.
struct LittleEndian {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var count: Int { bytes.count }

    func u16(_ at: Int) throws(WorkbookError) -> UInt16 {
        guard at >= 0, at <= bytes.count - 2 else { throw Self.truncated }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) throws(WorkbookError) -> UInt32 {
        guard at >= 0, at <= bytes.count - 4 else { throw Self.truncated }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    func slice(_ at: Int, _ length: Int) throws(WorkbookError) -> ArraySlice<UInt8> {
        guard at >= 0, length >= 0, at <= bytes.count, length <= bytes.count - at else { throw Self.truncated }
        return bytes[at..<(at + length)]
    }

    static let truncated = WorkbookError("", "the zip archive is truncated or corrupt: a record runs past the end of the file")
}
