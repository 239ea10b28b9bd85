import FuzzSupport
import KieuMauCore

/// Administrative map files. Properties: no trap, hang or leak; a map that decodes has unique
/// province and ward codes, each ward in a listed province and within its province's range,
/// and no province with more wards than units.
func fuzzMap(_ bytes: [UInt8]) {
    let file = "fuzz/vn-2025-01.map.json"
    switch RealData.catalog.decodeMap(bytes: bytes, file: file) {
    case .failure(let problems):
        checkProblems(problems.all, file: file)
    case .success(let map):
        require(map.id == "vn-2025-01", "id \(map.id) is not the file's stem")
        require(map.provinceIndex.count == map.provinces.count, "a province code twice")
        require(map.wardIndex.count == map.wards.count, "a ward code twice")
        require(map.wardRanges.count == map.provinces.count, "\(map.wardRanges.count) ranges for \(map.provinces.count) provinces")
        var covered = 0
        for (i, province) in map.provinces.enumerated() {
            let wards = map.wards(ofProvinceAt: i)
            require(wards.count <= province.units, "province \(province.code) has more wards than units")
            require(wards.allSatisfy { $0.provinceCode == province.code }, "a ward outside its province's range")
            covered += wards.count
        }
        require(covered == map.wards.count, "ranges cover \(covered) of \(map.wards.count) wards")
        for ward in map.wards {
            if let d = ward.districtCode { require(map.district(d)?.provinceCode == ward.provinceCode, "ward \(ward.code) in a district of another province") }
        }
    }
}
