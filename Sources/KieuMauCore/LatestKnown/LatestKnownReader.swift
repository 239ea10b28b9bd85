/// The work of `LatestKnown.picture`: the records of one series, newest first, read scope by scope.
extension LatestKnown {
    struct Reader {
        let target: ProgressTotals
        /// Records by map, newest first; the target map's and the earlier maps' that continue on it.
        let onTarget: [Record]
        let earlier: [(succession: ProvinceSuccession, records: [Record])]
        /// Records of other maps (no succession to the target): only the nation carries from them.
        let elsewhere: [[Record]]
        let definition: ModelDefinition

        init(records: [Record], target: ProgressTotals, successions: [ProvinceSuccession]) {
            self.target = target
            definition = target.definition
            onTarget = records.filter { $0.header.mapID == target.mapID }
            var earlier: [(ProvinceSuccession, [Record])] = []
            var elsewhere: [[Record]] = []
            var mapIDs: [String] = []
            for r in records where r.header.mapID != target.mapID && !mapIDs.contains(r.header.mapID) { mapIDs.append(r.header.mapID) }
            for id in mapIDs {
                let rs = records.filter { $0.header.mapID == id }
                if let s = successions.first(where: { $0.fromMapID == id && $0.toMapID == target.mapID }) {
                    earlier.append((s, rs))
                } else {
                    elsewhere.append(rs)
                }
            }
            self.earlier = earlier
            self.elsewhere = elsewhere
        }

        /// What is known of the nation (nil) or a province of the target map.
        func scope(_ province: Province?) -> ScopeKnowledge {
            let scope: Scope = province.map { .province($0.code) } ?? .national
            let units = province?.units ?? target.national.units
            var figures = [KnownFigureKind: KnownFigure](minimumCapacity: KnownFigureKind.allCases.count)
            // Each record's count of the scope, looked up once for all the kinds of figure.
            let counted = onTarget.map { countedTally(scope, in: $0) }
            for kind in KnownFigureKind.allCases {
                var best = latest(kind, scope: scope, in: onTarget, counted: counted)
                for (succession, rs) in earlier {
                    let candidate = province == nil ? latest(kind, scope: .national, in: rs) : translated(kind, province!.code, succession, rs)
                    if let c = candidate, best.map({ c.asOf > $0.asOf }) ?? true { best = c }
                }
                if province == nil {
                    for rs in elsewhere {
                        if let c = latest(kind, scope: .national, in: rs), best.map({ c.asOf > $0.asOf }) ?? true { best = c }
                    }
                }
                if let best { figures[kind] = best }
            }
            let named = namedWards(province, counted: counted)
            return ScopeKnowledge(scope: scope, province: province, units: units, figures: figures, named: named,
                                  verdict: verdict(units: units, figures: figures, named: named, province: province))
        }

        func verdict(units: Int, figures: [KnownFigureKind: KnownFigure], named: NamedWards?, province: Province?) -> Verdict {
            guard units > 0 else { return .unknown(.noUnits) }
            if let model = figures[.model], model.values.allSatisfy({ $0.mapID == target.mapID }) {
                if let v = model.single, v.round == nil { return .counted(ScopeCount(units: units, model: v)) }
                if model.isConflict { return .unknown(.sourcesDisagree) }
            }
            if let named, named.mapID == target.mapID { return .unknown(.namedOnly(named: named.registered, units: units)) }
            let onOlderMap = figures.values.contains { $0.values.contains { $0.mapID != target.mapID } }
                || (named.map { $0.mapID != target.mapID } ?? false)
            if onOlderMap { return .unknown(.noCountSinceMapChange) }
            let coverage = province.map { p in target.province(p.code)?.coverage } ?? target.nationalCoverage
            return coverage == .named ? .unknown(.namedOnly(named: 0, units: units)) : .unknown(.nothingKnown)
        }

        // MARK: one map

        /// The figure from the newest record of `records` that gives it for `scope`.
        /// - Parameter counted: `countedTally(scope, in:)` of each record, when the caller has it.
        func latest(_ kind: KnownFigureKind, scope: Scope, in records: [Record], counted: [Tally?]? = nil) -> KnownFigure? {
            for i in records.indices {
                let values = candidates(kind, scope: scope, in: records[i], counted: counted.map { $0[i] })
                if !values.isEmpty { return KnownFigure(kind: kind, values: values) }
            }
            return nil
        }

        /// The values one record gives: its complete rows, then each report, those that agree (and
        /// are of the same round) as one value.
        func candidates(_ kind: KnownFigureKind, scope: Scope, in r: Record, counted: Tally?? = nil) -> [KnownValue] {
            let criteriaCount = r.totals?.criteriaCount ?? 0
            let tally = counted ?? countedTally(scope, in: r)
            // The common case, rows and no report: one value, made without the merging below.
            if !r.header.reported.contains(where: { $0.scope == scope }) {
                guard let tally, let v = value(kind, of: tally) else { return [] }
                return [KnownValue(value: v, origins: [.wardRows], asOf: r.header.asOf, mapID: r.header.mapID,
                                   criteriaCount: criteriaCount, round: nil, notes: [])]
            }
            var raw: [(FigureValue, FigureOrigin, Int?, String)] = []
            if let tally, let v = value(kind, of: tally) { raw.append((v, .wardRows, nil, "")) }
            for rep in r.header.reported where rep.scope == scope {
                guard let v = value(kind, of: rep) else { continue }
                let source = r.header.source(rep.sourceID) ?? Source(id: rep.sourceID, publisher: "", title: "", date: "")
                raw.append((v, .reported(source), rep.round, rep.note))
            }
            var out: [KnownValue] = []
            for (v, origin, round, note) in raw {
                if let i = out.firstIndex(where: { $0.value == v && $0.round == round }) {
                    if !out[i].origins.contains(origin) { out[i].origins.append(origin) }
                    if !note.isEmpty { out[i].notes.append(note) }
                } else {
                    out.append(KnownValue(value: v, origins: [origin], asOf: r.header.asOf, mapID: r.header.mapID,
                                          criteriaCount: criteriaCount, round: round, notes: note.isEmpty ? [] : [note]))
                }
            }
            return out
        }

        /// The scope's tally when the record's rows count it completely (and were read).
        func countedTally(_ scope: Scope, in r: Record) -> Tally? {
            guard let t = r.totals, t.definition == definition else { return nil }
            switch scope {
            case .national: return t.nationalCoverage == .complete ? t.national : nil
            case .province(let code):
                guard let p = t.province(code), p.coverage == .complete else { return nil }
                return p.tally
            }
        }

        func value(_ kind: KnownFigureKind, of t: Tally) -> FigureValue? {
            switch kind {
            case .registered: return .count(t.registered)
            case .quota: return nil
            case .complete: return .count(t.complete)
            case .recognised: return .count(t.recognised)
            case .model: return .count(t.model)
            case .byCriteriaMet:
                // Most criteria met first.
                var counts: [CriteriaMetCount] = []
                for met in t.byCriteriaMet.indices.reversed() where t.byCriteriaMet[met] > 0 {
                    counts.append(CriteriaMetCount(met: met, wards: t.byCriteriaMet[met]))
                }
                return counts.isEmpty ? nil : .distribution(counts)
            }
        }

        /// A report's value of a figure. The model count only from a count of the whole scope of
        /// what the model definition counts (a round's count is not one).
        func value(_ kind: KnownFigureKind, of r: ReportedFigures) -> FigureValue? {
            switch kind {
            case .registered: return r.registered.map(FigureValue.count)
            case .quota: return r.quota.map(FigureValue.count)
            case .complete: return r.complete.map(FigureValue.count)
            case .recognised: return r.recognised.map(FigureValue.count)
            case .byCriteriaMet: return r.byCriteriaMet.isEmpty ? nil : .distribution(r.byCriteriaMet.sorted { $0.met > $1.met })
            case .model:
                guard r.round == nil else { return nil }
                return (definition == .complete ? r.complete : r.recognised).map(FigureValue.count)
            }
        }

        // MARK: across a map change

        /// A province of the target map from an earlier map's records: its old provinces' figures,
        /// summed when each went into it whole and each has one value; else each as a part.
        func translated(_ kind: KnownFigureKind, _ code: String, _ succession: ProvinceSuccession, _ rs: [Record]) -> KnownFigure? {
            let (parts, exact) = succession.parts(of: code)
            let figures = parts.map { latest(kind, scope: .province($0.code), in: rs) }
            guard figures.contains(where: { $0 != nil }) else { return nil }
            if exact, parts.count == 1, let only = figures[0] { return only }
            if exact, let sum = Self.sum(figures.map { $0?.single }, parts: parts) { return KnownFigure(kind: kind, values: [sum]) }
            var values: [KnownValue] = []
            for (p, f) in zip(parts, figures) {
                for var v in f?.values ?? [] { v.part = p; values.append(v) }
            }
            return KnownFigure(kind: kind, values: values)
        }

        /// The sum of one value per part, when every part has one, of one kind and one round.
        static func sum(_ values: [KnownValue?], parts: [Province]) -> KnownValue? {
            let all = values.compactMap { $0 }
            guard all.count == values.count, let first = all.first,
                  all.allSatisfy({ $0.round == first.round && $0.criteriaCount == first.criteriaCount }) else { return nil }
            let value: FigureValue
            switch first.value {
            case .count:
                value = .count(all.reduce(0) { $0 + ($1.value.count ?? 0) })
                guard all.allSatisfy({ $0.value.count != nil }) else { return nil }
            case .distribution:
                var byMet: [Int: Int] = [:]
                for v in all {
                    guard case .distribution(let counts) = v.value else { return nil }
                    for c in counts { byMet[c.met, default: 0] += c.wards }
                }
                value = .distribution(byMet.map { CriteriaMetCount(met: $0.key, wards: $0.value) }.sorted { $0.met > $1.met })
            }
            var origins: [FigureOrigin] = []
            for v in all { for o in v.origins where !origins.contains(o) { origins.append(o) } }
            return KnownValue(value: value, origins: origins, asOf: all.map(\.asOf).min() ?? first.asOf, mapID: first.mapID,
                              criteriaCount: first.criteriaCount, round: first.round, notes: all.flatMap(\.notes),
                              summedFrom: parts)
        }

        // MARK: named wards

        /// The wards the newest rows name for a scope not counted since: on the target map, else
        /// (for a province) its old provinces' on an earlier map, added up.
        func namedWards(_ province: Province?, counted: [Tally?]) -> NamedWards? {
            let scope: Scope = province.map { .province($0.code) } ?? .national
            if let found = named(scope, units: province?.units ?? target.national.units, in: onTarget, counted: counted) { return found }
            if counted.contains(where: { $0 != nil }) { return nil }
            guard let province else {
                for rs in earlier.map(\.records) + elsewhere {
                    if let found = named(.national, units: nil, in: rs) { return found }
                }
                return nil
            }
            for (succession, rs) in earlier {
                let parts = succession.parts(of: province.code).provinces
                for r in rs {
                    guard let t = r.totals else { continue }
                    let tallies = parts.compactMap { p in t.province(p.code) }
                    if tallies.contains(where: { $0.coverage == .complete }) { break }
                    let registered = tallies.reduce(0) { $0 + $1.tally.registered }
                    guard registered > 0 || tallies.contains(where: { $0.tally.recognised > 0 }) else { continue }
                    return NamedWards(registered: registered, complete: tallies.reduce(0) { $0 + $1.tally.complete },
                                      recognised: tallies.reduce(0) { $0 + $1.tally.recognised },
                                      units: tallies.reduce(0) { $0 + $1.tally.units }, asOf: r.header.asOf, mapID: r.header.mapID)
                }
            }
            return nil
        }

        /// The newest record of `records` whose rows name wards of `scope`, before any that counts it.
        func named(_ scope: Scope, units: Int?, in records: [Record], counted: [Tally?]? = nil) -> NamedWards? {
            for i in records.indices {
                let r = records[i]
                guard let t = r.totals else { continue }
                if (counted.map { $0[i] } ?? countedTally(scope, in: r)) != nil { return nil }
                let tally: Tally?
                switch scope {
                case .national: tally = t.national
                case .province(let code): tally = t.province(code)?.tally
                }
                guard let tally, tally.registered > 0 || tally.recognised > 0 else { continue }
                return NamedWards(registered: tally.registered, complete: tally.complete, recognised: tally.recognised,
                                  units: units ?? tally.units, asOf: r.header.asOf, mapID: r.header.mapID)
            }
            return nil
        }
    }
}
