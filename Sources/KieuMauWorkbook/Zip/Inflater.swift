import CZlib

/// Inflates a zip entry's deflate data with the system's zlib, into the size the archive
/// declares and one byte more: output reaching that byte (a zip bomb that lies about its size)
/// or falling short (a truncated entry) is an error, found without inflating further.
enum Inflater {
    static func inflate(_ input: ArraySlice<UInt8>, size: Int, entry: String) throws(WorkbookError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size + 1)
        var stream = z_stream()
        guard kieumau_inflate_init_raw(&stream) == Z_OK else {
            throw WorkbookError(entry, "zlib could not start inflating (out of memory)")
        }
        defer { inflateEnd(&stream) }
        let status: Int32 = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        let produced = Int(stream.total_out)
        if produced > size {
            throw WorkbookError(entry, "the entry inflates to more than the \(size) bytes its header declares: a zip bomb or a corrupt file")
        }
        switch status {
        case Z_STREAM_END where produced == size:
            output.removeLast()
            return output
        case Z_STREAM_END, Z_OK, Z_BUF_ERROR:
            throw WorkbookError(entry, "the zip archive is truncated or corrupt: the entry inflates to \(produced) of the \(size) bytes it declares")
        default:
            throw WorkbookError(entry, "the zip archive is corrupt: the entry's compressed data is not valid deflate data")
        }
    }
}

/// zlib's CRC-32, as zip entries are checked with.
enum ZlibChecksum {
    static func crc32(_ bytes: some Collection<UInt8>) -> UInt32 {
        let value: UInt? = bytes.withContiguousStorageIfAvailable { buffer in
            var crc = CZlib.crc32(0, nil, 0)
            var at = 0
            // zlib takes a 32-bit length: large parts in chunks.
            while at < buffer.count {
                let length = min(buffer.count - at, 1 << 30)
                crc = CZlib.crc32(crc, buffer.baseAddress.map { $0 + at }, UInt32(length))
                at += length
            }
            return crc
        }
        return UInt32(truncatingIfNeeded: value ?? UInt(crc32(Array(bytes))))
    }
}
