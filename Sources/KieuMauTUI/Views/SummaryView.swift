import KieuMauCore

/// The scope summary under the header: the nation on the province list, the province below it.
/// Figures, a share bar with the 30% and 50% markers, bands or gaps, pace needed against pace
/// observed, the trend, and any disagreement between sources and ward rows.
enum SummaryView {
    static func draw(_ c: inout Canvas, state: AppState, layout: Layout) {
        let top = layout.summaryTop
        if case .provinces = state.top {
            drawNational(&c, state: state, top: top, compact: layout.compact)
        } else if let p = state.province ?? state.criteria?.scope {
            drawProvince(&c, state: state, province: p, top: top, compact: layout.compact)
        } else {
            drawNational(&c, state: state, top: top, compact: layout.compact)
        }
    }

    static func figures(_ t: Tally, label: String, reported: [ReportedFigures], state: AppState) -> String {
        let s = state.strings, l = state.lang
        var line = "\(label)   \(Fmt.int(t.units, l)) \(s.unitsLong)   \(s.registered) \(Fmt.int(t.registered, l))"
        if let quota = reported.compactMap(\.quota).first { line += " (\(s.quota) \(Fmt.int(quota, l)))" }
        line += "   \(s.model) \(Fmt.int(t.model, l)) · \(Fmt.percent(t.share, l))   \(s.recognised) \(Fmt.int(t.recognised, l))"
        return line
    }

    static func drawNational(_ c: inout Canvas, state: AppState, top: Int, compact: Bool) {
        let s = state.strings, g = state.glyphs, l = state.lang, sum = state.summary, t = sum.national
        let bands = sum.bandCounts
        if compact {
            let line = "\(s.national) \(Fmt.int(t.model, l))/\(Fmt.int(t.units, l)) · \(Fmt.percent(t.share, l))   "
                + "\(g.below)\(bands[.below] ?? 0) \(g.within)\(bands[.within] ?? 0) \(g.above)\(bands[.above] ?? 0)"
            c.put(line, x: 1, y: top, width: c.width - 2, role: .emphasis, ellipsis: g.ellipsis)
            return
        }
        c.put(figures(t, label: s.national, reported: sum.nationalReported, state: state), x: 1, y: top, width: c.width - 2, role: .emphasis, ellipsis: g.ellipsis)
        drawShareBar(&c, state: state, y: top + 1, tally: t)
        var x = 1
        let y3 = top + 2
        x += c.put("\(s.band2025): ", x: x, y: y3, role: .muted)
        for b in [TargetBand.below, .within, .above] {
            x += c.put("\(g.band(b)) \(s.bandCount(b, bands[b] ?? 0))", x: x, y: y3, width: c.width - x, role: bandRole(b), ellipsis: g.ellipsis) + 3
        }
        let observed = state.previousSummary.flatMap { sum.paceObserved(since: $0) }
        let pace = "\(s.paceNeeded2025): \(Fmt.pace(sum.paceNeeded2025, s))   \(s.paceObserved): \(Fmt.observed(observed, s))"
        x += c.put(pace, x: x, y: y3, width: c.width - x - 1, role: .normal, ellipsis: g.ellipsis) + 3
        let spark = Bars.sparkline(normalised(state.trend), glyphs: g)
        if x + TextWidth.of(spark) + 8 < c.width, state.trend.count > 1 {
            x += c.put("\(s.trend) ", x: x, y: y3, role: .muted)
            c.put(spark, x: x, y: y3, role: .sparkline)
        }
        drawReconciliation(&c, state: state, y: top + 3, reported: sum.nationalReported,
                           discrepancies: sum.nationalDiscrepancies, conflicts: sum.nationalConflicts,
                           fallback: ProjectionText.scope(state, province: nil).map { ProjectionText.line($0, state) }
                               ?? "\(s.paceNeeded2030): \(Fmt.pace(sum.paceNeeded2030, s))")
    }

    static func drawProvince(_ c: inout Canvas, state: AppState, province p: Int, top: Int, compact: Bool) {
        let s = state.strings, g = state.glyphs, l = state.lang, sum = state.summary
        let pp = sum.provinces[p], t = pp.tally
        if compact {
            let line = "\(pp.province.name) \(Fmt.int(t.model, l))/\(Fmt.int(t.units, l)) · \(Fmt.percent(t.share, l)) \(g.band(t.band))"
            c.put(line, x: 1, y: top, width: c.width - 2, role: .emphasis, ellipsis: g.ellipsis)
            return
        }
        c.put(figures(t, label: pp.province.name, reported: pp.reported, state: state), x: 1, y: top, width: c.width - 2, role: .emphasis, ellipsis: g.ellipsis)
        drawShareBar(&c, state: state, y: top + 1, tally: t)
        let observed = state.previousSummary.flatMap { sum.paceObserved(province: p, since: $0) }
        let line = t.units == 0 ? s.noUnits :
            "\(g.band(t.band)) \(s.bandName(t.band))   \(s.toTarget) 30%: \(t.needed(percent: 30))  50%: \(t.needed(percent: 50))  100%: \(t.needed(percent: 100))   "
            + "\(s.paceNeeded2025): \(Fmt.pace(sum.paceNeeded2025(province: p), s))   \(s.paceObserved): \(Fmt.observed(observed, s))"
        c.put(line, x: 1, y: top + 2, width: c.width - 2, role: t.units == 0 ? .muted : bandRole(t.band), ellipsis: g.ellipsis)
        drawReconciliation(&c, state: state, y: top + 3, reported: pp.reported, discrepancies: pp.discrepancies,
                           conflicts: pp.conflicts,
                           fallback: ProjectionText.scope(state, province: p).map { ProjectionText.line($0, state) }
                               ?? "\(s.paceNeeded2030): \(Fmt.pace(sum.paceNeeded2030(province: p), s))")
    }

    static func drawShareBar(_ c: inout Canvas, state: AppState, y: Int, tally t: Tally) {
        let g = state.glyphs, l = state.lang
        let legend = " \(Fmt.percent(t.share, l))   30% \(g.marker) 50% \(g.marker) 100% \(g.endMarker)"
        let barWidth = max(10, c.width - 2 - TextWidth.of(legend) - 1)
        Bars.share(&c, x: 1, y: y, width: barWidth, share: t.share, fillRole: bandRole(t.band), glyphs: g)
        c.put(legend, x: 1 + barWidth, y: y, width: c.width - barWidth - 2, role: .muted, ellipsis: g.ellipsis)
    }

    /// The line that says where sources and ward rows disagree, or two sources conflict.
    static func drawReconciliation(_ c: inout Canvas, state: AppState, y: Int, reported: [ReportedFigures],
                                   discrepancies: [Discrepancy], conflicts: [Conflict], fallback: String) {
        let s = state.strings, g = state.glyphs
        var parts: [String] = []
        for conflict in conflicts {
            parts.append("\(g.unknown) \(s.conflictLabel): \(field(conflict.field, s)) \(conflict.first.value) [\(conflict.first.sourceID)] ≠ \(conflict.second.value) [\(conflict.second.sourceID)]")
        }
        for d in discrepancies.prefix(3) {
            parts.append("\(s.reportedLabel) \(field(d.field, s)) \(d.reported) [\(d.sourceID)] · \(s.rowsLabel) \(d.fromRows)")
        }
        if parts.isEmpty {
            c.put(fallback, x: 1, y: y, width: c.width - 2, role: .muted, ellipsis: g.ellipsis)
        } else {
            c.put(parts.joined(separator: "   "), x: 1, y: y, width: c.width - 2, role: .warning, ellipsis: g.ellipsis)
        }
    }

    static func field(_ f: ReportedField, _ s: Strings) -> String {
        switch f {
        case .registered: return s.registered
        case .quota: return s.quota
        case .complete: return s.complete
        case .recognised: return s.recognised
        case .wardsAt(let m): return "@\(m)"
        case .criteriaMetDistribution: return s.wardsByCriteriaMet
        }
    }

    /// Trend values scaled to their own maximum, so a rise from 2% to 9% is visible.
    static func normalised(_ values: [Double?]) -> [Double?] {
        let top = values.compactMap { $0 }.max() ?? 0
        guard top > 0 else { return values.map { $0.map { _ in 0 } } }
        return values.map { $0.map { $0 / top } }
    }
}

func bandRole(_ b: TargetBand) -> StyleRole {
    switch b {
    case .below: return .bandBelow
    case .within: return .bandWithin
    case .above: return .bandAbove
    }
}
