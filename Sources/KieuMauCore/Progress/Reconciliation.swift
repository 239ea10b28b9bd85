/// A reported aggregate compared with what the ward rows add up to.
public struct Discrepancy: Hashable, Sendable {
    public var field: ReportedField
    public var reported: Int
    public var fromRows: Int
    public var sourceID: String
}

/// Two sources that report different values of the same figure for the same scope
/// (e.g. seed-00 "144 at 22/22" against seed-04 "144 at 20/22").
public struct Conflict: Hashable, Sendable {
    public var field: ReportedField
    public var first: (sourceID: String, value: String)
    public var second: (sourceID: String, value: String)

    public static func == (a: Conflict, b: Conflict) -> Bool {
        a.field == b.field && a.first.sourceID == b.first.sourceID && a.first.value == b.first.value
            && a.second.sourceID == b.second.sourceID && a.second.value == b.second.value
    }
    public func hash(into h: inout Hasher) {
        h.combine(field); h.combine(first.sourceID); h.combine(first.value); h.combine(second.sourceID); h.combine(second.value)
    }
}

public enum ReportedField: Hashable, Sendable {
    case registered, quota, complete, recognised
    /// Wards at `met` criteria met; `.criteriaMetDistribution` when comparing whole distributions.
    case wardsAt(met: Int)
    case criteriaMetDistribution
}

public enum Reconciliation {
    /// Each reported figure of a scope against the tally of its ward rows. Quota has no row equivalent.
    public static func discrepancies(_ reported: [ReportedFigures], tally: Tally) -> [Discrepancy] {
        var out: [Discrepancy] = []
        for r in reported {
            func check(_ field: ReportedField, _ value: Int?, _ rows: Int) {
                if let value, value != rows { out.append(Discrepancy(field: field, reported: value, fromRows: rows, sourceID: r.sourceID)) }
            }
            check(.registered, r.registered, tally.registered)
            check(.complete, r.complete, tally.complete)
            check(.recognised, r.recognised, tally.recognised)
            for c in r.byCriteriaMet { check(.wardsAt(met: c.met), c.wards, tally.wards(meeting: c.met)) }
        }
        return out
    }

    /// Pairs of reports for one scope that give different values for the same figure.
    public static func conflicts(_ reported: [ReportedFigures]) -> [Conflict] {
        var out: [Conflict] = []
        for i in reported.indices {
            for j in reported.indices where j > i {
                let a = reported[i], b = reported[j]
                func check(_ field: ReportedField, _ x: Int?, _ y: Int?) {
                    if let x, let y, x != y {
                        out.append(Conflict(field: field, first: (a.sourceID, String(x)), second: (b.sourceID, String(y))))
                    }
                }
                check(.registered, a.registered, b.registered)
                check(.quota, a.quota, b.quota)
                check(.complete, a.complete, b.complete)
                check(.recognised, a.recognised, b.recognised)
                if !a.byCriteriaMet.isEmpty, !b.byCriteriaMet.isEmpty,
                   Set(a.byCriteriaMet) != Set(b.byCriteriaMet) {
                    out.append(Conflict(field: .criteriaMetDistribution,
                                        first: (a.sourceID, describe(a.byCriteriaMet)),
                                        second: (b.sourceID, describe(b.byCriteriaMet))))
                }
            }
        }
        return out
    }

    /// "144 at 22, 25 at 21, 3 at 20" (highest first).
    public static func describe(_ counts: [CriteriaMetCount]) -> String {
        counts.sorted { $0.met > $1.met }.map { "\($0.wards)@\($0.met)" }.joined(separator: " ")
    }
}
