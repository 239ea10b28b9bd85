import KieuMauCore

/// Which map and criteria set a template is made on, when not given: those in force on its date.
public enum TemplateChoices {
    /// The map in force on `day`: of the maps effective on or before it (or with no effective
    /// date), the latest by effective date — from 1 July 2025 the 34-province map.
    public static func map(in catalog: Catalog, on day: Day, id: String? = nil) -> Result<(AdminMap, String), Problem> {
        if let id {
            guard catalog.mapFiles[id] != nil else {
                return .failure(Problem(file: catalog.directory, path: "--map", message: "unknown map \"\(id)\"; known: \(catalog.mapFiles.keys.sorted().joined(separator: ", "))"))
            }
            return load(catalog, id).map { ($0, "map \($0.id) (\($0.title)): as given") }
        }
        var inForce: [AdminMap] = []
        for id in catalog.mapFiles.keys.sorted() {
            guard case .success(let map) = catalog.loadMap(id: id), (map.effective ?? day) <= day else { continue }
            inForce.append(map)
        }
        guard let latest = inForce.max(by: { ($0.effective?.ordinal ?? Int.min, $0.id) < ($1.effective?.ordinal ?? Int.min, $1.id) }) else {
            return .failure(Problem(file: catalog.directory, path: "--as-of", message: "no map of \(catalog.directory) is in force on \(day.iso)"))
        }
        let since = latest.effective.map { "effective \($0.iso)" } ?? "no effective date"
        return .success((latest, "map \(latest.id) (\(latest.title), \(since)): the latest in force on \(day.iso)"))
    }

    /// The criteria set in force on `day`: that of the latest snapshot on or before it, of the
    /// published record when the data has one (as `kieumau import` scores a province's next report).
    public static func criteria(in catalog: Catalog, on day: Day, id: String? = nil) -> Result<(CriteriaSet, String), Problem> {
        let known = catalog.criteriaSets.values.sorted { $0.id < $1.id }.map { "\($0.id) (\($0.count) criteria)" }.joined(separator: ", ")
        if let id {
            guard let set = catalog.criteriaSets[id] else {
                return .failure(Problem(file: catalog.directory, path: "--criteria", message: "unknown criteria set \"\(id)\"; known: \(known)"))
            }
            return .success((set, "criteria set \(set.id) (\(set.count) criteria): as given"))
        }
        let series = catalog.series().contains("record") ? ["record"] : catalog.series()
        let latest = series.compactMap { catalog.snapshots(inSeries: $0).last { $0.header.asOf <= day } }
            .max { $0.header.asOf < $1.header.asOf }
        guard let latest, let set = catalog.criteriaSet(of: latest) else {
            return .failure(Problem(file: catalog.directory, path: "--criteria", message: "no snapshot on or before \(day.iso) tells which criteria set is in force; pass --criteria (known: \(known))"))
        }
        return .success((set, "criteria set \(set.id) (\(set.count) criteria): that of \(latest.file), the latest snapshot on or before \(day.iso)"))
    }

    private static func load(_ catalog: Catalog, _ id: String) -> Result<AdminMap, Problem> {
        switch catalog.loadMap(id: id) {
        case .success(let map): return .success(map)
        case .failure(let problems):
            return .failure(problems.all.first ?? Problem(file: catalog.directory, message: "map \(id) cannot be read"))
        }
    }
}
