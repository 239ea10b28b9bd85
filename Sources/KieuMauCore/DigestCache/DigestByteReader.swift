#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads little-endian fields from untrusted bytes, each read checked against what is left: a
/// short file is `truncated`, a count larger than the bytes left could hold is refused before
/// anything is allocated for it, text must be UTF-8 without the characters a snapshot's reader
/// removes. Field names are built only when something is wrong.
///
/// It reads through a raw pointer, valid only inside the `withUnsafeBytes` that made the reader
/// (`DigestCacheFile.decode`): a stress digest (0.4 MB, 700 provinces) decodes in about a third of
/// a million instructions.
struct DigestByteReader {
    private let raw: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ raw: UnsafeRawBufferPointer, from start: Int) {
        self.raw = raw; offset = start
    }

    var remaining: Int { raw.count - offset }

    mutating func u8(_ field: @autoclosure () -> String) throws(DigestFileError) -> UInt8 {
        try need(1, field)
        defer { offset += 1 }
        return raw[offset]
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

    /// `count` signed values in a row, each within `range`: one check of the length, then a tight
    /// loop (a tally's counts by criteria met, 700 provinces of them in a stress digest).
    /// - Parameter field: the name of the value at an index.
    mutating func i64s(_ count: Int, _ field: (Int) -> String, in range: ClosedRange<Int>) throws(DigestFileError) -> [Int] {
        let start = offset
        guard count <= remaining / 8 else { throw .truncated(field: field(remaining / 8), offset: start + remaining / 8 * 8) }
        offset += 8 * count
        var bad = -1
        let values = [Int](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count {
                let value = Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8 * i, as: Int64.self)))
                buffer[i] = value
                if bad < 0, !range.contains(value) { bad = i }
            }
            initialized = count
        }
        if bad >= 0 {
            throw .invalid(field: field(bad), offset: start + 8 * bad,
                           detail: "expected \(range.lowerBound)…\(range.upperBound), found \(values[bad])")
        }
        return values
    }

    /// The next `count` bytes, valid as long as the reader's.
    mutating func bytes(_ count: Int, _ field: @autoclosure () -> String) throws(DigestFileError) -> UnsafeRawBufferPointer {
        try need(count, field)
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: raw[offset..<offset + count])
    }

    /// A string: its length in bytes, then UTF-8 — free of control, bidi and zero-width characters
    /// unless it is a path (the snapshot reader removes them from every text; an entry holding one
    /// was not written from a snapshot).
    mutating func string(_ field: @autoclosure () -> String, isPath: Bool = false) throws(DigestFileError) -> String {
        let length = try count(field(), elementSize: 1)
        let at = offset
        let utf8 = try bytes(length, field()).assumingMemoryBound(to: UInt8.self)
        guard let text = Self.validUTF8(utf8) else {
            throw .invalid(field: field(), offset: at, detail: "not valid UTF-8")
        }
        if !isPath, Self.mayHoldUnsafeCharacters(utf8), text.unicodeScalars.contains(where: DisplaySafe.isUnsafe) {
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
        defer { offset += size }
        return raw.loadUnaligned(fromByteOffset: offset, as: T.self)
    }

    private func need(_ count: Int, _ field: () -> String) throws(DigestFileError) {
        guard count <= remaining else { throw .truncated(field: field(), offset: offset) }
    }

    /// The string `utf8` spells, or nil when it is not valid UTF-8: decoding repairs what is not
    /// (with U+FFFD), so the string is valid exactly when its bytes are the ones given. (Not
    /// `String(validating:)`, which is generic and looks its types up at run time, 10× slower here.)
    static func validUTF8(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: utf8, as: UTF8.self)
        let same = text.withUTF8 { decoded in
            decoded.count == utf8.count && (utf8.isEmpty || memcmp(decoded.baseAddress!, utf8.baseAddress!, utf8.count) == 0)
        }
        return same ? text : nil
    }

    /// False when the UTF-8 surely holds nothing `DisplaySafe.isUnsafe` refuses: no C0 control or
    /// DEL, and none of the lead bytes of C1 controls (C2), U+061C (D8), U+2000–U+2FFF (E2) or
    /// U+F000–U+FFFF (EF). A byte loop, so that most names cost no scalar decoding.
    static func mayHoldUnsafeCharacters(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var suspect = false
        for i in utf8.indices {
            let b = utf8[i]
            suspect = suspect || b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF
        }
        return suspect
    }
}
