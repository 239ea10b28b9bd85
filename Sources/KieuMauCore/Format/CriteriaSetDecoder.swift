/// Decodes a `kieumau.criteria` file (docs/FORMAT.md, "Criteria set").
enum CriteriaSetDecoder {
    static func decode(_ document: JSONDocument, file: String, stem: String) -> Result<CriteriaSet, Problems> {
        var d = Decoding(document: document, file: file)
        let set = decode(&d, stem: stem)
        return d.result(set)
    }

    private static func decode(_ d: inout Decoding, stem: String) -> CriteriaSet? {
        guard let f = d.root(.criteria, required: ["id", "count"],
                             optional: ["title", "decision", "issued", "groups", "criteria", "sources", "notes"]) else { return nil }
        let id = d.id(f, stem: stem, kind: .criteria)
        let count = f["count"].flatMap { d.integer($0, "count", in: 1...CriteriaSet.maximumCount) }
        let issued = f["issued"].flatMap { d.optionalDay($0, "issued") } ?? nil
        let groups = decodeGroups(&d, f["groups"])
        let listed = decodeCriteria(&d, f["criteria"], count: count, groups: groups)
        let set = CriteriaSet(id: id ?? stem, title: d.text(f, "title"), decision: d.text(f, "decision"), issued: issued,
                              groups: groups,
                              criteria: (1...max(1, count ?? 1)).map { listed[$0] ?? Criterion(number: $0) },
                              sources: d.sources(f), notes: d.notes(f))
        return id != nil && count != nil ? set : nil
    }

    private static func decodeGroups(_ d: inout Decoding, _ node: Int?) -> [CriterionGroup] {
        guard let node, d.isArray(node, "groups", of: "group objects") else { return [] }
        var groups: [CriterionGroup] = []
        // Looked up by number, not searched: a file of 100,000 groups must not take quadratic time.
        var firstIndex: [Int: Int] = [:]
        for (index, element) in d.document.elements(of: node).enumerated() {
            let path = "groups[\(index)]"
            guard let g = d.object(element, path, required: ["number"], optional: ["vi", "en"]),
                  let numberNode = g["number"], let number = d.integer(numberNode, path + ".number", in: 1...Int.max) else { continue }
            if let first = firstIndex[number] {
                d.report(numberNode, path + ".number", "duplicate group number \(number) (first at groups[\(first)])"); continue
            }
            firstIndex[number] = index
            groups.append(CriterionGroup(number: number, nameVi: d.text(g, "vi", in: path), nameEn: d.text(g, "en", in: path)))
        }
        return groups
    }

    /// The listed criteria by number.
    private static func decodeCriteria(_ d: inout Decoding, _ node: Int?, count: Int?, groups: [CriterionGroup]) -> [Int: Criterion] {
        guard let node, d.isArray(node, "criteria", of: "criterion objects") else { return [:] }
        var listed: [Int: Criterion] = [:]
        var indexOf: [Int: Int] = [:]
        for (index, element) in d.document.elements(of: node).enumerated() {
            let path = "criteria[\(index)]"
            guard let c = d.object(element, path, required: ["number"], optional: ["group", "vi", "en", "subject"]),
                  let numberNode = c["number"] else { continue }
            let range = 1...(count ?? CriteriaSet.maximumCount)
            guard let number = d.integer(numberNode, path + ".number", in: range, what: "a criterion number") else { continue }
            if let first = indexOf[number] {
                d.report(numberNode, path + ".number", "duplicate criterion number \(number) (first at criteria[\(first)])"); continue
            }
            indexOf[number] = index
            var group: Int?
            if let groupNode = c["group"], d.document.kind(groupNode) != .null {
                group = d.integer(groupNode, path + ".group", in: 1...Int.max, what: "a group number or null")
                if let g = group, !groups.contains(where: { $0.number == g }) {
                    d.report(groupNode, path + ".group", "unknown group \(g) (not in `groups`)")
                }
            }
            listed[number] = Criterion(number: number, group: group, nameVi: d.text(c, "vi", in: path),
                                       nameEn: d.text(c, "en", in: path), subject: d.text(c, "subject", in: path))
        }
        return listed
    }
}
