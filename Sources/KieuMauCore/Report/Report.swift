/// `kieumau report`: national and per-province progress, bands and gaps, and on request the
/// criteria holding wards back, the changes since another snapshot and the projection, as text,
/// Markdown, CSV or JSON. Pure: it formats what it is given; the command line loads the data.
public struct Report {
    public enum Format: String, CaseIterable, Sendable { case text, markdown, csv, json }

    /// Parts of the report, always printed in this order.
    public enum Section: String, CaseIterable, Sendable {
        /// National (or the province's) figures, bands, pace and what sources reported.
        case summary
        /// The province table (or, with a province, its wards).
        case provinces
        /// Criteria holding wards back (`CriteriaAnalysis`).
        case criteria
        /// What changed since another snapshot (`SnapshotComparison`).
        case compare
        /// Where it is heading (`Projection`).
        case projection
    }
    public static let defaultSections: [Section] = [.summary, .provinces]

    public let data: Dataset
    public let summary: ProgressSummary
    /// The summary of the previous snapshot of the series, for the pace observed.
    public let previous: ProgressSummary?
    /// Only this province (index in the map) and its wards, when set.
    public let province: Int?
    /// The sections asked for, in `Section` order.
    public let sections: [Section]
    /// For `.compare`: this snapshot against another (nil: there is no other to compare with).
    public let comparison: SnapshotComparison?
    /// For `.projection` (nil: the series gave none).
    public let projection: Projection?

    public init(data: Dataset, summary: ProgressSummary, previous: ProgressSummary?, province: Int? = nil,
                sections: [Section] = Report.defaultSections, comparison: SnapshotComparison? = nil,
                projection: Projection? = nil) {
        self.data = data; self.summary = summary; self.previous = previous
        self.province = province.flatMap { data.map.provinces.indices.contains($0) ? $0 : nil }
        let asked = Set(sections)
        self.sections = Section.allCases.filter { asked.contains($0) }
        self.comparison = comparison; self.projection = projection
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .text: return text(markdown: false)
        case .markdown: return text(markdown: true)
        case .csv: return csv()
        case .json: return JSONWriter.write(json()) + "\n"
        }
    }

    // MARK: helpers

    var header: SnapshotHeader { data.header }
    static func pct(_ share: Double) -> String {
        let r = (share * 1000).rounded() / 10
        return String(r) + "%"
    }
    static func pace(_ p: Pace.Needed) -> String {
        switch p {
        case .reached: return "reached"
        case .perMonth(let x): return "\(rounded(x)) units/month"
        case .deadlinePassed(let short): return "deadline passed, \(short) units short"
        }
    }
    static func rounded(_ x: Double) -> String { String((x * 100).rounded() / 100) }
    static func band(_ t: Tally) -> String {
        guard t.units > 0 else { return "no units" }
        switch t.band {
        case .below: return "below 30%"
        case .within: return "within 30-50%"
        case .above: return "at or above 50%"
        }
    }
    static func field(_ f: ReportedField, total: Int) -> String {
        switch f {
        case .registered: return "registered"
        case .quota: return "quota"
        case .complete: return "meeting every criterion"
        case .recognised: return "recognised"
        case .wardsAt(let m): return "wards at \(m)/\(total)"
        case .criteriaMetDistribution: return "wards by criteria met"
        }
    }
    func reportedLine(_ r: ReportedFigures) -> String {
        var parts: [String] = []
        if let v = r.registered { parts.append("registered \(v)") }
        if let v = r.quota { parts.append("quota \(v)") }
        if let v = r.complete { parts.append("meeting every criterion \(v)") }
        if let v = r.recognised { parts.append("recognised \(v)") }
        if !r.byCriteriaMet.isEmpty {
            parts.append(r.byCriteriaMet.sorted { $0.met > $1.met }.map { "\($0.wards) at \($0.met)/\(summary.criteriaCount)" }.joined(separator: ", "))
        }
        let src = data.snapshot.source(r.sourceID).map { s in
            " — " + [s.publisher, s.date].filter { !$0.isEmpty }.joined(separator: ", ")
        } ?? ""
        return "[\(r.sourceID)] " + parts.joined(separator: " · ") + (r.note.isEmpty ? "" : " (\(r.note))") + src
    }
    func clean(_ s: String) -> String { DisplaySafe.clean(s) }

    // MARK: text and Markdown

    func text(markdown md: Bool) -> String {
        var out: [String] = []
        let h = header
        let demo = h.synthetic ? " [DEMO — synthetic data]" : ""
        out.append((md ? "# " : "") + "KieuMau report — as of \(h.asOf.iso) — \(clean(h.title))\(demo)")
        out.append("series \(h.series) · map \(data.map.id) (\(data.map.provinces.count) provinces) · criteria \(data.criteria.id) (\(data.criteria.count)) · model = "
                   + (summary.definition == .complete ? "recognised or meeting every criterion" : "recognised only"))
        if h.synthetic { out.append("NOTE: this snapshot is synthetic demo data, not published figures.") }
        for section in sections {
            out.append("")
            switch section {
            case .summary:
                if let p = province { provinceText(p, into: &out, md: md) } else { nationalText(into: &out, md: md) }
            case .provinces:
                if let p = province { wardTable(p, into: &out, md: md) } else { provinceTable(into: &out, md: md) }
            case .criteria: criteriaText(into: &out, md: md)
            case .compare: compareText(into: &out, md: md)
            case .projection: projectionText(into: &out, md: md)
            }
        }
        if !h.notes.isEmpty {
            out.append("")
            out.append(md ? "## Notes" : "Notes:")
            for n in h.notes { out.append("- \(clean(n))") }
        }
        if !h.sources.isEmpty {
            out.append("")
            out.append(md ? "## Sources" : "Sources:")
            for s in h.sources {
                out.append("- [\(clean(s.id))] \(clean(s.publisher)): \(clean(s.title)) (\(clean(s.date)))" + (s.url.isEmpty ? "" : " \(clean(s.url))"))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func nationalText(into out: inout [String], md: Bool) {
        let t = summary.national
        out.append((md ? "## " : "") + "Nationwide")
        out.append("\(t.units) ward police units · registered \(t.registered) · meeting every criterion \(t.complete) · recognised \(t.recognised) · model \(t.model) (\(Report.pct(t.share)))")
        let b = summary.bandCounts
        out.append("2025 band: \(b[.below] ?? 0) provinces below 30% · \(b[.within] ?? 0) within 30-50% · \(b[.above] ?? 0) at or above 50%")
        out.append("to bring every province to 30% by 31/12/2025: \(summary.neededFor2025Floor) units, \(Report.pace(summary.paceNeeded2025))")
        out.append("to reach 100% by 31/12/2030: \(t.needed(percent: 100)) units, \(Report.pace(summary.paceNeeded2030))")
        if let prev = previous, let o = summary.paceObserved(since: prev) {
            out.append("observed since \(prev.asOf.iso): \(Report.rounded(o)) model units/month")
        }
        reportedText(summary.nationalReported, summary.nationalDiscrepancies, summary.nationalConflicts, into: &out)
    }

    func reportedText(_ reported: [ReportedFigures], _ disc: [Discrepancy], _ conflicts: [Conflict], into out: inout [String]) {
        guard !reported.isEmpty else { return }
        out.append("as reported (kept apart from the ward rows):")
        for r in reported { out.append("  " + clean(reportedLine(r))) }
        for d in disc {
            out.append("  differs from the ward rows: \(Report.field(d.field, total: summary.criteriaCount)) reported \(d.reported) [\(d.sourceID)], ward rows \(d.fromRows)")
        }
        for c in conflicts {
            out.append("  CONFLICT between sources: \(Report.field(c.field, total: summary.criteriaCount)): \(c.first.value) [\(c.first.sourceID)] vs \(c.second.value) [\(c.second.sourceID)]")
        }
    }

    func provinceTable(into out: inout [String], md: Bool) {
        let cols = ["code", "province", "units", "registered", "model", "share", "band", "need 30%", "need 50%", "need 100%"]
        var rows: [[String]] = []
        for p in summary.provinces {
            let t = p.tally
            rows.append([p.province.code, clean(p.province.name), String(t.units), String(t.registered), String(t.model),
                         Report.pct(t.share), Report.band(t), String(t.needed(percent: 30)), String(t.needed(percent: 50)), String(t.needed(percent: 100))])
        }
        out.append((md ? "## " : "") + "Provinces")
        table(cols, rows, md: md, right: [2, 3, 4, 5, 7, 8, 9], into: &out)
        for p in summary.provinces where !p.conflicts.isEmpty || !p.discrepancies.isEmpty {
            out.append("")
            out.append("\(clean(p.province.name)):")
            reportedText(p.reported, p.discrepancies, p.conflicts, into: &out)
        }
    }

    func provinceText(_ i: Int, into out: inout [String], md: Bool) {
        let p = summary.provinces[i], t = p.tally
        out.append((md ? "## " : "") + clean(p.province.name) + " (\(p.province.code))")
        out.append("\(t.units) ward police units · registered \(t.registered) · meeting every criterion \(t.complete) · recognised \(t.recognised) · model \(t.model) (\(Report.pct(t.share)))")
        out.append("2025 band: \(Report.band(t)) · units needed for 30%: \(t.needed(percent: 30)), 50%: \(t.needed(percent: 50)), 100%: \(t.needed(percent: 100))")
        out.append("pace needed for 30% by 31/12/2025: \(Report.pace(summary.paceNeeded2025(province: i))); for 100% by 31/12/2030: \(Report.pace(summary.paceNeeded2030(province: i)))")
        if let prev = previous, let o = summary.paceObserved(province: i, since: prev) {
            out.append("observed since \(prev.asOf.iso): \(Report.rounded(o)) model units/month")
        }
        reportedText(p.reported, p.discrepancies, p.conflicts, into: &out)
    }

    func wardTable(_ i: Int, into out: inout [String], md: Bool) {
        out.append((md ? "### " : "") + "Wards" + (sections.contains(.summary) ? "" : " of " + clean(summary.provinces[i].province.name)))
        let cols = ["code", "ward", "district", "stage", "criteria met", "not met"]
        var rows: [[String]] = []
        for wi in data.map.wardRanges[i] {
            let w = data.map.wards[wi], wp = summary.wards[wi]
            let met = wp.isRegistered ? "\(wp.met.map(String.init) ?? "?")/\(summary.criteriaCount)" : ""
            rows.append([w.code, clean(w.name), clean(data.map.district(w.districtCode)?.name ?? ""), wp.stage.token, met,
                         wp.missing.map(String.init).joined(separator: ",")])
        }
        table(cols, rows, md: md, right: [4], into: &out)
    }

    func table(_ cols: [String], _ rows: [[String]], md: Bool, right: Set<Int>, into out: inout [String]) {
        if md {
            out.append("| " + cols.joined(separator: " | ") + " |")
            out.append("|" + cols.indices.map { right.contains($0) ? "---:|" : "---|" }.joined())
            for r in rows { out.append("| " + r.map { $0.replacingPipes }.joined(separator: " | ") + " |") }
            return
        }
        var widths = cols.map { TextWidth.of($0) }
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], TextWidth.of(c)) } }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - TextWidth.of(c))
                return right.contains(i) ? pad + c : c + pad
            }.joined(separator: "  ").trailingSpacesRemoved
        }
        out.append(line(cols))
        for r in rows { out.append(line(r)) }
    }

    // MARK: CSV and JSON

    /// One table per section, separated by an empty line; summary and provinces share one table
    /// (the national row, then the provinces), as before sections existed.
    func csv() -> String {
        var tables: [String] = []
        if sections.contains(.summary) || sections.contains(.provinces) { tables.append(progressCSV()) }
        if sections.contains(.criteria) { tables.append(criteriaCSV()) }
        if sections.contains(.compare) { tables.append(compareCSV()) }
        if sections.contains(.projection) { tables.append(projectionCSV()) }
        return tables.joined(separator: "\n")
    }

    func progressCSV() -> String {
        var lines: [[String]] = []
        func row(_ f: [String]) { lines.append(f) }
        if let i = province, !sections.contains(.provinces) {
            row(["as_of", "synthetic", "code", "name", "units", "registered", "complete", "recognised", "model", "share", "band", "need_30", "need_50", "need_100"])
            let p = summary.provinces[i]
            row(tallyFields(p.province.code, clean(p.province.name), p.tally))
        } else if let i = province {
            row(["as_of", "synthetic", "province_code", "ward_code", "ward", "district", "stage", "criteria_met", "criteria_total", "not_met"])
            for wi in data.map.wardRanges[i] {
                let w = data.map.wards[wi], wp = summary.wards[wi]
                row([header.asOf.iso, String(header.synthetic), w.provinceCode, w.code, clean(w.name),
                     clean(data.map.district(w.districtCode)?.name ?? ""), wp.stage.token, wp.met.map(String.init) ?? "",
                     String(summary.criteriaCount), wp.missing.map(String.init).joined(separator: " ")])
            }
        } else {
            row(["as_of", "synthetic", "code", "name", "units", "registered", "complete", "recognised", "model", "share", "band", "need_30", "need_50", "need_100"])
            if sections.contains(.summary) { row(tallyFields("national", "Toàn quốc", summary.national)) }
            if sections.contains(.provinces) {
                for p in summary.provinces { row(tallyFields(p.province.code, clean(p.province.name), p.tally)) }
            }
        }
        return CSVWriter.table(lines)
    }

    func tallyFields(_ code: String, _ name: String, _ t: Tally) -> [String] {
        [header.asOf.iso, String(header.synthetic), code, name, String(t.units), String(t.registered), String(t.complete),
         String(t.recognised), String(t.model), String((t.share * 10000).rounded() / 10000), Report.band(t),
         String(t.needed(percent: 30)), String(t.needed(percent: 50)), String(t.needed(percent: 100))]
    }

    func json() -> JSONWriter.Value {
        typealias V = JSONWriter.Value
        func tally(_ t: Tally) -> [(String, V)] {
            [("units", .int(t.units)), ("registered", .int(t.registered)), ("complete", .int(t.complete)),
             ("recognised", .int(t.recognised)), ("model", .int(t.model)), ("share", .double(t.share)),
             ("band", .string(t.bandWord)),
             ("need30", .int(t.needed(percent: 30))), ("need50", .int(t.needed(percent: 50))), ("need100", .int(t.needed(percent: 100)))]
        }
        func reported(_ r: ReportedFigures) -> V {
            var o: [(String, V)] = [("source", .string(r.sourceID))]
            if let v = r.registered { o.append(("registered", .int(v))) }
            if let v = r.quota { o.append(("quota", .int(v))) }
            if let v = r.complete { o.append(("complete", .int(v))) }
            if let v = r.recognised { o.append(("recognised", .int(v))) }
            if !r.byCriteriaMet.isEmpty {
                o.append(("byCriteriaMet", .object(r.byCriteriaMet.sorted { $0.met > $1.met }.map { (String($0.met), .int($0.wards)) })))
            }
            if !r.note.isEmpty { o.append(("note", .string(r.note))) }
            return .object(o)
        }
        func conflicts(_ cs: [Conflict]) -> V {
            .array(cs.map { .object([("field", .string(Report.field($0.field, total: summary.criteriaCount))),
                                     ("first", .object([("source", .string($0.first.sourceID)), ("value", .string($0.first.value))])),
                                     ("second", .object([("source", .string($0.second.sourceID)), ("value", .string($0.second.value))]))]) })
        }
        func discrepancies(_ ds: [Discrepancy]) -> V {
            .array(ds.map { .object([("field", .string(Report.field($0.field, total: summary.criteriaCount))), ("reported", .int($0.reported)),
                                     ("wardRows", .int($0.fromRows)), ("source", .string($0.sourceID))]) })
        }
        var national = tally(summary.national)
        national.append(("bands", .object([("below", .int(summary.bandCounts[.below] ?? 0)), ("within", .int(summary.bandCounts[.within] ?? 0)), ("above", .int(summary.bandCounts[.above] ?? 0))])))
        national.append(("reported", .array(summary.nationalReported.map(reported))))
        national.append(("discrepancies", discrepancies(summary.nationalDiscrepancies)))
        national.append(("conflicts", conflicts(summary.nationalConflicts)))
        let provinces: [V] = summary.provinces.enumerated().compactMap { i, p in
            if let only = province, only != i { return nil }
            var o: [(String, V)] = [("code", .string(p.province.code)), ("name", .string(p.province.name))]
            o += tally(p.tally)
            o.append(("reported", .array(p.reported.map(reported))))
            o.append(("discrepancies", discrepancies(p.discrepancies)))
            o.append(("conflicts", conflicts(p.conflicts)))
            return .object(o)
        }
        var top: [(String, V)] = [
            ("asOf", .string(header.asOf.iso)), ("title", .string(header.title)), ("series", .string(header.series)),
            ("synthetic", .bool(header.synthetic)), ("map", .string(data.map.id)), ("criteria", .string(data.criteria.id)),
            ("criteriaCount", .int(data.criteria.count)), ("modelDefinition", .string(summary.definition.rawValue)),
        ]
        if sections.contains(.summary) { top.append(("national", .object(national))) }
        // With a province, its own entry is its summary: shown for either section.
        if sections.contains(.provinces) || (province != nil && sections.contains(.summary)) { top.append(("provinces", .array(provinces))) }
        if sections.contains(.criteria) { top.append(("criteriaAnalysis", criteriaJSON())) }
        if sections.contains(.compare) { top.append(("compare", compareJSON())) }
        if sections.contains(.projection) { top.append(("projection", projectionJSON())) }
        top.append(("sources", .array(header.sources.map { .object([("id", .string($0.id)), ("publisher", .string($0.publisher)), ("title", .string($0.title)), ("date", .string($0.date)), ("url", .string($0.url))]) })))
        return .object(top)
    }
}

extension String {
    var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
    public var trailingSpacesRemoved: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
