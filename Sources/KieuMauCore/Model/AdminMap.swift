/// An administrative map in force: provinces and their wards ("phường").
/// Two exist: the 63-province map before 1/7/2025 and the 34-province map after it.
public struct AdminMap: Sendable {
    public var id: String
    public var title: String
    public var effective: Day?
    public var hasDistricts: Bool
    public var provinces: [Province]
    public var districts: [District]
    /// Sorted by province in the order of `provinces`, then as listed in the file.
    public var wards: [Ward]
    public var sources: [Source]
    public var notes: [String]

    /// Index of a province by code.
    public private(set) var provinceIndex: [String: Int]
    /// Index of a ward by code.
    public private(set) var wardIndex: [String: Int]
    /// Index of a district by code.
    public private(set) var districtIndex: [String: Int]
    /// For each province (by index), the range of its wards in `wards`.
    public private(set) var wardRanges: [Range<Int>]

    public init(id: String, title: String, effective: Day?, hasDistricts: Bool,
                provinces: [Province], districts: [District], wards: [Ward],
                sources: [Source] = [], notes: [String] = []) {
        self.id = id; self.title = title; self.effective = effective; self.hasDistricts = hasDistricts
        self.districts = districts; self.sources = sources; self.notes = notes
        var pIndex: [String: Int] = [:]
        pIndex.reserveCapacity(provinces.count)
        for (i, p) in provinces.enumerated() where pIndex[p.code] == nil { pIndex[p.code] = i }
        // Wards grouped by province in province order (as map files are written) need no copy;
        // otherwise a stable bucket sort groups them. Wards of unknown provinces are left out.
        var sorted: [Ward] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(provinces.count)
        var grouped = true
        var last = -1
        var starts = [Int](repeating: -1, count: provinces.count)
        var lastCode: String?
        for i in wards.indices {
            let code = wards[i].provinceCode
            if code == lastCode { continue }   // same province as the ward before: no hashing
            guard let p = pIndex[code], p > last else { grouped = false; break }
            starts[p] = i; last = p; lastCode = code
        }
        if grouped {
            sorted = wards
            // One pass from the last province back: each range ends where the next non-empty
            // province starts, and an empty province gets an empty range there. (Searching forward
            // from each province was quadratic: a map of 100,000 empty provinces took minutes.)
            ranges = Array(repeating: 0..<0, count: provinces.count)
            var next = wards.count
            for p in provinces.indices.reversed() {
                if starts[p] >= 0 { ranges[p] = starts[p]..<next; next = starts[p] } else { ranges[p] = next..<next }
            }
        } else {
            var buckets = [[Ward]](repeating: [], count: provinces.count)
            for w in wards { if let i = pIndex[w.provinceCode] { buckets[i].append(w) } }
            sorted.reserveCapacity(wards.count)
            for b in buckets { let start = sorted.count; sorted.append(contentsOf: b); ranges.append(start..<sorted.count) }
        }
        var wIndex: [String: Int] = [:]
        wIndex.reserveCapacity(sorted.count)
        // One hash per ward (this runs 100,000 times); a repeated code, which the decoder reports,
        // keeps the index of its first ward.
        for i in sorted.indices {
            if let first = wIndex.updateValue(i, forKey: sorted[i].code) { wIndex[sorted[i].code] = first }
        }
        var dIndex: [String: Int] = [:]
        for (i, d) in districts.enumerated() where dIndex[d.code] == nil { dIndex[d.code] = i }
        self.provinces = provinces; self.wards = sorted
        self.provinceIndex = pIndex; self.wardIndex = wIndex; self.districtIndex = dIndex; self.wardRanges = ranges
    }

    public func province(_ code: String) -> Province? { provinceIndex[code].map { provinces[$0] } }
    public func ward(_ code: String) -> Ward? { wardIndex[code].map { wards[$0] } }
    public func district(_ code: String?) -> District? { code.flatMap { districtIndex[$0] }.map { districts[$0] } }
    public func wards(ofProvinceAt index: Int) -> ArraySlice<Ward> { wards[wardRanges[index]] }
}

/// A province or centrally-run city ("tỉnh", "thành phố trực thuộc trung ương").
public struct Province: Hashable, Sendable {
    public var code: String
    public var name: String
    /// Number of ward police units ("Công an phường") = its phường on this map; the denominator of its share.
    public var units: Int
    public init(code: String, name: String, units: Int) { self.code = code; self.name = name; self.units = units }
}

/// A district ("quận", "huyện", "thị xã", "thành phố thuộc tỉnh"), on maps that have them.
public struct District: Hashable, Sendable {
    public var code: String
    public var name: String
    public var provinceCode: String
    public init(code: String, name: String, provinceCode: String) { self.code = code; self.name = name; self.provinceCode = provinceCode }
}

/// A ward ("phường"): the area of one ward police unit.
public struct Ward: Hashable, Sendable {
    public var code: String
    public var name: String
    public var provinceCode: String
    public var districtCode: String?
    public init(code: String, name: String, provinceCode: String, districtCode: String? = nil) {
        self.code = code; self.name = name; self.provinceCode = provinceCode; self.districtCode = districtCode
    }
}
