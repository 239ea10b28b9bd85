/// Finds the provinces, districts and wards of a map that the cells of a spreadsheet name: by code,
/// else by name compared without diacritics, case, spacing, punctuation and the unit's prefix
/// ("P. Hà Huy Tập" = "Phường Hà Huy Tập", "TP Hà Nội" = "Thành phố Hà Nội", "Phường 01" = "Phường 1").
struct WardMatcher: Sendable {
    enum Match<T: Sendable>: Sendable {
        case found(T)
        /// Nothing of that name; the nearest names, if any are close.
        case unknown(nearest: [T])
        case ambiguous([T])
    }

    let map: AdminMap
    private var provincesByKey: [String: [Int]] = [:]
    private var districtsByKey: [String: [Int]] = [:]
    /// Wards by province code and name key.
    private var wardsByKey: [String: [String: [Int]]] = [:]
    private let codeWidth: Int

    init(map: AdminMap) {
        self.map = map
        for (i, p) in map.provinces.enumerated() { provincesByKey[Self.provinceKey(p.name), default: []].append(i) }
        for (i, d) in map.districts.enumerated() { districtsByKey[Self.districtKey(d.name), default: []].append(i) }
        for (i, w) in map.wards.enumerated() { wardsByKey[w.provinceCode, default: [:]][Self.wardKey(w.name), default: []].append(i) }
        codeWidth = map.wards.map(\.code.count).max() ?? 5
    }

    // MARK: keys

    /// Unit prefixes dropped before names are compared, as token sequences.
    static let provincePrefixes = [["tinh"], ["thanh", "pho"], ["tp"]]
    static let districtPrefixes = [["quan"], ["huyen"], ["thi", "xa"], ["thanh", "pho"], ["tp"], ["tx"], ["q"], ["h"]]
    static let wardPrefixes = [["phuong"], ["p"]]
    /// Short forms of province names that have no prefix to drop.
    static let provinceShortForms = ["hcm": "hochiminh", "tphcm": "hochiminh", "hn": "hanoi"]

    static func key(_ name: String, dropping prefixes: [[String]]) -> String {
        var tokens = ImportWords.tokens(name)
        for prefix in prefixes where tokens.count > prefix.count && Array(tokens.prefix(prefix.count)) == prefix {
            tokens.removeFirst(prefix.count)
            break
        }
        return tokens.map(ImportWords.withoutLeadingZeros).joined()
    }

    static func provinceKey(_ name: String) -> String {
        let k = key(name, dropping: provincePrefixes)
        return provinceShortForms[k] ?? k
    }
    static func districtKey(_ name: String) -> String { key(name, dropping: districtPrefixes) }
    static func wardKey(_ name: String) -> String { key(name, dropping: wardPrefixes) }

    /// A ward name with its diacritics kept: lower case, NFC, words only, the prefix dropped.
    static func markedKey(_ name: String) -> String {
        let words = NFC.normalize(name.lowercased()).split { !($0.isLetter || $0.isNumber) }.map(String.init)
        let dropped = words.count > 1 && (words[0] == "phường" || words[0] == "p") ? Array(words.dropFirst()) : words
        return dropped.map(ImportWords.withoutLeadingZeros).joined(separator: " ")
    }

    /// A code cell as the map writes codes: spreadsheets drop leading zeros ("94" for "00094").
    func paddedCode(_ cell: String, width: Int) -> String {
        let text = ImportWords.trimmed(cell)
        guard ImportWords.isNumber(text), text.count < width else { return text }
        return String(repeating: "0", count: width - text.count) + text
    }

    // MARK: lookups

    /// A province by code ("40", "4") or name.
    func province(_ cell: String) -> Match<Province> {
        let text = ImportWords.trimmed(cell)
        if ImportWords.isNumber(text) {
            if let p = map.province(paddedCode(text, width: 2)) { return .found(p) }
            return .unknown(nearest: [])
        }
        let k = Self.provinceKey(text)
        if let hits = provincesByKey[k] {
            return hits.count == 1 ? .found(map.provinces[hits[0]]) : .ambiguous(hits.map { map.provinces[$0] })
        }
        return .unknown(nearest: Self.nearest(k, among: map.provinces, key: { Self.provinceKey($0.name) }))
    }

    /// A district of a province by code or name.
    func district(_ cell: String, in province: Province) -> Match<District> {
        let text = ImportWords.trimmed(cell)
        if ImportWords.isNumber(text), let d = map.district(paddedCode(text, width: 3)), d.provinceCode == province.code {
            return .found(d)
        }
        let k = Self.districtKey(text)
        let hits = (districtsByKey[k] ?? []).map { map.districts[$0] }.filter { $0.provinceCode == province.code }
        if hits.count == 1 { return .found(hits[0]) }
        if hits.count > 1 { return .ambiguous(hits) }
        let own = map.districts.filter { $0.provinceCode == province.code }
        return .unknown(nearest: Self.nearest(k, among: own, key: { Self.districtKey($0.name) }))
    }

    /// A ward by code (leading zeros restored).
    func ward(code cell: String) -> Ward? { map.ward(paddedCode(cell, width: codeWidth)) }

    /// A ward by name within a province, and within a district when one is given. `marksAreWritten`:
    /// the text around the name has diacritics, so a name without them means none.
    func ward(named cell: String, in province: Province, district: District?, marksAreWritten: Bool) -> Match<Ward> {
        let k = Self.wardKey(cell)
        var hits = (wardsByKey[province.code]?[k] ?? []).map { map.wards[$0] }
        if let district { hits = hits.filter { $0.districtCode == district.code } }
        if hits.count == 1 { return .found(hits[0]) }
        if hits.count > 1 {
            // Names that differ only in their marks ("Sa Pa", "Sa Pả") are told apart by the marks
            // when the row is written with marks; "sa pa" in a row without any could be either.
            guard marksAreWritten else { return .ambiguous(hits) }
            let marked = Self.markedKey(cell)
            let exact = hits.filter { Self.markedKey($0.name) == marked }
            return exact.count == 1 ? .found(exact[0]) : .ambiguous(hits)
        }
        var pool = map.provinceIndex[province.code].map { Array(map.wards(ofProvinceAt: $0)) } ?? []
        if let district { pool = pool.filter { $0.districtCode == district.code } }
        return .unknown(nearest: Self.nearest(k, among: pool, key: { Self.wardKey($0.name) }))
    }

    /// Up to three items whose keys are within a few edits of `key`, nearest first.
    static func nearest<T>(_ key: String, among items: [T], key itemKey: (T) -> String) -> [T] {
        let target = Array(key)
        guard !target.isEmpty else { return [] }
        let allowed = max(1, target.count / 4)
        var scored: [(Int, Int, T)] = []
        for (i, item) in items.enumerated() {
            let d = editDistance(target, Array(itemKey(item)), limit: allowed)
            if d <= allowed { scored.append((d, i, item)) }
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(3).map(\.2)
    }

    /// Levenshtein distance, stopping early once every path exceeds `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where i <= a.count {
            current[0] = i
            var rowMin = i
            for j in 1...max(1, b.count) where j <= b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
