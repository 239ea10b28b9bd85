import FuzzSupport
import KieuMauCore

/// Criteria set files. Properties: no trap, hang or leak; a set that decodes has the id of its
/// file name, `count` criteria numbered 1…count, and groups that exist.
func fuzzCriteria(_ bytes: [UInt8]) {
    let file = "fuzz/bca-2024-20.criteria.json"
    switch RealData.catalog.decodeCriteriaSet(bytes: bytes, file: file) {
    case .failure(let problems):
        checkProblems(problems.all, file: file)
    case .success(let set):
        require(set.id == "bca-2024-20", "id \(set.id) is not the file's stem")
        require((1...CriteriaSet.maximumCount).contains(set.count), "count \(set.count)")
        require(set.criteria.map(\.number) == Array(1...set.count), "criteria not numbered 1…\(set.count)")
        let groups = Set(set.groups.map(\.number))
        require(groups.count == set.groups.count, "a group number twice")
        for c in set.criteria { if let g = c.group { require(groups.contains(g), "criterion \(c.number) in unknown group \(g)") } }
    }
}
