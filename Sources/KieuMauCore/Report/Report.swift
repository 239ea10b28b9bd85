/// `kieumau report`: what is known of the nation and each province — the latest-known picture
/// (each figure with its date and source) or one snapshot as published — with shares, bands and
/// gaps where they are counted, and on request the criteria holding wards back, the changes since
/// another snapshot and the projection, as text, Markdown, CSV or JSON. It says what the dashboard
/// says. Pure: it formats what it is given; the command line loads the data.
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

    /// The snapshot the wards, criteria and comparison are of (for the latest-known picture, the
    /// latest on or before its day).
    public let data: Dataset
    public let summary: ProgressSummary
    /// What the summary and the province table say: the latest-known picture, or `data` as published.
    public let picture: KnownPicture
    /// The picture at 31/12/2025, once the picture's day is after it (the 2025 result).
    public let result2025: KnownPicture?
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

    /// - Parameter picture: nil for `data` as published.
    public init(data: Dataset, summary: ProgressSummary, previous: ProgressSummary?, province: Int? = nil,
                sections: [Section] = Report.defaultSections, comparison: SnapshotComparison? = nil,
                projection: Projection? = nil, picture: KnownPicture? = nil, result2025: KnownPicture? = nil) {
        self.data = data; self.summary = summary; self.previous = previous
        let picture = picture ?? LatestKnown.asPublished(header: data.header, totals: ProgressTotals(summary))
        self.picture = picture
        self.result2025 = picture.asOf > Targets.deadline2025 ? result2025 : nil
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
    func clean(_ s: String) -> String { DisplaySafe.clean(s) }

    // MARK: text and Markdown

    func text(markdown md: Bool) -> String {
        var out: [String] = []
        let h = header
        let demo = h.synthetic || picture.synthetic ? " [DEMO — synthetic data]" : ""
        if isLatestKnown {
            out.append((md ? "# " : "") + "KieuMau report — latest known on \(picture.asOf.iso)\(demo)")
            out.append("Each figure is the latest on or before \(picture.asOf.iso) from any snapshot of the series, with its own date and source; values of one day that disagree are both kept. Shares, bands and gaps only where a count of every ward is known. One snapshot as published: --snapshot DATE.")
        } else {
            out.append((md ? "# " : "") + "KieuMau report — snapshot \(h.asOf.iso) as published — \(clean(h.title))\(demo)")
        }
        var mapLine = "series \(h.series) · map \(data.map.id) (\(data.map.provinces.count) provinces"
        if let effective = data.map.effective { mapLine += ", from \(effective.iso)" }
        out.append(mapLine + ") · criteria \(data.criteria.id) (\(data.criteria.count)) · model = "
                   + (summary.definition == .complete ? "recognised or meeting every criterion" : "recognised only"))
        if h.synthetic || picture.synthetic { out.append("NOTE: this is synthetic demo data, not published figures.") }
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
            if isLatestKnown { out.append("(of snapshot \(h.asOf.iso), the latest on or before \(picture.asOf.iso))") }
            for n in h.notes { out.append("- \(clean(n))") }
        }
        let sources = reportSources
        if !sources.isEmpty {
            out.append("")
            out.append(md ? "## Sources" : "Sources:")
            for s in sources {
                out.append("- [\(clean(s.id))] \(clean(s.publisher)): \(clean(s.title)) (\(clean(s.date)))" + (s.url.isEmpty ? "" : " \(clean(s.url))"))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    var isLatestKnown: Bool { picture.basis == .latestKnown }

    /// Every source the figures cite, then the snapshot's own (its rows and notes cite them).
    var reportSources: [Source] {
        var out = picture.sources
        for s in header.sources where !out.contains(where: { $0.id == s.id }) { out.append(s) }
        return out
    }

    func nationalText(into out: inout [String], md: Bool) {
        out.append((md ? "## " : "") + "Nationwide")
        scopeText(picture.national, province: nil, into: &out)
    }

    func provinceText(_ i: Int, into out: inout [String], md: Bool) {
        let p = data.map.provinces[i]
        out.append((md ? "## " : "") + clean(p.name) + " (\(p.code))")
        guard let scope = picture.province(code: p.code) else {
            out.append("not on map \(picture.mapID) of the picture")
            return
        }
        scopeText(scope, province: i, into: &out)
    }
    /// A ward's stage token, or "not named" for a ward without a row where the rows only name some.
    func stageWord(_ wardIndex: Int, _ wp: WardProgress) -> String {
        let province = data.map.wards[wardIndex].provinceCode
        if data.row(ofWardAt: wardIndex) == nil, data.header.coverage.of(province: province) == .named { return "not named" }
        return wp.stage.token
    }

    func wardTable(_ i: Int, into out: inout [String], md: Bool) {
        out.append((md ? "### " : "") + "Wards" + (sections.contains(.summary) ? "" : " of " + clean(summary.provinces[i].province.name))
                   + (isLatestKnown ? " (snapshot \(header.asOf.iso), the latest on or before \(picture.asOf.iso))" : ""))
        let cols = ["code", "ward", "district", "stage", "criteria met", "not met"]
        var rows: [[String]] = []
        for wi in data.map.wardRanges[i] {
            let w = data.map.wards[wi], wp = summary.wards[wi]
            let met = wp.isRegistered ? "\(wp.met.map(String.init) ?? "?")/\(summary.criteriaCount)" : ""
            rows.append([w.code, clean(w.name), clean(data.map.district(w.districtCode)?.name ?? ""), stageWord(wi, wp), met,
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
            row(scopeColumns)
            let p = data.map.provinces[i]
            if let scope = picture.province(code: p.code) { row(scopeFields(p.code, clean(p.name), scope, province: i)) }
        } else if let i = province {
            row(["as_of", "synthetic", "province_code", "ward_code", "ward", "district", "stage", "criteria_met", "criteria_total", "not_met"])
            for wi in data.map.wardRanges[i] {
                let w = data.map.wards[wi], wp = summary.wards[wi]
                row([header.asOf.iso, String(header.synthetic), w.provinceCode, w.code, clean(w.name),
                     clean(data.map.district(w.districtCode)?.name ?? ""), stageWord(wi, wp), wp.met.map(String.init) ?? "",
                     String(summary.criteriaCount), wp.missing.map(String.init).joined(separator: " ")])
            }
        } else {
            row(scopeColumns)
            if sections.contains(.summary) { row(scopeFields("national", "Toàn quốc", picture.national, province: nil)) }
            if sections.contains(.provinces) {
                for (i, p) in data.map.provinces.enumerated() {
                    if let scope = picture.province(code: p.code) { row(scopeFields(p.code, clean(p.name), scope, province: i)) }
                }
            }
        }
        return CSVWriter.table(lines)
    }

    func json() -> JSONWriter.Value {
        typealias V = JSONWriter.Value
        var top: [(String, V)] = [
            ("view", .string(isLatestKnown ? "latest known" : "as published")), ("asOf", .string(picture.asOf.iso)),
            ("snapshot", .string(header.asOf.iso)), ("title", .string(isLatestKnown ? "" : header.title)), ("series", .string(header.series)),
            ("synthetic", .bool(header.synthetic || picture.synthetic)), ("map", .string(data.map.id)), ("criteria", .string(data.criteria.id)),
            ("criteriaCount", .int(data.criteria.count)), ("modelDefinition", .string(summary.definition.rawValue)),
        ]
        if sections.contains(.summary) {
            var national = scopeJSON(picture.national, province: nil)
            national.append(("bands", bandsJSON(picture)))
            if let r = result2025 { national.append(("result2025", bandsJSON(r))) }
            top.append(("national", .object(national)))
        }
        // With a province, its own entry is its summary: shown for either section.
        if sections.contains(.provinces) || (province != nil && sections.contains(.summary)) {
            let provinces: [V] = data.map.provinces.enumerated().compactMap { i, p in
                if let only = province, only != i { return nil }
                return picture.province(code: p.code).map { .object([("code", .string(p.code)), ("name", .string(p.name))] + scopeJSON($0, province: i)) }
            }
            top.append(("provinces", .array(provinces)))
        }
        if sections.contains(.criteria) { top.append(("criteriaAnalysis", criteriaJSON())) }
        if sections.contains(.compare) { top.append(("compare", compareJSON())) }
        if sections.contains(.projection) { top.append(("projection", projectionJSON())) }
        top.append(("sources", .array(reportSources.map { .object([("id", .string($0.id)), ("publisher", .string($0.publisher)), ("title", .string($0.title)), ("date", .string($0.date)), ("url", .string($0.url))]) })))
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
