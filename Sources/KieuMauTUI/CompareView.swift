import KieuMauCore

/// What changed between the snapshot on screen and another: wards that became model or fell back,
/// criteria newly met or lost, provinces that crossed 30% or 50%, reported figures that changed.
enum CompareView {
    static func lines(_ state: AppState) -> DetailLines {
        var lines = DetailLines()
        let s = state.strings, g = state.glyphs, l = state.lang
        guard let cmp = state.comparison else {
            lines.add(s.noOtherSnapshot, .muted)
            return lines
        }
        let a = cmp.earlier, b = cmp.later
        lines.add("\(s.compareTitle): \(a.asOf.iso) \(g.arrow) \(b.asOf.iso)", .title)
        lines.add("\(s.model): \(Fmt.int(a.national.model, l)) \(g.arrow) \(Fmt.int(b.national.model, l))   "
                  + "\(s.registered): \(Fmt.int(a.national.registered, l)) \(g.arrow) \(Fmt.int(b.national.registered, l))   "
                  + "\(Fmt.percent(a.national.share, l)) \(g.arrow) \(Fmt.percent(b.national.share, l))")
        if cmp.crossesMapChange {
            lines.add(s.mapChangeNote(cmp.crosswalkID ?? "–", split: cmp.splitWardsCountedOnce), .warning)
        }
        if cmp.criteriaSetChanged {
            lines.add("\(s.criteriaHeading): \(a.criteria.id) \(g.arrow) \(b.criteria.id)", .warning)
        }
        func wardName(_ w: Int) -> String {
            let ward = b.map.wards[w]
            return "\(ward.name) · \(b.map.province(ward.provinceCode)?.name ?? ward.provinceCode)"
        }
        func section(_ title: String, _ items: [String], role: StyleRole = .normal) {
            lines.blank()
            lines.add("\(title) (\(items.count))", .title)
            if items.isEmpty { lines.add("  –", .muted) }
            for i in items { lines.add("  " + i, role) }
        }
        section(s.becameModel, cmp.becameModel.map { "\(g.above) \(wardName($0.ward))" }, role: .bandAbove)
        section(s.fellBack, cmp.fellBack.map { "\(g.below) \(wardName($0.ward))" }, role: .bandBelow)
        if !cmp.mergedIntoNonModel.isEmpty {
            section(s.mergedIntoNonModel, cmp.mergedIntoNonModel.map { wardName($0.ward) }, role: .muted)
        }
        section(s.crossings, cmp.crossings.map { x in
            let name = b.map.provinces[x.province].name
            return "\(x.upward ? g.above : g.below) \(name): \(x.percent)%  \(Fmt.percent(x.before.share, l)) \(g.arrow) \(Fmt.percent(x.after.share, l))"
        })
        section(s.criteriaChanged, cmp.criteriaChanges.map { ch in
            let met = ch.newlyMet.isEmpty ? "" : "+\(ch.newlyMet.map(String.init).joined(separator: ","))"
            let lost = ch.lost.isEmpty ? "" : " −\(ch.lost.map(String.init).joined(separator: ","))"
            return "\(wardName(ch.ward)): \(met)\(lost)"
        })
        section(s.reportedChanged, cmp.reportedChanges.map { r in
            let scope: String
            switch r.scope {
            case .national: scope = s.national
            case .province(let code): scope = b.map.province(code)?.name ?? code
            }
            let before = r.before.map(String.init).joined(separator: "/"), after = r.after.map(String.init).joined(separator: "/")
            return "\(scope) · \(SummaryView.field(r.field, s)): \(before.isEmpty ? "–" : before) \(g.arrow) \(after.isEmpty ? "–" : after)"
        })
        return lines
    }

    static func maxScroll(_ state: AppState) -> Int {
        max(0, lines(state).items.count - state.layout.bodyHeight)
    }

    static func draw(_ c: inout Canvas, state: AppState, x: Int, y: Int, width: Int, height: Int) {
        lines(state).draw(&c, x: x, y: y, width: width, height: height, scroll: state.compareScroll, ellipsis: state.glyphs.ellipsis)
    }
}
