/// Each ward's stage and criteria met in one snapshot, by index in `map.wards`, in two bytes a ward
/// (a `WardProgress` takes 56, a row 144): what a ward's history needs once the rows are dropped.
public struct WardStages: Hashable, Sendable {
    /// `Stage.rawValue` of each ward.
    let stages: [UInt8]
    /// Criteria met of each ward; `unknown` when not known, `elsewhere` when it does not fit below
    /// both (then it is in `outOfRangeMet`, which real data leaves empty: a set has at most 64 criteria).
    let met: [UInt8]
    let outOfRangeMet: [Int: Int]
    static let unknown = UInt8.max
    static let elsewhere = UInt8.max - 1

    /// - Parameter wards: the progress of every ward of the map, by index (`ProgressSummary.wards`).
    public init(_ wards: [WardProgress]) {
        var stages = [UInt8](repeating: 0, count: wards.count)
        var met = [UInt8](repeating: Self.unknown, count: wards.count)
        var outOfRange: [Int: Int] = [:]
        for (i, w) in wards.enumerated() {
            stages[i] = w.stage.rawValue
            guard let m = w.met else { continue }
            if m >= 0, m < Int(Self.elsewhere) {
                met[i] = UInt8(m)
            } else {
                met[i] = Self.elsewhere
                outOfRange[i] = m
            }
        }
        self.stages = stages
        self.met = met
        outOfRangeMet = outOfRange
    }

    /// The two bytes of each ward as they are kept, as the digest cache reads them back
    /// (`DigestCacheFile`, which checks them first: `met` as long as `stages`, `outOfRangeMet` for
    /// exactly the wards whose `met` is `elsewhere`).
    init(stages: [UInt8], met: [UInt8], outOfRangeMet: [Int: Int]) {
        self.stages = stages; self.met = met; self.outOfRangeMet = outOfRangeMet
    }

    /// Wards of the map.
    public var count: Int { stages.count }

    /// The stage and criteria met of the ward at `index` in `map.wards`; nil outside the map.
    public subscript(index: Int) -> (stage: Stage, met: Int?)? {
        guard stages.indices.contains(index) else { return nil }
        let stage = Stage(rawValue: stages[index]) ?? .notRegistered
        switch met[index] {
        case Self.unknown: return (stage, nil)
        case Self.elsewhere: return (stage, outOfRangeMet[index])
        case let m: return (stage, Int(m))
        }
    }
}
