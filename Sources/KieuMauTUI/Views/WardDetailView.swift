import KieuMauCore
import KieuMauReviews

/// One ward in full: stage, a bar of criteria met, one row per criterion (grouped and named when
/// the criteria file knows groups and names), its history across snapshots, sources and notes.
enum WardDetailView {
    static func draw(_ c: inout Canvas, state: AppState, ward wi: Int, depth: Int, area: Rect, scroll: ScrollState) -> FrameGeometry.TextArea {
        var lines = DetailLines()
        build(&lines, state: state, ward: wi)
        return lines.drawPane(&c, area: area, depth: depth, scroll: scroll, ellipsis: state.glyphs.ellipsis)
    }

    static func build(_ lines: inout DetailLines, state: AppState, ward wi: Int) {
        let s = state.strings, g = state.glyphs, map = state.map
        let ward = map.wards[wi], wp = state.summary.wards[wi]
        let row = state.dataset.row(ofWardAt: wi)
        let set = state.dataset.criteria, total = set.count
        var place = [ward.name]
        if let d = map.district(ward.districtCode) { place.append(d.name) }
        if let p = map.province(ward.provinceCode) { place.append(p.name) }
        lines.add(place.joined(separator: " · "), .title)

        var status = WardListView.isUnnamed(wi, state) ? s.notNamed : s.stageName(wp.stage)
        if let year = row?.pilotYear { status += " (\(s.pilotYear) \(year))" }
        if let rec = row?.recognition {
            status += " · \(s.decision) \(rec.decision)\(rec.date.map { " \($0.iso)" } ?? "")"
        }
        if wp.isRegistered { status += " · \(wp.met.map(String.init) ?? "?")/\(total)" }
        lines.add(status, WardListView.stageRole(wp, state.definition))
        if wp.isRegistered {
            let met = wp.met ?? 0
            lines.bar(suffix: "\(wp.met.map(String.init) ?? "?")/\(total)") { canvas, bx, by, bw in
                Bars.criteria(&canvas, x: bx, y: by, width: bw, met: met, notMet: wp.missing.count, total: total, glyphs: g)
            }
        }
        reviewLines(&lines, state: state, wardCode: ward.code)
        lines.blank()

        let marks = row?.marks ?? .unknown
        if marks.publishedCount != nil {
            lines.add("\(s.publishedCountOnly): \(marks.publishedCount ?? 0)/\(total)", .muted)
        } else if !marks.hasMarks && wp.meetsAll {
            lines.add(s.allMetNoMarks, .muted)
        } else if !marks.hasMarks && wp.isRegistered {
            lines.add(s.nothingKnown, .muted)
        }
        if wp.isRegistered || marks.hasMarks {
            lines.add([(" #  ", .title), (s.criteriaHeading, .title)])
            var currentGroup: Int? = nil
            for n in 1...max(1, total) where n <= total {
                let criterion = set.criteria.indices.contains(n - 1) ? set.criteria[n - 1] : Criterion(number: n)
                if let grp = criterion.group, grp != currentGroup {
                    currentGroup = grp
                    let gname = set.group(grp).map { name(vi: $0.nameVi, en: $0.nameEn, lang: state.lang) } ?? ""
                    lines.add(s.group(grp) + (gname.isEmpty ? "" : ": \(gname)"), .muted)
                }
                let st = marks.hasMarks ? marks.status(of: n) : (wp.meetsAll ? .met : .unknown)
                var label = name(vi: criterion.nameVi, en: criterion.nameEn, lang: state.lang)
                if label.isEmpty { label = s.criterionFallbackName(n) }
                if !criterion.subject.isEmpty { label += " (\(criterion.subject))" }
                let symbol = st == .met ? g.met : st == .notMet ? g.notMet : g.unknown
                let role: StyleRole = st == .met ? .barMet : st == .notMet ? .barNotMet : .barUnknown
                let num = n < 10 ? " \(n)" : "\(n)"
                lines.add([(num + "  ", .muted), (TextWidth.fit("\(symbol) \(s.criterionStatus(st))", 12), role), (label, .normal)])
            }
        }

        if let h = state.history, h.wardCode == ward.code,
           let first = h.points.firstIndex(where: { $0.stage != .notRegistered }) {
            lines.blank()
            lines.add(s.history, .title)
            // One line per snapshot, newest last, so nothing is cut at any width.
            for p in h.points[first...] {
                let v = p.stage == .notRegistered ? "–" : "\(p.met.map(String.init) ?? "?")/\(p.total)"
                let mark = p.asOf == state.header.asOf ? " \(g.left)" : ""
                let stage = p.stage == .notRegistered && p.coverage == .named ? s.notNamed : s.stageName(p.stage)
                lines.add([("\(p.asOf.iso)  ", .muted), (TextWidth.fit(v, 6), .normal), (stage + mark, .muted)])
            }
        }
        if let row, !row.note.isEmpty {
            lines.blank()
            lines.add(s.notes, .title)
            lines.add(row.note)
        }
        if let row, !row.sourceIDs.isEmpty {
            lines.blank()
            lines.add(s.sources, .title)
            for id in row.sourceIDs {
                if let src = state.dataset.snapshot.source(id) {
                    lines.add("[\(id)] \(src.publisher) — \(src.title) (\(src.date))\(src.url.isEmpty ? "" : " \(src.url)")", .muted)
                } else {
                    lines.add("[\(id)]", .muted)
                }
            }
        }
    }

    /// The review of this snapshot (mark, note, who and when), or the previous one as such.
    static func reviewLines(_ lines: inout DetailLines, state: AppState, wardCode: String) {
        let s = state.strings, g = state.glyphs
        guard state.reviewsAvailable else { return }
        if let r = state.reviews[wardCode], !r.isEmpty {
            let (sym, role) = WardListView.reviewSymbol(r, g)
            let when = r.updatedAt.map { " · " + $0.iso.prefix(16).replacingOccurrences(of: "T", with: " ") } ?? ""
            lines.add([("\(s.review): ", .muted), ("\(sym) \(s.markName(r.mark))", role), ("  \(s.byLabel) \(r.reviewer)\(when)", .muted)])
            if !r.note.isEmpty { lines.add([("\(s.note): ", .muted), (r.note, .normal)]) }
        } else if let p = state.previousReview, p.ward == wardCode {
            let (sym, _) = WardListView.reviewSymbol(p, g)
            lines.add([("\(s.previousReviewLabel(p.snapshot.iso)): ", .muted), ("\(sym) \(s.markName(p.mark)) \(s.byLabel) \(p.reviewer)", .muted)])
            if !p.note.isEmpty { lines.add([("\(s.note): ", .muted), (p.note, .muted)]) }
        } else {
            lines.add([("\(s.review): ", .muted), (s.markName(nil), .muted)])
        }
    }

    static func name(vi: String, en: String, lang: Language) -> String {
        lang == .vi ? (vi.isEmpty ? en : vi) : (en.isEmpty ? vi : en)
    }
}
