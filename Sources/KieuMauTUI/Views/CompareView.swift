import KieuMauCore

/// What changed between the snapshot on screen and another: wards that became model or fell back,
/// criteria newly met or lost, provinces that crossed 30% or 50%, reported figures that changed.
enum CompareView {
    static func lines(_ state: AppState, _ screen: CompareScreen) -> DetailLines {
        var lines = DetailLines()
        let s = state.strings, g = state.glyphs, l = state.lang
        guard let cmp = screen.result else {
            lines.add(s.loading(state.snapshots[screen.other].header.asOf.iso), .muted)
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
        for section in sections(state, cmp) {
            lines.blank()
            lines.add("\(section.title) (\(section.items.count))", .title)
            if section.items.isEmpty { lines.add("  –", .muted) }
            for i in section.items { lines.add("  " + i, section.role) }
        }
        return lines
    }

    /// One list of changes: its title, its items as text, how they are coloured.
    struct Section {
        var title: String
        var items: [String]
        var role: StyleRole = .normal
    }

    /// The lists of changes, as the view shows them and the export writes them.
    static func sections(_ state: AppState, _ cmp: SnapshotComparison) -> [Section] {
        let s = state.strings, g = state.glyphs, l = state.lang
        let b = cmp.later
        func wardName(_ w: Int) -> String {
            let ward = b.map.wards[w]
            return "\(ward.name) · \(b.map.province(ward.provinceCode)?.name ?? ward.provinceCode)"
        }
        var sections: [Section] = []
        func section(_ title: String, _ items: [String], role: StyleRole = .normal) {
            sections.append(Section(title: title, items: items, role: role))
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
        return sections
    }

    static func draw(_ c: inout Canvas, state: AppState, screen: CompareScreen, depth: Int, area: Rect) -> FrameGeometry.TextArea {
        lines(state, screen).drawPane(&c, area: area, depth: depth, scroll: screen.scroll, ellipsis: state.glyphs.ellipsis)
    }
}
