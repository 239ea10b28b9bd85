import CZlib

/// Writes a zip archive in memory, each entry deflated, as a workbook's parts are stored.
/// Entries carry a fixed time stamp (1 January 1980), so the same parts give the same bytes.
/// Public for the fuzz target, which stores the XML it changes.
public struct ZipWriter: Sendable {
    private var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    public init() {}

    /// Adds an entry; names are the parts' ASCII paths (`xl/workbook.xml`). Stored uncompressed
    /// when `deflated` is false (the fuzz target's workbooks, whose XML the fuzzer then changes).
    public mutating func add(_ name: String, _ contents: [UInt8], deflated: Bool = true) {
        let compressed = deflated ? Self.deflate(contents) : nil
        let stored = compressed == nil
        let data = compressed ?? contents
        let crc = ZlibChecksum.crc32(contents)
        let nameBytes = Array(name.utf8)
        let offset = bytes.count
        // Local header.
        put32(&bytes, ZipArchive.localHeaderSignature)
        put16(&bytes, 20)                       // version needed: 2.0 (deflate)
        put16(&bytes, 0)                        // flags
        put16(&bytes, stored ? 0 : 8)           // method
        put16(&bytes, 0); put16(&bytes, 0x21)   // time, date: 1980-01-01 00:00
        put32(&bytes, crc)
        put32(&bytes, UInt32(data.count)); put32(&bytes, UInt32(contents.count))
        put16(&bytes, UInt16(nameBytes.count)); put16(&bytes, 0)
        bytes += nameBytes
        bytes += data
        // Its record in the central directory.
        put32(&directory, ZipArchive.centralHeaderSignature)
        put16(&directory, 20); put16(&directory, 20)
        put16(&directory, 0); put16(&directory, stored ? 0 : 8)
        put16(&directory, 0); put16(&directory, 0x21)
        put32(&directory, crc)
        put32(&directory, UInt32(data.count)); put32(&directory, UInt32(contents.count))
        put16(&directory, UInt16(nameBytes.count)); put16(&directory, 0); put16(&directory, 0)
        put16(&directory, 0); put16(&directory, 0); put32(&directory, 0)
        put32(&directory, UInt32(offset))
        directory += nameBytes
        count += 1
    }

    /// The archive: the entries, the central directory and the end record.
    public func finished() -> [UInt8] {
        var out = bytes
        let start = out.count
        out += directory
        put32(&out, ZipArchive.endSignature)
        put16(&out, 0); put16(&out, 0)
        put16(&out, UInt16(count)); put16(&out, UInt16(count))
        put32(&out, UInt32(directory.count)); put32(&out, UInt32(start))
        put16(&out, 0)
        return out
    }

    /// Raw deflate at zlib's default level; nil when zlib fails (the entry is then stored).
    static func deflate(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard kieumau_deflate_init_raw(&stream, Z_DEFAULT_COMPRESSION) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))))
        let status: Int32 = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }

    private func put16(_ out: inout [UInt8], _ value: UInt16) {
        out.append(UInt8(value & 0xFF)); out.append(UInt8(value >> 8))
    }

    private func put32(_ out: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
