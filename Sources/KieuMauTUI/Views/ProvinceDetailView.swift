import KieuMauCore

/// The right pane on the province list (wide screens): the province under the cursor in full, as
/// the picture on screen knows it. Its verdict (band, gaps, paces, where it is heading) when it is
/// counted, else why not; then every figure with its date and source, and what the sources said
/// of them.
enum ProvinceDetailView {
    static func draw(_ c: inout Canvas, state: AppState, province p: Int, x: Int, y: Int, width: Int, height: Int) {
        guard state.picture.provinces.indices.contains(p) else { return }
        let s = state.strings, g = state.glyphs, l = state.lang, picture = state.picture
        let scope = picture.provinces[p]
        let name = DisplaySafe.clean(state.map.provinces[p].name)
        var lines = DetailLines()
        switch scope.verdict {
        case .counted(let count):
            lines.add([(name, .title), ("   ", .normal), ("\(g.band(count.band)) \(s.bandName(count.band))", bandRole(count.band))])
        case .unknown(.noUnits):
            lines.add([(name, .title), ("   ", .normal), (s.noUnits, .muted)])
        case .unknown(let r):
            lines.add([(name, .title), ("   ", .normal), ("\(g.unknown) \(s.unknown) — \(FigureText.reason(r, s))", .warning)])
        }
        if scope.count == nil {
            var units = "\(Fmt.int(scope.units, l)) \(s.unitsLong)"
            if let effective = state.map.effective { units += " (\(s.unitsOnMapFrom(effective.iso)))" }
            lines.add(units)
        }
        if let count = scope.count {
            var counts = "\(Fmt.int(count.units, l)) \(s.unitsLong)"
            if let r = scope.figure(.registered)?.single?.value.count { counts += " · \(Fmt.int(r, l)) \(s.registered)" }
            counts += " · \(Fmt.int(count.modelCount, l)) \(s.model)"
            if let r = scope.figure(.recognised)?.single?.value.count { counts += " · \(Fmt.int(r, l)) \(s.recognised)" }
            lines.add(counts)
            lines.add("    " + FigureText.provenance(count.model, s) + FigureText.context(count.model, picture, s), .muted)
            lines.bar(suffix: Fmt.percent(count.share, l)) { canvas, bx, by, bw in
                Bars.share(&canvas, x: bx, y: by, width: bw, share: count.share, fillRole: bandRole(count.band), glyphs: g)
            }
            lines.add("\(s.toTarget) 30%: \(count.needed(percent: 30))   50%: \(count.needed(percent: 50))   100%: \(count.needed(percent: 100))")
            if !Column2025.isPast(state) {
                lines.add("\(s.paceNeeded2025): \(Fmt.pace(SummaryView.paceNeeded2025(state, count, province: p), s))", .muted)
            }
            lines.add("\(s.paceNeeded2030): \(Fmt.pace(SummaryView.paceNeeded2030(state, count), s))", .muted)
            if let prev = state.previousSummary, let pace = state.summary.paceObserved(province: p, since: prev) {
                lines.add("\(s.paceSince(prev.asOf.iso)): \(Fmt.observed(pace, s))", .muted)
            }
            if let sp = ProjectionText.scope(state, province: p) {
                lines.add(ProjectionText.line(sp, state), sp.outlook2025.misses || sp.outlook2030.misses ? .warning : .normal)
            }
        }
        if Column2025.isPast(state) {
            let mark = Column2025.mark(state, province: p)
            let (symbol, role) = Column2025.symbol(mark, g)
            if case .result(let b) = mark {
                lines.add([("\(s.result2025): ", .muted), ("\(symbol) \(s.resultName(b))", role)])
            } else if mark != .noUnits {
                lines.add([("\(s.result2025): ", .muted), ("\(symbol) \(s.unknown)", .muted)])
            }
        }
        let figures = FigureText.lines(scope, picture, state)
        if !figures.isEmpty || scope.count == nil { lines.blank() }
        if figures.isEmpty && scope.count == nil { lines.add(s.nothingPublished, .muted) }
        for line in figures {
            lines.add(line.head)
            if !line.tail.isEmpty { lines.add([("    ", .muted)] + line.tail) }
        }
        // What the sources said of their figures.
        var notes: [String] = []
        for kind in KnownFigureKind.allCases {
            for v in scope.figure(kind)?.values ?? [] {
                for n in v.notes where !notes.contains(n) { notes.append(n) }
            }
        }
        for n in notes {
            for part in TextWidth.wrap(DisplaySafe.clean(n), width: max(10, width - 4)) { lines.add("  " + part, .muted) }
        }
        if let count = scope.count, count.model.fromRows, count.model.asOf == state.header.asOf {
            let t = state.summary.provinces[p].tally
            let histogram = t.byCriteriaMet.enumerated().filter { $0.element > 0 }.reversed()
            if !histogram.isEmpty {
                lines.blank()
                lines.add(s.wardsByCriteriaMet, .title)
                let most = histogram.map(\.element).max() ?? 1
                for (met, n) in histogram {
                    lines.bar(suffix: "\(met)/\(state.summary.criteriaCount)  \(n)") { canvas, bx, by, bw in
                        Bars.fill(&canvas, x: bx, y: by, width: min(bw, 30), fraction: Double(n) / Double(most),
                                  role: met == state.summary.criteriaCount ? .barMet : .barUnknown, emptyRole: .barEmpty, glyphs: g)
                    }
                }
            }
        }
        lines.draw(&c, x: x, y: y, width: width, height: height, scroll: 0, ellipsis: g.ellipsis)
    }
}
