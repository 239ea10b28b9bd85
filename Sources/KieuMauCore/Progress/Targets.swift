/// The programme's targets: by 31/12/2025 every province has 30% (floor) to 50% (stretch) of its
/// ward police units model; by 31/12/2030, 100% nationwide.
public enum Targets {
    public static let floorPercent = 30
    public static let stretchPercent = 50
    public static let fullPercent = 100
    public static let deadline2025 = Day(year: 2025, month: 12, day: 31)!
    public static let deadline2030 = Day(year: 2030, month: 12, day: 31)!

    /// Units needed to reach `percent` of `units`, rounded up, never negative. Integer arithmetic:
    /// 30% of 10 is exactly 3 (floating point would give 3.0000000000000004 and round up to 4).
    public static func unitsNeeded(percent: Int, of units: Int, have model: Int) -> Int {
        guard units > 0 else { return 0 }
        let target = (percent * units + 99) / 100
        return max(0, target - model)
    }
}

/// Where a province stands against the 2025 target ("mức 2025").
public enum TargetBand: Int, Hashable, Sendable, CaseIterable, Comparable {
    /// Below the 30% floor.
    case below = 0
    /// At least 30% and below 50%.
    case within = 1
    /// At or above the 50% stretch target.
    case above = 2
    public static func < (a: TargetBand, b: TargetBand) -> Bool { a.rawValue < b.rawValue }

    /// The band of `model` of `units`. A province with no ward police units has nothing to build and
    /// counts as above (it can never miss the target); callers show it as "no units".
    public static func of(model: Int, units: Int) -> TargetBand {
        guard units > 0 else { return .above }
        if model * 100 >= Targets.stretchPercent * units { return .above }
        if model * 100 >= Targets.floorPercent * units { return .within }
        return .below
    }

    /// A symbol that carries the meaning without colour.
    public var symbol: String {
        switch self {
        case .below: return "▼"
        case .within: return "◆"
        case .above: return "▲"
        }
    }
    public var asciiSymbol: String {
        switch self {
        case .below: return "v"
        case .within: return "+"
        case .above: return "^"
        }
    }
}

/// What counts as a *model* unit ("đạt chuẩn kiểu mẫu").
public enum ModelDefinition: String, Hashable, Sendable, CaseIterable {
    /// Officially recognised, or meeting every criterion of the set in force (the default:
    /// recognition decisions are rarely published, criterion counts are).
    case complete
    /// Officially recognised by decision only.
    case recognised
}
