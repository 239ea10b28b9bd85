import Foundation
import KieuMauCore
import KieuMauReviews

/// The ward → province tables of the maps shipped with the program, as `reviews init` loads them
/// into the database: the database must know a ward's province itself, or a client could claim a
/// Hà Nội ward is in Nghệ An.
struct MapRows: Sendable {
    var id: String
    /// `YYYY-MM-DD`, or `-infinity` for a map with no date (in force before any dated one).
    var effective: String
    var provinces: [Province]
    var wards: [(code: String, province: String)]

    /// Every map in the embedded data (`vn-2025-01`, `vn-2025-07`), decoded once per process.
    static func embedded() throws(ReviewStoreError) -> [MapRows] { try decodedOnce.get() }

    private static let decodedOnce = Result { () throws(ReviewStoreError) -> [MapRows] in try decode() }

    private static func decode() throws(ReviewStoreError) -> [MapRows] {
        guard let directory = EmbeddedData.directory() else {
            throw ReviewStoreError(.failed, path: "", "the embedded data (kieumau_KieuMauCore.resources) was not found beside the program, so the ward → province table cannot be loaded")
        }
        let catalog = Catalog.scan(directory: directory, today: Day.today(secondsSince1970: Int(Date().timeIntervalSince1970)))
        var maps: [MapRows] = []
        for id in catalog.mapFiles.keys.sorted() {
            switch catalog.loadMap(id: id) {
            case .success(let map):
                maps.append(MapRows(id: map.id, effective: map.effective?.iso ?? "-infinity", provinces: map.provinces,
                                    wards: map.wards.map { ($0.code, $0.provinceCode) }))
            case .failure(let problems):
                throw ReviewStoreError(.failed, path: "", "the embedded map \(id) cannot be read: \(problems.all.first?.description ?? "unknown problem")")
            }
        }
        guard !maps.isEmpty else { throw ReviewStoreError(.failed, path: "", "the embedded data holds no map") }
        return maps
    }
}

extension Province {
    /// "Nghệ An" for "Tỉnh Nghệ An", "Hà Nội" for "Thành phố Hà Nội": how a person says it.
    static func shortName(_ name: String) -> String {
        for prefix in ["Thành phố ", "Tỉnh "] where name.hasPrefix(prefix) { return String(name.dropFirst(prefix.count)) }
        return name
    }
}
