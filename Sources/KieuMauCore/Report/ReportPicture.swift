/// The summary and the province table of `kieumau report`, from the picture (latest known, or the
/// snapshot as published): each figure with its date and source; shares, bands, gaps and paces
/// only for scopes whose model units and units are counted on one map, and why not elsewhere.
extension Report {
    func scopeText(_ scope: ScopeKnowledge, province: Int?, into out: inout [String]) {
        var units = "\(scope.units) ward police units (map \(picture.mapID)"
        if let effective = data.map.effective { units += ", from \(effective.iso)" }
        out.append(units + ")")
        switch scope.verdict {
        case .counted(let count):
            let v = count.model
            out.append("model \(count.modelCount) of \(count.units) (\(Report.pct(count.share))) · 2025 band: \(Report.band(count)) "
                       + KnownFigureText.sources(v) + " " + KnownFigureText.when(v, picture))
            out.append("units needed for 30%: \(count.needed(percent: 30)), 50%: \(count.needed(percent: 50)), 100%: \(count.needed(percent: 100))")
            if province == nil {
                let b = picture.bandCounts
                var bands = "2025 band: \(b[.below] ?? 0) provinces below 30% · \(b[.within] ?? 0) within 30-50% · \(b[.above] ?? 0) at or above 50%"
                if picture.uncountedProvinces > 0 { bands += " · \(picture.uncountedProvinces) unknown" }
                out.append(bands)
            }
            let needed30 = province != nil || picture.uncountedProvinces > 0 ? count.needed(percent: Targets.floorPercent)
                : picture.provinces.compactMap(\.count).reduce(0) { $0 + $1.needed(percent: Targets.floorPercent) }
            if picture.asOf <= Targets.deadline2025 {
                out.append("to bring \(province == nil ? "every province" : "it") to 30% by 31/12/2025: \(needed30) units, "
                           + Report.pace(Pace.needed(units: needed30, from: v.asOf, to: Targets.deadline2025)))
            }
            out.append("to reach 100% by 31/12/2030: \(count.needed(percent: 100)) units, "
                       + Report.pace(Pace.needed(units: count.needed(percent: 100), from: v.asOf, to: Targets.deadline2030)))
            if let prev = previous {
                let pace = province.map { summary.paceObserved(province: $0, since: prev) } ?? summary.paceObserved(since: prev)
                if let pace { out.append("since the previous snapshot (\(prev.asOf.iso)): \(Report.rounded(pace)) model units/month") }
            }
        case .unknown(let r):
            out.append("share, 2025 band, gaps, pace: unknown — \(KnownFigureText.reason(r))")
        }
        if let r = result2025 {
            let then = province == nil ? r.national : scope.province.flatMap { r.province(code: $0.code) }
            out.append("2025 result (31/12/2025): " + (then.map(result2025Word) ?? "unknown")
                       + (province == nil ? " — provinces: " + resultCounts(r) : ""))
        }
        var notes: [String] = []
        var kinds: [KnownFigureKind] = [.registered, .quota, .byCriteriaMet, .complete, .recognised, .model]
        // "registered 172 against a quota of 106": one line when both are single values of one day.
        if let r = scope.figure(.registered)?.single, let q = scope.figure(.quota)?.single, r.asOf == q.asOf, r.round == q.round {
            var both = r
            for o in q.origins where !both.origins.contains(o) { both.origins.append(o) }
            out.append(clean("registered \(KnownFigureText.value(r)) against a quota of \(KnownFigureText.value(q))"
                             + (r.round.map { " (\($0) round)" } ?? "") + " " + KnownFigureText.sources(both) + "  " + KnownFigureText.when(r, picture)))
            for n in r.notes + q.notes where !notes.contains(n) { notes.append(n) }
            kinds.removeFirst(2)
        }
        for kind in kinds {
            guard let f = scope.figure(kind), !(kind == .model && scope.count != nil) else { continue }
            out.append(clean(KnownFigureText.line(f, picture)))
            for v in f.values { for n in v.notes where !notes.contains(n) { notes.append(n) } }
        }
        if !notes.isEmpty { out.append("as the sources qualify them:") }
        for n in notes { out.append("  - \(clean(n))") }
        if let named = scope.named { out.append(clean(KnownFigureText.named(named, picture))) }
    }

    /// "met 50%" / "met 30%" / "missed" / "unknown" at 31/12/2025.
    func result2025Word(_ scope: ScopeKnowledge) -> String {
        guard let count = scope.count else {
            if case .unknown(let r) = scope.verdict { return "unknown (\(KnownFigureText.reason(r)))" }
            return "unknown"
        }
        return ["missed", "met 30%", "met 50%"][count.band.rawValue] + " (model \(count.modelCount) of \(count.units), \(count.model.dateLabel))"
    }

    func resultCounts(_ r: KnownPicture) -> String {
        let b = r.bandCounts
        return "\(b[.below] ?? 0) missed 30% · \(b[.within] ?? 0) met 30% · \(b[.above] ?? 0) met 50% · \(r.uncountedProvinces) unknown"
    }

    static func band(_ c: ScopeCount) -> String {
        switch c.band {
        case .below: return "below 30%"
        case .within: return "within 30-50%"
        case .above: return "at or above 50%"
        }
    }

    func provinceTable(into out: inout [String], md: Bool) {
        var cols = ["code", "province", "units", "registered", "as of", "model", "share", "band", "need 30%", "need 50%", "need 100%"]
        if result2025 != nil { cols.append("2025 result") }
        cols.append("unknown because")
        var rows: [[String]] = []
        for p in data.map.provinces {
            guard let scope = picture.province(code: p.code) else { continue }
            let count = scope.count
            let registered = KnownFigureText.cells(scope.figure(.registered), picture)
            let round = registered[1].isEmpty ? "" : " (\(registered[1]) round)"
            var row = [p.code, clean(p.name), String(scope.units), clean(registered[0]) + round, clean(registered[2]),
                       count.map { String($0.modelCount) } ?? "?", count.map { Report.pct($0.share) } ?? "?",
                       count.map(Report.band) ?? "unknown",
                       count.map { String($0.needed(percent: 30)) } ?? "?", count.map { String($0.needed(percent: 50)) } ?? "?",
                       count.map { String($0.needed(percent: 100)) } ?? "?"]
            if let r = result2025 {
                row.append(r.province(code: p.code).flatMap { $0.count }.map { ["missed", "met 30%", "met 50%"][$0.band.rawValue] } ?? "unknown")
            }
            if case .unknown(let r) = scope.verdict, r != .noUnits { row.append(KnownFigureText.reason(r)) } else { row.append("") }
            rows.append(row)
        }
        out.append((md ? "## " : "") + "Provinces")
        table(cols, rows, md: md, right: [2, 5, 6, 8, 9, 10], into: &out)
        // Every figure of every province that has one, with its date and source.
        for p in data.map.provinces {
            guard let scope = picture.province(code: p.code), !scope.figures.isEmpty || scope.named != nil else { continue }
            out.append("")
            out.append("\(clean(p.name)):")
            for kind in [KnownFigureKind.registered, .quota, .byCriteriaMet, .complete, .recognised, .model] {
                guard let f = scope.figure(kind), !(kind == .model && scope.count != nil) else { continue }
                out.append("  " + clean(KnownFigureText.line(f, picture)))
            }
            if let named = scope.named { out.append("  " + clean(KnownFigureText.named(named, picture))) }
        }
    }

    // MARK: CSV and JSON

    var scopeColumns: [String] {
        var cols = ["as_of", "view", "synthetic", "code", "name", "units"]
        for kind in [KnownFigureKind.registered, .quota, .byCriteriaMet, .complete, .recognised, .model] {
            cols += KnownFigureText.columns(kind)
        }
        cols += ["named_registered", "named_recognised", "named_as_of", "share", "band", "need_30", "need_50", "need_100"]
        if result2025 != nil { cols.append("result_2025") }
        return cols + ["unknown_because"]
    }

    func scopeFields(_ code: String, _ name: String, _ scope: ScopeKnowledge, province: Int?) -> [String] {
        var f = [picture.asOf.iso, isLatestKnown ? "latest known" : "as published", String(header.synthetic || picture.synthetic),
                 code, name, String(scope.units)]
        for kind in [KnownFigureKind.registered, .quota, .byCriteriaMet, .complete, .recognised, .model] {
            f += KnownFigureText.cells(scope.figure(kind), picture).map(clean)
        }
        f += [scope.named.map { String($0.registered) } ?? "", scope.named.map { String($0.recognised) } ?? "",
              scope.named.map { $0.asOf.iso } ?? ""]
        let count = scope.count
        f += [count.map { String(($0.share * 10000).rounded() / 10000) } ?? "", count?.bandWord ?? "unknown",
              count.map { String($0.needed(percent: 30)) } ?? "", count.map { String($0.needed(percent: 50)) } ?? "",
              count.map { String($0.needed(percent: 100)) } ?? ""]
        if let r = result2025 {
            let then = province == nil ? r.national : scope.province.flatMap { r.province(code: $0.code) }
            f.append(then?.count.map { ["missed", "met 30%", "met 50%"][$0.band.rawValue] } ?? "unknown")
        }
        if case .unknown(let r) = scope.verdict { f.append(KnownFigureText.reason(r)) } else { f.append("") }
        return f
    }

    func scopeJSON(_ scope: ScopeKnowledge, province: Int?) -> [(String, JSONWriter.Value)] {
        typealias V = JSONWriter.Value
        func value(_ v: KnownValue) -> V {
            var o: [(String, V)] = []
            switch v.value {
            case .count(let n): o.append(("value", .int(n)))
            case .distribution(let counts):
                o.append(("byCriteriaMet", .object(counts.map { (String($0.met), .int($0.wards)) })))
            }
            o += [("asOf", .string(v.asOf.iso)), ("date", .string(v.dateLabel)), ("sources", .array(v.sourceIDs.map { .string($0) })),
                  ("wardRows", .bool(v.fromRows)), ("map", .string(v.mapID))]
            if let round = v.round { o.append(("round", .int(round))) }
            if let part = v.part { o.append(("partOf", .string(part.code))) }
            if v.summedFrom.count > 1 { o.append(("summedFrom", .array(v.summedFrom.map { .string($0.code) }))) }
            if !v.notes.isEmpty { o.append(("notes", .array(v.notes.map { .string($0) }))) }
            return .object(o)
        }
        var figures: [(String, V)] = []
        for kind in KnownFigureKind.allCases {
            guard let f = scope.figure(kind) else { continue }
            figures.append((kind.rawValue, .object([("conflict", .bool(f.isConflict)), ("values", .array(f.values.map(value)))])))
        }
        var o: [(String, V)] = [("units", .int(scope.units)), ("figures", .object(figures))]
        if let n = scope.named {
            o.append(("named", .object([("registered", .int(n.registered)), ("complete", .int(n.complete)), ("recognised", .int(n.recognised)),
                                        ("asOf", .string(n.asOf.iso)), ("map", .string(n.mapID))])))
        }
        switch scope.verdict {
        case .counted(let c):
            o += [("counted", .bool(true)), ("model", .int(c.modelCount)), ("share", .double(c.share)), ("band", .string(c.bandWord)),
                  ("need30", .int(c.needed(percent: 30))), ("need50", .int(c.needed(percent: 50))), ("need100", .int(c.needed(percent: 100)))]
        case .unknown(let r):
            o += [("counted", .bool(false)), ("band", .string("unknown")), ("unknownBecause", .string(KnownFigureText.reason(r)))]
        }
        if let r = result2025 {
            let then = province == nil ? r.national : scope.province.flatMap { r.province(code: $0.code) }
            o.append(("result2025", .string(then?.count.map { ["missed", "met 30%", "met 50%"][$0.band.rawValue] } ?? "unknown")))
        }
        return o
    }

    func bandsJSON(_ p: KnownPicture) -> JSONWriter.Value {
        let b = p.bandCounts
        return .object([("below", .int(b[.below] ?? 0)), ("within", .int(b[.within] ?? 0)), ("above", .int(b[.above] ?? 0)),
                        ("unknown", .int(p.uncountedProvinces))])
    }
}
