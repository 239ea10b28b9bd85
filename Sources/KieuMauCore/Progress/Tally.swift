/// Counts of ward police units in one scope, computed from the ward rows.
public struct Tally: Hashable, Sendable {
    public var units: Int = 0
    public var registered: Int = 0
    public var complete: Int = 0
    public var recognised: Int = 0
    public var model: Int = 0
    /// Wards by criteria met, for wards whose count is known: index = criteria met.
    public var byCriteriaMet: [Int] = []

    public init(units: Int = 0) { self.units = units }

    public mutating func add(_ w: WardProgress, definition: ModelDefinition) {
        if w.isRegistered { registered += 1 }
        if w.meetsAll { complete += 1 }
        if w.isRecognised { recognised += 1 }
        if w.isModel(definition) { model += 1 }
        if let m = w.met, w.isRegistered, m >= 0 {
            if byCriteriaMet.count <= m { byCriteriaMet += Array(repeating: 0, count: m + 1 - byCriteriaMet.count) }
            byCriteriaMet[m] += 1
        }
    }

    public mutating func add(_ t: Tally) {
        units += t.units; registered += t.registered; complete += t.complete
        recognised += t.recognised; model += t.model
        if byCriteriaMet.count < t.byCriteriaMet.count {
            byCriteriaMet += Array(repeating: 0, count: t.byCriteriaMet.count - byCriteriaMet.count)
        }
        for (i, n) in t.byCriteriaMet.enumerated() { byCriteriaMet[i] += n }
    }

    /// Share of units that are model, 0...1 (0 when there are no units).
    public var share: Double { units > 0 ? Double(model) / Double(units) : 0 }
    public var band: TargetBand { TargetBand.of(model: model, units: units) }
    /// The band as the report and the exports print it: "below", "within", "above", or "none"
    /// for a scope without units.
    public var bandWord: String { units == 0 ? "none" : ["below", "within", "above"][band.rawValue] }
    public func needed(percent: Int) -> Int { Targets.unitsNeeded(percent: percent, of: units, have: model) }
    /// 2030: every unit model.
    public var reached2030: Bool { units > 0 && model >= units }
    public func wards(meeting m: Int) -> Int { m < byCriteriaMet.count && m >= 0 ? byCriteriaMet[m] : 0 }
}
