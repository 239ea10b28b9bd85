/// The sizes the benchmark measures (issue "Prove it"): the real 63-province map, a map the size of
/// every commune-level unit (10,600 in 63 provinces), and a stress map (100,000 in 700 provinces).
public enum DataScale: String, CaseIterable, Sendable {
    case national
    case communes
    case stress

    /// Units and provinces of the synthetic maps; nil for `national`, which uses the real map.
    var syntheticSize: (units: Int, provinces: Int)? {
        switch self {
        case .national: return nil
        case .communes: return (10_600, 63)
        case .stress: return (100_000, 700)
        }
    }

    /// Id of the map the scale's snapshots name.
    var mapID: String {
        switch self {
        case .national: return MapFiles.beforeID
        case .communes, .stress: return "bench-\(rawValue)"
        }
    }
}

extension DemoPlan {
    /// The benchmark series: six quarters on one map and one criteria set, heavier than the demo
    /// (about 80% of units have a row by the last quarter, which is the one the dashboard opens on),
    /// so the figures measure the cost of a full snapshot.
    static let bench = DemoPlan(
        seed: 0x4B49_4555_424E_4348, // "KIEUBNCH"
        steps: [
            Step(year: 2024, month: 3, day: 31, onNewMap: false, criteria: set20, registeredShape: 0.30, modelShape: 0.16),
            Step(year: 2024, month: 6, day: 30, onNewMap: false, criteria: set20, registeredShape: 0.42, modelShape: 0.27),
            Step(year: 2024, month: 9, day: 30, onNewMap: false, criteria: set20, registeredShape: 0.54, modelShape: 0.40),
            Step(year: 2024, month: 12, day: 31, onNewMap: false, criteria: set20, registeredShape: 0.66, modelShape: 0.55),
            Step(year: 2025, month: 3, day: 31, onNewMap: false, criteria: set20, registeredShape: 0.78, modelShape: 0.75),
            Step(year: 2025, month: 6, day: 30, onNewMap: false, criteria: set20, registeredShape: 0.90, modelShape: 1.00),
        ],
        everyProvinceRegisteredBy: 0,
        registeredBase: standard.registeredBase, registeredSlope: standard.registeredSlope,
        modelBase: standard.modelBase, modelSlope: standard.modelSlope,
        startShare: standard.startShare, startShareByAbility: standard.startShareByAbility,
        gainPerStep: standard.gainPerStep, gainByAbility: standard.gainByAbility,
        hardWeight: standard.hardWeight,
        fallbackChance: standard.fallbackChance,
        recognisingDriveFloor: standard.recognisingDriveFloor,
        recognitionRounds: [RecognitionRound(modelAtStep: 3, decisionYear: 2025, decisionMonth: 4)]
    )
}
