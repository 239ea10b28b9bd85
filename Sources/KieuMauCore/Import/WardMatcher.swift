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
    /// The name keys of every province, district and ward, by index in the map: made once, for
    /// the lookups and the suggestions.
    private let provinceKeys: [String]
    private let districtKeys: [String]
    private let wardKeys: [String]
    private let codeWidth: Int
    /// "Did you mean" for unknown names, with its cache and the work done.
    private(set) var suggestions: NameSuggestions
    /// Provinces found before, by the cell's text: a sheet names its province on every row.
    private var provinceCache: [String: Match<Province>] = [:]

    init(map: AdminMap, suggestionBudget: Int = ImportLimits().maxSuggestionWork) {
        self.map = map
        provinceKeys = map.provinces.map { Self.provinceKey($0.name) }
        districtKeys = map.districts.map { Self.districtKey($0.name) }
        wardKeys = map.wards.map { Self.wardKey($0.name) }
        for (i, k) in provinceKeys.enumerated() { provincesByKey[k, default: []].append(i) }
        for (i, k) in districtKeys.enumerated() { districtsByKey[k, default: []].append(i) }
        for (i, w) in map.wards.enumerated() { wardsByKey[w.provinceCode, default: [:]][wardKeys[i], default: []].append(i) }
        codeWidth = map.wards.map(\.code.count).max() ?? 5
        suggestions = NameSuggestions(budget: suggestionBudget)
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
    mutating func province(_ cell: String) -> Match<Province> {
        if let known = provinceCache[cell] { return known }
        let match = findProvince(cell)
        if provinceCache.count < 1_000 { provinceCache[cell] = match }
        return match
    }

    private mutating func findProvince(_ cell: String) -> Match<Province> {
        let text = ImportWords.trimmed(cell)
        if ImportWords.isNumber(text) {
            if let p = map.province(paddedCode(text, width: 2)) { return .found(p) }
            return .unknown(nearest: [])
        }
        let k = Self.provinceKey(text)
        if let hits = provincesByKey[k] {
            return hits.count == 1 ? .found(map.provinces[hits[0]]) : .ambiguous(hits.map { map.provinces[$0] })
        }
        let keys = provinceKeys
        return .unknown(nearest: suggestions.nearest(k, in: .provinces) { keys.enumerated().map { ($0, $1) } }.map { map.provinces[$0] })
    }

    /// A district of a province by code or name.
    mutating func district(_ cell: String, in province: Province) -> Match<District> {
        let text = ImportWords.trimmed(cell)
        if ImportWords.isNumber(text), let d = map.district(paddedCode(text, width: 3)), d.provinceCode == province.code {
            return .found(d)
        }
        let k = Self.districtKey(text)
        let hits = (districtsByKey[k] ?? []).map { map.districts[$0] }.filter { $0.provinceCode == province.code }
        if hits.count == 1 { return .found(hits[0]) }
        if hits.count > 1 { return .ambiguous(hits) }
        guard let p = map.provinceIndex[province.code] else { return .unknown(nearest: []) }
        let (districts, keys) = (map.districts, districtKeys)
        let nearest = suggestions.nearest(k, in: .districts(province: p)) {
            districts.indices.filter { districts[$0].provinceCode == province.code }.map { ($0, keys[$0]) }
        }
        return .unknown(nearest: nearest.map { map.districts[$0] })
    }

    /// A ward by code (leading zeros restored).
    func ward(code cell: String) -> Ward? { map.ward(paddedCode(cell, width: codeWidth)) }

    /// The name key of a ward of the map (`wardKey` of its name), made once for the map.
    func nameKey(of ward: Ward) -> String { map.wardIndex[ward.code].map { wardKeys[$0] } ?? Self.wardKey(ward.name) }

    /// A ward by name within a province, and within a district when one is given. `marksAreWritten`:
    /// the text around the name has diacritics, so a name without them means none.
    mutating func ward(named cell: String, in province: Province, district: District?, marksAreWritten: Bool) -> Match<Ward> {
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
        guard let p = map.provinceIndex[province.code] else { return .unknown(nearest: []) }
        let (wards, keys, range) = (map.wards, wardKeys, map.wardRanges[p])
        let nearest = suggestions.nearest(k, in: .wards(province: p, districtCode: district?.code)) {
            range.filter { district == nil || wards[$0].districtCode == district?.code }.map { ($0, keys[$0]) }
        }
        return .unknown(nearest: nearest.map { map.wards[$0] })
    }

    /// Levenshtein distance, stopping early once every path exceeds `limit`.
    static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int {
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
