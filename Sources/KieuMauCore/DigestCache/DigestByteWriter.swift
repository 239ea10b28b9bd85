/// Appends little-endian fields to a growing byte array: the encoding side of `DigestByteReader`.
struct DigestByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func u16(_ value: UInt16) { append(value.littleEndian) }
    mutating func u32(_ value: UInt32) { append(value.littleEndian) }
    mutating func u64(_ value: UInt64) { append(value.littleEndian) }
    mutating func i64(_ value: Int) { append(Int64(value).littleEndian) }

    /// A count of what follows. Real counts are far below 2³² (a cache file is at most
    /// `DigestCacheFile.sizeLimit` bytes); a larger one is written as 2³²−1, which no file can hold,
    /// so the entry is refused when it is checked before being stored.
    mutating func count(_ value: Int) { u32(UInt32(clamping: value)) }

    /// Its length in bytes, then its UTF-8.
    mutating func string(_ value: String) {
        count(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func raw(_ values: [UInt8]) { bytes.append(contentsOf: values) }

    mutating func day(_ day: Day) {
        u16(UInt16(clamping: day.year)); u8(UInt8(clamping: day.month)); u8(UInt8(clamping: day.day))
    }

    /// Overwrites bytes already written (the file header, once the payload is known).
    mutating func patch(at offset: Int, _ values: [UInt8]) {
        bytes.replaceSubrange(offset..<offset + values.count, with: values)
    }

    private mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }
}
