/// Which old provinces make up each province of a later map, and which of them went into it whole,
/// so that a province-level count made on the old map can be carried across the change exactly:
/// a province that kept its borders carries its figure, one formed from whole old provinces the
/// sum of theirs. Anything else stays "on the old map".
public struct ProvinceSuccession: Sendable {
    public let fromMapID: String
    public let toMapID: String
    /// Old provinces by the code of the later province they went into, in old-map order.
    public let predecessors: [String: [Province]]
    /// Codes of old provinces every ward of which went into the one later province the crosswalk
    /// names for it (wards that became communes, or have no link, do not count against it).
    public let mergedWhole: Set<String>

    public init(crosswalk: Crosswalk, earlier: AdminMap, later: AdminMap) {
        fromMapID = earlier.id
        toMapID = later.id
        var predecessors: [String: [Province]] = [:]
        var whole = Set<String>()
        for (i, p) in earlier.provinces.enumerated() {
            guard let target = crosswalk.newProvince(of: p.code), later.province(target) != nil else { continue }
            predecessors[target, default: []].append(p)
            let stays = earlier.wards(ofProvinceAt: i).allSatisfy { w in
                guard let newWard = crosswalk.defaultTarget(of: w.code), let ward = later.ward(newWard) else { return true }
                return ward.provinceCode == target
            }
            if stays { whole.insert(p.code) }
        }
        self.predecessors = predecessors
        mergedWhole = whole
    }

    /// The old provinces of a later province, and whether all of them went into it whole.
    public func parts(of code: String) -> (provinces: [Province], exact: Bool) {
        let parts = predecessors[code] ?? []
        return (parts, !parts.isEmpty && parts.allSatisfy { mergedWhole.contains($0.code) })
    }
}
