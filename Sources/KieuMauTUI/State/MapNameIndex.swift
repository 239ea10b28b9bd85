import Glibc
import KieuMauCore

/// The names of a map as the lists filter and sort them, worked out once per map instead of on
/// every keystroke: folded (`SearchFolding`) for the filter, and each name's place in name order
/// (`ListQueries.sortKey`, then map order) so that a name sort compares integers.
///
/// Provinces are done when the index is made. Wards are done a province at a time, when a list of
/// that province is first shown (`prepareWards`): at 100,000 wards folding them all at launch
/// would cost time and memory the first frame does not need.
public struct MapNameIndex: Sendable {
    /// The map the names are of; its arrays are shared, not copied.
    private let map: AdminMap
    /// Folded province names, by index in `map.provinces`.
    public let provinceFolded: [String]
    /// Each province's position in name order, by index in `map.provinces`.
    public let provinceNameRank: [Int32]

    /// Folded ward names and their districts' folded names ("" without one), by index in
    /// `map.wards`; filled for the provinces in `wardsReady`.
    public private(set) var wardFolded: [String] = []
    public private(set) var wardDistrictFolded: [String] = []
    /// Each ward's position in name order among the wards of its province.
    public private(set) var wardRankInProvince: [Int32] = []
    /// Each ward's position in name order among all wards of the map (nil until a list of the
    /// whole map is sorted by name).
    public private(set) var wardRankInMap: [Int32]?
    private var wardsReady: [Bool]

    /// Names folded so far (provinces, wards and districts): work counted by the tests.
    public private(set) var namesFolded = 0

    public init(_ map: AdminMap) {
        self.map = map
        let folded = map.provinces.map { SearchFolding.fold($0.name) }
        provinceFolded = folded
        provinceNameRank = Self.ranks(of: folded.map { ListQueries.sortKey(folded: $0) })
        wardsReady = Array(repeating: false, count: map.provinces.count)
        namesFolded = 2 * map.provinces.count
    }

    /// True when this index was made from `map` (or from a map with the same places), so it can be
    /// kept across a snapshot step. Arrays that share storage compare without looking at elements.
    public func isIndex(of other: AdminMap) -> Bool {
        map.id == other.id && map.provinces == other.provinces && map.districts == other.districts && map.wards == other.wards
    }

    /// True when the wards of `province` (every ward when nil) have their names folded and ranked.
    public func wardsAreReady(in province: Int?) -> Bool {
        guard let province else { return wardsReady.allSatisfy { $0 } && wardRankInMap != nil }
        return wardsReady.indices.contains(province) && wardsReady[province]
    }

    /// Folds and ranks the names of the wards of `province` (of the whole map when nil) unless done.
    public mutating func prepareWards(in province: Int?) {
        if wardFolded.isEmpty && !map.wards.isEmpty {
            wardFolded = Array(repeating: "", count: map.wards.count)
            wardDistrictFolded = Array(repeating: "", count: map.wards.count)
            wardRankInProvince = Array(repeating: 0, count: map.wards.count)
        }
        guard let province else {
            for p in map.provinces.indices { prepareProvince(p) }
            if wardRankInMap == nil {
                wardRankInMap = Self.ranks(of: map.wards.map { ListQueries.sortKey($0.name) })
                namesFolded += map.wards.count
            }
            return
        }
        if map.provinces.indices.contains(province) { prepareProvince(province) }
    }

    private mutating func prepareProvince(_ p: Int) {
        guard !wardsReady[p] else { return }
        let range = map.wardRanges[p]
        var districts: [String: String] = [:]   // folded once per district, shared by its wards
        var keys: [String] = []
        keys.reserveCapacity(range.count)
        for wi in range {
            let ward = map.wards[wi]
            let folded = SearchFolding.fold(ward.name)
            wardFolded[wi] = folded
            keys.append(ListQueries.sortKey(folded: folded))
            namesFolded += 2
            if let code = ward.districtCode, let district = map.district(code) {
                if let folded = districts[code] { wardDistrictFolded[wi] = folded } else {
                    let folded = SearchFolding.fold(district.name)
                    districts[code] = folded
                    wardDistrictFolded[wi] = folded
                    namesFolded += 1
                }
            }
        }
        let ranks = Self.ranks(of: keys)
        for (offset, wi) in range.enumerated() { wardRankInProvince[wi] = ranks[offset] }
        wardsReady[p] = true
    }

    /// The position of each key in ascending order, ties broken by position in `keys`: sorting any
    /// subset by it gives the order a sort by (key, index) gives.
    static func ranks(of keys: [String]) -> [Int32] {
        // Compared as UTF-8 bytes, which order as the keys' scalars do (keys are folded, nearly
        // always ASCII): String's `<` costs a start ~10,000 instructions a province at 700.
        var flat: [UInt8] = []
        var start: [Int] = [], length: [Int] = []
        start.reserveCapacity(keys.count); length.reserveCapacity(keys.count)
        for key in keys {
            start.append(flat.count)
            flat.append(contentsOf: key.utf8)
            length.append(flat.count - start[start.count - 1])
        }
        let order = flat.withUnsafeBufferPointer { buffer -> [Int] in
            let base = buffer.baseAddress
            return keys.indices.sorted { a, b in
                let n = min(length[a], length[b])
                if n > 0, let base {
                    let c = memcmp(base + start[a], base + start[b], n)
                    if c != 0 { return c < 0 }
                }
                return length[a] != length[b] ? length[a] < length[b] : a < b
            }
        }
        var rank = [Int32](repeating: 0, count: keys.count)
        for (position, i) in order.enumerated() { rank[i] = Int32(truncatingIfNeeded: position) }
        return rank
    }
}
