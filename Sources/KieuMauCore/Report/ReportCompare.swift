/// The compare section of `kieumau report`: what changed between this snapshot and another.
extension Report {
    /// With `--province`, the province of the comparison's later map it concerns: the same code on
    /// the same map, else the province the report's province was merged into.
    func comparedProvince(_ c: SnapshotComparison) -> Int? {
        guard let p = province else { return nil }
        let code = data.map.provinces[p].code
        if data.map.id == c.later.map.id { return c.later.map.provinceIndex[code] }
        guard let old = c.earlier.map.provinceIndex[code] else { return nil }
        return c.provinces.first { $0.predecessors.contains(old) }?.province
    }

    /// The parts of a comparison the report shows: all of it, or one province's.
    struct CompareView {
        var provinces: [SnapshotComparison.ProvinceChange]
        var crossings: [SnapshotComparison.Crossing]
        var became: [SnapshotComparison.WardChange]
        var fell: [SnapshotComparison.WardChange]
        var merged: [SnapshotComparison.WardChange]
        var criteria: [SnapshotComparison.CriteriaChange]
        var intoCommune: [Int]
        var reported: [ReportedChange]
    }

    func compareView(_ c: SnapshotComparison) -> CompareView {
        guard province != nil else {
            return CompareView(provinces: c.provinces, crossings: c.crossings, became: c.becameModel, fell: c.fellBack,
                               merged: c.mergedIntoNonModel, criteria: c.criteriaChanges, intoCommune: c.wentIntoCommune,
                               reported: c.reportedChanges)
        }
        // A province asked for that the other map cannot place keeps nothing but the national figures.
        let p = comparedProvince(c)
        let code = p.map { c.later.map.provinces[$0].code }
        let inScope: (Int) -> Bool = { w in code != nil && c.later.map.wards[w].provinceCode == code }
        let predecessors = p.flatMap { p in c.provinces.first { $0.province == p }?.predecessors } ?? []
        let oldCodes = Set(predecessors.map { c.earlier.map.provinces[$0].code })
        return CompareView(
            provinces: c.provinces.filter { $0.province == p },
            crossings: c.crossings.filter { $0.province == p },
            became: c.becameModel.filter { inScope($0.ward) },
            fell: c.fellBack.filter { inScope($0.ward) },
            merged: c.mergedIntoNonModel.filter { inScope($0.ward) },
            criteria: c.criteriaChanges.filter { inScope($0.ward) },
            intoCommune: c.wentIntoCommune.filter { oldCodes.contains(c.earlier.map.wards[$0].provinceCode) },
            reported: c.reportedChanges.filter { $0.scope == .national || code.map { .province($0) } == $0.scope })
    }

    /// "recognised", "registered 21/22", "registered ?/20", "not registered".
    static func wardState(_ w: WardProgress?) -> String {
        guard let w, w.isRegistered else { return "not registered" }
        switch w.stage {
        case .recognised: return "recognised"
        case .complete: return "complete \(w.total)/\(w.total)"
        default: return "registered \(w.met.map(String.init) ?? "?")/\(w.total)"
        }
    }

    static func tallyLine(_ t: Tally) -> String { "model \(t.model) of \(t.units) (\(pct(t.share)))" }

    static func reportedValues(_ v: [Int]) -> String {
        v.isEmpty ? "not reported" : v.map(String.init).joined(separator: " / ")
    }

    func compareHeadline(_ c: SnapshotComparison) -> [String] {
        var out = ["\(c.earlier.asOf.iso) (\(clean(c.earlier.title))) → \(c.later.asOf.iso) (\(clean(c.later.title)))"]
        switch c.matching {
        case .sameMap:
            break
        case .crosswalk(let id):
            out.append("Across the map change \(c.earlier.map.id) → \(c.later.map.id), through crosswalk \(id): provinces merged whole; "
                       + "wards through the crosswalk, each old ward counted once: \(Report.wardsWord(c.splitWardsCountedOnce)) that were split "
                       + "counted once, in their default target; \(Report.wardsWord(c.wentIntoCommune.count)) went into a commune.")
        case .nationalOnly:
            out.append("The maps differ (\(c.earlier.map.id) → \(c.later.map.id)) and no crosswalk links them: only the national figures are compared.")
        }
        if c.criteriaSetChanged {
            out.append("The criteria set changed (\(c.earlier.criteria.id) → \(c.later.criteria.id)): criteria are not compared one by one.")
        }
        for side in [c.earlier, c.later] where !side.hasWardRows {
            out.append("\(side.asOf.iso) has no ward rows (not known, not zero): wards and provinces crossing 30% or 50% are not compared.")
        }
        return out
    }

    func compareText(into out: inout [String], md: Bool) {
        out.append((md ? "## " : "") + "What changed")
        guard let c = comparison else {
            out.append("There is no other snapshot in the series to compare with.")
            return
        }
        let v = compareView(c)
        let lm = c.later.map, em = c.earlier.map
        out += compareHeadline(c)
        out.append("Nationwide: \(Report.tallyLine(c.earlier.national)) → \(Report.tallyLine(c.later.national)); registered \(c.earlier.national.registered) → \(c.later.national.registered)")
        if province != nil, let p = v.provinces.first {
            out.append("\(clean(lm.provinces[p.province].name)): \(Report.tallyLine(p.before)) → \(Report.tallyLine(p.after)); registered \(p.before.registered) → \(p.after.registered)")
        }
        if c.wardsCompared {
            out.append("became model: \(v.became.count) · fell back: \(v.fell.count)"
                       + (c.crossesMapChange ? " · model wards merged into a unit not model: \(v.merged.count)" : ""))
        }
        func provinceName(_ w: Int) -> String { lm.province(lm.wards[w].provinceCode).map { clean($0.name) } ?? "" }
        func wardTable(_ title: String, _ list: [SnapshotComparison.WardChange]) {
            guard !list.isEmpty else { return }
            out.append("")
            out.append((md ? "### " : "") + "\(title) (\(list.count))")
            let rows = list.map { w -> [String] in
                var from = w.predecessors.map { wardName($0, in: em) }.joined(separator: ", ")
                if c.crossesMapChange, from.isEmpty { from = "(new unit)" }
                let after = Report.wardState(w.after) + (w.criteriaUnknownNow ? " (criteria not known)" : "")
                return [lm.wards[w.ward].code, wardName(w.ward, in: lm), provinceName(w.ward), Report.wardState(w.before), after]
                    + (c.crossesMapChange ? [from] : [])
            }
            sectionTable(["code", "ward", "province", "before", "after"] + (c.crossesMapChange ? ["from"] : []), rows, md: md, right: [], into: &out)
        }
        wardTable("Became model", v.became)
        wardTable("Fell back", v.fell)
        wardTable("Model wards merged into a unit not model", v.merged)
        if !v.criteria.isEmpty {
            out.append("")
            out.append((md ? "### " : "") + "Criteria newly met or lost (\(Report.wardsWord(v.criteria.count)))")
            var gained = [Int: Int](), lost = [Int: Int]()
            for w in v.criteria {
                for n in w.newlyMet { gained[n, default: 0] += 1 }
                for n in w.lost { lost[n, default: 0] += 1 }
            }
            let numbers = Set(gained.keys).union(lost.keys).sorted()
            out.append(numbers.map { "\($0): +\(gained[$0] ?? 0) −\(lost[$0] ?? 0)" }.joined(separator: " · "))
            let rows = v.criteria.map { w in
                [lm.wards[w.ward].code, wardName(w.ward, in: lm), provinceName(w.ward),
                 w.newlyMet.map(String.init).joined(separator: ","), w.lost.map(String.init).joined(separator: ",")]
            }
            sectionTable(["code", "ward", "province", "newly met", "lost"], rows, md: md, right: [], into: &out)
        }
        if !v.intoCommune.isEmpty {
            out.append("")
            out.append("went into a commune (xã), not a ward: " + nameList(v.intoCommune, in: em))
        }
        if c.wardsCompared {
            out.append("")
            out.append((md ? "### " : "") + "Provinces that crossed 30% or 50%")
            if v.crossings.isEmpty { out.append("none") }
            let rows = v.crossings.map { x in
                [lm.provinces[x.province].code, clean(lm.provinces[x.province].name), "\(x.upward ? "rose to" : "fell below") \(x.percent)%",
                 Report.pct(x.before.share), Report.pct(x.after.share)]
            }
            if !rows.isEmpty { sectionTable(["code", "province", "crossed", "before", "after"], rows, md: md, right: [3, 4], into: &out) }
        }
        out.append("")
        out.append((md ? "### " : "") + "Reported figures that changed")
        if v.reported.isEmpty { out.append("none") }
        for r in v.reported {
            let scope: String
            switch r.scope {
            case .national: scope = "Nationwide"
            case .province(let code): scope = lm.province(code).map { clean($0.name) } ?? code
            }
            out.append("- \(scope): \(Report.field(r.field, total: c.later.criteria.count)) \(Report.reportedValues(r.before)) → \(Report.reportedValues(r.after))")
        }
    }

    func compareCSV() -> String {
        var rows: [[String]] = [["as_of", "compared_with", "kind", "code", "name", "province", "before", "after", "detail"]]
        guard let c = comparison else { return CSVWriter.table(rows) }
        let v = compareView(c)
        let lm = c.later.map, em = c.earlier.map
        let other = c.later.asOf == header.asOf ? c.earlier.asOf : c.later.asOf
        func row(_ kind: String, _ code: String, _ name: String, _ prov: String, _ before: String, _ after: String, _ detail: String) {
            rows.append([header.asOf.iso, other.iso, kind, code, name, prov, before, after, detail])
        }
        func tallyDetail(_ a: Tally, _ b: Tally) -> String {
            "units \(a.units)→\(b.units); registered \(a.registered)→\(b.registered); share \(Report.pct(a.share))→\(Report.pct(b.share))"
        }
        if let id = c.crosswalkID {
            row("map_change", id, "", "", em.id, lm.id,
                "\(c.splitWardsCountedOnce) split wards counted once in their default target; \(c.wentIntoCommune.count) went into a commune")
        }
        row("national", "national", "Toàn quốc", "", String(c.earlier.national.model), String(c.later.national.model),
            tallyDetail(c.earlier.national, c.later.national))
        for p in v.provinces {
            let prov = lm.provinces[p.province]
            row("province", prov.code, clean(prov.name), prov.code, String(p.before.model), String(p.after.model), tallyDetail(p.before, p.after))
        }
        func wards(_ kind: String, _ list: [SnapshotComparison.WardChange]) {
            for w in list {
                let ward = lm.wards[w.ward]
                row(kind, ward.code, clean(ward.name), ward.provinceCode, Report.wardState(w.before), Report.wardState(w.after),
                    "from " + w.predecessors.map { em.wards[$0].code }.joined(separator: " "))
            }
        }
        wards("became_model", v.became)
        wards("fell_back", v.fell)
        wards("merged_into_non_model", v.merged)
        for w in v.criteria {
            let ward = lm.wards[w.ward]
            row("criteria", ward.code, clean(ward.name), ward.provinceCode, "", "",
                "newly met " + w.newlyMet.map(String.init).joined(separator: " ") + "; lost " + w.lost.map(String.init).joined(separator: " "))
        }
        for i in v.intoCommune {
            let ward = em.wards[i]
            row("into_commune", ward.code, clean(ward.name), ward.provinceCode, "", "", "default target is a commune")
        }
        for x in v.crossings {
            let prov = lm.provinces[x.province]
            row("crossing", prov.code, clean(prov.name), prov.code, Report.pct(x.before.share), Report.pct(x.after.share),
                "\(x.upward ? "rose to" : "fell below") \(x.percent)%")
        }
        for r in v.reported {
            row("reported", r.scope.token, Report.field(r.field, total: c.later.criteria.count), "", Report.reportedValues(r.before),
                Report.reportedValues(r.after), "")
        }
        return CSVWriter.table(rows)
    }

    func compareJSON() -> JSONWriter.Value {
        typealias V = JSONWriter.Value
        guard let c = comparison else { return .null }
        let v = compareView(c)
        let lm = c.later.map, em = c.earlier.map
        func tally(_ t: Tally) -> V {
            .object([("units", .int(t.units)), ("registered", .int(t.registered)), ("model", .int(t.model)), ("share", .double(t.share))])
        }
        func state(_ w: WardProgress?) -> V {
            guard let w else { return .null }
            return .object([("stage", .string(w.stage.token)), ("met", w.met.map { .int($0) } ?? .null), ("total", .int(w.total))])
        }
        func wards(_ list: [SnapshotComparison.WardChange]) -> V {
            .array(list.map { w in
                .object([("code", .string(lm.wards[w.ward].code)), ("name", .string(lm.wards[w.ward].name)),
                         ("province", .string(lm.wards[w.ward].provinceCode)),
                         ("from", .array(w.predecessors.map { .string(em.wards[$0].code) })),
                         ("before", state(w.before)), ("after", state(w.after))])
            })
        }
        let matching: String
        switch c.matching {
        case .sameMap: matching = "sameMap"
        case .crosswalk: matching = "crosswalk"
        case .nationalOnly: matching = "nationalOnly"
        }
        return .object([
            ("earlier", .object([("asOf", .string(c.earlier.asOf.iso)), ("map", .string(em.id)), ("criteria", .string(c.earlier.criteria.id)), ("hasWardRows", .bool(c.earlier.hasWardRows))])),
            ("later", .object([("asOf", .string(c.later.asOf.iso)), ("map", .string(lm.id)), ("criteria", .string(c.later.criteria.id)), ("hasWardRows", .bool(c.later.hasWardRows))])),
            ("matching", .string(matching)), ("crossesMapChange", .bool(c.crossesMapChange)),
            ("crosswalk", c.crosswalkID.map { .string($0) } ?? .null), ("criteriaSetChanged", .bool(c.criteriaSetChanged)),
            ("wardsCompared", .bool(c.wardsCompared)), ("splitWardsCountedOnce", .int(c.splitWardsCountedOnce)),
            ("national", .object([("before", tally(c.earlier.national)), ("after", tally(c.later.national))])),
            ("provinces", .array(v.provinces.map { p in
                .object([("code", .string(lm.provinces[p.province].code)), ("name", .string(lm.provinces[p.province].name)),
                         ("from", .array(p.predecessors.map { .string(em.provinces[$0].code) })),
                         ("before", tally(p.before)), ("after", tally(p.after))])
            })),
            ("becameModel", wards(v.became)), ("fellBack", wards(v.fell)), ("mergedIntoNonModel", wards(v.merged)),
            ("criteriaChanges", .array(v.criteria.map { w in
                .object([("code", .string(lm.wards[w.ward].code)), ("from", .string(em.wards[w.predecessor].code)),
                         ("newlyMet", .array(w.newlyMet.map { .int($0) })), ("lost", .array(w.lost.map { .int($0) }))])
            })),
            ("wentIntoCommune", .array(v.intoCommune.map { .string(em.wards[$0].code) })),
            ("crossings", .array(v.crossings.map { x in
                .object([("code", .string(lm.provinces[x.province].code)), ("percent", .int(x.percent)), ("upward", .bool(x.upward)),
                         ("before", .double(x.before.share)), ("after", .double(x.after.share))])
            })),
            ("reportedChanges", .array(v.reported.map { r in
                .object([("scope", .string(r.scope.token)), ("field", .string(Report.field(r.field, total: c.later.criteria.count))),
                         ("before", .array(r.before.map { .int($0) })), ("after", .array(r.after.map { .int($0) }))])
            })),
        ])
    }
}
