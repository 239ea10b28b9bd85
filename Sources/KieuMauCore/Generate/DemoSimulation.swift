/// One ward's synthetic state at one step of the demo series.
struct DemoWardState: Equatable, Sendable {
    var stage: Stage
    /// One character per criterion (`1` met, `0` not met, `?` unknown).
    var criteria: String
    /// The year the ward registered.
    var year: Int
    var recognition: DemoRecognition?
}

struct DemoRecognition: Equatable, Sendable {
    var decision: String
    var date: String
}

/// Simulates the programme ward by ward on one map. Each province gets a drive in (0, 1) by rank,
/// so drives are spread evenly whatever the draws; registered and model counts per step follow the
/// plan's curves scaled by the drive; which wards register, progress and finish is drawn per ward
/// from generators keyed by its code, so the result never depends on visiting order.
struct DemoSimulation: Sendable {
    struct ProvinceInput: Sendable { var code: String; var wardCodes: [String] }

    let plan: DemoPlan
    /// Drive of each province by code.
    private(set) var drive: [String: Double] = [:]
    /// For each step, the state of every registered ward by code (absent = not registered).
    private(set) var states: [[String: DemoWardState]]

    init(plan: DemoPlan, provinces: [ProvinceInput]) {
        self.plan = plan
        states = Array(repeating: [:], count: plan.steps.count)
        let ranked = provinces.map { ($0.code, SplitMix64.draw(seed: plan.seed, key: "drive:" + $0.code)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        for (rank, (code, _)) in ranked.enumerated() { drive[code] = (Double(rank) + 0.5) / Double(ranked.count) }
        for p in provinces { simulate(p, drive: drive[p.code] ?? 0.5) }
    }

    private mutating func simulate(_ province: ProvinceInput, drive: Double) {
        let n = province.wardCodes.count
        guard n > 0 else { return }
        let order = province.wardCodes
            .map { ($0, SplitMix64.draw(seed: plan.seed, key: "order:" + $0)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map(\.0)
        var ability: [String: Double] = [:]
        for w in province.wardCodes { ability[w] = SplitMix64.draw(seed: plan.seed, key: "ability:" + w) }
        var registeredAt: [String: Int] = [:]
        var modelAt: [String: Int] = [:]
        var nRegistered = 0
        var nModel = 0
        let recognition = recognitions(province: province.code, drive: drive)

        for (t, step) in plan.steps.enumerated() {
            let regScale: Double = plan.registeredBase + plan.registeredSlope * drive
            let regShare: Double = min(1.0, step.registeredShape * regScale)
            let modelScale: Double = plan.modelBase + plan.modelSlope * drive
            let modelShare: Double = min(regShare, step.modelShape * modelScale)
            var wantRegistered = min(n, DemoSimulation.roundHalfUp(regShare * Double(n)))
            // Registration never shrinks, and the 2023 quota gave every province at least one ward.
            if t >= plan.everyProvinceRegisteredBy { wantRegistered = max(wantRegistered, 1) }
            while nRegistered < wantRegistered {
                registeredAt[order[nRegistered]] = t
                nRegistered += 1
            }
            // Wards registered at an earlier step may finish; the most advanced finish first.
            let wantModel = min(nRegistered, DemoSimulation.roundHalfUp(modelShare * Double(n)))
            if nModel < wantModel {
                let candidates = order.prefix(nRegistered)
                    .filter { modelAt[$0] == nil && (registeredAt[$0] ?? t) < t }
                    .map { ($0, progress(ability: ability[$0] ?? 0, steps: t - (registeredAt[$0] ?? t))) }
                    .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                for (w, _) in candidates.prefix(wantModel - nModel) { modelAt[w] = t; nModel += 1 }
            }
            for w in order.prefix(nRegistered) {
                guard let tReg = registeredAt[w] else { continue }
                states[t][w] = state(ward: w, step: t, registeredAt: tReg, modelAt: modelAt[w],
                                     ability: ability[w] ?? 0, recognition: recognition)
            }
        }
    }

    /// The share of criteria a registered ward meets after `steps` quarters.
    private func progress(ability a: Double, steps: Int) -> Double {
        plan.startShare + plan.startShareByAbility * a + (plan.gainPerStep + plan.gainByAbility * a) * Double(steps)
    }

    private func state(ward w: String, step t: Int, registeredAt tReg: Int, modelAt tModel: Int?,
                       ability a: Double, recognition: [(round: DemoPlan.RecognitionRound, decision: DemoRecognition)]) -> DemoWardState {
        let step = plan.steps[t]
        let set = step.criteria
        let year = plan.steps[tReg].year
        if let tModel, tModel <= t {
            // Recognised by the first decision already issued whose round covers this ward.
            for (round, decision) in recognition
            where decision.date <= step.iso && tModel <= round.modelAtStep && !fallsBack(w, step: round.modelAtStep, modelAt: tModel) {
                return DemoWardState(stage: .recognised, criteria: String(repeating: "1", count: set.count), year: year, recognition: decision)
            }
            if fallsBack(w, step: t, modelAt: tModel) {
                var g = SplitMix64(seed: plan.seed, key: "fallback-criterion:\(w):\(t)")
                let miss = set.hard.isEmpty ? g.int(in: 1...set.count) : set.hard[g.int(in: 0...(set.hard.count - 1))]
                return DemoWardState(stage: .registered, criteria: marks(count: set.count, unmet: [miss]), year: year, recognition: nil)
            }
            return DemoWardState(stage: .complete, criteria: String(repeating: "1", count: set.count), year: year, recognition: nil)
        }
        let met = min(set.count - 1, max(1, Int((progress(ability: a, steps: t - tReg) * Double(set.count)).rounded(.down))))
        // The criteria this ward meets last: a fixed order per ward and set, hard criteria weighted last,
        // so a ward's unmet criteria only shrink as it progresses.
        var g = SplitMix64(seed: plan.seed, key: "criteria-order:\(set.id):\(w)")
        let scored = (1...set.count).map { c in (c, g.unit() + (set.hard.contains(c) ? plan.hardWeight : 0)) }
        let unmet = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(set.count - met).map(\.0)
        return DemoWardState(stage: .registered, criteria: marks(count: set.count, unmet: Set(unmet)), year: year, recognition: nil)
    }

    /// A complete ward reports one criterion unmet again at this step (never at the step it finished).
    private func fallsBack(_ w: String, step t: Int, modelAt tModel: Int) -> Bool {
        guard t > tModel else { return false }
        var g = SplitMix64(seed: plan.seed, key: "fallback:\(w):\(t)")
        return g.unit() < plan.fallbackChance
    }

    /// The province's recognition decisions (none for the least driven provinces).
    private func recognitions(province code: String, drive: Double) -> [(round: DemoPlan.RecognitionRound, decision: DemoRecognition)] {
        guard drive >= plan.recognisingDriveFloor else { return [] }
        return plan.recognitionRounds.map { round in
            var g = SplitMix64(seed: plan.seed, key: "decision:\(code):\(round.decisionYear)")
            let number = g.int(in: 100...4999)
            let day = g.int(in: 1...28)
            return (round, DemoRecognition(decision: "QĐ \(number)",
                                           date: DemoPlan.iso(round.decisionYear, round.decisionMonth, day)))
        }
    }

    private func marks(count: Int, unmet: Set<Int>) -> String {
        String((1...count).map { unmet.contains($0) ? "0" : "1" })
    }

    static func roundHalfUp(_ x: Double) -> Int { Int((x + 0.5).rounded(.down)) }
}
