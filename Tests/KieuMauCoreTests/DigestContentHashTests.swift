import Foundation
import Testing
@testable import KieuMauCore

/// `ContentHash` is wyhash (final version 4): equal to the reference C implementation, the same
/// whether bytes are hashed in memory or read from a file in chunks, and sensitive to every bit.
@Suite struct DigestContentHashTests {
    /// Bytes (i·131 + 17) mod 251, a pattern without short periods.
    static func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8((($0 * 131) + 17) % 251) } }

    /// Computed with the reference `wyhash(p, n, 0, _wyp)` (wangyi-fudan/wyhash, wyhash.h, final
    /// version 4) on `pattern(n)`: every path of the algorithm (0, 1–3, 4–16, 17–48, the 48-byte
    /// loop and its tail) and lengths across the file reader's 256 KiB chunks.
    static let referenceVectors: [(count: Int, hash: UInt64)] = [
        (0, 0x0409638ee2bde459), (1, 0xd4f472fcb8275584), (2, 0x8d717aa2ccfdea9a), (3, 0xc19204c495da2649),
        (4, 0x556201bfbfe887d3), (7, 0x18e97b5ee1dbe86a), (8, 0x92df7fbb7ee8f343), (9, 0xe26133764b4901cb),
        (15, 0xc5a911b4fa341696), (16, 0xbf341ed6f4a7b466), (17, 0x79e7d44bc937f6d2), (31, 0x68adf6b4ea491b10),
        (32, 0x649472868300f69a), (33, 0xce0f4458d55df94a), (47, 0x6da8c97974cfaa5f), (48, 0x6c16c33983ace3e9),
        (49, 0xee21a8b343625f4b), (63, 0x3aa5c395a1af941e), (64, 0x1001327ad6dc76bc), (65, 0xc540ef060cec8acc),
        (95, 0x2d0d7fe807189524), (96, 0xc0cb3ac78891fb54), (97, 0xfa381249ad82d743), (111, 0x8dd07d48dea6625d),
        (112, 0x5a2f65d16a00c92a), (113, 0x189e80b81a567162), (127, 0xe6c529ad0005bf0b), (128, 0xbe9245b968d46fd2),
        (129, 0x5d2a42b573087d7e), (200, 0x205f5a5b4128751b), (1000, 0x4af3d0dfae28c388), (4096, 0x106b1df0a30a72a6),
        (262_261, 0x4416cd421f5a3e9c), (600_000, 0x7f03bd55731d4452),
    ]

    @Test func equalsTheReferenceImplementation() {
        for (count, hash) in Self.referenceVectors {
            #expect(ContentHash.of(Self.pattern(count)) == hash, "\(count) bytes")
        }
        // The vectors of wyhash's README, with their seeds.
        #expect(ContentHash.of("", seed: 0) == 0x0409638ee2bde459)
        #expect(ContentHash.of("a", seed: 1) == 0xa8412d091b5fe0a9)
        #expect(ContentHash.of("abc", seed: 2) == 0x32dd92e4b2915153)
        #expect(ContentHash.of("message digest", seed: 3) == 0x8619124089a3a16b)
    }

    @Test func aFileHashesAsItsBytes() throws {
        let scratch = try ScratchFolder("hash")
        defer { scratch.remove() }
        for (count, hash) in Self.referenceVectors {
            let path = try scratch.write("p\(count)", Self.pattern(count))
            let stamp = try SnapshotStamp.read(path).get()
            #expect(stamp.contentHash == hash, "\(count) bytes from a file")
            #expect(stamp.identity.size == UInt64(count))
        }
        // Around the chunk size, where the carried bytes meet the next read.
        let chunk = FileContentHashing.chunk
        for count in [chunk - 1, chunk, chunk + 1, chunk + 47, chunk + 112, chunk + 113, 2 * chunk + 160, 3 * chunk - 5] {
            let bytes = Self.pattern(count)
            let path = try scratch.write("c\(count)", bytes)
            #expect(try SnapshotStamp.read(path).get().contentHash == ContentHash.of(bytes), "\(count) bytes from a file")
        }
    }

    @Test func everyBitChangesAboutHalfTheHash() {
        let input = Self.pattern(100)
        let base = ContentHash.of(input)
        var changedBits = 0
        var trials = 0
        for byte in input.indices {
            for bit in 0..<8 {
                var flipped = input
                flipped[byte] ^= UInt8(1 << bit)
                let hash = ContentHash.of(flipped)
                #expect(hash != base, "bit \(bit) of byte \(byte)")
                changedBits += (hash ^ base).nonzeroBitCount
                trials += 1
            }
        }
        // 32 of 64 bits on average for a well-mixed hash; 800 trials keep the mean within ±1 of it.
        let mean = Double(changedBits) / Double(trials)
        #expect(abs(mean - 32) < 1, "mean bits changed: \(mean)")
    }

    @Test func onlyRegularFilesAreStamped() throws {
        let scratch = try ScratchFolder("stamp")
        defer { scratch.remove() }
        #expect(SnapshotStamp.read(scratch.path).failureValue?.message == "not a regular file")
        let fifo = scratch.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(SnapshotStamp.read(fifo).failureValue?.message == "not a regular file")
        #expect(SnapshotStamp.read(scratch.path + "/missing").failureValue?.message.hasPrefix("cannot read") == true)
        let big = try scratch.write("big", Self.pattern(100))
        #expect(SnapshotStamp.read(big, limit: 99).failureValue?.message.contains("above the limit") == true)
    }
}
