/// A province's counts in one snapshot, without what sources reported.
public struct ProvinceTally: Hashable, Sendable {
    public let province: Province
    public let tally: Tally
    /// Whether the tally counts every ward of the province or only the wards named in sources.
    public let coverage: Coverage
    public init(province: Province, tally: Tally, coverage: Coverage = .complete) {
        self.province = province; self.tally = tally; self.coverage = coverage
    }
    /// A count of the whole province (complete rows, with units).
    public var isCounted: Bool { coverage == .complete && tally.units > 0 }
}

/// The figures of a `ProgressSummary` that the pace and the projection need — the country and each
/// province counted — without the progress of every ward. A few hundred bytes a province, so a
/// series can keep one per snapshot after the rows are dropped.
public struct ProgressTotals: Hashable, Sendable {
    public let asOf: Day
    public let mapID: String
    public let definition: ModelDefinition
    public let criteriaCount: Int
    public let national: Tally
    /// Whether `national` counts every ward of the country (every province complete).
    public let nationalCoverage: Coverage
    /// In the order of the summary's provinces (the map's).
    public let provinces: [ProvinceTally]
    /// Where each province code is in `provinces` (the first, should a code repeat): the
    /// latest-known picture looks provinces up by code, hundreds of them in hundreds of scopes.
    private let indexByCode: [String: Int]

    static func index(_ provinces: [ProvinceTally]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(provinces.count)
        for (i, p) in provinces.enumerated() where index[p.province.code] == nil { index[p.province.code] = i }
        return index
    }

    /// The tally of the province with this code, if the totals have it.
    public func province(_ code: String) -> ProvinceTally? { indexByCode[code].map { provinces[$0] } }

    public init(_ summary: ProgressSummary) {
        asOf = summary.asOf
        mapID = summary.mapID
        definition = summary.definition
        criteriaCount = summary.criteriaCount
        national = summary.national
        nationalCoverage = summary.nationalCoverage
        provinces = summary.provinces.map { ProvinceTally(province: $0.province, tally: $0.tally, coverage: $0.coverage) }
        indexByCode = Self.index(provinces)
    }

    /// Totals from their parts, as the digest cache reads them back (`DigestCacheFile`).
    init(asOf: Day, mapID: String, definition: ModelDefinition, criteriaCount: Int, national: Tally,
         nationalCoverage: Coverage, provinces: [ProvinceTally]) {
        self.asOf = asOf; self.mapID = mapID; self.definition = definition; self.criteriaCount = criteriaCount
        self.national = national; self.nationalCoverage = nationalCoverage; self.provinces = provinces
        indexByCode = Self.index(provinces)
    }

    /// The nation's tally is a count of every ward.
    public var nationalIsCounted: Bool { nationalCoverage == .complete && national.units > 0 }

    /// The model count of the province with this code, if the summary counts it (complete rows).
    func model(ofProvince code: String) -> Int? {
        province(code).flatMap { $0.coverage == .complete ? $0.tally.model : nil }
    }
}

extension ProgressSummary {
    /// Model units per month nationally since an earlier snapshot's totals on the same map (as
    /// `paceObserved(since:)` with its summary).
    public func paceObserved(since earlier: ProgressTotals) -> Double? {
        guard earlier.mapID == mapID, earlier.nationalIsCounted, nationalIsCounted else { return nil }
        return Pace.observed(modelThen: earlier.national.model, on: earlier.asOf, modelNow: national.model, on: asOf)
    }

    /// Model units per month in one province since an earlier snapshot's totals on the same map
    /// (matched by code), as `paceObserved(province:since:)` with its summary.
    public func paceObserved(province i: Int, since earlier: ProgressTotals) -> Double? {
        let code = provinces[i].province.code
        guard earlier.mapID == mapID, provinces[i].isCounted, let then = earlier.model(ofProvince: code) else { return nil }
        return Pace.observed(modelThen: then, on: earlier.asOf, modelNow: provinces[i].tally.model, on: asOf)
    }
}
