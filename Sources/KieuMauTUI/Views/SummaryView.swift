import KieuMauCore

/// The scope summary under the header: the nation on the province list, the province below it,
/// as the picture on screen knows it. A scope whose model units and units are counted gets its
/// figures, a share bar with the 30% and 50% markers, bands or gaps, pace needed against the pace
/// since the previous snapshot, and the trend; any other scope gets its units, why its share is
/// not known, and its figures, each with its date and source.
enum SummaryView {
    static func draw(_ c: inout Canvas, state: AppState, layout: Layout) {
        let top = layout.summaryTop
        // The nation on the province list; below it, the province of the list or criteria view on screen.
        let p = state.isProvinceListOnTop ? nil : state.province ?? state.criteria?.scope
        guard let scope = scope(state, province: p) else { return }
        let label = p.map { DisplaySafe.clean(state.map.provinces[$0].name) } ?? state.strings.national
        if layout.compact {
            drawCompact(&c, state: state, scope: scope, label: label, province: p, y: top)
        } else if let count = scope.count {
            drawCounted(&c, state: state, scope: scope, count: count, label: label, province: p, top: top)
        } else {
            drawUncounted(&c, state: state, scope: scope, label: label, top: top)
        }
    }

    static func scope(_ state: AppState, province p: Int?) -> ScopeKnowledge? {
        guard let p else { return state.picture.national }
        return state.picture.provinces.indices.contains(p) ? state.picture.provinces[p] : nil
    }

    static func drawCompact(_ c: inout Canvas, state: AppState, scope: ScopeKnowledge, label: String, province p: Int?, y: Int) {
        let s = state.strings, g = state.glyphs, l = state.lang
        var line = "\(label) "
        if let count = scope.count {
            line += "\(Fmt.int(count.modelCount, l))/\(Fmt.int(count.units, l)) · \(Fmt.percent(count.share, l))"
            if p == nil {
                let bands = state.picture.bandCounts
                line += "   \(g.below)\(bands[.below] ?? 0) \(g.within)\(bands[.within] ?? 0) \(g.above)\(bands[.above] ?? 0)"
                if state.picture.uncountedProvinces > 0 { line += " \(g.unknown)\(state.picture.uncountedProvinces)" }
            } else {
                line += " \(g.band(count.band))"
            }
        } else if case .unknown(let r) = scope.verdict {
            line += "\(Fmt.int(scope.units, l)) \(s.unitsLong) · \(g.unknown) \(FigureText.reason(r, s))"
        }
        c.put(line, x: 1, y: y, width: c.width - 2, role: .emphasis, ellipsis: g.ellipsis)
    }

    // MARK: counted

    static func drawCounted(_ c: inout Canvas, state: AppState, scope: ScopeKnowledge, count: ScopeCount, label: String,
                            province p: Int?, top: Int) {
        let s = state.strings, g = state.glyphs, l = state.lang, picture = state.picture
        var line = "\(label)   \(Fmt.int(count.units, l)) \(s.unitsLong)"
        if let r = scope.figure(.registered)?.single?.value.count { line += "   \(s.registered) \(Fmt.int(r, l))" }
        if let q = scope.figure(.quota)?.single?.value.count { line += " (\(s.quota) \(Fmt.int(q, l)))" }
        line += "   \(s.model) \(Fmt.int(count.modelCount, l)) · \(Fmt.percent(count.share, l))"
        if let r = scope.figure(.recognised)?.single?.value.count { line += "   \(s.recognised) \(Fmt.int(r, l))" }
        var x = 1 + c.put(line, x: 1, y: top, width: c.width - 2, role: .emphasis, ellipsis: g.ellipsis)
        let dated = "  " + FigureText.provenance(count.model, s) + FigureText.context(count.model, picture, s)
        c.put(dated, x: x, y: top, width: max(0, c.width - 1 - x), role: .muted, ellipsis: g.ellipsis)
        drawShareBar(&c, state: state, y: top + 1, share: count.share, band: count.band)

        x = 1
        let y3 = top + 2
        if p == nil {
            x += drawBands(&c, state: state, y: y3)
        } else {
            x += c.put("\(g.band(count.band)) \(s.bandName(count.band))   \(s.toTarget) 30%: \(count.needed(percent: 30))  50%: \(count.needed(percent: 50))  100%: \(count.needed(percent: 100))   ",
                       x: x, y: y3, width: c.width - x - 1, role: bandRole(count.band), ellipsis: g.ellipsis)
        }
        let sum = state.summary
        let since = state.previousSummary.flatMap { prev -> String? in
            let pace = p.map { sum.paceObserved(province: $0, since: prev) } ?? sum.paceObserved(since: prev)
            return pace.map { "   \(s.paceSince(prev.asOf.iso)): \(Fmt.observed($0, s))" }
        } ?? ""
        let needed = Column2025.isPast(state) ? "\(s.paceNeeded2030): \(Fmt.pace(paceNeeded2030(state, count), s))"
            : "\(s.paceNeeded2025): \(Fmt.pace(paceNeeded2025(state, count, province: p), s))"
        x += c.put(needed + since, x: x, y: y3, width: c.width - x - 1, role: .normal, ellipsis: g.ellipsis) + 3
        let spark = Bars.sparkline(normalised(state.trend), glyphs: g)
        if p == nil, x + TextWidth.of(spark) + 8 < c.width, state.trend.count > 1 {
            x += c.put("\(s.trend) ", x: x, y: y3, role: .muted)
            c.put(spark, x: x, y: y3, role: .sparkline)
        }
        // A disagreement, else where it is heading.
        if let conflict = KnownFigureKind.allCases.compactMap({ scope.figure($0) }).first(where: \.isConflict) {
            let line = FigureText.line(conflict, picture, state, compact: c.width < 120)
            drawSegments(&c, [(g.unknown + " ", .warning)] + line.joined, y: top + 3, role: .warning, glyphs: g)
        } else if let sp = ProjectionText.scope(state, province: p) {
            c.put(ProjectionText.line(sp, state), x: 1, y: top + 3, width: c.width - 2, role: .muted, ellipsis: g.ellipsis)
        } else {
            c.put("\(s.paceNeeded2030): \(Fmt.pace(paceNeeded2030(state, count), s))", x: 1, y: top + 3, width: c.width - 2, role: .muted, ellipsis: g.ellipsis)
        }
    }

    /// "2025 band: ▼ 34 below 30% …", or from 2026 the result: "2025 result: ▼ 34 missed 30% …".
    static func drawBands(_ c: inout Canvas, state: AppState, y: Int) -> Int {
        let s = state.strings, g = state.glyphs
        let past = Column2025.isPast(state)
        let picture = past ? state.result2025 : state.picture
        var x = 1
        x += c.put("\(past ? s.result2025 : s.band2025): ", x: x, y: y, role: .muted)
        let bands = picture?.bandCounts ?? [:]
        for b in [TargetBand.below, .within, .above] {
            let text = past ? s.resultCount(b, bands[b] ?? 0) : s.bandCount(b, bands[b] ?? 0)
            x += c.put("\(g.band(b)) \(text)", x: x, y: y, width: c.width - x, role: bandRole(b), ellipsis: g.ellipsis) + 3
        }
        let unknown = picture?.uncountedProvinces ?? state.picture.provinces.filter { $0.units > 0 }.count
        if unknown > 0 { x += c.put("\(g.unknown) \(s.unknownCount(unknown))", x: x, y: y, role: .muted) + 3 }
        return x - 1
    }

    /// Units a month to bring every counted province to 30% by 2025 (the nation: all of them, so
    /// only when every one is counted).
    static func paceNeeded2025(_ state: AppState, _ count: ScopeCount, province p: Int?) -> Pace.Needed {
        let needed: Int
        if p != nil || state.picture.uncountedProvinces > 0 {
            needed = count.needed(percent: Targets.floorPercent)
        } else {
            needed = state.picture.provinces.compactMap(\.count).reduce(0) { $0 + $1.needed(percent: Targets.floorPercent) }
        }
        return Pace.needed(units: needed, from: count.model.asOf, to: Targets.deadline2025)
    }

    static func paceNeeded2030(_ state: AppState, _ count: ScopeCount) -> Pace.Needed {
        Pace.needed(units: count.needed(percent: Targets.fullPercent), from: count.model.asOf, to: Targets.deadline2030)
    }

    // MARK: not counted

    static func drawUncounted(_ c: inout Canvas, state: AppState, scope: ScopeKnowledge, label: String, top: Int) {
        let s = state.strings, g = state.glyphs, l = state.lang
        let wide = c.width >= 120
        var x = 1
        x += c.put("\(label)   \(Fmt.int(scope.units, l)) \(s.unitsLong)", x: x, y: top, width: c.width - 2, role: .emphasis, ellipsis: g.ellipsis)
        if wide, let effective = state.map.effective, scope.scope == .national {
            x += c.put(" (\(s.unitsOnMapFrom(effective.iso)))", x: x, y: top, width: max(0, c.width - 1 - x), role: .muted, ellipsis: g.ellipsis)
        }
        if case .unknown(let r) = scope.verdict {
            // What is unknown is named where there is room for it and the reason.
            let why = c.width >= 150 ? "   \(s.verdictsUnknown): \(g.unknown) \(s.unknown) — \(FigureText.reason(r, s))"
                : "   \(g.unknown) \(FigureText.reason(r, s))"
            c.put(why, x: x, y: top, width: max(0, c.width - 1 - x), role: .warning, ellipsis: g.ellipsis)
        }
        let lines = FigureText.lines(scope, state.picture, state, compact: !wide)
        if lines.isEmpty {
            c.put(s.nothingPublished, x: 1, y: top + 1, width: c.width - 2, role: .muted, ellipsis: g.ellipsis)
        }
        for (i, line) in lines.prefix(3).enumerated() {
            drawSegments(&c, line.joined, y: top + 1 + i, role: .normal, glyphs: g)
        }
    }

    static func drawSegments(_ c: inout Canvas, _ segments: FigureText.Segments, y: Int, role: StyleRole, glyphs g: Glyphs) {
        var x = 1
        for (text, r) in segments where x < c.width - 1 {
            x += c.put(text, x: x, y: y, width: c.width - 1 - x, role: r == .normal ? role : r, ellipsis: g.ellipsis)
        }
    }

    static func drawShareBar(_ c: inout Canvas, state: AppState, y: Int, share: Double, band: TargetBand) {
        let g = state.glyphs, l = state.lang
        let legend = " \(Fmt.percent(share, l))   30% \(g.marker) 50% \(g.marker) 100% \(g.endMarker)"
        let barWidth = max(10, c.width - 2 - TextWidth.of(legend) - 1)
        Bars.share(&c, x: 1, y: y, width: barWidth, share: share, fillRole: bandRole(band), glyphs: g)
        c.put(legend, x: 1 + barWidth, y: y, width: c.width - barWidth - 2, role: .muted, ellipsis: g.ellipsis)
    }

    /// Trend values scaled to their own maximum, so a rise from 2% to 9% is visible.
    static func normalised(_ values: [Double?]) -> [Double?] {
        let top = values.compactMap { $0 }.max() ?? 0
        guard top > 0 else { return values.map { $0.map { _ in 0 } } }
        return values.map { $0.map { $0 / top } }
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
}

func bandRole(_ b: TargetBand) -> StyleRole {
    switch b {
    case .below: return .bandBelow
    case .within: return .bandWithin
    case .above: return .bandAbove
    }
}
