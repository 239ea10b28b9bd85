/// Writes a snapshot as a data file (docs/FORMAT.md) in the generator's layout: one key a line,
/// one ward row a line, `wards` last.
enum SnapshotFileText {
    static func make(_ snapshot: Snapshot, criteriaCount: Int) -> String {
        let h = snapshot.header
        let sources: [OrderedJSON] = h.sources.map {
            .object([("id", .string($0.id)), ("publisher", .string($0.publisher)), ("title", .string($0.title)),
                     ("date", .string($0.date)), ("url", .string($0.url))])
        }
        return DataFileJSON.document([
            ("format", "kieumau.snapshot"),
            ("version", .int(DataFileKind.snapshot.currentVersion)),
            ("asOf", .string(h.asOf.iso)),
            ("title", .string(h.title)),
            ("series", .string(h.series)),
            ("synthetic", .bool(h.synthetic)),
            ("map", .string(h.mapID)),
            ("criteria", .string(h.criteriaID)),
            ("sources", .array(sources)),
            ("notes", .array(h.notes.map(OrderedJSON.string))),
            ("coverage", coverage(h.coverage)),
            ("reported", .array(snapshot.reported.map(reported))),
            ("wards", .array(snapshot.wards.map { row($0, criteriaCount: criteriaCount) })),
        ])
    }

    /// `{"default": …, "provinces": {…}}`, the provinces in code order.
    static func coverage(_ c: SnapshotCoverage) -> OrderedJSON {
        var members: [(String, OrderedJSON)] = [("default", .string(c.defaultCoverage.rawValue))]
        if !c.provinces.isEmpty {
            members.append(("provinces", .object(c.provinces.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.rawValue)) })))
        }
        return .object(members)
    }

    /// One `reported` entry, with only the figures it has.
    static func reported(_ r: ReportedFigures) -> OrderedJSON {
        var members: [(String, OrderedJSON)] = [("scope", .string(r.scope.token)), ("source", .string(r.sourceID))]
        if let round = r.round { members.append(("round", .int(round))) }
        for (key, value) in [("registered", r.registered), ("quota", r.quota), ("complete", r.complete), ("recognised", r.recognised)] {
            if let value { members.append((key, .int(value))) }
        }
        if !r.byCriteriaMet.isEmpty {
            members.append(("byCriteriaMet", .object(r.byCriteriaMet.sorted { $0.met > $1.met }.map { (String($0.met), .int($0.wards)) })))
        }
        if !r.note.isEmpty { members.append(("note", .string(r.note))) }
        return .object(members)
    }

    /// `[code, stage, criteria, {details}]`, the details only with what the row has.
    static func row(_ ward: WardPolice, criteriaCount: Int) -> OrderedJSON {
        var details: [(String, OrderedJSON)] = []
        if let year = ward.pilotYear { details.append(("year", .int(year))) }
        if let recognition = ward.recognition {
            if !recognition.decision.isEmpty { details.append(("decision", .string(recognition.decision))) }
            if let day = recognition.date { details.append(("recognisedOn", .string(day.iso))) }
        }
        if !ward.sourceIDs.isEmpty { details.append(("sources", .array(ward.sourceIDs.map(OrderedJSON.string)))) }
        if !ward.note.isEmpty { details.append(("note", .string(ward.note))) }
        var items: [OrderedJSON] = [.string(ward.wardCode), .string(ward.stage.token), .string(criteria(ward.marks, count: criteriaCount))]
        if !details.isEmpty { items.append(.object(details)) }
        return .array(items)
    }

    /// `""`, `"N/M"` or one `1`, `0` or `?` per criterion.
    static func criteria(_ marks: CriteriaMarks, count: Int) -> String {
        if let n = marks.publishedCount { return "\(n)/\(count)" }
        guard marks.hasMarks, count > 0 else { return "" }
        return String((1...count).map { n -> Character in
            switch marks.status(of: n) {
            case .met: return "1"
            case .notMet: return "0"
            case .unknown: return "?"
            }
        })
    }
}
