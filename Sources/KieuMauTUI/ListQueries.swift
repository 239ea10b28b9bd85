import KieuMauCore

/// The rows of the lists on screen: filtered by the typed text (diacritics ignored), by band or
/// stage, and sorted. Pure functions of the summary, so they are cheap to test.
public enum ListQueries {
    public static func provinceRows(summary: ProgressSummary, sort: ProvinceSort, band: BandFilter, filter: String) -> [Int] {
        let query = SearchFolding.fold(filter).trimmingCharacters()
        var rows: [Int] = []
        rows.reserveCapacity(summary.provinces.count)
        for p in summary.provinces {
            switch band {
            case .all: break
            case .below: if p.tally.band != .below || p.tally.units == 0 { continue }
            case .within: if p.tally.band != .within || p.tally.units == 0 { continue }
            case .above: if p.tally.band != .above || p.tally.units == 0 { continue }
            }
            if !query.isEmpty && !SearchFolding.fold(p.province.name).contains(query) { continue }
            rows.append(p.index)
        }
        let ps = summary.provinces
        switch sort {
        case .name:
            // Map order is the official order (by GSO code); name order uses the folded name.
            let keys = Dictionary(uniqueKeysWithValues: rows.map { ($0, sortKey(ps[$0].province.name)) })
            rows.sort { keys[$0]! != keys[$1]! ? keys[$0]! < keys[$1]! : $0 < $1 }
        case .share:
            rows.sort { ps[$0].tally.share != ps[$1].tally.share ? ps[$0].tally.share > ps[$1].tally.share : $0 < $1 }
        case .gap:
            rows.sort {
                let a = ps[$0].tally.needed(percent: Targets.floorPercent), b = ps[$1].tally.needed(percent: Targets.floorPercent)
                return a != b ? a > b : $0 < $1
            }
        case .registered:
            rows.sort { ps[$0].tally.registered != ps[$1].tally.registered ? ps[$0].tally.registered > ps[$1].tally.registered : $0 < $1 }
        }
        return rows
    }

    /// The wards of a province (or of the whole map when `province` is nil), optionally only those
    /// whose criterion `missingCriterion` is marked not met.
    public static func wardRows(summary: ProgressSummary, map: AdminMap, province: Int?, sort: WardSort,
                                stage: StageFilter, filter: String, missingCriterion: Int? = nil, marks: Dataset? = nil) -> [Int] {
        let query = SearchFolding.fold(filter).trimmingCharacters()
        var rows: [Int] = []
        let range = province.map { map.wardRanges[$0] } ?? map.wards.indices
        for wi in range {
            if let n = missingCriterion {
                guard let row = marks?.row(ofWardAt: wi), row.marks.status(of: n) == .notMet else { continue }
            }
            let w = summary.wards[wi]
            switch stage {
            case .all: break
            case .notRegistered: if w.isRegistered { continue }
            case .inProgress: if !w.isRegistered || w.isModel(summary.definition) { continue }
            case .model: if !w.isModel(summary.definition) { continue }
            }
            if !query.isEmpty {
                let ward = map.wards[wi]
                let district = map.district(ward.districtCode)?.name ?? ""
                if !SearchFolding.fold(ward.name).contains(query) && !SearchFolding.fold(district).contains(query) { continue }
            }
            rows.append(wi)
        }
        switch sort {
        case .name:
            let keys = Dictionary(uniqueKeysWithValues: rows.map { ($0, sortKey(map.wards[$0].name)) })
            rows.sort { keys[$0]! != keys[$1]! ? keys[$0]! < keys[$1]! : $0 < $1 }
        case .criteriaMet:
            rows.sort {
                let a = summary.wards[$0].met ?? -1, b = summary.wards[$1].met ?? -1
                return a != b ? a > b : $0 < $1
            }
        case .stage:
            rows.sort { summary.wards[$0].stage != summary.wards[$1].stage ? summary.wards[$0].stage > summary.wards[$1].stage : $0 < $1 }
        }
        return rows
    }

    /// Sort key for names: without the type prefix ("Phường", "Tỉnh", "Thành phố"), folded, and with
    /// numbers compared by value ("Phường 2" before "Phường 10").
    public static func sortKey(_ name: String) -> String {
        var folded = SearchFolding.fold(name)
        for prefix in ["thanh pho ", "tinh ", "phuong ", "quan ", "huyen ", "thi xa "] where folded.hasPrefix(prefix) {
            folded.removeFirst(prefix.count); break
        }
        // Zero-pad runs of digits to 6 so that numeric order holds.
        var out = ""
        var digits = ""
        for c in folded {
            if c.isASCII && c.isNumber { digits.append(c); continue }
            if !digits.isEmpty { out += String(repeating: "0", count: max(0, 6 - digits.count)) + digits; digits = "" }
            out.append(c)
        }
        if !digits.isEmpty { out += String(repeating: "0", count: max(0, 6 - digits.count)) + digits }
        return out
    }

    /// The cursor position of `item` in the new rows, else the old cursor clamped.
    public static func reanchor(rows: [Int], item: Int?, cursor: Int) -> Int {
        if let item, let i = rows.firstIndex(of: item) { return i }
        return max(0, min(cursor, rows.count - 1))
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
