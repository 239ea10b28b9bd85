import KieuMauCore

/// The right pane on the province list (wide screens): the province under the cursor in full.
enum ProvinceDetailView {
    static func draw(_ c: inout Canvas, state: AppState, province p: Int, x: Int, y: Int, width: Int, height: Int) {
        let s = state.strings, g = state.glyphs, l = state.lang, sum = state.summary
        let pp = sum.provinces[p], t = pp.tally
        var lines = DetailLines()
        lines.add([(pp.province.name, .title), ("   ", .normal),
                   (t.units == 0 ? s.noUnits : "\(g.band(t.band)) \(s.bandName(t.band))", t.units == 0 ? .muted : bandRole(t.band))])
        lines.add("\(Fmt.int(t.units, l)) \(s.unitsLong) · \(Fmt.int(t.registered, l)) \(s.registered) · \(Fmt.int(t.model, l)) \(s.model) · \(Fmt.int(t.recognised, l)) \(s.recognised)")
        lines.bar(suffix: Fmt.percent(t.share, l)) { canvas, bx, by, bw in
            Bars.share(&canvas, x: bx, y: by, width: bw, share: t.share, fillRole: bandRole(t.band), glyphs: g)
        }
        lines.add("\(s.toTarget) 30%: \(t.needed(percent: 30))   50%: \(t.needed(percent: 50))   100%: \(t.needed(percent: 100))")
        let observed = state.previousSummary.flatMap { sum.paceObserved(province: p, since: $0) }
        lines.add("\(s.paceNeeded2025): \(Fmt.pace(sum.paceNeeded2025(province: p), s))", .muted)
        lines.add("\(s.paceNeeded2030): \(Fmt.pace(sum.paceNeeded2030(province: p), s))", .muted)
        lines.add("\(s.paceObserved): \(Fmt.observed(observed, s))", .muted)
        if let sp = ProjectionText.scope(state, province: p) {
            lines.add(ProjectionText.line(sp, state), sp.outlook2025.misses || sp.outlook2030.misses ? .warning : .normal)
        }
        let histogram = t.byCriteriaMet.enumerated().filter { $0.element > 0 }.reversed()
        if !histogram.isEmpty {
            lines.blank()
            lines.add(s.wardsByCriteriaMet, .title)
            let most = histogram.map(\.element).max() ?? 1
            for (met, n) in histogram {
                lines.bar(suffix: "\(met)/\(sum.criteriaCount)  \(n)") { canvas, bx, by, bw in
                    Bars.fill(&canvas, x: bx, y: by, width: min(bw, 30), fraction: Double(n) / Double(most),
                              role: met == sum.criteriaCount ? .barMet : .barUnknown, emptyRole: .barEmpty, glyphs: g)
                }
            }
        }
        ReportedLines.add(to: &lines, reported: pp.reported, discrepancies: pp.discrepancies, conflicts: pp.conflicts, state: state)
        lines.draw(&c, x: x, y: y, width: width, height: height, scroll: 0, ellipsis: g.ellipsis)
    }
}

/// Figures as reported by sources, with where they disagree with the ward rows or each other.
enum ReportedLines {
    static func add(to lines: inout DetailLines, reported: [ReportedFigures], discrepancies: [Discrepancy],
                    conflicts: [Conflict], state: AppState) {
        guard !reported.isEmpty else { return }
        let s = state.strings
        lines.blank()
        lines.add(s.reportedLabel.capitalizedFirst, .title)
        for r in reported {
            var parts: [String] = []
            if let v = r.registered { parts.append("\(s.registered) \(v)") }
            if let v = r.quota { parts.append("\(s.quota) \(v)") }
            if let v = r.complete { parts.append("\(s.complete) \(v)") }
            if let v = r.recognised { parts.append("\(s.recognised) \(v)") }
            if !r.byCriteriaMet.isEmpty {
                parts.append(r.byCriteriaMet.sorted { $0.met > $1.met }.map { "\($0.wards) @ \($0.met)/\(state.summary.criteriaCount)" }.joined(separator: ", "))
            }
            let source = state.dataset.snapshot.source(r.sourceID).map { [$0.publisher, $0.date].filter { !$0.isEmpty }.joined(separator: " ") } ?? ""
            lines.add([("[\(r.sourceID)] ", .muted), (parts.joined(separator: " · "), .normal), (source.isEmpty ? "" : "  — \(source)", .muted)])
            if !r.note.isEmpty { lines.add("    \(r.note)", .muted) }
        }
        for conflict in conflicts {
            lines.add("\(state.glyphs.unknown) \(s.conflictLabel): \(SummaryView.field(conflict.field, s)) \(conflict.first.value) [\(conflict.first.sourceID)] ≠ \(conflict.second.value) [\(conflict.second.sourceID)]", .warning)
        }
        for d in discrepancies {
            lines.add("\(s.reportedLabel) \(SummaryView.field(d.field, s)) \(d.reported) [\(d.sourceID)] · \(s.rowsLabel) \(d.fromRows)", .warning)
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
