/// The projection section of `kieumau report`: where the programme is heading at its trend (the
/// least-squares line over every count; the summary's pace since the previous snapshot is another
/// figure, named apart).
extension Report {
    static func milestone(_ m: ScopeProjection.Milestone) -> String {
        switch m {
        case .reached: return "reached"
        case .on(let day): return day.iso
        case .noRise: return "no rise observed"
        case .beyondHorizon: return "after 2100"
        case .noPace: return "no pace"
        case .noUnits: return "no units"
        case .notCounted: return "not counted"
        }
    }

    static func observed(_ pace: Double?) -> String { pace.map { "\(rounded($0))/month" } ?? "no pace" }

    static func paceNeededShort(_ p: Pace.Needed) -> String {
        switch p {
        case .reached: return "reached"
        case .perMonth(let x): return "\(rounded(x))/month"
        case .deadlinePassed(let short): return "passed, \(short) short"
        }
    }

    /// How the pace is measured, for the reader of the report.
    static func projectionMethod(_ p: Projection) -> String {
        guard p.hasPace else {
            return "No pace yet: fewer than two snapshots on map \(p.mapID) (a map change restarts the count of snapshots the pace is measured over)."
        }
        return "trend = slope of the least-squares line through the model counts of the \(p.basis.count) snapshots on map \(p.mapID) "
            + "(\(p.basis.first?.iso ?? "") … \(p.basis.last?.iso ?? "")), over the scopes their rows count completely; each date is projected "
            + "at that trend from the count as of \(p.asOf.iso), never past 2100, and none from a trend that does not rise. "
            + "A map change restarts the basis."
    }

    /// With `--province`, its projection (matched by code on the projection's map).
    func projectedProvince(_ p: Projection) -> Int? {
        guard let i = province else { return nil }
        let code = data.map.provinces[i].code
        return p.provinces.firstIndex { $0.province?.code == code }
    }

    func projectionText(into out: inout [String], md: Bool) {
        out.append((md ? "## " : "") + "Where it is heading")
        guard let p = projection else {
            out.append("No projection: the series has no snapshot to project from.")
            return
        }
        out.append(Report.projectionMethod(p))
        func scope(_ name: String, _ s: ScopeProjection) {
            guard s.counted else {
                out.append("\(name): not counted (its rows name only some wards): no trend, no projection")
                return
            }
            out.append("\(name): \(Report.tallyLine(s.tally)) · trend \(Report.observed(s.paceObserved)) · 30%: \(Report.milestone(s.at30)) · 50%: \(Report.milestone(s.at50)) · 100%: \(Report.milestone(s.at100))")
            func needed(_ n: Pace.Needed) -> String {
                switch n {
                case .reached: return ""
                case .perMonth(let x): return " — needs \(Report.rounded(x)) units/month, trend \(Report.observed(s.paceObserved))"
                case .deadlinePassed(let short): return " — \(short) units short at the deadline"
                }
            }
            out.append("  2025 (30% by 31/12/2025): \(s.outlook2025.word)\(needed(s.paceNeeded2025))")
            out.append("  2030 (100% by 31/12/2030): \(s.outlook2030.word)\(needed(s.paceNeeded2030))")
        }
        if province != nil {
            guard let i = projectedProvince(p) else {
                out.append("This province is not on map \(p.mapID) of the projection.")
                return
            }
            scope(clean(p.provinces[i].province?.name ?? ""), p.provinces[i])
            return
        }
        scope("Nationwide", p.national)
        let miss25 = p.provincesMissing2025, miss30 = p.provincesMissing2030
        out.append("Provinces that will miss 2025 (30%): \(miss25.count)" + (miss25.isEmpty ? "" : " — " + miss25.map { clean(p.provinces[$0].province?.name ?? "") }.joined(separator: ", ")))
        out.append("Provinces that will miss 2030 (100%): \(miss30.count)")
        let unknown = p.provinces.filter { $0.outlook2025 == .unknown }.count
        if unknown > 0 { out.append("Provinces without a pace to project (outlook unknown): \(unknown)") }
        out.append("")
        var rows: [[String]] = []
        for s in p.provinces {
            rows.append([s.province?.code ?? "", clean(s.province?.name ?? ""), String(s.tally.units), String(s.tally.model), Report.pct(s.tally.share),
                         Report.observed(s.paceObserved), Report.paceNeededShort(s.paceNeeded2025),
                         Report.milestone(s.at30), Report.milestone(s.at50), Report.milestone(s.at100),
                         s.outlook2025.word, s.outlook2030.word])
        }
        sectionTable(["code", "province", "units", "model", "share", "trend", "needed 2025", "30%", "50%", "100%", "2025", "2030"],
              rows, md: md, right: [2, 3, 4, 5, 6], into: &out)
    }

    func projectionCSV() -> String {
        var rows: [[String]] = [["as_of", "synthetic", "code", "name", "units", "model", "share", "trend_per_month",
                                 "needed_2025_per_month", "needed_2030_per_month", "date_30", "date_50", "date_100", "outlook_2025", "outlook_2030", "basis"]]
        guard let p = projection else { return CSVWriter.table(rows) }
        let basis = p.basis.map(\.iso).joined(separator: " ")
        func number(_ x: Double?) -> String { x.map(Report.rounded) ?? "" }
        func needed(_ n: Pace.Needed) -> String {
            if case .perMonth(let x) = n { return Report.rounded(x) }
            return Report.paceNeededShort(n)
        }
        func add(_ code: String, _ name: String, _ s: ScopeProjection) {
            rows.append([header.asOf.iso, String(header.synthetic), code, name, String(s.tally.units), String(s.tally.model),
                         String((s.tally.share * 10000).rounded() / 10000), number(s.paceObserved), needed(s.paceNeeded2025),
                         needed(s.paceNeeded2030), Report.milestone(s.at30), Report.milestone(s.at50), Report.milestone(s.at100),
                         s.outlook2025.word, s.outlook2030.word, basis])
        }
        if province != nil {
            if let i = projectedProvince(p) { add(p.provinces[i].province?.code ?? "", clean(p.provinces[i].province?.name ?? ""), p.provinces[i]) }
        } else {
            add("national", "Toàn quốc", p.national)
            for s in p.provinces { add(s.province?.code ?? "", clean(s.province?.name ?? ""), s) }
        }
        return CSVWriter.table(rows)
    }

    func projectionJSON() -> JSONWriter.Value {
        typealias V = JSONWriter.Value
        guard let p = projection else { return .null }
        func milestone(_ m: ScopeProjection.Milestone) -> V {
            if case .on(let d) = m { return .string(d.iso) }
            return .string(Report.milestone(m))
        }
        func needed(_ n: Pace.Needed) -> V {
            if case .perMonth(let x) = n { return .double(x) }
            return .string(Report.paceNeededShort(n))
        }
        func scope(_ s: ScopeProjection) -> V {
            var o: [(String, V)] = []
            if let prov = s.province { o += [("code", .string(prov.code)), ("name", .string(prov.name))] }
            o += [("units", .int(s.tally.units)), ("model", .int(s.tally.model)), ("share", .double(s.tally.share)),
                  ("paceObserved", s.paceObserved.map { .double($0) } ?? .null),
                  ("paceNeeded2025", needed(s.paceNeeded2025)), ("paceNeeded2030", needed(s.paceNeeded2030)),
                  ("at30", milestone(s.at30)), ("at50", milestone(s.at50)), ("at100", milestone(s.at100)),
                  ("outlook2025", .string(s.outlook2025.word)), ("outlook2030", .string(s.outlook2030.word)),
                  ("willMiss2025", .bool(s.outlook2025.misses)), ("willMiss2030", .bool(s.outlook2030.misses))]
            return .object(o)
        }
        let only = province.flatMap { _ in projectedProvince(p) }
        return .object([
            ("method", .string(Report.projectionMethod(p))), ("map", .string(p.mapID)),
            ("basis", .array(p.basis.map { .string($0.iso) })),
            ("national", scope(p.national)),
            ("provinces", .array(p.provinces.indices.filter { province == nil || $0 == only }.map { scope(p.provinces[$0]) })),
        ])
    }
}
