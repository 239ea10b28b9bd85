/// What a snapshot's ward rows are for one scope: every ward of it, or only the wards its sources
/// name. Only a complete count carries a share, a band, a gap, a pace or a projection.
public enum Coverage: String, Hashable, Sendable, CaseIterable {
    /// Every ward police unit of the scope is accounted for: a ward without a row is not registered
    /// (a province's full spreadsheet, the demo series).
    case complete
    /// Only the wards named in sources have rows ("phường được nêu tên"): a ward without a row is
    /// not known, and the rows add up to a lower bound, not a count.
    case named
}

/// The coverage of a snapshot's rows, province by province (format version 2, `coverage`): one
/// value for every province, with the provinces that differ listed. The nation is complete exactly
/// when every province is.
public struct SnapshotCoverage: Hashable, Sendable {
    /// The coverage of every province not listed in `provinces`.
    public var defaultCoverage: Coverage
    /// Provinces (by code) whose coverage differs from the default.
    public var provinces: [String: Coverage]

    public init(default defaultCoverage: Coverage, provinces: [String: Coverage] = [:]) {
        self.defaultCoverage = defaultCoverage
        self.provinces = provinces.filter { $0.value != defaultCoverage }
    }

    /// Every scope complete: what a version-1 file means (it was read as a census).
    public static let complete = SnapshotCoverage(default: .complete)
    /// Every scope named only (a record written from press reports).
    public static let named = SnapshotCoverage(default: .named)

    public func of(province code: String) -> Coverage { provinces[code] ?? defaultCoverage }

    /// True when every province is complete, so the nation is too.
    public var isCompleteEverywhere: Bool { defaultCoverage == .complete && provinces.isEmpty }

    /// The nation on a map with these provinces: complete when every one is.
    public func national(provinceCodes: some Sequence<String>) -> Coverage {
        if isCompleteEverywhere { return .complete }
        for code in provinceCodes where of(province: code) == .named { return .named }
        return .complete
    }

    /// Province codes marked complete when the default is named (sorted).
    public var completeProvinces: [String] { provinces.filter { $0.value == .complete }.keys.sorted() }
}
