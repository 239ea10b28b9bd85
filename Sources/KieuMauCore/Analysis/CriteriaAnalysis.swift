/// What holds wards back: for one scope of one snapshot, each criterion of the set in force with
/// how many registered wards meet it, weakest first, and which wards miss it.
///
/// Only wards whose criteria are known one by one can be attributed to a criterion ("assessed": a
/// per-criterion string, or meeting every criterion, which implies each one). Wards known only by a
/// published count ("21/22") are counted apart in `unattributed`: they miss M − n criteria whose
/// numbers are not published (Nghệ An's wards at 21/22 at the end of 2023). Registered wards with
/// nothing known are `unknownWards`. Pure: computed from a `Dataset`.
public struct CriteriaAnalysis: Sendable {
    /// One criterion among the assessed wards of the scope.
    public struct CriterionShare: Hashable, Sendable {
        public let number: Int
        public let met: Int
        public let notMet: Int
        /// Assessed wards with this criterion marked `?`.
        public let unknown: Int
        /// Indices in `map.wards` of the wards marked not met, in map order.
        public let wardsMissing: [Int]

        /// Wards counted for this criterion: the scope's assessed wards.
        public var assessed: Int { met + notMet + unknown }
        /// Share of assessed wards meeting it, 0...1 (0 when no ward is assessed).
        public var share: Double { assessed > 0 ? Double(met) / Double(assessed) : 0 }
    }

    /// Wards known only by a published count that miss `missing` criteria, numbers not published.
    public struct Unattributed: Hashable, Sendable {
        /// M − n: how many criteria each of these wards misses.
        public let missing: Int
        /// Indices in `map.wards`, in map order.
        public let wards: [Int]
    }

    /// A reported aggregate of the scope with wards below M ("16 wards at 21/22", seed-01): it says
    /// how many criteria are missed, never which.
    public struct ReportedShortfall: Hashable, Sendable {
        public let sourceID: String
        public let met: Int
        public let wards: Int
        public var missing: Int { max(0, total - met) }
        public let total: Int
    }

    /// The province (index in `map.provinces`), or nil for the whole country.
    public let province: Int?
    public let criteriaID: String
    /// M: the number of criteria in the set in force.
    public let criteriaCount: Int
    /// Registered wards of the scope.
    public let registered: Int
    /// Registered wards whose criteria are known one by one (or that meet every criterion).
    public let assessed: Int
    /// Every criterion of the set, weakest first: lowest share, then most wards missing it, then number.
    public let criteria: [CriterionShare]
    /// Wards known only by a count below M, grouped by how many criteria they miss (fewest first).
    public let unattributed: [Unattributed]
    /// Registered wards of which nothing is known about the criteria (indices in `map.wards`).
    public let unknownWards: [Int]
    /// What sources reported for the scope about wards below M.
    public let reportedShortfalls: [ReportedShortfall]

    /// - Parameters:
    ///   - province: index in `data.map.provinces`; nil for the whole country. An index out of
    ///     range gives an empty scope rather than a trap.
    public init(_ data: Dataset, province: Int? = nil) {
        self.province = province
        criteriaID = data.criteria.id
        let total = data.criteria.count
        criteriaCount = total
        let map = data.map
        let range: Range<Int>
        if let province {
            range = map.wardRanges.indices.contains(province) ? map.wardRanges[province] : 0..<0
        } else {
            range = map.wards.indices
        }

        var met = [Int](repeating: 0, count: total + 1)
        var notMet = [Int](repeating: 0, count: total + 1)
        var unknown = [Int](repeating: 0, count: total + 1)
        var missing = [[Int]](repeating: [], count: total + 1)
        var byShortfall: [Int: [Int]] = [:]
        var unknownWards: [Int] = []
        var registered = 0, assessed = 0
        for wi in range {
            let row = data.row(ofWardAt: wi)
            let progress = data.wardProgress(at: wi)
            guard progress.isRegistered else { continue }
            registered += 1
            if CriterionReading.isAttributable(row, progress) {
                assessed += 1
                for n in 1...max(1, total) where n <= total {
                    switch CriterionReading.status(n, row, progress) {
                    case .met: met[n] += 1
                    case .notMet: notMet[n] += 1; missing[n].append(wi)
                    case .unknown: unknown[n] += 1
                    }
                }
            } else if let count = row?.marks.publishedCount, count < total {
                byShortfall[total - count, default: []].append(wi)
            } else {
                unknownWards.append(wi)
            }
        }
        self.registered = registered
        self.assessed = assessed
        self.unknownWards = unknownWards
        unattributed = byShortfall.keys.sorted().map { Unattributed(missing: $0, wards: byShortfall[$0] ?? []) }
        let shares = (1...max(1, total)).filter { $0 <= total }.map {
            CriterionShare(number: $0, met: met[$0], notMet: notMet[$0], unknown: unknown[$0], wardsMissing: missing[$0])
        }
        criteria = shares.sorted { a, b in
            // Cross-multiplied so equal shares compare equal without floating point.
            let l = a.met * b.assessed, r = b.met * a.assessed
            if l != r { return l < r }
            if a.notMet != b.notMet { return a.notMet > b.notMet }
            return a.number < b.number
        }

        let scopeCode = province.flatMap { map.provinces.indices.contains($0) ? map.provinces[$0].code : nil }
        var shortfalls: [ReportedShortfall] = []
        for r in data.snapshot.reported {
            switch r.scope {
            case .national: if province != nil { continue }
            case .province(let code): if province == nil || code != scopeCode { continue }
            }
            for c in r.byCriteriaMet.sorted(by: { $0.met > $1.met }) where c.met < total && c.wards > 0 {
                shortfalls.append(ReportedShortfall(sourceID: r.sourceID, met: c.met, wards: c.wards, total: total))
            }
        }
        reportedShortfalls = shortfalls
    }

    /// Wards known only by a count below M (sum over `unattributed`).
    public var unattributedWards: Int { unattributed.reduce(0) { $0 + $1.wards.count } }

    /// The line of criterion `number` (nil outside 1...M).
    public func share(of number: Int) -> CriterionShare? { criteria.first { $0.number == number } }

    /// Indices in `map.wards` of the wards marked not met on criterion `number`.
    public func wardsMissing(criterion number: Int) -> [Int] { share(of: number)?.wardsMissing ?? [] }
}
