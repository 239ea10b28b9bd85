/// Decodes the `wards` rows of a snapshot: `[code, stage, criteria]` or `[code, stage, criteria, {details}]`.
/// This is the loop that runs 100,000 times, so it avoids building strings it does not keep.
struct WardRows {
    let criteria: CriteriaSet?
    let map: AdminMap?
    let sourceIDs: Set<String>
    let asOf: Day?
    /// "criteria set X has N", for messages.
    private let setName: String

    init(criteria: CriteriaSet?, map: AdminMap?, sourceIDs: Set<String>, asOf: Day?) {
        self.criteria = criteria; self.map = map; self.sourceIDs = sourceIDs; self.asOf = asOf
        setName = criteria.map { "criteria set \($0.id) has \($0.count)" } ?? "the criteria set is unknown"
    }

    static let shape = "a row [code, stage, criteria] or [code, stage, criteria, {details}]"

    func decode(_ d: inout Decoding, _ node: Int) -> [WardPolice] {
        guard d.isArray(node, "wards", of: "ward rows") else { return [] }
        var rows: [WardPolice] = []
        rows.reserveCapacity(d.document.count(node))
        let mapWards = map?.wards ?? []
        let wardIndex = map?.wardIndex ?? [:]
        // The first row of each map ward (by its index in the map), to catch duplicates cheaply.
        var firstRow = [Int32](repeating: -1, count: mapWards.count)
        var firstRowOfCode: [String: Int] = [:] // only without a map
        // Rows usually follow the map's order: the ward after the previous row's is tried before hashing.
        var nextWard = 0
        for (index, element) in d.document.elements(of: node).enumerated() {
            guard let row = d.row(element, "wards[\(index)]", counts: 3...4, shape: Self.shape) else { continue }
            var valid = true
            var code: String?
            var first: Int?
            if nextWard < mapWards.count, let raw = d.document.rawBytes(row[0]), mapWards[nextWard].code.utf8.elementsEqual(raw) {
                code = mapWards[nextWard].code
                if firstRow[nextWard] >= 0 { first = Int(firstRow[nextWard]) } else { firstRow[nextWard] = Int32(index) }
                nextWard += 1
            } else if let text = d.identifier(row[0], "wards[\(index)][0]", what: "a ward code") {
                code = text
                if let map {
                    if let w = wardIndex[text] {
                        if firstRow[w] >= 0 { first = Int(firstRow[w]) } else { firstRow[w] = Int32(index) }
                        nextWard = w + 1
                    } else {
                        d.report(row[0], "wards[\(index)][0]", "unknown ward `\(text)` (not in map \(map.id))")
                        valid = false
                    }
                } else {
                    first = firstRowOfCode[text]
                    if first == nil { firstRowOfCode[text] = index }
                }
            }
            if let first, let code {
                d.report(row[0], "wards[\(index)][0]", "duplicate row for ward `\(code)` (first at wards[\(first)])")
                valid = false
            }
            let stage = decodeStage(&d, row[1], index)
            let marks = decodeMarks(&d, row[2], index)
            if let stage, let marks, stage >= .complete { checkCompleteness(&d, row[2], index, stage, marks) }
            var details = Details()
            if let detailNode = row.optional(3) { details = decodeDetails(&d, detailNode, index, stage) }
            guard valid, details.valid, let code, let stage, let marks else { continue }
            let recognition = stage == .recognised ? Recognition(decision: details.decision, date: details.recognisedOn) : nil
            rows.append(WardPolice(wardCode: code, stage: stage, pilotYear: details.year, recognition: recognition,
                                   marks: marks, sourceIDs: details.sources, note: details.note))
        }
        return rows
    }

    /// Compared as bytes: no string is made for a valid stage.
    private func decodeStage(_ d: inout Decoding, _ node: Int, _ index: Int) -> Stage? {
        let document = d.document
        if document.stringEquals(node, "registered") { return .registered }
        if document.stringEquals(node, "complete") { return .complete }
        if document.stringEquals(node, "recognised") { return .recognised }
        if document.stringEquals(node, "none") { return .notRegistered }
        guard let token = d.string(node, "wards[\(index)][1]") else { return nil }
        guard let stage = Stage(token: token) else {
            d.report(node, "wards[\(index)][1]", "expected a stage none, registered, complete or recognised, found \"\(token)\"")
            return nil
        }
        return stage
    }

    /// `""`, `"N/M"` or one character of `1`, `0`, `?` per criterion.
    private func decodeMarks(_ d: inout Decoding, _ node: Int, _ index: Int) -> CriteriaMarks? {
        let path = { "wards[\(index)][2]" }
        guard d.document.kind(node) == .string else {
            d.report(node, path(), "expected a criteria string (\"\", \"N/M\" or one 1, 0 or ? per criterion), found \(d.document.describe(node))")
            return nil
        }
        let bytes = d.document.rawBytes(node) ?? ArraySlice(Array(d.document.string(node).utf8))
        if bytes.isEmpty { return .unknown }
        let count = criteria?.count
        var met: UInt64 = 0, notMet: UInt64 = 0
        // Walked through a buffer pointer: iterating the slice checks every index, for every
        // character of 100,000 rows. "N/M" is looked for only when a byte is not 1, 0 or ?.
        let stop = bytes.withUnsafeBufferPointer { buffer -> Int? in
            for (k, b) in buffer.enumerated() {
                let bit: UInt64 = k < 64 ? 1 << UInt64(k) : 0
                switch b {
                case UInt8(ascii: "1"): met |= bit
                case UInt8(ascii: "0"): notMet |= bit
                case UInt8(ascii: "?"): break
                default: return k
                }
            }
            return nil
        }
        if let k = stop {
            if let slash = bytes.firstIndex(of: UInt8(ascii: "/")) {
                guard let n = Self.smallNumber(bytes[..<slash]), let m = Self.smallNumber(bytes[(slash + 1)...]) else {
                    d.report(node, path(), "expected \"N/M\" with whole numbers, found \(d.document.sourceText(node))")
                    return nil
                }
                if let count, m != count {
                    d.report(node, path(), "expected N/\(count) (\(setName)), found \"\(n)/\(m)\"")
                    return nil
                }
                if n > m {
                    d.report(node, path(), "expected at most \(m) of \(m) criteria met, found \"\(n)/\(m)\"")
                    return nil
                }
                return .count(n)
            }
            // Every byte before this one was ASCII, so `k` is also the character's index.
            let found = d.document.string(node).dropFirst(k).first.map(String.init) ?? "?"
            d.report(node, path(), "expected 1, 0 or ? for criterion \(k + 1), found '\(found)'")
            return nil
        }
        let k = bytes.count
        let expected = count ?? CriteriaSet.maximumCount
        if k != expected && (count != nil || k > expected) {
            d.report(node, path(), count == nil
                ? "expected at most \(expected) characters of 1, 0 or ?, found \(k)"
                : "expected \(expected) characters of 1, 0 or ? (\(setName)), found \(k)")
            return nil
        }
        return CriteriaMarks(metMask: met, notMetMask: notMet)
    }

    /// A whole number of one or two digits, for "N/M".
    private static func smallNumber(_ digits: ArraySlice<UInt8>) -> Int? {
        guard (1...2).contains(digits.count), digits.allSatisfy({ $0 &- 48 < 10 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    /// `complete` and `recognised` mean every criterion is met.
    private func checkCompleteness(_ d: inout Decoding, _ node: Int, _ index: Int, _ stage: Stage, _ marks: CriteriaMarks) {
        if marks.notMetMask != 0 {
            let first = marks.notMetMask.trailingZeroBitCount + 1
            d.report(node, "wards[\(index)][2]", "stage \(stage.token) means every criterion is met, but criterion \(first) is marked 0")
        } else if let n = marks.publishedCount, let count = criteria?.count, n < count {
            d.report(node, "wards[\(index)][2]", "stage \(stage.token) means every criterion is met, found \(n)/\(count)")
        }
    }

    static let detailKeys = ["year", "decision", "recognisedOn", "sources", "note"]

    struct Details {
        var valid = true
        var year: Int?
        var decision = ""
        var recognisedOn: Day?
        var sources: [String] = []
        var note = ""
    }

    /// `{year, decision, recognisedOn, sources, note}`, keys matched as bytes (this runs per row).
    private func decodeDetails(_ d: inout Decoding, _ node: Int, _ index: Int, _ stage: Stage?) -> Details {
        var details = Details()
        func path(_ key: String = "") -> String { "wards[\(index)][3]" + (key.isEmpty ? "" : "." + key) }
        guard d.document.kind(node) == .object else {
            d.report(node, path(), "expected an object of details (year, decision, recognisedOn, sources, note), found \(d.document.describe(node))")
            details.valid = false
            return details
        }
        let problemsBefore = d.problems.count
        var year: Int?, decision: Int?, recognisedOn: Int?, sources: Int?, note: Int?
        let document = d.document
        for keyNode in document.keys(of: node) {
            func take(_ slot: inout Int?, _ key: String, _ d: inout Decoding) {
                if let first = slot {
                    d.report(keyNode, path(key), "duplicate key `\(key)` (first on line \(document.line(first)))")
                } else {
                    slot = keyNode + 1
                }
            }
            if document.stringEquals(keyNode, "year") { take(&year, "year", &d) }
            else if document.stringEquals(keyNode, "sources") { take(&sources, "sources", &d) }
            else if document.stringEquals(keyNode, "note") { take(&note, "note", &d) }
            else if document.stringEquals(keyNode, "decision") { take(&decision, "decision", &d) }
            else if document.stringEquals(keyNode, "recognisedOn") { take(&recognisedOn, "recognisedOn", &d) }
            else {
                let key = document.string(keyNode)
                d.report(keyNode, path(key), Decoding.unknownKeyMessage(key, known: Self.detailKeys))
            }
        }
        if let yearNode = year, let value = d.integer(yearNode, path("year"), in: 1900...9999, what: "a year") {
            if let asOf, value > asOf.year {
                d.report(yearNode, path("year"), "expected a year no later than asOf (\(asOf.iso)), found \(value)")
            } else {
                details.year = value
            }
        }
        if let decisionNode = decision { details.decision = d.displayText(decisionNode, path("decision")) ?? "" }
        if let dayNode = recognisedOn {
            details.recognisedOn = d.day(dayNode, path("recognisedOn"))
            if let day = details.recognisedOn, let asOf, day > asOf {
                d.report(dayNode, path("recognisedOn"), "expected a day no later than asOf (\(asOf.iso)), found \(day.iso)")
            }
        }
        if let stage, stage != .recognised, decision != nil || recognisedOn != nil {
            for (key, valueNode) in [("decision", decision), ("recognisedOn", recognisedOn)] {
                if let valueNode {
                    d.report(valueNode - 1, path(key), "`\(key)` belongs to stage recognised, found stage \(stage.token)")
                }
            }
        }
        if let sourcesNode = sources, let ids = d.strings(sourcesNode, path("sources")) {
            details.sources = ids
            for (k, element) in d.document.elements(of: sourcesNode).enumerated() where !sourceIDs.contains(ids[k]) {
                d.report(element, path("sources[\(k)]"), "unknown source `\(ids[k])` (not declared in `sources`)")
            }
        }
        if let noteNode = note { details.note = d.displayText(noteNode, path("note")) ?? "" }
        details.valid = d.problems.count == problemsBefore
        return details
    }
}
