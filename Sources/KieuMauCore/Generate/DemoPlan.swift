/// The shape of the synthetic demo series: its dates, the map and criteria set of each date, and the
/// curves provinces follow. Every number that steers the demo lives here, in one place.
struct DemoPlan: Sendable {
    struct CriteriaChoice: Sendable {
        var id: String
        var count: Int
        /// Criteria that hold wards back far more often than the others (synthetic choice).
        var hard: [Int]
    }

    struct Step: Sendable {
        var year: Int, month: Int, day: Int
        /// After the July 2025 reform: written on the 34-province map through the crosswalk.
        var onNewMap: Bool
        var criteria: CriteriaChoice
        /// National shape of the share of units registered, scaled per province by its drive.
        var registeredShape: Double
        /// National shape of the share of model units (complete or recognised); 1.0 at mid-2025.
        var modelShape: Double

        var iso: String { DemoPlan.iso(year, month, day) }
    }

    /// Recognition by decision, once a year, of the wards that were model units at a year's end.
    struct RecognitionRound: Sendable {
        /// Index of the step (a 31 December) whose model wards are recognised.
        var modelAtStep: Int
        var decisionYear: Int
        var decisionMonth: Int
    }

    var seed: UInt64
    var steps: [Step]
    /// Index of the first step by which every province has registered at least one ward (the
    /// 2023 quota was one ward per province).
    var everyProvinceRegisteredBy: Int
    /// Registered share at a step = registeredShape × (registeredBase + registeredSlope × drive).
    var registeredBase: Double, registeredSlope: Double
    /// Model share at a step = modelShape × (modelBase + modelSlope × drive): from 8% to 70% at mid-2025.
    var modelBase: Double, modelSlope: Double
    /// Criteria met by a ward when it registers, and gained per quarter, as shares of the set.
    var startShare: Double, startShareByAbility: Double, gainPerStep: Double, gainByAbility: Double
    /// Extra weight that makes the hard criteria the last ones a ward meets.
    var hardWeight: Double
    /// Chance that a complete (not yet recognised) ward reports one criterion unmet again.
    var fallbackChance: Double
    /// Provinces whose drive is below this issue no recognition decision in the demo.
    var recognisingDriveFloor: Double
    var recognitionRounds: [RecognitionRound]

    static let set22 = CriteriaChoice(id: "bca-5764-22", count: 22, hard: [5, 12, 18])
    static let set20 = CriteriaChoice(id: "bca-2024-20", count: 20, hard: [6, 11, 17])

    /// The committed demo series: quarterly from mid-2023 to mid-2025 on the early-2025 map (the
    /// 22-criteria set through 2023, the 20-criteria set from the 2024 round), then two quarters on
    /// the 34-province map.
    static let standard = DemoPlan(
        seed: 0x4B49_4555_4D41_5532, // "KIEUMAU2"
        steps: [
            Step(year: 2023, month: 6, day: 30, onNewMap: false, criteria: set22, registeredShape: 0.03, modelShape: 0.00),
            Step(year: 2023, month: 9, day: 30, onNewMap: false, criteria: set22, registeredShape: 0.06, modelShape: 0.02),
            Step(year: 2023, month: 12, day: 31, onNewMap: false, criteria: set22, registeredShape: 0.10, modelShape: 0.08),
            Step(year: 2024, month: 3, day: 31, onNewMap: false, criteria: set20, registeredShape: 0.16, modelShape: 0.16),
            Step(year: 2024, month: 6, day: 30, onNewMap: false, criteria: set20, registeredShape: 0.22, modelShape: 0.27),
            Step(year: 2024, month: 9, day: 30, onNewMap: false, criteria: set20, registeredShape: 0.30, modelShape: 0.40),
            Step(year: 2024, month: 12, day: 31, onNewMap: false, criteria: set20, registeredShape: 0.38, modelShape: 0.55),
            Step(year: 2025, month: 3, day: 31, onNewMap: false, criteria: set20, registeredShape: 0.46, modelShape: 0.75),
            Step(year: 2025, month: 6, day: 30, onNewMap: false, criteria: set20, registeredShape: 0.55, modelShape: 1.00),
            Step(year: 2025, month: 9, day: 30, onNewMap: true, criteria: set20, registeredShape: 0.62, modelShape: 1.12),
            Step(year: 2025, month: 12, day: 31, onNewMap: true, criteria: set20, registeredShape: 0.68, modelShape: 1.22),
        ],
        everyProvinceRegisteredBy: 2,
        registeredBase: 0.4, registeredSlope: 1.2,
        modelBase: 0.08, modelSlope: 0.62,
        startShare: 0.45, startShareByAbility: 0.30, gainPerStep: 0.08, gainByAbility: 0.10,
        hardWeight: 0.35,
        fallbackChance: 0.04,
        recognisingDriveFloor: 0.25,
        recognitionRounds: [
            RecognitionRound(modelAtStep: 2, decisionYear: 2024, decisionMonth: 4),
            RecognitionRound(modelAtStep: 6, decisionYear: 2025, decisionMonth: 4),
        ]
    )

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}
