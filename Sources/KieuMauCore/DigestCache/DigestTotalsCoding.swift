/// The totals section of a digest cache file: `ProgressTotals` — the nation's tally and each
/// province's code, name, units, tally and coverage, in the map's order.
extension DigestByteWriter {
    mutating func totals(_ t: ProgressTotals) {
        day(t.asOf)
        string(t.mapID)
        definition(t.definition)
        i64(t.criteriaCount)
        tally(t.national)
        coverage(t.nationalCoverage)
        count(t.provinces.count)
        for p in t.provinces {
            string(p.province.code); string(p.province.name); i64(p.province.units)
            tally(p.tally)
            coverage(p.coverage)
        }
    }

    private mutating func tally(_ t: Tally) {
        i64(t.units); i64(t.registered); i64(t.complete); i64(t.recognised); i64(t.model)
        count(t.byCriteriaMet.count)
        for n in t.byCriteriaMet { i64(n) }
    }
}

extension DigestByteReader {
    /// Smallest encodings: a tally without counts by criteria met; a province with empty code and name.
    private static let tallySize = 44, provinceSize = 4 + 4 + 8 + 44 + 1

    mutating func totals() throws(DigestFileError) -> ProgressTotals {
        let asOf = try day("totals.asOf")
        let mapID = try string("totals.mapID")
        let definition = try enumeration("totals.definition", DigestCacheFile.definitions)
        let criteriaCount = try i64("totals.criteriaCount", in: 0...CriteriaSet.maximumCount)
        let national = try tally { "totals.national" }
        let nationalCoverage = try enumeration("totals.nationalCoverage", DigestCacheFile.coverages)
        let n = try count("totals.provinces", elementSize: Self.provinceSize)
        var provinces: [ProvinceTally] = []
        provinces.reserveCapacity(n)
        for i in 0..<n {
            let code = try string("totals.provinces[\(i)].code")
            let name = try string("totals.provinces[\(i)].name")
            let units = try i64("totals.provinces[\(i)].units", in: DigestCacheFile.counts)
            let tally = try tally { "totals.provinces[\(i)].tally" }
            let coverage = try enumeration("totals.provinces[\(i)].coverage", DigestCacheFile.coverages)
            provinces.append(ProvinceTally(province: Province(code: code, name: name, units: units), tally: tally, coverage: coverage))
        }
        return ProgressTotals(asOf: asOf, mapID: mapID, definition: definition, criteriaCount: criteriaCount,
                              national: national, nationalCoverage: nationalCoverage, provinces: provinces)
    }

    /// Counts of wards, never negative, within `DigestCacheFile.counts`.
    private mutating func tally(_ path: () -> String) throws(DigestFileError) -> Tally {
        let fixed = try i64s(5, { path() + "." + Self.tallyFields[$0] }, in: DigestCacheFile.counts)
        var t = Tally(units: fixed[0])
        t.registered = fixed[1]; t.complete = fixed[2]; t.recognised = fixed[3]; t.model = fixed[4]
        let n = try count(path() + ".byCriteriaMet", elementSize: 8)
        t.byCriteriaMet = try i64s(n, { path() + ".byCriteriaMet[\($0)]" }, in: DigestCacheFile.counts)
        return t
    }

    private static let tallyFields = ["units", "registered", "complete", "recognised", "model"]
}
