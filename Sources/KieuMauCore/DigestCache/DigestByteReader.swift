/// Reads little-endian fields from untrusted bytes, each read checked against what is left: a
/// short file is `truncated`, a count larger than the bytes left could hold is refused before
/// anything is allocated for it, text must be UTF-8 without the characters a snapshot's reader
/// removes. Field names are built only when something is wrong.
struct DigestByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    let end: Int

    init(_ bytes: [UInt8], from start: Int) {
        self.bytes = bytes; offset = start; end = bytes.count
    }

    var remaining: Int { end - offset }

    mutating func u8(_ field: @autoclosure () -> String) throws(DigestFileError) -> UInt8 {
        try need(1, field)
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u16(_ field: @autoclosure () -> String) throws(DigestFileError) -> UInt16 {
        UInt16(littleEndian: try load(field))
    }

    mutating func u32(_ field: @autoclosure () -> String) throws(DigestFileError) -> UInt32 {
        UInt32(littleEndian: try load(field))
    }

    mutating func u64(_ field: @autoclosure () -> String) throws(DigestFileError) -> UInt64 {
        UInt64(littleEndian: try load(field))
    }

    mutating func i64(_ field: @autoclosure () -> String) throws(DigestFileError) -> Int {
        Int(Int64(littleEndian: try load(field)))
    }

    /// A signed value that must lie in `range` (a count of units, a year…).
    mutating func i64(_ field: @autoclosure () -> String, in range: ClosedRange<Int>) throws(DigestFileError) -> Int {
        let at = offset
        let value = try i64(field())
        guard range.contains(value) else {
            throw .invalid(field: field(), offset: at, detail: "expected \(range.lowerBound)…\(range.upperBound), found \(value)")
        }
        return value
    }

    /// 0 or 1.
    mutating func bool(_ field: @autoclosure () -> String) throws(DigestFileError) -> Bool {
        let at = offset
        switch try u8(field()) {
        case 0: return false
        case 1: return true
        case let other: throw .invalid(field: field(), offset: at, detail: "expected 0 or 1, found \(other)")
        }
    }

    /// A count of elements each at least `elementSize` bytes long; refused when the bytes left
    /// cannot hold that many, so that no array is sized from an unchecked count.
    mutating func count(_ field: @autoclosure () -> String, elementSize: Int) throws(DigestFileError) -> Int {
        let n = Int(try u32(field()))
        let room = remaining / max(1, elementSize)
        guard n <= room else { throw .countTooLarge(field: field(), count: n, room: room) }
        return n
    }

    /// `count` bytes as they are.
    mutating func raw(_ count: Int, _ field: @autoclosure () -> String) throws(DigestFileError) -> [UInt8] {
        try need(count, field)
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// A string: its length in bytes, then UTF-8 — free of control, bidi and zero-width characters
    /// unless it is a path (the snapshot reader removes them from every text; an entry holding one
    /// was not written from a snapshot).
    mutating func string(_ field: @autoclosure () -> String, isPath: Bool = false) throws(DigestFileError) -> String {
        let length = try count(field(), elementSize: 1)
        let at = offset
        let utf8 = bytes[offset..<offset + length]
        offset += length
        let text = String(decoding: utf8, as: UTF8.self)
        guard text.utf8.elementsEqual(utf8) else {
            throw .invalid(field: field(), offset: at, detail: "not valid UTF-8")
        }
        if !isPath, DisplaySafe.mayNeedCleaning(utf8: utf8), text.unicodeScalars.contains(where: DisplaySafe.isUnsafe) {
            throw .invalid(field: field(), offset: at, detail: "text with a control, bidi or zero-width character")
        }
        return text
    }

    mutating func day(_ field: @autoclosure () -> String) throws(DigestFileError) -> Day {
        let at = offset
        let year = Int(try u16(field())), month = Int(try u8(field())), day = Int(try u8(field()))
        guard let result = Day(year: year, month: month, day: day) else {
            throw .invalid(field: field(), offset: at, detail: "\(year)-\(month)-\(day) is not a day")
        }
        return result
    }

    /// One byte naming a case of `T`.
    mutating func enumeration<T>(_ field: @autoclosure () -> String, _ cases: [T]) throws(DigestFileError) -> T {
        let at = offset
        let raw = Int(try u8(field()))
        guard raw < cases.count else {
            throw .invalid(field: field(), offset: at, detail: "expected 0…\(cases.count - 1), found \(raw)")
        }
        return cases[raw]
    }

    private mutating func load<T: FixedWidthInteger>(_ field: () -> String) throws(DigestFileError) -> T {
        let size = MemoryLayout<T>.size
        try need(size, field)
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        offset += size
        return value
    }

    private func need(_ count: Int, _ field: () -> String) throws(DigestFileError) {
        guard count <= remaining else { throw .truncated(field: field(), offset: offset) }
    }
}
