/// One ward police unit measured against the criteria set in force.
public struct WardProgress: Hashable, Sendable {
    /// Index in `map.wards`.
    public let wardIndex: Int
    public let stage: Stage
    /// Criteria met, when known (per criterion or as a published count).
    public let met: Int?
    /// M: the number of criteria in the set in force.
    public let total: Int
    /// Numbers of the criteria marked not met (made on demand: a summary holds one of these per
    /// ward of the map, and an array each cost an allocation for every ward in progress).
    public var missing: [Int] { CriteriaMarks(notMetMask: notMetMask).notMet(of: total) }
    /// Bit i-1 set: criterion i is marked not met.
    private let notMetMask: UInt64
    /// True when the ward meets every criterion (stage complete or recognised, or M of M met).
    public let meetsAll: Bool

    public init(row: WardPolice?, wardIndex: Int, total: Int) {
        self.wardIndex = wardIndex
        self.total = total
        guard let row else {
            stage = .notRegistered; met = nil; notMetMask = 0; meetsAll = false
            return
        }
        let count = row.marks.metCount
        met = count ?? (row.stage >= .complete ? total : nil)
        notMetMask = row.marks.notMetMask & ~row.marks.metMask
        meetsAll = row.stage >= .complete || (count == total && total > 0)
        // A registered ward reported at M of M meets every criterion even if its stage was not updated.
        stage = (row.stage == .registered && meetsAll) ? .complete : row.stage
    }

    public var isRegistered: Bool { stage >= .registered }
    public var isRecognised: Bool { stage == .recognised }

    public func isModel(_ definition: ModelDefinition) -> Bool {
        switch definition {
        case .complete: return meetsAll
        case .recognised: return stage == .recognised
        }
    }
}

extension Dataset {
    public func wardProgress(at index: Int) -> WardProgress {
        WardProgress(row: row(ofWardAt: index), wardIndex: index, total: criteria.count)
    }
}
