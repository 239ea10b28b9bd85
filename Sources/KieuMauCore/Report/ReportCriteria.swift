/// The criteria section of `kieumau report`: which criteria hold wards back in the scope.
extension Report {
    var criteriaAnalysis: CriteriaAnalysis { CriteriaAnalysis(data, province: province) }

    var scopeName: String { province.map { clean(data.map.provinces[$0].name) } ?? "Nationwide" }

    /// "Criterion 6 (headquarters and equipment)": the name when the criteria file has one, else
    /// the publicly known subject, else the number alone.
    func criterionLabel(_ number: Int) -> String {
        guard data.criteria.criteria.indices.contains(number - 1) else { return "Criterion \(number)" }
        let c = data.criteria.criteria[number - 1]
        let name = [c.nameEn, c.nameVi, c.subject].first { !$0.isEmpty }.map(clean)
        return "Criterion \(number)" + (name.map { " (\($0))" } ?? "")
    }

    func wardName(_ index: Int, in map: AdminMap) -> String {
        map.wards.indices.contains(index) ? clean(map.wards[index].name) : "?"
    }

    /// Up to `limit` names, then "and N more".
    func nameList(_ wards: [Int], in map: AdminMap, limit: Int = 10) -> String {
        let shown = wards.prefix(limit).map { wardName($0, in: map) }.joined(separator: ", ")
        return wards.count > limit ? shown + ", and \(wards.count - limit) more" : shown
    }

    /// A table of a section; in Markdown set off from a preceding text line, which it would
    /// otherwise run into.
    func sectionTable(_ cols: [String], _ rows: [[String]], md: Bool, right: Set<Int>, into out: inout [String]) {
        if md, let last = out.last, !last.isEmpty, !last.hasPrefix("#") { out.append("") }
        table(cols, rows, md: md, right: right, into: &out)
    }

    static func criteriaWord(_ n: Int) -> String { n == 1 ? "1 criterion" : "\(n) criteria" }
    static func wardsWord(_ n: Int) -> String { n == 1 ? "1 ward" : "\(n) wards" }

    func criteriaText(into out: inout [String], md: Bool) {
        let a = criteriaAnalysis
        out.append((md ? "## " : "") + "Criteria holding wards back — \(scopeName)")
        out.append("criteria set \(data.criteria.id) (\(a.criteriaCount)) · \(a.registered) registered wards: \(a.assessed) with criteria known one by one, "
                   + "\(a.unattributedWards) known only by a count below \(a.criteriaCount), \(a.unknownWards.count) with criteria unknown")
        if a.assessed == 0 {
            out.append("No registered ward has its criteria known one by one: no criterion can be named.")
        } else {
            out.append("weakest first; share = wards meeting it of the \(a.assessed) with criteria known one by one")
            var rows: [[String]] = []
            for c in a.criteria {
                rows.append([criterionLabel(c.number), String(c.met), String(c.notMet), String(c.unknown), Report.pct(c.share),
                             nameList(c.wardsMissing, in: data.map, limit: 5)])
            }
            sectionTable(["criterion", "met", "not met", "unknown", "share", "wards missing it"], rows, md: md, right: [1, 2, 3, 4], into: &out)
        }
        if !a.unattributed.isEmpty {
            out.append("")
            out.append("\(Report.wardsWord(a.unattributedWards)) miss criteria whose numbers are not published (only a count is):")
            for u in a.unattributed {
                out.append("- \(Report.wardsWord(u.wards.count)) at \(a.criteriaCount - u.missing)/\(a.criteriaCount) \(u.wards.count == 1 ? "misses" : "miss") \(Report.criteriaWord(u.missing)): \(nameList(u.wards, in: data.map))")
            }
        }
        if !a.reportedShortfalls.isEmpty {
            out.append("")
            out.append("as reported (criteria not named):")
            for r in a.reportedShortfalls {
                out.append("- [\(clean(r.sourceID))] \(Report.wardsWord(r.wards)) at \(r.met)/\(r.total), missing \(Report.criteriaWord(r.missing))")
            }
        }
    }

    func criteriaCSV() -> String {
        let a = criteriaAnalysis
        let scope = province.map { data.map.provinces[$0].code } ?? "national"
        var rows: [[String]] = [["as_of", "synthetic", "scope", "criterion", "label", "met", "not_met", "unknown", "assessed", "share", "wards_missing", "note"]]
        func codes(_ wards: [Int]) -> String { wards.map { data.map.wards[$0].code }.joined(separator: " ") }
        for c in a.criteria {
            rows.append([header.asOf.iso, String(header.synthetic), scope, String(c.number), criterionLabel(c.number), String(c.met),
                         String(c.notMet), String(c.unknown), String(c.assessed), String((c.share * 10000).rounded() / 10000), codes(c.wardsMissing), ""])
        }
        for u in a.unattributed {
            rows.append([header.asOf.iso, String(header.synthetic), scope, "unpublished", "", "", String(u.wards.count), "", "", "", codes(u.wards),
                         "\(Report.wardsWord(u.wards.count)) at \(a.criteriaCount - u.missing)/\(a.criteriaCount) \(u.wards.count == 1 ? "misses" : "miss") \(Report.criteriaWord(u.missing)) whose numbers are not published"])
        }
        return CSVWriter.table(rows)
    }

    func criteriaJSON() -> JSONWriter.Value {
        typealias V = JSONWriter.Value
        let a = criteriaAnalysis
        func codes(_ wards: [Int]) -> V { .array(wards.map { .string(data.map.wards[$0].code) }) }
        return .object([
            ("scope", .string(province.map { data.map.provinces[$0].code } ?? "national")),
            ("criteriaSet", .string(a.criteriaID)), ("criteriaCount", .int(a.criteriaCount)),
            ("registered", .int(a.registered)), ("assessed", .int(a.assessed)),
            ("criteria", .array(a.criteria.map { c in
                .object([("number", .int(c.number)), ("label", .string(criterionLabel(c.number))), ("met", .int(c.met)),
                         ("notMet", .int(c.notMet)), ("unknown", .int(c.unknown)), ("share", .double(c.share)),
                         ("wardsMissing", codes(c.wardsMissing))])
            })),
            ("unattributed", .array(a.unattributed.map { .object([("missing", .int($0.missing)), ("wards", codes($0.wards))]) })),
            ("criteriaUnknown", codes(a.unknownWards)),
            ("reportedShortfalls", .array(a.reportedShortfalls.map {
                .object([("source", .string($0.sourceID)), ("met", .int($0.met)), ("wards", .int($0.wards)), ("missing", .int($0.missing))])
            })),
        ])
    }
}
