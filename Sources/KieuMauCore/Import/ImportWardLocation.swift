/// Finding the ward a row speaks of: its province, district, then the ward by code or by name.
extension ImportRowReader {
    /// The row's ward, or nil with the reason among the row's problems.
    mutating func locateWard(_ cells: inout ImportRowCells) -> Ward? {
        let marksAreWritten = cells.row.cells.contains { !$0.utf8.allSatisfy { $0 < 0x80 } }
        var province = defaultProvince
        if let (text, column) = cells.cell(.province) {
            switch matcher.province(text) {
            case .found(let p): province = p
            case .unknown(let nearest):
                province = nil
                cells.error(column, "unknown province \"\(text)\" on map \(matcher.map.id)" + Self.suggestion(nearest.map { "\($0.name) (\($0.code))" }))
            case .ambiguous(let all):
                province = nil
                cells.error(column, "\"\(text)\" names several provinces: " + ImportPlace.list(all.map { "\($0.name) (\($0.code))" }))
            }
        }
        var district: District?
        if let (text, column) = cells.cell(.district), matcher.map.hasDistricts, let province {
            switch matcher.district(text, in: province) {
            case .found(let d): district = d
            case .unknown(let nearest):
                cells.error(column, "unknown district \"\(text)\" in \(province.name)" + Self.suggestion(nearest.map(\.name)))
            case .ambiguous(let all):
                cells.error(column, "\"\(text)\" names several districts of \(province.name): " + ImportPlace.list(all.map { "\($0.name) (\($0.code))" }))
            }
        }
        var ward: Ward?
        if let (text, column) = cells.cell(.wardCode) {
            if let w = matcher.ward(code: text) {
                ward = w
                if let p = province, p.code != w.provinceCode, let at = header.column(.province) {
                    cells.error(at, "ward \(w.code) (\(w.name)) is in \(provinceName(w.provinceCode)), not in \(p.name)")
                }
                if let d = district, d.code != w.districtCode, let at = header.column(.district) {
                    cells.error(at, "ward \(w.code) (\(w.name)) is in \(matcher.map.district(w.districtCode)?.name ?? "no district"), not in \(d.name)")
                }
                if let (name, at) = cells.cell(.wardName), name != w.name, WardMatcher.wardKey(name) != matcher.nameKey(of: w) {
                    cells.warning(at, "ward code \(w.code) is \(w.name) on map \(matcher.map.id), but the name says \"\(name)\"; the code is used")
                }
            } else {
                var message = "unknown ward code \"\(text)\" (not a ward of map \(matcher.map.id))"
                if let (name, _) = cells.cell(.wardName), let p = province,
                   case .found(let w) = matcher.ward(named: name, in: p, district: district, marksAreWritten: marksAreWritten) {
                    message += "; the name \"\(name)\" is ward \(w.code)"
                }
                cells.error(column, message)
            }
        } else if let (text, column) = cells.cell(.wardName) {
            if let province {
                let within = district.map { " (\($0.name), \(province.name))" } ?? " in \(province.name)"
                switch matcher.ward(named: text, in: province, district: district, marksAreWritten: marksAreWritten) {
                case .found(let w): ward = w
                case .unknown(let nearest):
                    cells.error(column, "no ward named \"\(text)\"\(within) on map \(matcher.map.id)" + Self.suggestion(nearest.map(describe)))
                case .ambiguous(let all):
                    cells.error(column, "\"\(text)\" names \(all.count) wards\(within): \(ImportPlace.list(all.map(describe))); add a district column or the ward code")
                }
            } else if !cells.failed {
                if let at = header.column(.province) {
                    cells.error(at, "expected a province (name or code) to find ward \"\(text)\" in")
                } else {
                    cells.error(column, "expected a province column or --province to find ward \"\(text)\" in")
                }
            }
        } else {
            cells.rowError("expected a ward code or a ward name")
        }
        return ward
    }

    static func suggestion(_ names: [String]) -> String {
        names.isEmpty ? "" : "; did you mean " + ImportPlace.list(names) + "?"
    }

    func describe(_ ward: Ward) -> String {
        let district = matcher.map.district(ward.districtCode).map { ", \($0.name)" } ?? ""
        return "\(ward.name) (\(ward.code)\(district))"
    }

    func provinceName(_ code: String) -> String {
        matcher.map.province(code).map { "\($0.name) (\($0.code))" } ?? code
    }
}
