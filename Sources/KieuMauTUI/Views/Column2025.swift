import KieuMauCore

/// The 2025 target for a scope. Until the end of 2025, the outlook at the pace observed (✔ on
/// track, ✘ will miss, ? unknown); from 1/1/2026 on, the result at 31/12/2025 from the latest
/// figure on or before it (▲ met 50%, ◆ met 30%, ▼ missed, ? unknown).
enum Column2025 {
    enum Mark: Hashable {
        case outlook(ScopeProjection.Outlook)
        case result(TargetBand)
        case unknown
        case noUnits
    }

    static func isPast(_ state: AppState) -> Bool { state.day > Targets.deadline2025 }

    /// For the nation (nil) or a province (index in the map).
    static func mark(_ state: AppState, province p: Int?) -> Mark {
        let scope = p.map { state.picture.provinces.indices.contains($0) ? state.picture.provinces[$0] : nil } ?? state.picture.national
        guard let scope else { return .unknown }
        if scope.verdict == .unknown(.noUnits) { return .noUnits }
        if isPast(state) {
            let then = p == nil ? state.result2025?.national
                : scope.province.flatMap { state.result2025?.province(code: $0.code) }
            return then?.count.map { .result($0.band) } ?? .unknown
        }
        guard scope.count != nil, let sp = ProjectionText.scope(state, province: p) else { return .unknown }
        return .outlook(sp.outlook2025)
    }

    static func symbol(_ m: Mark, _ g: Glyphs) -> (String, StyleRole) {
        switch m {
        case .outlook(let o): return ProjectionText.symbol(o, g)
        case .result(let b): return (g.band(b), bandRole(b))
        case .unknown: return (g.unknown, .muted)
        case .noUnits: return (" ", .muted)
        }
    }

    /// The word the exports print.
    static func word(_ m: Mark) -> String {
        switch m {
        case .outlook(let o): return o.word
        case .result(let b): return ["missed", "met 30%", "met 50%"][b.rawValue]
        case .unknown: return "unknown"
        case .noUnits: return "no units"
        }
    }
}
