import KieuMauCore

/// The rows of the lists on screen: filtered by the typed text (diacritics ignored), by band or
/// stage, and sorted. Pure functions of the summary, so they are cheap to test.
///
/// `names`, when given, holds the map's names already folded and ranked (the state keeps one per
/// map), so a keystroke folds only the query; without it, or for wards it has not prepared, the
/// names are folded here as they are needed, with the same result.
public enum ListQueries {
    /// Bands, shares and gaps come from `picture` (what the screen shows of each province) when it
    /// is of the summary's map, else from the summary's complete counts: a province known only by
    /// named wards is in no band and sorts after those counted.
    public static func provinceRows(summary: ProgressSummary, sort: ProvinceSort, band: BandFilter, filter: String,
                                    names: MapNameIndex? = nil, picture: KnownPicture? = nil) -> [Int] {
        let query = SearchFolding.fold(filter).trimmingCharacters()
        let names = names.flatMap { $0.provinceFolded.count == summary.provinces.count ? $0 : nil }
        let scopes = picture.flatMap { $0.mapID == summary.mapID && $0.provinces.count == summary.provinces.count ? $0.provinces : nil }
        let counts: [ScopeCount?] = summary.provinces.indices.map { i in
            if let scopes { return scopes[i].count }
            let p = summary.provinces[i]
            guard p.isCounted else { return nil }
            return ScopeCount(units: p.tally.units, model: KnownValue(value: .count(p.tally.model), origins: [.wardRows], asOf: summary.asOf,
                                                                   mapID: summary.mapID, criteriaCount: summary.criteriaCount))
        }
        let registered: [Int?] = summary.provinces.indices.map { i in
            if let scopes { return scopes[i].figure(.registered)?.single?.value.count }
            return summary.provinces[i].coverage == .complete ? summary.provinces[i].tally.registered : nil
        }
        var rows: [Int] = []
        rows.reserveCapacity(summary.provinces.count)
        for p in summary.provinces {
            let b = counts[p.index]?.band
            switch band {
            case .all: break
            case .below: if b != .below { continue }
            case .within: if b != .within { continue }
            case .above: if b != .above { continue }
            }
            if !query.isEmpty && !(names?.provinceFolded[p.index] ?? SearchFolding.fold(p.province.name)).contains(query) { continue }
            rows.append(p.index)
        }
        let ps = summary.provinces
        // Known values first, larger first; the unknown after them, in map order.
        func descending(_ key: (Int) -> Double?) {
            rows.sort {
                switch (key($0), key($1)) {
                case let (a?, b?): return a != b ? a > b : $0 < $1
                case (_?, nil): return true
                case (nil, _?): return false
                case (nil, nil): return $0 < $1
                }
            }
        }
        switch sort {
        case .name:
            // Map order is the official order (by GSO code); name order uses the folded name.
            if let rank = names?.provinceNameRank {
                rows.sort { rank[$0] < rank[$1] }
            } else {
                sortByName(&rows) { ps[$0].province.name }
            }
        case .share: descending { counts[$0]?.share }
        case .gap: descending { counts[$0].map { Double($0.needed(percent: Targets.floorPercent)) } }
        case .registered: descending { registered[$0].map(Double.init) }
        }
        return rows
    }

    /// The wards of a province (or of the whole map when `province` is nil), optionally only those
    /// whose criterion `missingCriterion` is marked not met.
    public static func wardRows(summary: ProgressSummary, map: AdminMap, province: Int?, sort: WardSort,
                                stage: StageFilter, filter: String, missingCriterion: Int? = nil, marks: Dataset? = nil,
                                names: MapNameIndex? = nil) -> [Int] {
        let query = SearchFolding.fold(filter).trimmingCharacters()
        let names = names.flatMap { $0.wardsAreReady(in: province) && $0.wardFolded.count == map.wards.count ? $0 : nil }
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
                if let names {
                    if !names.wardFolded[wi].contains(query) && !names.wardDistrictFolded[wi].contains(query) { continue }
                } else {
                    let ward = map.wards[wi]
                    let district = map.district(ward.districtCode)?.name ?? ""
                    if !SearchFolding.fold(ward.name).contains(query) && !SearchFolding.fold(district).contains(query) { continue }
                }
            }
            rows.append(wi)
        }
        switch sort {
        case .name:
            if let rank = province == nil ? names?.wardRankInMap : names?.wardRankInProvince {
                rows.sort { rank[$0] < rank[$1] }
            } else {
                sortByName(&rows) { map.wards[$0].name }
            }
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

    /// Sorts `rows` by the sort key of their names, then by index: what `MapNameIndex`'s ranks give.
    static func sortByName(_ rows: inout [Int], name: (Int) -> String) {
        let keys = rows.map { sortKey(name($0)) }
        let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : rows[$0] < rows[$1] }
        rows = order.map { rows[$0] }
    }

    /// Sort key for names: without the type prefix ("Phường", "Tỉnh", "Thành phố"), folded, and with
    /// numbers compared by value ("Phường 2" before "Phường 10").
    public static func sortKey(_ name: String) -> String { sortKey(folded: SearchFolding.fold(name)) }

    /// `sortKey` of a name already folded (`SearchFolding.fold`).
    public static func sortKey(folded: String) -> String {
        let stripped = NameTypePrefix.strip(folded)
        // Zero-pad runs of digits to 6 so that numeric order holds. By bytes: digits are ASCII,
        // and no byte of a longer UTF-8 sequence is.
        var out: [UInt8] = []
        out.reserveCapacity(stripped.utf8.count + 6)
        var digits = 0
        var run: [UInt8] = []
        for b in stripped.utf8 {
            if b >= 0x30 && b <= 0x39 { run.append(b); digits += 1; continue }
            if digits > 0 {
                if digits < 6 { out.append(contentsOf: repeatElement(0x30, count: 6 - digits)) }
                out.append(contentsOf: run); run.removeAll(keepingCapacity: true); digits = 0
            }
            out.append(b)
        }
        if digits > 0 {
            if digits < 6 { out.append(contentsOf: repeatElement(0x30, count: 6 - digits)) }
            out.append(contentsOf: run)
        }
        return String(decoding: out, as: UTF8.self)
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
