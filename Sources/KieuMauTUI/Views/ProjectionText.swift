import KieuMauCore

/// Where a scope is heading at its trend (the least-squares line through its counts, not the pace
/// since the previous snapshot), in words for the summary and detail panes, and as a symbol for
/// the province list's 2025 column until the end of 2025.
enum ProjectionText {
    static func scope(_ state: AppState, province p: Int?) -> ScopeProjection? {
        guard let proj = state.projection, proj.asOf == state.header.asOf else { return nil }
        if let p {
            // The projection's provinces follow the latest summary, which is the map on screen.
            return proj.provinces.indices.contains(p) && proj.mapID == state.map.id ? proj.provinces[p] : nil
        }
        return proj.national
    }

    static func milestone(_ m: ScopeProjection.Milestone, _ s: Strings) -> String {
        switch m {
        case .reached: return s.reached
        case .on(let d): return d.iso
        case .noRise: return s.noRise
        case .beyondHorizon: return s.afterHorizon
        case .noPace, .notCounted: return "–"
        case .noUnits: return s.noUnits
        }
    }

    /// "At the trend over 9 snapshots (1.5/mo): 30% 2026-05-02 · 50% … · 100% … — will miss 2030".
    static func line(_ sp: ScopeProjection, _ state: AppState) -> String {
        let s = state.strings
        let basis = state.projection?.basis.count ?? 0
        var text = "\(s.projectionLabel) \(s.trendOver(basis)) (\(Fmt.observed(sp.paceObserved, s))): 30% \(milestone(sp.at30, s)) · 50% \(milestone(sp.at50, s)) · 100% \(milestone(sp.at100, s))"
        var flags: [String] = []
        // Once 2025 is over its result is in the 2025 column, not a projection.
        if case .willMiss = sp.outlook2025 { flags.append(s.willMiss2025) }
        if sp.outlook2030.misses { flags.append(s.willMiss2030) }
        if !flags.isEmpty { text += " — " + flags.joined(separator: ", ") }
        return text
    }

    /// The 2025 column: on track or reached, will miss, or not known.
    static func symbol(_ o: ScopeProjection.Outlook, _ g: Glyphs) -> (String, StyleRole) {
        switch o {
        case .reached, .onTrack: return (g.met, .bandAbove)
        case .willMiss, .missed: return (g.notMet, .bandBelow)
        case .unknown: return (g.unknown, .muted)
        case .noUnits: return (" ", .muted)
        }
    }
}
