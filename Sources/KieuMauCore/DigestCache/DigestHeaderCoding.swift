/// The header section of a digest cache file: the snapshot's `SnapshotHeader` whole — sources,
/// notes, coverage and reported figures with their rounds.
extension DigestByteWriter {
    mutating func header(_ h: SnapshotHeader) {
        day(h.asOf)
        string(h.title); string(h.series)
        bool(h.synthetic)
        string(h.mapID); string(h.criteriaID)
        count(h.sources.count)
        for s in h.sources {
            string(s.id); string(s.publisher); string(s.title); string(s.date); string(s.url)
        }
        count(h.notes.count)
        for note in h.notes { string(note) }
        coverage(h.coverage.defaultCoverage)
        // In code order, so that one coverage has one encoding.
        let differing = h.coverage.provinces.sorted { $0.key < $1.key }
        count(differing.count)
        for (code, value) in differing { string(code); coverage(value) }
        count(h.reported.count)
        for figures in h.reported { reported(figures) }
    }

    /// Bits of the byte before a report's optional figures: which are present.
    enum ReportedField: UInt8, CaseIterable {
        case registered = 1, quota = 2, complete = 4, recognised = 8, round = 16
    }

    private mutating func reported(_ f: ReportedFigures) {
        switch f.scope {
        case .national: u8(0)
        case .province(let code): u8(1); string(code)
        }
        string(f.sourceID)
        let values: [(ReportedField, Int?)] = [(.registered, f.registered), (.quota, f.quota), (.complete, f.complete),
                                               (.recognised, f.recognised), (.round, f.round)]
        u8(values.reduce(0) { $0 | ($1.1 == nil ? 0 : $1.0.rawValue) })
        for case (_, let value?) in values { i64(value) }
        count(f.byCriteriaMet.count)
        for c in f.byCriteriaMet { i64(c.met); i64(c.wards) }
        string(f.note)
    }
}

extension DigestByteReader {
    /// Smallest encodings, which bound counts: five empty strings; a code and a byte; a national
    /// report with no figures, no counts and an empty note.
    private static let sourceSize = 20, coverageSize = 5, reportSize = 14, criteriaMetSize = 16

    mutating func header() throws(DigestFileError) -> SnapshotHeader {
        let asOf = try day("header.asOf")
        let title = try string("header.title"), series = try string("header.series")
        let synthetic = try bool("header.synthetic")
        let mapID = try string("header.mapID"), criteriaID = try string("header.criteriaID")
        let sourceCount = try count("header.sources", elementSize: Self.sourceSize)
        var sources: [Source] = []
        sources.reserveCapacity(sourceCount)
        for i in 0..<sourceCount {
            let path = "header.sources[\(i)]"
            sources.append(Source(id: try string(path + ".id"), publisher: try string(path + ".publisher"),
                                  title: try string(path + ".title"), date: try string(path + ".date"),
                                  url: try string(path + ".url")))
        }
        let noteCount = try count("header.notes", elementSize: 4)
        var notes: [String] = []
        notes.reserveCapacity(noteCount)
        for i in 0..<noteCount { notes.append(try string("header.notes[\(i)]")) }
        let coverage = try snapshotCoverage()
        let reportCount = try count("header.reported", elementSize: Self.reportSize)
        var reported: [ReportedFigures] = []
        reported.reserveCapacity(reportCount)
        for i in 0..<reportCount { reported.append(try reportedFigures("header.reported[\(i)]")) }
        return SnapshotHeader(asOf: asOf, title: title, series: series, synthetic: synthetic, mapID: mapID,
                              criteriaID: criteriaID, sources: sources, notes: notes, coverage: coverage, reported: reported)
    }

    private mutating func snapshotCoverage() throws(DigestFileError) -> SnapshotCoverage {
        let defaultCoverage = try enumeration("header.coverage.default", DigestCacheFile.coverages)
        let n = try count("header.coverage.provinces", elementSize: Self.coverageSize)
        var provinces: [String: Coverage] = [:]
        provinces.reserveCapacity(n)
        var previous: String?
        for i in 0..<n {
            let at = offset
            let code = try string("header.coverage.provinces[\(i)].code")
            // Strictly increasing: no code twice (not even two spellings Swift holds equal).
            if let previous, !(previous < code) {
                throw .invalid(field: "header.coverage.provinces[\(i)].code", offset: at, detail: "not after `\(previous)` (codes in increasing order, each once)")
            }
            let at2 = offset
            let value = try enumeration("header.coverage.provinces[\(i)].coverage", DigestCacheFile.coverages)
            guard value != defaultCoverage else {
                throw .invalid(field: "header.coverage.provinces[\(i)].coverage", offset: at2, detail: "repeats the default (only differing provinces are listed)")
            }
            provinces[code] = value
            previous = code
        }
        return SnapshotCoverage(default: defaultCoverage, provinces: provinces)
    }

    private mutating func reportedFigures(_ path: String) throws(DigestFileError) -> ReportedFigures {
        let at = offset
        let scope: Scope
        switch try u8(path + ".scope") {
        case 0: scope = .national
        case 1: scope = .province(try string(path + ".scope.code"))
        case let other: throw .invalid(field: path + ".scope", offset: at, detail: "expected 0 (national) or 1 (province), found \(other)")
        }
        let sourceID = try string(path + ".source")
        let maskAt = offset
        let mask = try u8(path + ".present")
        let known = DigestByteWriter.ReportedField.allCases.reduce(0) { $0 | $1.rawValue }
        guard mask & ~known == 0 else {
            throw .invalid(field: path + ".present", offset: maskAt, detail: "unknown figures in mask \(mask)")
        }
        // Figures are never negative (as the snapshot reader has them) nor beyond the counts' range; a round is a year.
        func figure(_ field: DigestByteWriter.ReportedField, _ name: String, _ range: ClosedRange<Int> = DigestCacheFile.counts) throws(DigestFileError) -> Int? {
            mask & field.rawValue == 0 ? nil : try i64(path + "." + name, in: range)
        }
        let registered = try figure(.registered, "registered"), quota = try figure(.quota, "quota")
        let complete = try figure(.complete, "complete"), recognised = try figure(.recognised, "recognised")
        let round = try figure(.round, "round", 1900...9999)
        let n = try count(path + ".byCriteriaMet", elementSize: Self.criteriaMetSize)
        var byCriteriaMet: [CriteriaMetCount] = []
        byCriteriaMet.reserveCapacity(n)
        for i in 0..<n {
            let met = try i64(path + ".byCriteriaMet[\(i)].met", in: 0...CriteriaSet.maximumCount)
            byCriteriaMet.append(CriteriaMetCount(met: met, wards: try i64(path + ".byCriteriaMet[\(i)].wards", in: DigestCacheFile.counts)))
        }
        let note = try string(path + ".note")
        return ReportedFigures(scope: scope, sourceID: sourceID, registered: registered, quota: quota, complete: complete,
                               recognised: recognised, byCriteriaMet: byCriteriaMet, note: note, round: round)
    }
}
