/// What is known of one scope (the nation or a province of the picture's map) on a day.
public struct ScopeKnowledge: Hashable, Sendable {
    public var scope: Scope
    /// The province on the picture's map; nil for the nation.
    public var province: Province?
    /// Ward police units of the scope on the picture's map: the denominator of its share.
    public var units: Int
    public var figures: [KnownFigureKind: KnownFigure]
    /// The wards its latest rows name, when they name only some (a lower bound, not a count).
    public var named: NamedWards?
    /// Share, band and gap, or why they are not known.
    public var verdict: Verdict

    public func figure(_ kind: KnownFigureKind) -> KnownFigure? { figures[kind] }

    /// The count, when the scope's model units and units are both known on one map.
    public var count: ScopeCount? {
        if case .counted(let c) = verdict { return c }
        return nil
    }
}

/// Wards named in sources for a scope whose rows are not a complete count: what they add up to is
/// a lower bound ("at least 6 recognised"), never a share.
public struct NamedWards: Hashable, Sendable {
    /// Named wards registered or further.
    public var registered: Int
    /// Named wards meeting every criterion (recognised included).
    public var complete: Int
    public var recognised: Int
    /// Ward police units of the scope on the map they were named on.
    public var units: Int
    public var asOf: Day
    public var mapID: String
}

/// Whether a scope's share of model units is known.
public enum Verdict: Hashable, Sendable {
    case counted(ScopeCount)
    case unknown(UnknownReason)
}

/// Why a scope's share, band and gap are not known.
public enum UnknownReason: Hashable, Sendable {
    /// Its latest rows on the picture's map name `named` of its `units` wards ("2 of 27 wards
    /// named in sources"), with no count reported.
    case namedOnly(named: Int, units: Int)
    /// Figures exist only on an earlier map: nothing has been counted since the map changed.
    case noCountSinceMapChange
    /// The sources of the same day give different model counts.
    case sourcesDisagree
    /// The scope has no ward police units.
    case noUnits
    /// Nothing is known of it.
    case nothingKnown
}

/// A scope whose model units and units are both known on one map: everything that follows from
/// them.
public struct ScopeCount: Hashable, Sendable {
    public var units: Int
    /// The model count, with its day and origin.
    public var model: KnownValue

    public init(units: Int, model: KnownValue) { self.units = units; self.model = model }

    public var modelCount: Int { model.value.count ?? 0 }
    public var share: Double { units > 0 ? Double(modelCount) / Double(units) : 0 }
    public var band: TargetBand { TargetBand.of(model: modelCount, units: units) }
    public func needed(percent: Int) -> Int { Targets.unitsNeeded(percent: percent, of: units, have: modelCount) }
    /// The word the report and the exports print for the band.
    public var bandWord: String { ["below", "within", "above"][band.rawValue] }
}
