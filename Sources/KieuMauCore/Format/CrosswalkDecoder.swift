/// Decodes a `kieumau.crosswalk` file (docs/FORMAT.md, "Crosswalk").
enum CrosswalkDecoder {
    static let requiredKeys = ["id", "from", "to", "wards"]
    static let optionalKeys = ["title", "provinces", "sources", "notes"]

    /// `maps`: ids of the known maps (nil: not checked). `fromMap`: when given, old ward and province
    /// codes must be in it.
    static func decode(_ document: JSONDocument, file: String, stem: String, maps: Set<String>?,
                       fromMap: AdminMap? = nil) -> Result<Crosswalk, Problems> {
        var d = Decoding(document: document, file: file)
        let crosswalk = decode(&d, stem: stem, maps: maps, fromMap: fromMap)
        return d.result(crosswalk)
    }

    /// The ids of a crosswalk, read from its header (before `wards`) when listing a directory.
    struct Header: Sendable { var id: String; var from: String; var to: String }

    static func decodeHeader(_ document: JSONDocument, file: String, stem: String, maps: Set<String>?) -> Result<Header, Problems> {
        var d = Decoding(document: document, file: file)
        let header = d.root(.crosswalk, required: requiredKeys, optional: optionalKeys)
            .flatMap { ids(&d, $0, stem: stem, maps: maps) }
            .map { Header(id: $0.0, from: $0.1, to: $0.2) }
        return d.result(header)
    }

    private static func ids(_ d: inout Decoding, _ f: Decoding.Fields, stem: String, maps: Set<String>?) -> (String, String, String)? {
        let id = d.id(f, stem: stem, kind: .crosswalk)
        var ends: [String] = []
        for key in ["from", "to"] {
            guard let node = f[key], let mapID = d.identifier(node, key, what: "a map id") else { continue }
            if let maps, !maps.contains(mapID) {
                d.report(node, key, "unknown map `\(mapID)` (no \(mapID).map.json in the data directory)")
            }
            ends.append(mapID)
        }
        guard let id, ends.count == 2 else { return nil }
        return (id, ends[0], ends[1])
    }

    private static func decode(_ d: inout Decoding, stem: String, maps: Set<String>?, fromMap: AdminMap?) -> Crosswalk? {
        guard let f = d.root(.crosswalk, required: requiredKeys, optional: optionalKeys) else { return nil }
        let ids = ids(&d, f, stem: stem, maps: maps)
        let provinces = decodeProvinces(&d, f["provinces"], fromMap: fromMap)
        let wards = decodeWards(&d, f["wards"], fromMap: fromMap)
        guard let (id, from, to) = ids else { return nil }
        return Crosswalk(id: id, fromMapID: from, toMapID: to, title: d.text(f, "title"), provinces: provinces,
                         wards: wards, sources: d.sources(f), notes: d.notes(f))
    }

    private static func decodeProvinces(_ d: inout Decoding, _ node: Int?, fromMap: AdminMap?) -> [ProvinceLink] {
        guard let node, d.isArray(node, "provinces", of: "[oldCode, newCode] rows") else { return [] }
        var links: [ProvinceLink] = []
        var firstIndex: [String: Int] = [:]
        for (index, element) in d.document.elements(of: node).enumerated() {
            let path = "provinces[\(index)]"
            guard let row = d.row(element, path, counts: 2...2, shape: "a row [oldCode, newCode]"),
                  let old = d.identifier(row[0], path + "[0]", what: "a province code"),
                  let new = d.identifier(row[1], path + "[1]", what: "a province code") else { continue }
            if let first = firstIndex[old] {
                d.report(row[0], path + "[0]", "duplicate old province `\(old)` (first at provinces[\(first)]; an old province goes into one new one)")
                continue
            }
            if let fromMap, fromMap.province(old) == nil {
                d.report(row[0], path + "[0]", "unknown province `\(old)` (not in map \(fromMap.id))"); continue
            }
            firstIndex[old] = index
            links.append(ProvinceLink(oldCode: old, newCode: new))
        }
        return links
    }

    private static func decodeWards(_ d: inout Decoding, _ node: Int?, fromMap: AdminMap?) -> [WardLink] {
        guard let node, d.isArray(node, "wards", of: "[oldCode, newCode, split, isDefaultTarget] rows") else { return [] }
        var links: [WardLink] = []
        var rowOf: [Int] = []           // index in the file of each link
        var nodeOf: [Int] = []          // row node of each link
        var byOld: [String: [Int]] = [:]
        // The link of each old → new pair, looked up rather than searched among the old ward's
        // targets: a file linking one old ward to 100,000 new ones must not take quadratic time.
        struct Pair: Hashable { var old: String; var new: String }
        var linkOfPair: [Pair: Int] = [:]
        for (index, element) in d.document.elements(of: node).enumerated() {
            let path = "wards[\(index)]"
            guard let row = d.row(element, path, counts: 4...4, shape: "a row [oldCode, newCode, split, isDefaultTarget]") else { continue }
            let old = d.identifier(row[0], path + "[0]", what: "a ward code")
            let new = d.identifier(row[1], path + "[1]", what: "a ward or commune code")
            let split = d.integer(row[2], path + "[2]", in: 0...1, what: "split as")
            let isDefault = d.integer(row[3], path + "[3]", in: 0...1, what: "isDefaultTarget as")
            guard let old, let new, let split, let isDefault else { continue }
            if let fromMap, fromMap.ward(old) == nil {
                d.report(row[0], path + "[0]", "unknown ward `\(old)` (not in map \(fromMap.id))"); continue
            }
            let pair = Pair(old: old, new: new)
            if let same = linkOfPair[pair] {
                d.report(row[1], path + "[1]", "duplicate link \(old) → \(new) (first at wards[\(rowOf[same])])"); continue
            }
            linkOfPair[pair] = links.count
            byOld[old, default: []].append(links.count)
            links.append(WardLink(oldCode: old, newCode: new, split: split == 1, isDefaultTarget: isDefault == 1))
            rowOf.append(index)
            nodeOf.append(element)
        }
        // Each old ward: exactly one default target; split exactly when it has several targets.
        for (old, indices) in byOld.sorted(by: { $0.value[0] < $1.value[0] }) {
            let defaults = indices.filter { links[$0].isDefaultTarget }
            if defaults.isEmpty {
                let i = indices[0]
                d.report(nodeOf[i] + 4, "wards[\(rowOf[i])][3]", "old ward \(old) has no default target (expected exactly one row with isDefaultTarget 1)")
            } else if defaults.count > 1 {
                let i = defaults[1]
                d.report(nodeOf[i] + 4, "wards[\(rowOf[i])][3]", "old ward \(old) has \(defaults.count) default targets (expected exactly one; first at wards[\(rowOf[defaults[0]])])")
            }
            let isSplit = indices.count > 1
            for i in indices where links[i].split != isSplit {
                d.report(nodeOf[i] + 3, "wards[\(rowOf[i])][2]", isSplit
                    ? "old ward \(old) has \(indices.count) targets, so split must be 1, found 0"
                    : "old ward \(old) has only this target, so split must be 0, found 1")
                break
            }
        }
        return links
    }
}
