/// A synthetic administrative map of a given size, named after the real one: province, district and
/// ward names are taken from the real 63-province map in turn (with a number in brackets once the
/// real names run out), so names have real lengths and diacritics for folding, sorting and width.
struct ScaleMap: Sendable {
    var id: String
    var provinces: [ReferenceProvince]
    var wards: [ReferenceWard]

    /// Wards per district: about the size of a real urban district's list of phường.
    static let wardsPerDistrict = 12

    init(id: String, units: Int, provinceCount: Int, seed: UInt64, names base: AdminMap) {
        self.id = id
        let sizes = ScaleMap.apportion(units, among: provinceCount, seed: seed, key: id)
        let provinceNames = base.provinces.map(\.name)
        let districtNames = base.districts.isEmpty ? ["Quận"] : base.districts.map(\.name)
        let wardNames = base.wards.isEmpty ? ["Phường"] : base.wards.map(\.name)
        let provinceDigits = String(provinceCount).count
        let wardDigits = max(5, String(units).count)
        var provinces: [ReferenceProvince] = []
        var wards: [ReferenceWard] = []
        provinces.reserveCapacity(provinceCount)
        wards.reserveCapacity(units)
        var districtCount = 0
        for (p, size) in sizes.enumerated() {
            let code = ScaleMap.padded(p + 1, provinceDigits)
            provinces.append(ReferenceProvince(code: code, name: ScaleMap.name(provinceNames, p), phuong: size))
            let districts = max(1, (size + ScaleMap.wardsPerDistrict / 2) / ScaleMap.wardsPerDistrict)
            for w in 0..<size {
                let d = districtCount + w * districts / size
                wards.append(ReferenceWard(provinceCode: code, districtCode: ScaleMap.padded(d + 1, 5),
                                           districtName: ScaleMap.name(districtNames, d),
                                           code: ScaleMap.padded(wards.count + 1, wardDigits),
                                           name: ScaleMap.name(wardNames, wards.count)))
            }
            districtCount += districts
        }
        self.provinces = provinces
        self.wards = wards
    }

    /// The `i`-th name of the pool, with "(2)", "(3)" … on later rounds through it.
    static func name(_ pool: [String], _ i: Int) -> String {
        let round = i / pool.count
        return round == 0 ? pool[i] : "\(pool[i % pool.count]) (\(round + 1))"
    }

    /// Splits `total` units among `count` provinces, unevenly as real provinces are (weights from
    /// 0.3 to 3 drawn per province), by largest remainder so the sizes add up exactly; each gets one or more.
    static func apportion(_ total: Int, among count: Int, seed: UInt64, key: String) -> [Int] {
        guard count > 0 else { return [] }
        let weights = (0..<count).map { i -> Double in
            let u = SplitMix64.draw(seed: seed, key: "size:\(key):\(i)")
            return 0.3 + 2.7 * u * u
        }
        let spare = max(0, total - count)   // one unit each first
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(spare) * $0 / sum }
        var sizes = exact.map { 1 + Int($0.rounded(.down)) }
        let remainders = exact.enumerated()
            .map { ($0.offset, $0.element - $0.element.rounded(.down)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let missing = total - sizes.reduce(0, +)
        for (i, _) in remainders.prefix(max(0, missing)) { sizes[i] += 1 }
        return sizes
    }

    static func padded(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// The map file, in the layout of the generated maps.
    func document(title: String, notes: [String]) -> String {
        var districts: [OrderedJSON] = []
        var seen: Set<String> = []
        for w in wards {
            guard let code = w.districtCode, let name = w.districtName, seen.insert(code).inserted else { continue }
            districts.append(.array([.string(code), .string(name), .string(w.provinceCode)]))
        }
        return DataFileJSON.document([
            ("format", "kieumau.map"), ("version", 1),
            ("id", .string(id)),
            ("title", .string(title)),
            ("effective", .null),
            ("sources", .array([MapFiles.packageSource])),
            ("notes", .array([.string(MapFiles.licenceNote)] + notes.map { .string($0) })),
            ("provinces", .array(provinces.map { .array([.string($0.code), .string($0.name), .int($0.phuong)]) })),
            ("districts", .array(districts)),
            ("wards", .array(wards.map {
                .array([.string($0.code), .string($0.name), .string($0.provinceCode), .string($0.districtCode ?? "")])
            })),
        ])
    }
}
