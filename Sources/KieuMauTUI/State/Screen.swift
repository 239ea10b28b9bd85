import KieuMauCore

/// One screen of the drill-down, as a value with its own list state. The screens form a stack
/// (`AppState.stack`): the province list at the bottom, what was opened from it above; Esc pops,
/// and a snapshot step re-anchors every level.
public enum Screen: Sendable {
    case provinces(ProvinceListScreen)
    case wards(WardListScreen)
    /// A ward in full; the ward is the one selected in the ward list below it.
    case wardDetail(WardDetailScreen)
    case criteria(CriteriaScreen)
    case compare(CompareScreen)

    /// Which kind of screen, without its values.
    public var kind: ScreenKind {
        switch self {
        case .provinces: return .provinces
        case .wards: return .wards
        case .wardDetail: return .wardDetail
        case .criteria: return .criteria
        case .compare: return .compare
        }
    }

    /// The key context of the screen.
    public var keyContext: KeyContext {
        switch self {
        case .provinces: return .provinces
        case .wards: return .wards
        case .wardDetail: return .wardDetail
        case .criteria: return .criteria
        case .compare: return .compare
        }
    }
}

public enum ScreenKind: Hashable, Sendable { case provinces, wards, wardDetail, criteria, compare }

/// The provinces (the bottom of the stack).
public struct ProvinceListScreen: Hashable, Sendable {
    public internal(set) var list = ListState()
    /// The name filter typed with `/`.
    public internal(set) var filter = ""
    /// Indices in `map.provinces`, sorted and filtered.
    public internal(set) var rows: [Int] = []
    public init() {}

    public var selectedProvince: Int? { rows.indices.contains(list.selected) ? rows[list.selected] : nil }
}

/// The wards of a province, or of the whole map that miss one criterion (opened from the
/// criteria view).
public struct WardListScreen: Hashable, Sendable {
    /// Index in `map.provinces`; nil for a map-wide list of one criterion's wards.
    public internal(set) var province: Int?
    /// Wards missing this criterion, when opened from the criteria view.
    public internal(set) var missingCriterion: Int?
    public internal(set) var list = ListState()
    public internal(set) var filter = ""
    /// Indices in `map.wards`, sorted and filtered.
    public internal(set) var rows: [Int] = []

    public init(province: Int?, missingCriterion: Int? = nil) {
        self.province = province; self.missingCriterion = missingCriterion
    }

    public var selectedWard: Int? { rows.indices.contains(list.selected) ? rows[list.selected] : nil }
}

public struct WardDetailScreen: Hashable, Sendable {
    public internal(set) var scroll = ScrollState()
    public init() {}
}

/// What holds wards back, in the nation or one province.
public struct CriteriaScreen: Sendable {
    /// Index in `map.provinces`, or nil for the nation.
    public internal(set) var scope: Int?
    public internal(set) var analysis: CriteriaAnalysis
    public internal(set) var list = ListState()

    public var selectedCriterion: Int? {
        analysis.criteria.indices.contains(list.selected) ? analysis.criteria[list.selected].number : nil
    }
}

/// What changed between the snapshot on screen and another one of the series.
public struct CompareScreen: Sendable {
    /// The other snapshot, by index in `AppState.snapshots`.
    public internal(set) var other: Int
    /// Nil while it is being worked out.
    public internal(set) var result: SnapshotComparison?
    public internal(set) var scroll = ScrollState()
}
