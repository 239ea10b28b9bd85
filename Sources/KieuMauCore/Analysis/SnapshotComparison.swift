/// What changed between two snapshots: wards that became model or fell back, criteria newly met or
/// lost, provinces that crossed 30% or 50%, and reported figures that changed. Pure.
///
/// The two datasets may be given in either order; the earlier (by as-of date) is `earlier`.
/// Matching:
/// - same map: provinces and wards by code;
/// - across a map change, with a crosswalk from the earlier map to the later one: provinces merged
///   whole (the old provinces' tallies added into their new one), wards through the crosswalk, each
///   old ward counted once in its default target (`splitWardsCountedOnce` says how many registered
///   old wards were split); old wards whose default target is a commune (xã) are `wentIntoCommune`;
/// - maps differ and no crosswalk fits: only the national totals (`matching == .nationalOnly`).
///
/// A later ward "became model" when it is model and none of the old wards it continues was; it
/// "fell back" when it is not model and its principal predecessor (the old ward whose code it keeps,
/// else the first) was; when only another predecessor was model it is `mergedIntoNonModel`. Criteria are compared only when both
/// snapshots use the same criteria set, against the ward's principal predecessor, and only met ↔ not met counts (an unknown mark is no change).
/// A snapshot without any ward row means "not known" (the record's 2025-07-01), so then no ward and
/// no province crossing is compared (`wardsCompared == false`); the totals are still given.
public struct SnapshotComparison: Sendable {
    /// One of the two snapshots compared.
    public struct Side: Sendable {
        public let asOf: Day
        public let title: String
        public let map: AdminMap
        public let criteria: CriteriaSet
        /// False when the snapshot has no ward rows at all.
        public let hasWardRows: Bool
        public let national: Tally
    }

    public enum Matching: Hashable, Sendable {
        case sameMap
        case crosswalk(id: String)
        case nationalOnly
    }

    /// A later province and the earlier provinces it is made of, with both tallies.
    public struct ProvinceChange: Hashable, Sendable {
        /// Index in the later map's provinces.
        public let province: Int
        /// Indices in the earlier map's provinces (one on the same map; several when merged).
        public let predecessors: [Int]
        /// The earlier provinces' tallies added up (units too: the old map's phường).
        public let before: Tally
        public let after: Tally
    }

    /// A province whose share went across 30% or 50%.
    public struct Crossing: Hashable, Sendable {
        /// Index in the later map's provinces.
        public let province: Int
        /// 30 or 50.
        public let percent: Int
        /// True when it rose to the threshold, false when it fell below it.
        public let upward: Bool
        public let before: Tally
        public let after: Tally
    }

    /// A ward that became model or fell back.
    public struct WardChange: Hashable, Sendable {
        /// Index in the later map's wards.
        public let ward: Int
        /// Indices in the earlier map's wards it continues (one on the same map).
        public let predecessors: [Int]
        /// The earlier state shown: the principal predecessor, or for `mergedIntoNonModel` the first
        /// predecessor that was model. Nil when the ward continues no earlier ward.
        public let before: WardProgress?
        public let after: WardProgress

        /// Nothing is known of its criteria now (e.g. a new criteria set not yet scored): a fall
        /// back on record rather than a criterion found unmet.
        public var criteriaUnknownNow: Bool { !after.meetsAll && after.met == nil }
    }

    /// Criteria of one ward that went from not met to met, or from met to not met.
    public struct CriteriaChange: Hashable, Sendable {
        /// Index in the later map's wards.
        public let ward: Int
        /// Index in the earlier map's wards of the predecessor compared with.
        public let predecessor: Int
        public let newlyMet: [Int]
        public let lost: [Int]
    }

    /// How many wards newly met or lost one criterion.
    public struct CriterionTotal: Hashable, Sendable {
        public let number: Int
        public let newlyMet: Int
        public let lost: Int
    }

    public let earlier: Side
    public let later: Side
    public let definition: ModelDefinition
    public let matching: Matching
    /// Ward lists and province crossings are meaningful: matched maps and ward rows on both sides.
    public let wardsCompared: Bool
    /// Every later province with its earlier tally (empty when `.nationalOnly`), in later map order.
    public let provinces: [ProvinceChange]
    /// Upward crossings first, then by province order and threshold.
    public let crossings: [Crossing]
    public let becameModel: [WardChange]
    public let fellBack: [WardChange]
    /// Across a map change: later wards that are not model although an old ward merged into them
    /// was model (their principal predecessor was not). Kept apart from `fellBack`, which is about
    /// the ward a unit continues.
    public let mergedIntoNonModel: [WardChange]
    /// Wards with any criterion newly met or lost, in later map order.
    public let criteriaChanges: [CriteriaChange]
    /// Per criterion of the set (1...M), only those that changed somewhere.
    public let criterionTotals: [CriterionTotal]
    /// Registered old wards that were split and are counted once, in their default target.
    public let splitWardsCountedOnce: Int
    /// Registered old wards (earlier map indices) whose default target is a commune, not a ward.
    public let wentIntoCommune: [Int]
    /// Registered old wards (earlier map indices) with no successor on the later map at all.
    public let withoutSuccessor: [Int]
    /// Reported figures that changed, national first, then by later province order.
    public let reportedChanges: [ReportedChange]

    public var crossesMapChange: Bool { earlier.map.id != later.map.id }
    /// The crosswalk used, when the comparison crosses a map change through one.
    public var crosswalkID: String? {
        if case .crosswalk(let id) = matching { return id }
        return nil
    }
    public var criteriaSetChanged: Bool { earlier.criteria.id != later.criteria.id }

    /// Compares two snapshots. `crosswalk` is used only when it leads from the earlier snapshot's
    /// map to the later one's; pass nil on the same map.
    public init(_ first: Dataset, _ second: Dataset, crosswalk: Crosswalk? = nil,
                definition: ModelDefinition = .complete) {
        let (a, b) = first.header.asOf <= second.header.asOf ? (first, second) : (second, first)
        let sa = ProgressSummary(a, definition: definition), sb = ProgressSummary(b, definition: definition)
        earlier = Side(asOf: a.header.asOf, title: a.header.title, map: a.map, criteria: a.criteria,
                       hasWardRows: !a.snapshot.wards.isEmpty, national: sa.national)
        later = Side(asOf: b.header.asOf, title: b.header.title, map: b.map, criteria: b.criteria,
                     hasWardRows: !b.snapshot.wards.isEmpty, national: sb.national)
        self.definition = definition

        let succession: Succession?
        if a.map.id == b.map.id {
            matching = .sameMap
            succession = .byCode(earlier: a.map, later: b.map)
        } else if let crosswalk, crosswalk.fromMapID == a.map.id, crosswalk.toMapID == b.map.id {
            matching = .crosswalk(id: crosswalk.id)
            succession = .through(crosswalk, earlier: a.map, later: b.map)
        } else {
            matching = .nationalOnly
            succession = nil
        }
        wardsCompared = succession != nil && earlier.hasWardRows && later.hasWardRows

        // Provinces: the earlier tallies added into the later province they became part of.
        var provinces: [ProvinceChange] = []
        if let succession {
            for (j, p) in sb.provinces.enumerated() {
                let preds = succession.provincePredecessors[j]
                var before = Tally()
                for i in preds { before.add(sa.provinces[i].tally) }
                provinces.append(ProvinceChange(province: j, predecessors: preds, before: before, after: p.tally))
            }
        }
        self.provinces = provinces
        // A province crosses 30% or 50% only between two counts of it: named wards are no share.
        let counted = provinces.filter { change in
            sb.provinces[change.province].isCounted && change.predecessors.allSatisfy { sa.provinces[$0].isCounted }
        }
        crossings = wardsCompared ? Self.crossings(counted) : []

        // Wards.
        var became: [WardChange] = [], fell: [WardChange] = [], merged: [WardChange] = []
        var criteriaChanges: [CriteriaChange] = []
        var split = 0
        var intoCommune: [Int] = [], without: [Int] = []
        let sameCriteria = a.criteria.id == b.criteria.id && a.criteria.count == b.criteria.count
        let total = b.criteria.count
        var newlyMetCount = [Int](repeating: 0, count: total + 1), lostCount = newlyMetCount
        if let succession, wardsCompared {
            for (i, w) in sa.wards.enumerated() where w.isRegistered {
                if succession.split[i] { split += 1 }
                if succession.intoCommune[i] { intoCommune.append(i) }
                if succession.unlinked[i] { without.append(i) }
            }
            for (j, after) in sb.wards.enumerated() {
                let preds = succession.wardPredecessors[j]
                let principal = succession.principal(of: j, earlier: a.map, later: b.map)
                let modelBefore = preds.filter { sa.wards[$0].isModel(definition) }
                if after.isModel(definition), modelBefore.isEmpty, after.isRegistered {
                    became.append(WardChange(ward: j, predecessors: preds,
                                             before: principal >= 0 ? sa.wards[principal] : nil, after: after))
                } else if !after.isModel(definition), principal >= 0, sa.wards[principal].isModel(definition) {
                    fell.append(WardChange(ward: j, predecessors: preds, before: sa.wards[principal], after: after))
                } else if !after.isModel(definition), let was = modelBefore.first {
                    merged.append(WardChange(ward: j, predecessors: preds, before: sa.wards[was], after: after))
                }
                guard sameCriteria, principal >= 0 else { continue }
                let rowBefore = a.row(ofWardAt: principal), rowAfter = b.row(ofWardAt: j)
                guard rowBefore != nil || rowAfter != nil else { continue }
                var gained: [Int] = [], lost: [Int] = []
                for n in 1...max(1, total) where n <= total {
                    let x = CriterionReading.status(n, rowBefore, sa.wards[principal])
                    let y = CriterionReading.status(n, rowAfter, after)
                    if x == .notMet, y == .met { gained.append(n); newlyMetCount[n] += 1 }
                    if x == .met, y == .notMet { lost.append(n); lostCount[n] += 1 }
                }
                if !gained.isEmpty || !lost.isEmpty {
                    criteriaChanges.append(CriteriaChange(ward: j, predecessor: principal, newlyMet: gained, lost: lost))
                }
            }
        }
        becameModel = became
        fellBack = fell
        mergedIntoNonModel = merged
        self.criteriaChanges = criteriaChanges
        criterionTotals = (1...max(1, total)).filter { $0 <= total && (newlyMetCount[$0] > 0 || lostCount[$0] > 0) }
            .map { CriterionTotal(number: $0, newlyMet: newlyMetCount[$0], lost: lostCount[$0]) }
        splitWardsCountedOnce = split
        wentIntoCommune = intoCommune
        withoutSuccessor = without

        // Reported figures: a province's figures are compared when it continues exactly one old one.
        var laterCodeOf: [String: String] = [:]
        if let succession {
            for (j, preds) in succession.provincePredecessors.enumerated() where preds.count == 1 {
                laterCodeOf[a.map.provinces[preds[0]].code] = b.map.provinces[j].code
            }
        }
        var order: [String: Int] = [:]
        for (j, p) in b.map.provinces.enumerated() { order[p.code] = j }
        reportedChanges = ReportedChanges.between(a.snapshot.reported, b.snapshot.reported,
                                                  laterScope: { laterCodeOf[$0] }, compareCounts: sameCriteria,
                                                  provinceOrder: order)
    }

    static func crossings(_ provinces: [ProvinceChange]) -> [Crossing] {
        var up: [Crossing] = [], down: [Crossing] = []
        for p in provinces where p.before.units > 0 && p.after.units > 0 {
            for percent in [Targets.floorPercent, Targets.stretchPercent] {
                let was = p.before.model * 100 >= percent * p.before.units
                let now = p.after.model * 100 >= percent * p.after.units
                if was == now { continue }
                let c = Crossing(province: p.province, percent: percent, upward: now, before: p.before, after: p.after)
                if now { up.append(c) } else { down.append(c) }
            }
        }
        return up + down
    }

    /// Wards that became model minus wards that fell back.
    public var netModelWards: Int { becameModel.count - fellBack.count }
}
