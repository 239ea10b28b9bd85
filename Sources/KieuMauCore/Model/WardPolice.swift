/// Where a ward police unit stands in the programme.
public enum Stage: UInt8, Hashable, Sendable, CaseIterable, Comparable {
    /// Not registered for the programme ("chưa đăng ký").
    case notRegistered = 0
    /// Registered to be built as a model unit ("đăng ký xây dựng"), with its pilot year when known.
    case registered = 1
    /// Reported as meeting every criterion of the set in force ("đạt đủ tiêu chí").
    case complete = 2
    /// Officially recognised by decision ("được công nhận").
    case recognised = 3

    public static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }

    /// The word used in snapshot files.
    public var token: String {
        switch self {
        case .notRegistered: return "none"
        case .registered: return "registered"
        case .complete: return "complete"
        case .recognised: return "recognised"
        }
    }
    public init?(token: some StringProtocol) {
        switch token {
        case "none": self = .notRegistered
        case "registered": self = .registered
        case "complete": self = .complete
        case "recognised": self = .recognised
        default: return nil
        }
    }
}

/// Status of one criterion for one ward.
public enum CriterionStatus: UInt8, Hashable, Sendable, CaseIterable {
    case met, notMet, unknown
}

/// What is known of a ward's criteria: each criterion's status, or only "N of M met".
/// Stored as two bit masks so 100,000 wards cost two words each, not an array each.
public struct CriteriaMarks: Hashable, Sendable {
    /// Bit i-1 set: criterion i is met.
    public var metMask: UInt64
    /// Bit i-1 set: criterion i is not met.
    public var notMetMask: UInt64
    /// When only a count was published ("18/22"), the count; nil when per-criterion marks are given
    /// (or nothing is known).
    public var publishedCount: Int?

    public init(metMask: UInt64 = 0, notMetMask: UInt64 = 0, publishedCount: Int? = nil) {
        self.metMask = metMask; self.notMetMask = notMetMask; self.publishedCount = publishedCount
    }

    public static let unknown = CriteriaMarks()
    public static func count(_ n: Int) -> CriteriaMarks { CriteriaMarks(publishedCount: n) }

    public init(statuses: [CriterionStatus]) {
        var met: UInt64 = 0, not: UInt64 = 0
        for (i, s) in statuses.enumerated() where i < 64 {
            switch s {
            case .met: met |= 1 << UInt64(i)
            case .notMet: not |= 1 << UInt64(i)
            case .unknown: break
            }
        }
        self.init(metMask: met, notMetMask: not)
    }

    public func status(of number: Int) -> CriterionStatus {
        guard (1...64).contains(number) else { return .unknown }
        let bit: UInt64 = 1 << UInt64(number - 1)
        if metMask & bit != 0 { return .met }
        if notMetMask & bit != 0 { return .notMet }
        return .unknown
    }

    /// True when any criterion has a per-criterion mark.
    public var hasMarks: Bool { metMask | notMetMask != 0 }

    /// Criteria known to be met: the per-criterion count, or the published count.
    public var metCount: Int? {
        if let publishedCount { return publishedCount }
        if hasMarks { return metMask.nonzeroBitCount }
        return nil
    }
    /// Numbers of the criteria marked not met (empty when only a count is known).
    public func notMet(of total: Int) -> [Int] {
        // The set bits of the mask below `total`, lowest first (no array is made when there are none).
        // (A criterion marked both ways counts as met, as in `status(of:)`.)
        let marked = notMetMask & ~metMask
        var bits = total >= 64 ? marked : marked & ((1 << UInt64(max(0, total))) - 1)
        guard bits != 0 else { return [] }
        var numbers: [Int] = []
        numbers.reserveCapacity(bits.nonzeroBitCount)
        while bits != 0 {
            numbers.append(bits.trailingZeroBitCount + 1)
            bits &= bits - 1
        }
        return numbers
    }
    /// Numbers of the criteria neither met nor not met.
    public func unknown(of total: Int) -> [Int] {
        (1...max(1, total)).filter { $0 <= total && status(of: $0) == .unknown }
    }
}

/// A recognition decision ("quyết định công nhận").
public struct Recognition: Hashable, Sendable {
    /// e.g. "QĐ 2878"; empty when not published.
    public var decision: String
    public var date: Day?
    public init(decision: String = "", date: Day? = nil) { self.decision = decision; self.date = date }
}

/// The state of one ward police unit ("Công an phường") in one snapshot.
public struct WardPolice: Hashable, Sendable {
    public var wardCode: String
    public var stage: Stage
    /// The year the unit was registered / piloted, when known.
    public var pilotYear: Int?
    public var recognition: Recognition?
    public var marks: CriteriaMarks
    /// Ids of the snapshot's sources that back this row; empty for synthetic rows.
    public var sourceIDs: [String]
    public var note: String

    public init(wardCode: String, stage: Stage, pilotYear: Int? = nil, recognition: Recognition? = nil,
                marks: CriteriaMarks = .unknown, sourceIDs: [String] = [], note: String = "") {
        self.wardCode = wardCode; self.stage = stage; self.pilotYear = pilotYear; self.recognition = recognition
        self.marks = marks; self.sourceIDs = sourceIDs; self.note = note
    }
}
