/// Where the programme is heading: for the country and each province, the pace observed over the
/// snapshots of a series, the day 30%, 50% and 100% are reached at that pace, and whether the 2025
/// and 2030 targets will be missed. Pure: computed from summaries the caller loads.
///
/// Method (stated in the report too): the trend is the slope of the least-squares line through the
/// model counts of every snapshot on the same map as the latest one (x = months since the first of
/// them, y = model units); with two snapshots it is simply first → last. Only counts count: a
/// scope's points are the snapshots whose rows cover it completely, and a scope whose latest rows
/// name only some wards has no projection at all. A map change resets the basis, because the units
/// counted differ. The line is projected from the latest count, not from the fitted value: "from
/// where it stands, at the pace it has kept". A milestone is reached on the day `needed / pace`
/// months after the latest snapshot (`Pace.projectedDay`); none is projected from fewer than two
/// counts, from a trend that does not rise, or past 2100.
public struct Projection: Sendable {
    /// Summaries used for the pace: those on the latest one's map, oldest first.
    public let basis: [Day]
    public let asOf: Day
    public let mapID: String
    public let definition: ModelDefinition
    public let national: ScopeProjection
    /// One per province of the latest summary, in its order.
    public let provinces: [ScopeProjection]

    /// - Parameter series: summaries of one series (any order; sorted by date here). Nil when empty.
    public init?(series: [ProgressSummary]) {
        self.init(totals: series.map(ProgressTotals.init))
    }

    /// The same from the totals of each snapshot (what a series keeps once the rows are dropped).
    public init?(totals series: [ProgressTotals]) {
        guard let latest = series.max(by: { $0.asOf < $1.asOf }) else { return nil }
        let basis = series.filter { $0.mapID == latest.mapID && $0.definition == latest.definition }
            .sorted { $0.asOf < $1.asOf }
        self.basis = basis.map(\.asOf)
        asOf = latest.asOf
        mapID = latest.mapID
        definition = latest.definition
        national = ScopeProjection(province: nil, tally: latest.national, asOf: latest.asOf,
                                   pace: Self.slope(basis.filter(\.nationalIsCounted).map { ($0.asOf, $0.national.model) }),
                                   counted: latest.nationalIsCounted)
        // Each earlier snapshot's provinces by code, once (not a search per province per snapshot).
        let earlier: [[String: ProvinceTally]] = basis.map { s in
            Dictionary(s.provinces.map { ($0.province.code, $0) }, uniquingKeysWith: { a, _ in a })
        }
        var provinces: [ScopeProjection] = []
        provinces.reserveCapacity(latest.provinces.count)
        for p in latest.provinces {
            let points: [(Day, Int)] = zip(basis, earlier).compactMap { s, byCode in
                byCode[p.province.code].flatMap { $0.isCounted ? (s.asOf, $0.tally.model) : nil }
            }
            provinces.append(ScopeProjection(province: p.province, tally: p.tally, asOf: latest.asOf, pace: Self.slope(points),
                                             counted: p.isCounted))
        }
        self.provinces = provinces
    }

    /// Indices of the provinces that will miss (or have missed) 30% by 31/12/2025.
    public var provincesMissing2025: [Int] { provinces.indices.filter { provinces[$0].outlook2025.misses } }
    /// Indices of the provinces that will miss (or have missed) 100% by 31/12/2030.
    public var provincesMissing2030: [Int] { provinces.indices.filter { provinces[$0].outlook2030.misses } }
    /// True when at least two snapshots give a pace.
    public var hasPace: Bool { basis.count >= 2 }
    /// True when the latest rows count every ward of the country.
    public var nationIsCounted: Bool { national.counted }

    /// Least-squares slope of y over x in months; nil with fewer than two distinct days.
    static func slope(_ points: [(Day, Int)]) -> Double? {
        guard let first = points.first?.0, points.count >= 2 else { return nil }
        let xs = points.map { Day.months(from: first, to: $0.0) }
        let ys = points.map { Double($0.1) }
        let n = Double(points.count)
        let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (x, y) in zip(xs, ys) { sxy += (x - mx) * (y - my); sxx += (x - mx) * (x - mx) }
        guard sxx > 0 else { return nil }
        return sxy / sxx
    }
}

/// The projection of one scope: the country or one province.
public struct ScopeProjection: Sendable {
    /// When a share is reached at the pace observed.
    public enum Milestone: Hashable, Sendable {
        /// Already at or above it.
        case reached
        /// Reached on this day at the pace observed.
        case on(Day)
        /// The trend is flat or falling: nothing is projected from it.
        case noRise
        /// After 2100 at this pace (`Pace.horizon`): no date is given.
        case beyondHorizon
        /// Fewer than two counts on the map: no pace to project with.
        case noPace
        /// The scope has no ward police units: nothing to reach.
        case noUnits
        /// The latest rows name only some wards of the scope: there is no count to project from.
        case notCounted
    }

    /// Whether a deadline's target (30% by 2025, 100% by 2030) will be met.
    public enum Outlook: Hashable, Sendable {
        case reached
        /// Projected to be reached on this day, on or before the deadline.
        case onTrack(Day)
        /// Projected after the deadline (the day), or after 2100 (nil), at the pace observed.
        case willMiss(Day?)
        /// The deadline is on or before the as-of date and the target is not reached.
        case missed
        /// Not known: no count, no pace to project with, or a trend that does not rise, and the
        /// deadline is still ahead (or, past it, no count to judge by).
        case unknown
        case noUnits

        /// The word the report and the exports print ("on track", "will miss", …).
        public var word: String {
            switch self {
            case .reached: return "reached"
            case .onTrack: return "on track"
            case .willMiss: return "will miss"
            case .missed: return "missed"
            case .unknown: return "unknown"
            case .noUnits: return "no units"
            }
        }

        /// "will miss": projected to miss, or already missed.
        public var misses: Bool {
            switch self {
            case .willMiss, .missed: return true
            default: return false
            }
        }
    }

    /// Nil for the whole country.
    public let province: Province?
    /// The rows count every ward of the scope: without that, nothing below is known.
    public let counted: Bool
    public let tally: Tally
    /// Model units per month observed (least-squares slope); nil with fewer than two snapshots.
    public let paceObserved: Double?
    /// Units per month needed for 30% by 31/12/2025.
    public let paceNeeded2025: Pace.Needed
    /// Units per month needed for 100% by 31/12/2030.
    public let paceNeeded2030: Pace.Needed
    /// When 30%, 50% and 100% are reached.
    public let at30: Milestone
    public let at50: Milestone
    public let at100: Milestone
    /// 30% by 31/12/2025.
    public let outlook2025: Outlook
    /// 100% by 31/12/2030.
    public let outlook2030: Outlook

    init(province: Province?, tally: Tally, asOf: Day, pace: Double?, counted: Bool = true) {
        self.province = province
        self.tally = tally
        self.counted = counted
        let pace = counted ? pace : nil
        paceObserved = pace
        paceNeeded2025 = Pace.needed(units: tally.needed(percent: Targets.floorPercent), from: asOf, to: Targets.deadline2025)
        paceNeeded2030 = Pace.needed(units: tally.needed(percent: Targets.fullPercent), from: asOf, to: Targets.deadline2030)
        func milestone(_ percent: Int) -> Milestone {
            guard tally.units > 0 else { return .noUnits }
            guard counted else { return .notCounted }
            let needed = tally.needed(percent: percent)
            if needed == 0 { return .reached }
            guard let pace else { return .noPace }
            guard pace > 0 else { return .noRise }
            return Pace.projectedDay(needed: needed, perMonth: pace, from: asOf).map(Milestone.on) ?? .beyondHorizon
        }
        at30 = milestone(Targets.floorPercent)
        at50 = milestone(Targets.stretchPercent)
        at100 = milestone(Targets.fullPercent)
        func outlook(_ m: Milestone, by deadline: Day) -> Outlook {
            switch m {
            case .noUnits: return .noUnits
            case .notCounted: return .unknown
            case .reached: return .reached
            case _ where asOf >= deadline: return .missed
            case .on(let day): return day <= deadline ? .onTrack(day) : .willMiss(day)
            case .beyondHorizon: return .willMiss(nil)
            case .noRise, .noPace: return .unknown
            }
        }
        outlook2025 = outlook(at30, by: Targets.deadline2025)
        outlook2030 = outlook(at100, by: Targets.deadline2030)
    }

    /// The milestone of 30, 50 or 100 percent (nil for another value).
    public func milestone(percent: Int) -> Milestone? {
        switch percent {
        case Targets.floorPercent: return at30
        case Targets.stretchPercent: return at50
        case Targets.fullPercent: return at100
        default: return nil
        }
    }
}
