/// One province measured against the targets, from the ward rows, with what sources reported.
public struct ProvinceProgress: Sendable {
    /// Index in `map.provinces`.
    public let index: Int
    public let province: Province
    public let tally: Tally
    public let reported: [ReportedFigures]
    public let discrepancies: [Discrepancy]
    public let conflicts: [Conflict]
    /// Whether the rows count every ward of the province, or only those named in sources: only a
    /// complete count carries a share, a band, a gap or a pace.
    public let coverage: Coverage

    /// The rows give a count of the whole province (and it has units to count).
    public var isCounted: Bool { coverage == .complete && tally.units > 0 }
}

/// The whole country and every province as of one snapshot. Pure: computed from a `Dataset`.
public struct ProgressSummary: Sendable {
    public let asOf: Day
    public let mapID: String
    public let definition: ModelDefinition
    public let criteriaCount: Int
    public let national: Tally
    public let provinces: [ProvinceProgress]
    public let nationalReported: [ReportedFigures]
    public let nationalDiscrepancies: [Discrepancy]
    public let nationalConflicts: [Conflict]
    /// The ward progress of every ward of the map, by index in `map.wards`.
    public let wards: [WardProgress]
    /// The snapshot's coverage; the nation is complete when every province is.
    public let coverage: SnapshotCoverage
    public let nationalCoverage: Coverage

    public init(_ data: Dataset, definition: ModelDefinition = .complete) {
        asOf = data.header.asOf
        mapID = data.map.id
        self.definition = definition
        criteriaCount = data.criteria.count
        let map = data.map
        var wards: [WardProgress] = []
        wards.reserveCapacity(map.wards.count)
        for i in map.wards.indices { wards.append(data.wardProgress(at: i)) }
        self.wards = wards

        let (nationalReported, byScope) = Self.reportedByScope(data.snapshot.reported)
        coverage = data.header.coverage
        var national = Tally()
        var provinces: [ProvinceProgress] = []
        provinces.reserveCapacity(map.provinces.count)
        for (pi, p) in map.provinces.enumerated() {
            var t = Tally(units: p.units)
            for wi in map.wardRanges[pi] { t.add(wards[wi], definition: definition) }
            let reported = byScope[p.code] ?? []
            provinces.append(ProvinceProgress(
                index: pi, province: p, tally: t, reported: reported,
                discrepancies: coverage.of(province: p.code) == .complete ? Reconciliation.discrepancies(reported, tally: t) : [],
                conflicts: Reconciliation.conflicts(reported), coverage: coverage.of(province: p.code)))
            national.add(t)
        }
        self.national = national
        self.provinces = provinces
        self.nationalReported = nationalReported
        nationalCoverage = coverage.national(provinceCodes: map.provinces.map(\.code))
        // Named rows add up to a lower bound, not a count: comparing a reported figure with them
        // says nothing (172 registered against 26 named is not a discrepancy).
        nationalDiscrepancies = nationalCoverage == .complete ? Reconciliation.discrepancies(nationalReported, tally: national) : []
        nationalConflicts = Reconciliation.conflicts(nationalReported)
    }

    /// What sources reported, of the nation and of each province (by code).
    static func reportedByScope(_ reported: [ReportedFigures]) -> (national: [ReportedFigures], provinces: [String: [ReportedFigures]]) {
        var byScope: [String: [ReportedFigures]] = [:]
        var national: [ReportedFigures] = []
        for r in reported {
            switch r.scope {
            case .national: national.append(r)
            case .province(let code): byScope[code, default: []].append(r)
            }
        }
        return (national, byScope)
    }

    /// The nation's rows are a count of every ward (every province complete).
    public var nationalIsCounted: Bool { nationalCoverage == .complete && national.units > 0 }

    /// How many provinces are below / within / above the 2025 band, of those whose rows are a
    /// complete count (provinces without units, or known only by named wards, left out).
    public var bandCounts: [TargetBand: Int] {
        var c: [TargetBand: Int] = [.below: 0, .within: 0, .above: 0]
        for p in provinces where p.isCounted { c[p.tally.band, default: 0] += 1 }
        return c
    }

    /// Units still needed nationally so that every province reaches 30% (sum over provinces); only
    /// when every province is counted.
    public var neededFor2025Floor: Int { provinces.reduce(0) { $0 + $1.tally.needed(percent: Targets.floorPercent) } }
    public var paceNeeded2025: Pace.Needed {
        Pace.needed(units: neededFor2025Floor, from: asOf, to: Targets.deadline2025)
    }
    public var paceNeeded2030: Pace.Needed {
        Pace.needed(units: national.needed(percent: 100), from: asOf, to: Targets.deadline2030)
    }
    public func paceNeeded2025(province i: Int) -> Pace.Needed {
        Pace.needed(units: provinces[i].tally.needed(percent: Targets.floorPercent), from: asOf, to: Targets.deadline2025)
    }
    public func paceNeeded2030(province i: Int) -> Pace.Needed {
        Pace.needed(units: provinces[i].tally.needed(percent: 100), from: asOf, to: Targets.deadline2030)
    }

    /// Model units per month nationally since an earlier summary on the same map (across a map
    /// change the units counted differ, so no pace is claimed).
    public func paceObserved(since earlier: ProgressSummary) -> Double? {
        guard earlier.mapID == mapID, earlier.nationalIsCounted, nationalIsCounted else { return nil }
        return Pace.observed(modelThen: earlier.national.model, on: earlier.asOf, modelNow: national.model, on: asOf)
    }
    /// Model units per month in one province since an earlier summary on the same map (matched by code).
    public func paceObserved(province i: Int, since earlier: ProgressSummary) -> Double? {
        let code = provinces[i].province.code
        guard earlier.mapID == mapID, provinces[i].isCounted,
              let then = earlier.provinces.first(where: { $0.province.code == code && $0.isCounted }) else { return nil }
        return Pace.observed(modelThen: then.tally.model, on: earlier.asOf, modelNow: provinces[i].tally.model, on: asOf)
    }
}
