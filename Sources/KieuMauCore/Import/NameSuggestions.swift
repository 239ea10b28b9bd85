/// "Did you mean" for a name a spreadsheet gets wrong: the up to three names of a pool (the map's
/// provinces, a province's districts, a province's or district's wards) within a few edits of it,
/// nearest first, ties in pool order.
///
/// A sheet of 20,000 unknown names against a province of hundreds of wards took seconds when every
/// row compared its name with every name of the pool. Now each pool's keys are prepared once, as
/// numbered characters ordered by length; a name is compared only with the names of a length within
/// the edits allowed, and gets an edit distance only from those whose letters (counted, in any
/// order) are close enough; each distinct unknown name is answered once; and the names compared in
/// one import are capped (`ImportLimits.maxSuggestionWork`): past the cap a name gets no suggestion,
/// and the import says so once (`unanswered`). The answers are those of comparing with every name.
struct NameSuggestions: Sendable {
    /// Which names are suggested from; items are indices in `map.provinces`, `map.districts` or `map.wards`.
    enum Pool: Hashable, Sendable {
        case provinces
        case districts(province: Int)
        case wards(province: Int, districtCode: String?)
    }

    /// The work done, counted for the tests and the cap.
    struct Work: Hashable, Sendable {
        /// Pool names of a fitting length looked at (what the cap counts).
        var compared = 0
        /// Edit distances computed.
        var distances = 0
        /// Unknown names left without suggestions because the cap was reached.
        var unanswered = 0
    }

    /// A pool's keys prepared for searching.
    private struct Prepared: Sendable {
        /// The items in pool order, and their keys as character numbers.
        var items: [Int] = []
        var keys: [[Int32]] = []
        /// Each key's character numbers sorted, for the letter-count bound.
        var letters: [[Int32]] = []
        /// Positions in pool order, sorted by key length (then position).
        var byLength: [Int] = []

        /// The first index of `byLength` whose key is longer than `length` (binary search).
        func firstPosition(longerThan length: Int) -> Int {
            var low = 0, high = byLength.count
            while low < high {
                let mid = (low + high) / 2
                if keys[byLength[mid]].count <= length { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }

    let budget: Int
    private(set) var work = Work()
    /// Set when a search did not fit the cap: later names get no suggestion either.
    private var exhausted = false
    private var prepared: [Pool: Prepared] = [:]
    private var answers: [Pool: [String: [Int]]] = [:]
    /// A number for each character seen, so keys compare as integers (equal characters, equal numbers).
    private var numbers: [Character: Int32] = [:]

    init(budget: Int) { self.budget = budget }

    /// The items of `pool` whose keys are within `max(1, length / 4)` edits of `key`, at most three,
    /// nearest first. `items` lists the pool's items and keys in pool order; it is asked once per pool.
    mutating func nearest(_ key: String, in pool: Pool, items: () -> [(item: Int, key: String)]) -> [Int] {
        if let known = answers[pool]?[key] { return known }
        if prepared[pool] == nil { prepared[pool] = prepare(items()) }
        guard let found = search(key, in: prepared[pool] ?? Prepared()) else {
            work.unanswered += 1
            return []
        }
        answers[pool, default: [:]][key] = found
        return found
    }

    private mutating func prepare(_ items: [(item: Int, key: String)]) -> Prepared {
        var p = Prepared()
        p.items = items.map(\.item)
        p.keys = items.map { numbered($0.key) }
        p.letters = p.keys.map { $0.sorted() }
        p.byLength = p.keys.indices.sorted { (p.keys[$0].count, $0) < (p.keys[$1].count, $1) }
        return p
    }

    private mutating func numbered(_ key: String) -> [Int32] {
        key.map { c in
            if let n = numbers[c] { return n }
            let n = Int32(truncatingIfNeeded: numbers.count)
            numbers[c] = n
            return n
        }
    }

    /// nil when the cap does not leave room for this search.
    private mutating func search(_ key: String, in p: Prepared) -> [Int]? {
        let target = numbered(key)
        guard !target.isEmpty else { return [] }
        let allowed = max(1, target.count / 4)
        // The pool names of a length within `allowed` of the key's: a run of `byLength`.
        let start = p.firstPosition(longerThan: target.count - allowed - 1)
        let end = p.firstPosition(longerThan: target.count + allowed)
        guard !exhausted, work.compared + (end - start) <= budget else {
            exhausted = true
            return nil
        }
        work.compared += end - start

        let letters = target.sorted()
        var scored: [(distance: Int, position: Int)] = []
        for position in p.byLength[start..<end] {
            // Each edit changes the letter counts by at most 2: a cheap lower bound on the distance.
            let common = Self.commonCount(letters, p.letters[position])
            let bound = (target.count + p.keys[position].count - 2 * common + 1) / 2
            if bound > allowed { continue }
            work.distances += 1
            let d = WardMatcher.editDistance(target, p.keys[position], limit: allowed)
            if d <= allowed { scored.append((d, position)) }
        }
        return scored.sorted { ($0.distance, $0.position) < ($1.distance, $1.position) }.prefix(3).map { p.items[$0.position] }
    }

    /// The size of the multiset intersection of two sorted arrays.
    static func commonCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return common
    }
}
