/// Decodes a `kieumau.map` file (docs/FORMAT.md, "Administrative map").
enum AdminMapDecoder {
    static func decode(_ document: JSONDocument, file: String, stem: String) -> Result<AdminMap, Problems> {
        var d = Decoding(document: document, file: file)
        let map = decode(&d, stem: stem)
        return d.result(map)
    }

    /// A map's id, title, date in force, sources and notes from a header that ends at its
    /// provinces (`FileLoading.header(orAt: "provinces")`); the provinces are `provinces`, as a
    /// digest of a snapshot on this very map file counted them (the digest cache checks that).
    static func decodeHead(_ document: JSONDocument, file: String, stem: String, provinces: [Province]) -> Result<AdminMap, Problems> {
        var d = Decoding(document: document, file: file)
        var head: AdminMap?
        // Keys after the provinces are not read: a file that puts its id there is taken as the
        // map the catalog lists under its name (a digest counted on it exists, so it was read whole then).
        if let f = d.root(.map, required: [], optional: ["id", "title", "effective", "sources", "notes", "provinces", "districts", "wards"]),
           let id = f["id"] == nil ? stem : d.id(f, stem: stem, kind: .map) {
            let effective = f["effective"].flatMap { d.optionalDay($0, "effective") } ?? nil
            head = AdminMap(id: id, title: d.text(f, "title"), effective: effective, hasDistricts: false,
                            provinces: provinces, districts: [], wards: [], sources: d.sources(f), notes: d.notes(f))
        }
        return d.result(head)
    }

    private static func decode(_ d: inout Decoding, stem: String) -> AdminMap? {
        guard let f = d.root(.map, required: ["id", "provinces", "wards"],
                             optional: ["title", "effective", "sources", "notes", "districts"]) else { return nil }
        let id = d.id(f, stem: stem, kind: .map)
        let effective = f["effective"].flatMap { d.optionalDay($0, "effective") } ?? nil
        let (provinces, provinceNodes) = decodeProvinces(&d, f["provinces"])
        var provinceIndex: [String: Int] = [:]
        for (i, p) in provinces.enumerated() { provinceIndex[p.code] = i }
        let districts = decodeDistricts(&d, f["districts"], provinceIndex: provinceIndex)
        let (wards, wardRows) = decodeWards(&d, f["wards"], provinceIndex: provinceIndex, districts: districts)

        let map = AdminMap(id: id ?? stem, title: d.text(f, "title"), effective: effective, hasDistricts: !districts.isEmpty,
                           provinces: provinces, districts: districts, wards: wards,
                           sources: d.sources(f), notes: d.notes(f))
        if map.wardIndex.count != wards.count { reportDuplicateWards(&d, wards, wardRows) }
        for (i, range) in map.wardRanges.enumerated() where range.count > provinces[i].units {
            let p = provinces[i]
            d.report(provinceNodes[i], "provinces[\(i)][2]",
                     "province \(p.code) has \(p.units) \(p.units == 1 ? "unit" : "units") but the map lists \(range.count) of its wards (expected at most \(p.units))")
        }
        return id == nil ? nil : map
    }

    /// Valid province rows and the node of each one's `units` (for later messages).
    private static func decodeProvinces(_ d: inout Decoding, _ node: Int?) -> ([Province], [Int]) {
        guard let node, d.isArray(node, "provinces", of: "[code, name, units] rows") else { return ([], []) }
        var provinces: [Province] = []
        var unitNodes: [Int] = []
        var firstIndex: [String: Int] = [:]
        for (index, element) in d.document.elements(of: node).enumerated() {
            let path = "provinces[\(index)]"
            guard let row = d.row(element, path, counts: 3...3, shape: "a row [code, name, units]") else { continue }
            let code = d.identifier(row[0], path + "[0]", what: "a province code")
            let name = d.displayText(row[1], path + "[1]")
            let units = d.integer(row[2], path + "[2]", in: 0...Int.max, what: "a number of units")
            guard let code, let name, let units else { continue }
            if let first = firstIndex[code] {
                d.report(row[0], path + "[0]", "duplicate province code `\(code)` (first at provinces[\(first)])"); continue
            }
            firstIndex[code] = index
            provinces.append(Province(code: code, name: name, units: units))
            unitNodes.append(row[2])
        }
        return (provinces, unitNodes)
    }

    private static func decodeDistricts(_ d: inout Decoding, _ node: Int?, provinceIndex: [String: Int]) -> [District] {
        guard let node, d.isArray(node, "districts", of: "[code, name, provinceCode] rows") else { return [] }
        var districts: [District] = []
        var firstIndex: [String: Int] = [:]
        for (index, element) in d.document.elements(of: node).enumerated() {
            let path = "districts[\(index)]"
            guard let row = d.row(element, path, counts: 3...3, shape: "a row [code, name, provinceCode]") else { continue }
            let code = d.identifier(row[0], path + "[0]", what: "a district code")
            let name = d.displayText(row[1], path + "[1]")
            let province = d.identifier(row[2], path + "[2]", what: "a province code")
            guard let code, let name, let province else { continue }
            if let first = firstIndex[code] {
                d.report(row[0], path + "[0]", "duplicate district code `\(code)` (first at districts[\(first)])"); continue
            }
            guard provinceIndex[province] != nil else {
                d.report(row[2], path + "[2]", "unknown province `\(province)` (not in `provinces`)"); continue
            }
            firstIndex[code] = index
            districts.append(District(code: code, name: name, provinceCode: province))
        }
        return districts
    }

    /// Valid ward rows, with each one's row node and index (for duplicate messages).
    private static func decodeWards(_ d: inout Decoding, _ node: Int?, provinceIndex: [String: Int],
                                    districts: [District]) -> ([Ward], [(node: Int, index: Int)]) {
        guard let node, d.isArray(node, "wards", of: "[code, name, provinceCode(, districtCode)] rows") else { return ([], []) }
        var districtProvince: [String: String] = [:]
        for district in districts { districtProvince[district.code] = district.provinceCode }
        var wards: [Ward] = []
        var rows: [(node: Int, index: Int)] = []
        wards.reserveCapacity(d.document.count(node))
        rows.reserveCapacity(d.document.count(node))
        // Rows come grouped by province and district: the last province and district that passed
        // their checks are remembered (with their bytes), so a repeat is neither decoded nor looked up again.
        var lastProvince = ""
        var lastProvinceBytes: ArraySlice<UInt8> = []
        var lastDistrict: (code: String, bytes: ArraySlice<UInt8>, province: String)?
        for (index, element) in d.document.elements(of: node).enumerated() {
            guard let row = d.row(element, "wards[\(index)]", counts: 3...4,
                                  shape: "a row [code, name, provinceCode] or [code, name, provinceCode, districtCode]") else { continue }
            let code = d.identifier(row[0], "wards[\(index)][0]", what: "a ward code")
            let name = d.displayText(row[1], "wards[\(index)][1]")
            let province: String?
            if !lastProvinceBytes.isEmpty, let raw = d.document.rawBytes(row[2]), raw.elementsEqual(lastProvinceBytes) {
                province = lastProvince
            } else {
                province = d.identifier(row[2], "wards[\(index)][2]", what: "a province code")
            }
            var district: String?
            var districtBytes: ArraySlice<UInt8>?
            if let districtNode = row.optional(3) {
                districtBytes = d.document.rawBytes(districtNode)
                if let last = lastDistrict, let raw = districtBytes, raw.elementsEqual(last.bytes) {
                    district = last.code
                } else {
                    district = d.identifier(districtNode, "wards[\(index)][3]", what: "a district code")
                }
                guard district != nil else { continue }
            }
            guard let code, let name, let province else { continue }
            if province != lastProvince {
                guard provinceIndex[province] != nil else {
                    d.report(row[2], "wards[\(index)][2]", "unknown province `\(province)` (not in `provinces`)"); continue
                }
                lastProvince = province
                lastProvinceBytes = d.document.rawBytes(row[2]) ?? []
            }
            if let district, !(district == lastDistrict?.code && province == lastDistrict?.province) {
                guard let owner = districtProvince[district] else {
                    d.report(row[3], "wards[\(index)][3]", "unknown district `\(district)` (not in `districts`)"); continue
                }
                guard owner == province else {
                    d.report(row[3], "wards[\(index)][3]", "district `\(district)` is in province \(owner), not in \(province)"); continue
                }
                lastDistrict = districtBytes.map { (district, $0, province) }
            }
            wards.append(Ward(code: code, name: name, provinceCode: province, districtCode: district))
            rows.append((element, index))
        }
        return (wards, rows)
    }

    /// Only reached when the map's index came out smaller than its wards: finds which codes repeat.
    private static func reportDuplicateWards(_ d: inout Decoding, _ wards: [Ward], _ rows: [(node: Int, index: Int)]) {
        var firstRow: [String: Int] = [:]
        for (ward, row) in zip(wards, rows) {
            if let first = firstRow[ward.code] {
                d.report(row.node + 1, "wards[\(row.index)][0]", "duplicate ward code `\(ward.code)` (first at wards[\(first)])")
            } else {
                firstRow[ward.code] = row.index
            }
        }
    }
}
