/// A fast, well-distributed 64-bit hash of bytes: wyhash, final version 4 (Wang Yi, public domain;
/// it passes SMHasher), written out here so that the cache needs no dependency. It keys digest cache
/// entries by a snapshot's content, checks their payloads and names their files; it is not a
/// defence against someone who crafts collisions.
///
/// Each 48 bytes cost three 64×64→128-bit multiplications and a few loads and xors, about 0.45
/// instructions a byte (docs/FORMAT.md, "The digest cache", has the measured figure). The result
/// equals the reference C implementation's `wyhash(key, len, seed, _wyp)` on little-endian machines.
public enum ContentHash {
    /// The reference's default secret `_wyp`.
    static let secret0: UInt64 = 0xa076_1d64_78bd_642f
    static let secret1: UInt64 = 0xe703_7ed1_a0b4_28db
    static let secret2: UInt64 = 0x8ebc_6af0_9c88_c6e3
    static let secret3: UInt64 = 0x5899_65cc_7537_4cc3

    /// The hash of `bytes`.
    public static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var state = State(seed: seed)
        guard let base = bytes.baseAddress, bytes.count > 16 else { return state.short(bytes) }
        var p = base
        var remaining = bytes.count
        if remaining > 48 {
            repeat {
                state.consumeBlock(p)
                p += 48
                remaining -= 48
            } while remaining > 48
        }
        return state.finish(at: p, remaining: remaining, total: bytes.count, consumedBlocks: bytes.count > 48)
    }

    public static func of(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { of($0, seed: seed) }
    }

    public static func of(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// The running state: `seed` and the two extra lanes of the 48-byte loop.
    struct State {
        var seed: UInt64
        var lane1: UInt64
        var lane2: UInt64

        init(seed: UInt64) {
            let mixed = seed ^ ContentHash.mix(seed ^ ContentHash.secret0, ContentHash.secret1)
            self.seed = mixed; lane1 = mixed; lane2 = mixed
        }

        /// One turn of the loop over 48 bytes, taken while more than 48 bytes follow its start.
        @inline(__always)
        mutating func consumeBlock(_ p: UnsafeRawPointer) {
            seed = ContentHash.mix(read8(p) ^ ContentHash.secret1, read8(p + 8) ^ seed)
            lane1 = ContentHash.mix(read8(p + 16) ^ ContentHash.secret2, read8(p + 24) ^ lane1)
            lane2 = ContentHash.mix(read8(p + 32) ^ ContentHash.secret3, read8(p + 40) ^ lane2)
        }

        /// The end of an input longer than 16 bytes: `remaining` (17…48, or more when the caller
        /// has not run the block loop to its end) bytes at `p`, and at least 16 readable bytes
        /// before `p + remaining` (the last 16 may overlap bytes already consumed).
        func finish(at start: UnsafeRawPointer, remaining count: Int, total: Int, consumedBlocks: Bool) -> UInt64 {
            var state = self
            var p = start
            var remaining = count
            while remaining > 48 {
                state.consumeBlock(p)
                p += 48
                remaining -= 48
            }
            if consumedBlocks { state.seed ^= state.lane1 ^ state.lane2 }
            while remaining > 16 {
                state.seed = ContentHash.mix(read8(p) ^ ContentHash.secret1, read8(p + 8) ^ state.seed)
                p += 16
                remaining -= 16
            }
            return state.final(a: read8(p + remaining - 16), b: read8(p + remaining - 8), total: total)
        }

        /// An input of 16 bytes or fewer.
        func short(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
            let n = bytes.count
            guard n > 0, let p = bytes.baseAddress else { return final(a: 0, b: 0, total: 0) }
            if n >= 4 {
                let middle = (n >> 3) << 2
                let a = (read4(p) << 32) | read4(p + middle)
                let b = (read4(p + n - 4) << 32) | read4(p + n - 4 - middle)
                return final(a: a, b: b, total: n)
            }
            let a = (UInt64(bytes[0]) << 16) | (UInt64(bytes[n >> 1]) << 8) | UInt64(bytes[n - 1])
            return final(a: a, b: 0, total: n)
        }

        private func final(a: UInt64, b: UInt64, total: Int) -> UInt64 {
            let product = (a ^ ContentHash.secret1).multipliedFullWidth(by: b ^ seed)
            return ContentHash.mix(product.low ^ ContentHash.secret0 ^ UInt64(truncatingIfNeeded: total),
                                   product.high ^ ContentHash.secret1)
        }
    }

    /// Multiply to 128 bits and fold the halves together ("MUM").
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.low ^ product.high
    }
}

@inline(__always)
private func read8(_ p: UnsafeRawPointer) -> UInt64 {
    UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
}

@inline(__always)
private func read4(_ p: UnsafeRawPointer) -> UInt64 {
    UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
}
