/// A province's counts in one snapshot, without what sources reported.
public struct ProvinceTally: Sendable {
    public let province: Province
    public let tally: Tally
    public init(province: Province, tally: Tally) { self.province = province; self.tally = tally }
}

/// The figures of a `ProgressSummary` that the pace and the projection need — the country and each
/// province counted — without the progress of every ward. A few hundred bytes a province, so a
/// series can keep one per snapshot after the rows are dropped.
public struct ProgressTotals: Sendable {
    public let asOf: Day
    public let mapID: String
    public let definition: ModelDefinition
    public let criteriaCount: Int
    public let national: Tally
    /// In the order of the summary's provinces (the map's).
    public let provinces: [ProvinceTally]

    public init(_ summary: ProgressSummary) {
        asOf = summary.asOf
        mapID = summary.mapID
        definition = summary.definition
        criteriaCount = summary.criteriaCount
        national = summary.national
        provinces = summary.provinces.map { ProvinceTally(province: $0.province, tally: $0.tally) }
    }

    /// The model count of the province with this code, if the summary has it.
    func model(ofProvince code: String) -> Int? {
        provinces.first { $0.province.code == code }?.tally.model
    }
}

extension ProgressSummary {
    /// Model units per month nationally since an earlier snapshot's totals on the same map (as
    /// `paceObserved(since:)` with its summary).
    public func paceObserved(since earlier: ProgressTotals) -> Double? {
        guard earlier.mapID == mapID else { return nil }
        return Pace.observed(modelThen: earlier.national.model, on: earlier.asOf, modelNow: national.model, on: asOf)
    }

    /// Model units per month in one province since an earlier snapshot's totals on the same map
    /// (matched by code), as `paceObserved(province:since:)` with its summary.
    public func paceObserved(province i: Int, since earlier: ProgressTotals) -> Double? {
        let code = provinces[i].province.code
        guard earlier.mapID == mapID, let then = earlier.model(ofProvince: code) else { return nil }
        return Pace.observed(modelThen: then, on: earlier.asOf, modelNow: provinces[i].tally.model, on: asOf)
    }
}
