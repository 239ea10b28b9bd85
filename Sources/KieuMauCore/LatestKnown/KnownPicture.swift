/// What is known of the programme on a day, scope by scope, on one map: the latest-known picture
/// (`LatestKnown.picture`) or one snapshot as published.
public struct KnownPicture: Hashable, Sendable {
    public enum Basis: Hashable, Sendable {
        /// The latest value of every figure from any snapshot on or before the day.
        case latestKnown
        /// One snapshot, exactly as it was published.
        case asPublished
    }

    public var basis: Basis
    /// The day asked for (latest known), or the snapshot's day (as published).
    public var asOf: Day
    /// The map the picture is on: the map of the latest snapshot on or before `asOf`.
    public var mapID: String
    public var series: String
    public var synthetic: Bool
    public var definition: ModelDefinition
    public var national: ScopeKnowledge
    /// In the map's order.
    public var provinces: [ScopeKnowledge]
    /// The days of the snapshots it was read from, oldest first.
    public var snapshotDays: [Day]
    /// How many provinces each map read has (to say "63-province map" of a figure counted on it).
    public var mapProvinceCounts: [String: Int]

    /// The number of provinces of a map the picture read, if it read that map.
    public func provinceCount(ofMap id: String) -> Int? { mapProvinceCounts[id] }

    /// The province with this code, if the map has it.
    public func province(code: String) -> ScopeKnowledge? { provinces.first { $0.province?.code == code } }

    /// Provinces below / within / above the 2025 band, of those counted.
    public var bandCounts: [TargetBand: Int] {
        var c: [TargetBand: Int] = [.below: 0, .within: 0, .above: 0]
        for p in provinces { if let count = p.count { c[count.band, default: 0] += 1 } }
        return c
    }

    /// Provinces with units whose share is not known.
    public var uncountedProvinces: Int {
        provinces.filter { $0.count == nil && $0.units > 0 }.count
    }

    /// Every source a figure of the picture cites, by id, in the order first cited.
    public var sources: [Source] {
        var seen = Set<String>(), out: [Source] = []
        for scope in [national] + provinces {
            for kind in KnownFigureKind.allCases {
                for v in scope.figures[kind]?.values ?? [] {
                    for case .reported(let s) in v.origins where seen.insert(s.id).inserted { out.append(s) }
                }
            }
        }
        return out
    }
}
