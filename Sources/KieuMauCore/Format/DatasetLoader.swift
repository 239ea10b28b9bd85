/// Loads a snapshot with its map and criteria set, or explains why not.
public struct DatasetLoader {
    public let catalog: Catalog
    private var maps: [String: AdminMap] = [:]

    public init(catalog: Catalog) { self.catalog = catalog }

    public mutating func load(_ entry: SnapshotEntry) -> Result<Dataset, Problems> {
        let h = entry.header
        guard let criteria = catalog.criteriaSets[h.criteriaID] else {
            return .failure(Problems([Problem(file: entry.file, path: "criteria", message: "unknown criteria set '\(h.criteriaID)'")]))
        }
        let map: AdminMap
        switch self.map(h.mapID) {
        case .success(let m): map = m
        case .failure(let p): return .failure(p)
        }
        return catalog.loadSnapshot(entry, map: map).map { Dataset(snapshot: $0, map: map, criteria: criteria) }
    }

    /// A map by id, decoded once.
    public mutating func map(_ id: String) -> Result<AdminMap, Problems> {
        if let m = maps[id] { return .success(m) }
        let loaded = catalog.loadMap(id: id)
        if case .success(let m) = loaded { maps[id] = m }
        return loaded
    }
}
