import KieuMauCore

/// The figures of the picture in words, each with its sources, its date, the map it was counted
/// on and its age; older figures are drawn dimmed. Used by the summary and the province detail.
enum FigureText {
    typealias Segments = [(String, StyleRole)]

    static func label(_ kind: KnownFigureKind, _ s: Strings) -> String {
        switch kind {
        case .registered: return s.registered
        case .quota: return s.quota
        case .byCriteriaMet: return s.wardsByCriteriaMet
        case .complete: return s.meetingEveryCriterion
        case .recognised: return s.recognised
        case .model: return s.model
        }
    }

    /// "172", or "144@22 25@21 3@20".
    static func value(_ v: FigureValue, _ lang: Language) -> String {
        switch v {
        case .count(let n): return Fmt.int(n, lang)
        case .distribution(let counts): return counts.map { "\(Fmt.int($0.wards, lang))@\($0.met)" }.joined(separator: " ")
        }
    }

    /// "[seed-04, seed-00] 2023-12", or "[ward rows] 2025-12-31".
    static func provenance(_ v: KnownValue, _ s: Strings) -> String {
        let ids = v.sourceIDs + (v.fromRows ? [s.wardRows] : [])
        return "[\(ids.map(DisplaySafe.clean).joined(separator: ", "))] \(DisplaySafe.clean(v.dateLabel))"
    }

    /// " · 63-province map · 3 years old": what sets the value apart from the picture's own day and map.
    static func context(_ v: KnownValue, _ picture: KnownPicture, _ s: Strings) -> String {
        var parts: [String] = []
        if v.mapID != picture.mapID { parts.append(mapName(v.mapID, picture, s)) }
        let months = FigureAge.months(from: v.asOf, to: picture.asOf)
        if months >= 1 { parts.append(s.age(months: months)) }
        return parts.isEmpty ? "" : " · " + parts.joined(separator: " · ")
    }

    static func mapName(_ id: String, _ picture: KnownPicture, _ s: Strings) -> String {
        picture.provinceCount(ofMap: id).map(s.mapOf) ?? id
    }

    static func isOld(_ v: KnownValue, _ picture: KnownPicture) -> Bool { FigureAge.isOld(v.asOf, on: picture.asOf) }

    /// A figure in words: `head` says what and how many, `tail` where from, when and on which map.
    /// The summary puts them on one line, the detail pane on two.
    struct Line {
        var head: Segments
        var tail: Segments
        var joined: Segments { head + [("  ", .muted)] + tail }
    }

    /// How much room there is: `compact` (under 120 columns) leaves out rounds, and shortens labels,
    /// map names and ages, so a figure and its source still fit 80 columns.
    static func valueText(_ v: KnownValue, compact: Bool, _ s: Strings) -> String {
        var text = value(v.value, s.lang)
        if !compact, let round = v.round { text += " (\(s.round(round)))" }
        return text
    }

    static func role(_ v: KnownValue, _ picture: KnownPicture) -> StyleRole {
        isOld(v, picture) || v.mapID != picture.mapID ? .muted : .normal
    }

    /// "[seed-04, seed-00]".
    static func ids(_ v: KnownValue, _ s: Strings) -> String {
        "[" + (v.sourceIDs.map(DisplaySafe.clean) + (v.fromRows ? [s.wardRows] : [])).joined(separator: ", ") + "]"
    }

    /// "2023-12 · 63-province map · 3 years old" (compact: "2023-12 · old map · 3 yrs").
    static func when(_ v: KnownValue, _ picture: KnownPicture, compact: Bool, date: Bool = true, _ s: Strings) -> String {
        var parts = date ? [DisplaySafe.clean(v.dateLabel)] : []
        if v.mapID != picture.mapID { parts.append(compact ? s.onOldMap : mapName(v.mapID, picture, s)) }
        let months = FigureAge.months(from: v.asOf, to: picture.asOf)
        if months >= 1 { parts.append(compact ? s.ageShort(months: months) : s.age(months: months)) }
        return parts.joined(separator: " · ")
    }

    /// A figure: its values side by side (≠ where sources of one day disagree; a part of the scope
    /// names its old province, a sum the provinces summed), then where and when from.
    static func line(_ f: KnownFigure, _ picture: KnownPicture, _ state: AppState, compact: Bool = false) -> Line {
        let s = state.strings
        var head: Segments = [((compact ? shortLabel(f.kind, s) : label(f.kind, s)) + " ", .normal)]
        let oneDay = Set(f.values.map(\.dateLabel)).count == 1 && f.values.allSatisfy { $0.part == nil }
        for (i, v) in f.values.enumerated() {
            if i > 0 { head.append((f.isConflict ? " ≠ " : " · ", f.isConflict ? .warning : .muted)) }
            if let part = v.part { head.append((StatusLineView.shortName(DisplaySafe.clean(part.name)) + " ", .muted)) }
            head.append((valueText(v, compact: compact, s), role(v, picture)))
            if v.summedFrom.count > 1 {
                head.append((" = " + v.summedFrom.map { StatusLineView.shortName(DisplaySafe.clean($0.name)) }.joined(separator: " + "), .muted))
            }
            if f.values.count > 1 {
                head.append((" " + ids(v, s) + (oneDay ? "" : " " + DisplaySafe.clean(v.dateLabel)), .muted))
            }
        }
        let newest = f.values.max { $0.asOf < $1.asOf } ?? f.values[0]
        let tail = f.values.count > 1 ? when(newest, picture, compact: compact, date: oneDay, s)
            : ids(newest, s) + " " + when(newest, picture, compact: compact, s)
        return Line(head: head, tail: tail.isEmpty ? [] : [(tail, .muted)])
    }

    static func shortLabel(_ kind: KnownFigureKind, _ s: Strings) -> String {
        kind == .byCriteriaMet ? s.criteriaMetShort : label(kind, s)
    }

    /// "registered 172 · quota 106 (2023 round)": registered and quota together when they are
    /// single values of the same day.
    static func registeredAndQuota(_ r: KnownValue, _ q: KnownValue, _ picture: KnownPicture, _ state: AppState, compact: Bool) -> Line {
        let s = state.strings
        var merged = r
        for o in q.origins where !merged.origins.contains(o) { merged.origins.append(o) }
        var text = "\(s.registered) \(value(r.value, s.lang)) · \(s.quota) \(value(q.value, s.lang))"
        if !compact, let round = r.round, q.round == round { text += " (\(s.round(round)))" }
        return Line(head: [(text, role(r, picture))], tail: [(ids(merged, s) + " " + when(r, picture, compact: compact, s), .muted)])
    }

    /// Every figure of a scope, most telling first; the model count only when it gives no verdict
    /// (a counted scope's is in its headline); then the wards named in sources.
    /// A counted scope's own row counts (registered, complete, recognised, by criteria met) are in
    /// its headline and histogram: only what sources reported, or what disagrees, is listed for it.
    static func lines(_ scope: ScopeKnowledge, _ picture: KnownPicture, _ state: AppState, compact: Bool = false) -> [Line] {
        var out: [Line] = []
        var used = Set<KnownFigureKind>()
        if scope.count != nil {
            for (kind, f) in scope.figures where f.single.map({ $0.origins == [.wardRows] }) == true { used.insert(kind) }
        }
        if !used.contains(.registered), let r = scope.figure(.registered)?.single, let q = scope.figure(.quota)?.single, r.asOf == q.asOf {
            out.append(registeredAndQuota(r, q, picture, state, compact: compact))
            used.formUnion([.registered, .quota])
        }
        for kind in [KnownFigureKind.registered, .quota, .byCriteriaMet, .complete, .recognised, .model] where !used.contains(kind) {
            guard let f = scope.figure(kind) else { continue }
            if kind == .model, scope.count != nil { continue }
            out.append(line(f, picture, state, compact: compact))
        }
        if let named = scope.named { out.append(namedLine(named, picture, state, compact: compact)) }
        return out
    }

    /// "named in sources: 8 registered · 6 recognised  2025-06-11 · 63-province map".
    static func namedLine(_ n: NamedWards, _ picture: KnownPicture, _ state: AppState, compact: Bool) -> Line {
        let s = state.strings, l = state.lang
        var text = "\(s.namedInSources): \(Fmt.int(n.registered, l)) \(s.registered)"
        if n.recognised > 0 { text += " · \(Fmt.int(n.recognised, l)) \(s.recognised)" }
        var v = KnownValue(value: .count(n.registered), origins: [.wardRows], asOf: n.asOf, mapID: n.mapID, criteriaCount: 0)
        v.origins = []
        return Line(head: [(text, role(v, picture))], tail: [(when(v, picture, compact: compact, s), .muted)])
    }

    /// Why a scope has no share: "8 of 33 wards named in sources".
    static func reason(_ r: UnknownReason, _ s: Strings) -> String {
        switch r {
        case .namedOnly(let n, let units): return s.namedOf(Fmt.int(n, s.lang), Fmt.int(units, s.lang))
        case .noCountSinceMapChange: return s.noCountSinceMapChange
        case .sourcesDisagree: return s.sourcesDisagreeOnModel
        case .noUnits: return s.noUnits
        case .nothingKnown: return s.nothingPublished
        }
    }

    /// The same, to fit a list column.
    static func shortReason(_ r: UnknownReason, _ s: Strings) -> String {
        switch r {
        case .namedOnly(let n, _): return s.namedShort(n, Fmt.int(n, s.lang))
        case .noCountSinceMapChange: return s.noCountSinceMapChangeShort
        case .sourcesDisagree: return s.conflictLabel
        case .noUnits: return s.noUnits
        case .nothingKnown: return s.nothingPublished
        }
    }
}
