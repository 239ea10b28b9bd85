/// Decodes a snapshot's `coverage` (version 2): `{"default": "named", "provinces": {"40": "complete"}}`.
enum CoverageDecoder {
    static func decode(_ d: inout Decoding, _ node: Int, map: AdminMap?) -> SnapshotCoverage? {
        guard let f = d.object(node, "coverage", required: ["default"], optional: ["provinces"]) else { return nil }
        let problemsBefore = d.problems.count
        let defaultCoverage = f["default"].flatMap { value(&d, $0, "coverage.default") }
        var provinces: [String: Coverage] = [:]
        if let provincesNode = f["provinces"] {
            if d.document.kind(provincesNode) != .object {
                d.report(provincesNode, "coverage.provinces", "expected an object of province code → \"complete\" or \"named\", found \(d.document.describe(provincesNode))")
            } else {
                for keyNode in d.document.keys(of: provincesNode) {
                    let code = d.document.string(keyNode)
                    let path = "coverage.provinces." + code
                    if let map, map.province(code) == nil {
                        d.report(keyNode, path, "expected a province code of map \(map.id), found \"\(code)\"")
                        continue
                    }
                    if let coverage = value(&d, keyNode + 1, path) { provinces[code] = coverage }
                }
            }
        }
        guard let defaultCoverage, d.problems.count == problemsBefore else { return nil }
        return SnapshotCoverage(default: defaultCoverage, provinces: provinces)
    }

    private static func value(_ d: inout Decoding, _ node: Int, _ path: String) -> Coverage? {
        guard let text = d.string(node, path) else { return nil }
        guard let coverage = Coverage(rawValue: text) else {
            d.report(node, path, "expected \"complete\" (every ward of the scope is listed) or \"named\" (only the wards named in sources), found \"\(text)\"")
            return nil
        }
        return coverage
    }
}
