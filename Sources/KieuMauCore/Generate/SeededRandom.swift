/// SplitMix64 (Steele, Lea, Flood 2014): a small generator whose output depends only on its seed,
/// so the demo data come out byte for byte the same on every run and platform. Public for the tests'
/// replayable random inputs.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator keyed by a seed and a label (e.g. a ward code and what is drawn for it), so each
    /// ward's draws do not depend on how many other wards exist or the order they are visited in.
    init(seed: UInt64, key: String) { state = seed ^ SplitMix64.fnv1a(key) }

    /// The first unit draw of the generator keyed by `key`: one fixed number per seed and key.
    static func draw(seed: UInt64, key: String) -> Double {
        var g = SplitMix64(seed: seed, key: key)
        return g.unit()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1) with 53 bits; only exact IEEE operations, so it is portable.
    mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    /// A uniform integer in `range` (modulo bias is negligible for the small ranges used here).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// FNV-1a over UTF-8: a fixed hash (Swift's `Hasher` is seeded per process and would not do).
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
