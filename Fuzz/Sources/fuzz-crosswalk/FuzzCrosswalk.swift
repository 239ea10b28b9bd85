import FuzzSupport
import KieuMauCore

/// Crosswalk files, checked against the real old map. Properties: no trap, hang or leak; a
/// crosswalk that decodes links known maps, each old ward has exactly one default target, and
/// it is split exactly when it has several targets.
func fuzzCrosswalk(_ bytes: [UInt8]) {
    let file = "fuzz/vn-2025-01-to-07.crosswalk.json"
    let catalog = RealData.catalog
    // Half of the inputs without the old map, so rows of made-up codes are checked further.
    let fromMap = inputHash(bytes) & 1 == 0 ? RealData.oldMap : nil
    switch catalog.decodeCrosswalk(bytes: bytes, file: file, fromMap: fromMap) {
    case .failure(let problems):
        checkProblems(problems.all, file: file)
    case .success(let crosswalk):
        require(catalog.mapFiles[crosswalk.fromMapID] != nil && catalog.mapFiles[crosswalk.toMapID] != nil, "an unknown map")
        for (old, indices) in crosswalk.linkIndex {
            let links = indices.map { crosswalk.wards[$0] }
            require(links.filter(\.isDefaultTarget).count == 1, "old ward \(old) without exactly one default")
            require(links.allSatisfy { $0.split == (links.count > 1) }, "old ward \(old) split wrongly")
            require(crosswalk.defaultTarget(of: old) != nil, "no default target for \(old)")
            if let fromMap { require(fromMap.ward(old) != nil, "old ward \(old) not on the old map") }
        }
    }
}
