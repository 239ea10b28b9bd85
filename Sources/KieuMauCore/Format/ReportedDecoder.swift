/// Decodes a snapshot's `reported` entries: aggregates as one source reported them for the
/// country or a province, checked against the map (province units) and the criteria set.
enum ReportedDecoder {
    static let figureKeys = ["registered", "quota", "complete", "recognised"]

    /// `version`: the file's; `round` belongs to version 2. `asOf`: the snapshot's day, which a
    /// round's year may not be after.
    static func decode(_ d: inout Decoding, _ node: Int, criteria: CriteriaSet?, map: AdminMap?,
                       sourceIDs: Set<String>, version: Int = 2, asOf: Day? = nil) -> [ReportedFigures] {
        guard d.isArray(node, "reported", of: "report objects") else { return [] }
        var result: [ReportedFigures] = []
        for (index, element) in d.document.elements(of: node).enumerated() {
            if let figures = decodeEntry(&d, element, "reported[\(index)]", criteria: criteria, map: map, sourceIDs: sourceIDs,
                                         version: version, asOf: asOf) {
                result.append(figures)
            }
        }
        return result
    }

    private static func decodeEntry(_ d: inout Decoding, _ node: Int, _ path: String, criteria: CriteriaSet?,
                                    map: AdminMap?, sourceIDs: Set<String>, version: Int, asOf: Day?) -> ReportedFigures? {
        guard let f = d.object(node, path, required: ["scope", "source"], optional: figureKeys + ["byCriteriaMet", "note", "round"]) else { return nil }
        let problemsBefore = d.problems.count
        var scope: Scope?
        var province: Province?
        if let scopeNode = f["scope"], let token = d.identifier(scopeNode, path + ".scope", what: "\"national\" or a province code") {
            if token == "national" {
                scope = .national
            } else {
                scope = .province(token)
                if let map {
                    province = map.province(token)
                    if province == nil {
                        d.report(scopeNode, path + ".scope", "expected \"national\" or a province code of map \(map.id), found \"\(token)\"")
                    }
                }
            }
        }
        let sourceID = f["source"].flatMap { d.identifier($0, path + ".source", what: "a source id") }
        if let sourceID, !sourceIDs.contains(sourceID), let sourceNode = f["source"] {
            d.report(sourceNode, path + ".source", "unknown source `\(sourceID)` (not declared in `sources`)")
        }
        var figures: [String: Int] = [:]
        for key in figureKeys {
            if let valueNode = f[key], let value = d.integer(valueNode, path + "." + key, in: 0...Int.max) { figures[key] = value }
        }
        let byCriteriaMet = f["byCriteriaMet"].map { decodeByCriteriaMet(&d, $0, path + ".byCriteriaMet", criteria: criteria) } ?? []
        var round: Int?
        if let roundNode = f["round"] {
            if version < 2 {
                d.report(roundNode - 1, path + ".round", "`round` belongs to version 2 of kieumau.snapshot; this file says version \(version)")
            } else if let year = d.integer(roundNode, path + ".round", in: 1900...9999, what: "a year") {
                if let asOf, year > asOf.year {
                    d.report(roundNode, path + ".round", "expected a year no later than asOf (\(asOf.iso)), found \(year)")
                } else {
                    round = year
                }
            }
        }

        // Counts never above their totals.
        if let registered = figures["registered"] {
            let sum = byCriteriaMet.reduce(0) { $0 + $1.wards }
            if sum > registered, let n = f["byCriteriaMet"] {
                d.report(n, path + ".byCriteriaMet", "expected at most registered (\(registered)) wards in all, found \(sum)")
            }
            if let complete = figures["complete"], complete > registered, let n = f["complete"] {
                d.report(n, path + ".complete", "expected at most registered (\(registered)), found \(complete)")
            }
        }
        if let province {
            for key in ["registered", "complete", "recognised"] {
                if let value = figures[key], value > province.units, let n = f[key] {
                    d.report(n, path + "." + key, "expected at most the \(province.units) units of province \(province.code), found \(value)")
                }
            }
        }
        guard let scope, let sourceID, d.problems.count == problemsBefore else { return nil }
        return ReportedFigures(scope: scope, sourceID: sourceID, registered: figures["registered"], quota: figures["quota"],
                               complete: figures["complete"], recognised: figures["recognised"],
                               byCriteriaMet: byCriteriaMet, note: d.text(f, "note", in: path), round: round)
    }

    /// `{"22": 144, "21": 25}`: keys are a number of criteria met (0…M), values a number of wards.
    /// Returned highest first.
    private static func decodeByCriteriaMet(_ d: inout Decoding, _ node: Int, _ path: String, criteria: CriteriaSet?) -> [CriteriaMetCount] {
        guard d.document.kind(node) == .object else {
            d.report(node, path, "expected an object of criteria met → number of wards, found \(d.document.describe(node))")
            return []
        }
        let maximum = criteria?.count ?? CriteriaSet.maximumCount
        let setName = criteria.map { " (criteria set \($0.id) has \($0.count))" } ?? ""
        var counts: [CriteriaMetCount] = []
        var keyLine: [Int: Int] = [:]
        for keyNode in d.document.keys(of: node) {
            let key = d.document.string(keyNode)
            let keyPath = path + "." + key
            // Canonical decimal: digits only, no leading zero.
            guard let met = Int(key), String(met) == key, (0...maximum).contains(met) else {
                d.report(keyNode, keyPath, "expected a number of criteria met 0…\(maximum)\(setName), found key `\(key)`")
                continue
            }
            if let line = keyLine[met] {
                d.report(keyNode, keyPath, "duplicate key `\(key)` (first on line \(line))"); continue
            }
            keyLine[met] = d.document.line(keyNode)
            if let wards = d.integer(keyNode + 1, keyPath, in: 0...Int.max, what: "a number of wards") {
                counts.append(CriteriaMetCount(met: met, wards: wards))
            }
        }
        return counts.sorted { $0.met > $1.met }
    }
}
