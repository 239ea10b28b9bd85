/// Writes the demo series: one snapshot file per step of the plan, on the early-2025 map before the
/// reform and, after it, on the 34-province map with each new ward derived from its old wards.
enum DemoSnapshots {
    static func files(plan: DemoPlan, reference ref: ReferenceData) -> [String: String] {
        var wardsByProvince: [String: [String]] = [:]
        for w in ref.wardsBefore { wardsByProvince[w.provinceCode, default: []].append(w.code) }
        let provinces = ref.provincesBefore.map { DemoSimulation.ProvinceInput(code: $0.code, wardCodes: wardsByProvince[$0.code] ?? []) }
        let simulation = DemoSimulation(plan: plan, provinces: provinces)

        // Old phường that went (wholly or partly) into each new unit, in crosswalk order, and the
        // principal one whose state the new unit takes.
        var predecessors: [String: [String]] = [:]
        var defaults: [String: [String]] = [:]
        for r in ref.crosswalk {
            predecessors[r.newCode, default: []].append(r.oldCode)
            if r.isDefaultTarget { defaults[r.newCode, default: []].append(r.oldCode) }
        }

        var files: [String: String] = [:]
        for (t, step) in plan.steps.enumerated() {
            var rows: [OrderedJSON] = []
            if step.onNewMap {
                for w in ref.wardsAfter {
                    let olds = predecessors[w.code] ?? []
                    guard let principal = principal(of: w.code, predecessors: olds, defaults: defaults[w.code] ?? []),
                          let s = carried(principal: simulation.states[t][principal],
                                          others: olds.filter { $0 != principal }.map { simulation.states[t][$0] },
                                          count: step.criteria.count)
                    else { continue }
                    let merged = olds.count > 1 ? "; merged from " + olds.joined(separator: ", ") : ""
                    rows.append(row(code: w.code, s, note: "state of old \(principal)\(merged)"))
                }
            } else {
                for w in ref.wardsBefore {
                    guard let s = simulation.states[t][w.code] else { continue }
                    rows.append(row(code: w.code, s, note: nil))
                }
            }
            files["demo/\(step.iso).snapshot.json"] = document(plan: plan, step: step, rows: rows)
        }
        return files
    }

    /// The old phường whose state a new unit takes: the one whose code it keeps, else the first
    /// old phường it is the default successor of, else the first that went into it.
    static func principal(of code: String, predecessors: [String], defaults: [String]) -> String? {
        if predecessors.contains(code) { return code }
        return defaults.first ?? predecessors.first
    }

    /// A new ward's state: its principal predecessor's; if that one was not registered but another
    /// predecessor was, registered with every criterion unknown; nil when none was registered.
    static func carried(principal: DemoWardState?, others: [DemoWardState?], count: Int) -> DemoWardState? {
        if let principal { return principal }
        let years = others.compactMap { $0?.year }
        guard let year = years.min() else { return nil }
        return DemoWardState(stage: .registered, criteria: String(repeating: "?", count: count), year: year, recognition: nil)
    }

    /// One ward row as the format writes it (also used by the benchmark scales).
    static func row(code: String, _ s: DemoWardState, note: String?) -> OrderedJSON {
        var extra: [(String, OrderedJSON)] = [("year", .int(s.year))]
        var notes: [String] = []
        if let r = s.recognition {
            extra.append(("decision", .string(r.decision)))
            extra.append(("recognisedOn", .string(r.date)))
            notes.append("synthetic decision number")
        }
        if let note { notes.append(note) }
        if !notes.isEmpty { extra.append(("note", .string(notes.joined(separator: "; ")))) }
        return .array([.string(code), .string(s.stage.token), .string(s.criteria), .object(extra)])
    }

    private static func document(plan: DemoPlan, step: DemoPlan.Step, rows: [OrderedJSON]) -> String {
        let hard = { (c: DemoPlan.CriteriaChoice) in c.hard.map(String.init).joined(separator: ", ") }
        var notes: [OrderedJSON] = [
            "SYNTHETIC DEMO DATA, made by `kieumau generate` from a fixed seed: no figure in this file is real.",
            "A ward of the map that is absent from this file is not registered.",
            .string("Criteria: the 22 of QĐ 5764 (2021) through 2023, the 20 of the 2024 round from 2024-03-31, as in the real programme; in this demo a ward complete under the 22 stays complete under the 20. Criteria \(hard(DemoPlan.set22)) of the 22 and \(hard(DemoPlan.set20)) of the 20 are made to hold wards back more often (criterion 6 of the 20 is headquarters and equipment, the one Khuê Trung lacked in March 2024 per cadn.com.vn; the others are arbitrary)."),
            "Recognition decisions, their numbers and dates are made up.",
        ]
        if step.onNewMap {
            notes.append("On the 34-province map each phường takes the simulated state of its principal old phường (crosswalk vn-2025-01-to-07): the one whose code it keeps, else the first it is the default successor of; if that one was not registered but another old phường was, it is registered with its criteria unknown.")
        } else {
            notes.append("Ward list of early 2025 (vn-2025-01) used for every snapshot before July 2025.")
        }
        return DataFileJSON.document([
            ("format", "kieumau.snapshot"), ("version", .int(DataFileKind.snapshot.currentVersion)),
            ("asOf", .string(step.iso)),
            ("title", .string("DEMO (synthetic data): the programme as of \(step.iso)")),
            ("series", "demo"),
            ("synthetic", true),
            ("map", .string(step.onNewMap ? MapFiles.afterID : MapFiles.beforeID)),
            ("criteria", .string(step.criteria.id)),
            ("sources", .array([])),
            ("notes", .array(notes)),
            // Every ward of every province is simulated: a complete count.
            ("coverage", SnapshotFileText.coverage(.complete)),
            ("reported", .array([])),
            ("wards", .array(rows)),
        ])
    }
}
