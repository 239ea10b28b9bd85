/// Why bytes are not a digest cache file (`DigestCacheFile.decode`), in words a person can act on.
/// Offsets count from the start of the file.
public enum DigestFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Fewer bytes than the file header.
    case tooShort(size: Int)
    /// More bytes than a cache file may have.
    case tooLarge(size: Int, limit: Int)
    case badMagic
    case unsupportedVersion(Int)
    case unsupportedFlags(Int)
    /// The header's payload length and the bytes after the header disagree.
    case payloadLength(declared: Int, found: Int)
    case checksumMismatch(stored: UInt64, computed: UInt64)
    /// The payload ends inside `field`.
    case truncated(field: String, offset: Int)
    /// A count (of elements, or of bytes of a string) larger than the bytes left could hold.
    case countTooLarge(field: String, count: Int, room: Int)
    /// A value no digest has: an unknown stage, a day that does not exist, text with control characters…
    case invalid(field: String, offset: Int, detail: String)
    /// Bytes after the last section.
    case trailingBytes(count: Int, offset: Int)

    public var description: String {
        switch self {
        case .tooShort(let size):
            return "truncated: \(size) bytes, fewer than the \(DigestCacheFile.headerSize) of the file header"
        case .tooLarge(let size, let limit):
            return "file is \(size) bytes, above the limit of \(limit) bytes for a digest cache file"
        case .badMagic:
            return "bad magic: not a kieumau digest cache file"
        case .unsupportedVersion(let version):
            return "version \(version) not supported (this program reads version \(DigestCacheFile.formatVersion))"
        case .unsupportedFlags(let flags):
            return "flags \(flags) not supported (expected 0)"
        case .payloadLength(let declared, let found):
            return declared > found
                ? "truncated: the header says \(declared) payload bytes, the file holds \(found)"
                : "the header says \(declared) payload bytes, the file holds \(found) (\(found - declared) bytes after the payload)"
        case .checksumMismatch(let stored, let computed):
            return "checksum mismatch: stored \(hex(stored)), payload hashes to \(hex(computed))"
        case .truncated(let field, let offset):
            return "truncated in \(field) at byte \(offset)"
        case .countTooLarge(let field, let count, let room):
            return "\(field): count \(count) exceeds what the file can hold (at most \(room))"
        case .invalid(let field, let offset, let detail):
            return "\(field) at byte \(offset): \(detail)"
        case .trailingBytes(let count, let offset):
            return "\(count) bytes after the last section, at byte \(offset)"
        }
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 16 - digits.count) + digits
    }
}
