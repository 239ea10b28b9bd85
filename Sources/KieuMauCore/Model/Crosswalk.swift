/// How the wards of one administrative map continue on the next (e.g. the 2025-01 map to the
/// 34-province map of 1 July 2025): each old ward goes wholly into one new unit, or is split
/// among several with one of them its default (main) successor.
public struct Crosswalk: Sendable {
    public var id: String
    public var fromMapID: String
    public var toMapID: String
    public var title: String
    public private(set) var provinces: [ProvinceLink]
    /// In file order; the rows of a split ward need not be adjacent. Read-only: the indices below derive from it.
    public private(set) var wards: [WardLink]
    public var sources: [Source]
    public var notes: [String]

    /// Indices into `wards` by old ward code.
    public private(set) var linkIndex: [String: [Int]]
    /// New province code by old province code.
    public private(set) var provinceIndex: [String: String]

    public init(id: String, fromMapID: String, toMapID: String, title: String = "", provinces: [ProvinceLink],
                wards: [WardLink], sources: [Source] = [], notes: [String] = []) {
        self.id = id; self.fromMapID = fromMapID; self.toMapID = toMapID; self.title = title
        self.provinces = provinces; self.wards = wards; self.sources = sources; self.notes = notes
        var links: [String: [Int]] = [:]
        links.reserveCapacity(wards.count)
        for (i, link) in wards.enumerated() { links[link.oldCode, default: []].append(i) }
        var byOld: [String: String] = [:]
        for link in provinces where byOld[link.oldCode] == nil { byOld[link.oldCode] = link.newCode }
        self.linkIndex = links; self.provinceIndex = byOld
    }

    /// Every new unit an old ward went (wholly or in part) into.
    public func targets(of oldWard: String) -> [WardLink] { (linkIndex[oldWard] ?? []).map { wards[$0] } }

    /// The new unit an old ward's figures carry over to: its only target, or its default when split.
    public func defaultTarget(of oldWard: String) -> String? {
        (linkIndex[oldWard] ?? []).lazy.map { self.wards[$0] }.first { $0.isDefaultTarget }?.newCode
    }

    /// The new province an old province became part of.
    public func newProvince(of oldProvince: String) -> String? { provinceIndex[oldProvince] }
}

/// An old province and the new province it became (part of).
public struct ProvinceLink: Hashable, Sendable {
    public var oldCode: String
    public var newCode: String
    public init(oldCode: String, newCode: String) { self.oldCode = oldCode; self.newCode = newCode }
}

/// One row of a crosswalk: an old ward and one new unit (ward or commune) it went into.
public struct WardLink: Hashable, Sendable {
    public var oldCode: String
    public var newCode: String
    /// The old ward was divided among several new units (it has one row per target).
    public var split: Bool
    /// This target is where the old ward's figures carry over (exactly one per old ward).
    public var isDefaultTarget: Bool
    public init(oldCode: String, newCode: String, split: Bool, isDefaultTarget: Bool) {
        self.oldCode = oldCode; self.newCode = newCode; self.split = split; self.isDefaultTarget = isDefaultTarget
    }
}
