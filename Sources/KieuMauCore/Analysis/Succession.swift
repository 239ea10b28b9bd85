/// How the provinces and wards of an earlier snapshot's map continue on a later one: by code when
/// the map is the same, through a crosswalk across a map change. An old ward's figures carry over to
/// one new unit only (its default target when it was split), so every old ward is counted once.
struct Succession {
    /// For each later province (index), the earlier provinces (indices) that make it up.
    var provincePredecessors: [[Int]]
    /// For each later ward (index), the earlier wards (indices, in earlier map order) it continues.
    var wardPredecessors: [[Int]]
    /// For each earlier ward: it was split among several new units and carries to its default only.
    var split: [Bool]
    /// For each earlier ward: its default target is on the crosswalk but is not a ward of the later
    /// map (a commune, xã, or special zone).
    var intoCommune: [Bool]
    /// For each earlier ward: it has no row in the crosswalk at all.
    var unlinked: [Bool]

    /// The predecessor that stands for a later ward when one must be chosen (criteria compared,
    /// before-state shown): the old ward whose code it keeps, else the first; -1 when none.
    func principal(of ward: Int, earlier: AdminMap, later: AdminMap) -> Int {
        let preds = wardPredecessors[ward]
        let code = later.wards[ward].code
        return preds.first { earlier.wards[$0].code == code } ?? preds.first ?? -1
    }

    /// Same map id: provinces and wards matched by code (codes missing on one side stay unmatched).
    static func byCode(earlier: AdminMap, later: AdminMap) -> Succession {
        let provinces = later.provinces.map { p in earlier.provinceIndex[p.code].map { [$0] } ?? [] }
        let wards = later.wards.map { w in earlier.wardIndex[w.code].map { [$0] } ?? [] }
        var unlinked = [Bool](repeating: true, count: earlier.wards.count)
        for preds in wards { for p in preds { unlinked[p] = false } }
        let none = [Bool](repeating: false, count: earlier.wards.count)
        return Succession(provincePredecessors: provinces, wardPredecessors: wards, split: none,
                          intoCommune: none, unlinked: unlinked)
    }

    /// Across a map change: provinces through the crosswalk's province pairs (merged whole), wards
    /// through their default target.
    static func through(_ crosswalk: Crosswalk, earlier: AdminMap, later: AdminMap) -> Succession {
        var provinces = [[Int]](repeating: [], count: later.provinces.count)
        for (i, p) in earlier.provinces.enumerated() {
            if let code = crosswalk.newProvince(of: p.code), let j = later.provinceIndex[code] { provinces[j].append(i) }
        }
        var wards = [[Int]](repeating: [], count: later.wards.count)
        var split = [Bool](repeating: false, count: earlier.wards.count)
        var intoCommune = split, unlinked = split
        for (i, w) in earlier.wards.enumerated() {
            let links = crosswalk.targets(of: w.code)
            guard !links.isEmpty, let target = crosswalk.defaultTarget(of: w.code) else { unlinked[i] = true; continue }
            split[i] = links.count > 1
            if let j = later.wardIndex[target] { wards[j].append(i) } else { intoCommune[i] = true }
        }
        return Succession(provincePredecessors: provinces, wardPredecessors: wards, split: split,
                          intoCommune: intoCommune, unlinked: unlinked)
    }
}
