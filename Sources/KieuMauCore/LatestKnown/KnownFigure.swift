/// The figures the latest-known picture carries for a scope, each with its own date and source.
public enum KnownFigureKind: String, Hashable, Sendable, CaseIterable {
    case registered, quota, byCriteriaMet, complete, recognised, model
}

/// A figure's value: a count, or wards by criteria met (highest first).
public enum FigureValue: Hashable, Sendable {
    case count(Int)
    case distribution([CriteriaMetCount])

    public var count: Int? {
        if case .count(let n) = self { return n }
        return nil
    }
}

/// Where a value comes from.
public enum FigureOrigin: Hashable, Sendable {
    /// Counted from ward rows that cover the scope completely.
    case wardRows
    /// As reported by a source (as the snapshot that carries it declares the source).
    case reported(Source)

    public var sourceID: String? {
        if case .reported(let s) = self { return s.id }
        return nil
    }
}

/// One value of a figure, with the day of the snapshot it comes from, its sources and the map it
/// was counted on.
public struct KnownValue: Hashable, Sendable {
    public var value: FigureValue
    /// One or more: sources that give the same value on the same day are one value.
    public var origins: [FigureOrigin]
    /// The day of the snapshot it comes from (for a sum, that of its oldest part).
    public var asOf: Day
    /// The map the units were counted on.
    public var mapID: String
    /// M, for wards by criteria met.
    public var criteriaCount: Int
    /// The year's round the source counted, when it counted one round only.
    public var round: Int?
    /// How the sources qualified it ("expected", "as printed: …").
    public var notes: [String]
    /// Set when the value is of one old province of the scope only (not summed: another part is
    /// not known): that province, on the old map.
    public var part: Province?
    /// Old provinces summed into the value (each merged whole into the scope).
    public var summedFrom: [Province]

    public init(value: FigureValue, origins: [FigureOrigin], asOf: Day, mapID: String, criteriaCount: Int,
                round: Int? = nil, notes: [String] = [], part: Province? = nil, summedFrom: [Province] = []) {
        self.value = value; self.origins = origins; self.asOf = asOf; self.mapID = mapID
        self.criteriaCount = criteriaCount; self.round = round; self.notes = notes; self.part = part
        self.summedFrom = summedFrom
    }

    /// The sources' ids, in order (empty for ward rows alone).
    public var sourceIDs: [String] { origins.compactMap(\.sourceID) }
    /// True when the ward rows give it (a complete count).
    public var fromRows: Bool { origins.contains(.wardRows) }

    /// The date to print: the first source's date as published (`2023-12`), else the snapshot's day.
    public var dateLabel: String {
        for o in origins { if case .reported(let s) = o, !s.date.isEmpty { return s.date } }
        return asOf.iso
    }
}

/// A figure of a scope as known on a day: one value, or several given on the same day that
/// disagree (shown side by side, never merged), or values of parts of the scope on an older map.
public struct KnownFigure: Hashable, Sendable {
    public var kind: KnownFigureKind
    public var values: [KnownValue]

    public init(kind: KnownFigureKind, values: [KnownValue]) { self.kind = kind; self.values = values }

    /// The one value, when the figure has exactly one for the whole scope.
    public var single: KnownValue? { values.count == 1 && values[0].part == nil ? values[0] : nil }
    /// Sources of the same day disagree.
    public var isConflict: Bool { values.count > 1 && values.allSatisfy { $0.part == nil } }
    /// Known only for some old provinces of the scope.
    public var isPartial: Bool { values.contains { $0.part != nil } }
    /// The newest day among its values.
    public var asOf: Day { values.map(\.asOf).max() ?? values[0].asOf }
}
