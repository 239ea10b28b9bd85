/// A figure reported by the sources (kept apart from the ward rows) that differs between two
/// snapshots: "registered 172 → 180", or reported in only one of them.
public struct ReportedChange: Hashable, Sendable {
    /// National, or a province by its code on the later map.
    public let scope: Scope
    public let field: ReportedField
    /// Distinct values the sources gave, ascending; empty when the figure was not reported. Two
    /// values on one side mean the sources conflicted there.
    public let before: [Int]
    public let after: [Int]

    /// Reported on both sides (a change of value rather than a figure appearing or disappearing).
    public var reportedOnBothSides: Bool { !before.isEmpty && !after.isEmpty }
}

enum ReportedChanges {
    struct Key: Hashable { var scope: Scope; var field: ReportedField }

    /// Changes between two snapshots' reported figures. `laterScope` maps an earlier province code to
    /// the later map's code, or nil when that province's figures cannot be compared (a new province
    /// formed from several old ones: their separate reports do not add up to one).
    /// `compareCounts` is false when the criteria sets differ ("wards at 21" means another thing).
    static func between(_ earlier: [ReportedFigures], _ later: [ReportedFigures],
                        laterScope: (String) -> String?, compareCounts: Bool,
                        provinceOrder: [String: Int]) -> [ReportedChange] {
        let before = collect(earlier, scope: laterScope, counts: compareCounts)
        let after = collect(later, scope: { $0 }, counts: compareCounts)
        var out: [ReportedChange] = []
        for key in Set(before.keys).union(after.keys) {
            let b = (before[key] ?? []).sorted(), a = (after[key] ?? []).sorted()
            if b != a { out.append(ReportedChange(scope: key.scope, field: key.field, before: b, after: a)) }
        }
        func scopeRank(_ s: Scope) -> Int {
            switch s {
            case .national: return -1
            case .province(let code): return provinceOrder[code] ?? Int.max
            }
        }
        return out.sorted {
            let l = scopeRank($0.scope), r = scopeRank($1.scope)
            if l != r { return l < r }
            if $0.scope != $1.scope { return $0.scope.token < $1.scope.token }
            return fieldRank($0.field) < fieldRank($1.field)
        }
    }

    static func collect(_ reported: [ReportedFigures], scope: (String) -> String?, counts: Bool) -> [Key: Set<Int>] {
        var out: [Key: Set<Int>] = [:]
        for r in reported {
            let s: Scope
            switch r.scope {
            case .national: s = .national
            case .province(let code):
                guard let mapped = scope(code) else { continue }
                s = .province(mapped)
            }
            func add(_ f: ReportedField, _ v: Int?) { if let v { out[Key(scope: s, field: f), default: []].insert(v) } }
            add(.registered, r.registered)
            add(.quota, r.quota)
            add(.complete, r.complete)
            add(.recognised, r.recognised)
            if counts { for c in r.byCriteriaMet { add(.wardsAt(met: c.met), c.wards) } }
        }
        return out
    }

    /// Registered, quota, complete, recognised, then wards by criteria met, highest first.
    static func fieldRank(_ f: ReportedField) -> Int {
        switch f {
        case .registered: return 0
        case .quota: return 1
        case .complete: return 2
        case .recognised: return 3
        case .wardsAt(let m): return 1000 - m
        case .criteriaMetDistribution: return 2000
        }
    }
}
