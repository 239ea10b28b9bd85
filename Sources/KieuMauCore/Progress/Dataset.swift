/// A snapshot together with the map and criteria set it names: all the math needs, no I/O.
public struct Dataset: Sendable {
    public let snapshot: Snapshot
    public let map: AdminMap
    public let criteria: CriteriaSet
    /// For each ward of the map (by index in `map.wards`), the index of its row in `snapshot.wards`, or -1.
    public let rowOfWard: [Int32]
    /// Rows whose ward code is not on the map (kept out of the math; the loader reports them).
    public let unmatchedRows: [Int]

    public init(snapshot: Snapshot, map: AdminMap, criteria: CriteriaSet) {
        self.snapshot = snapshot; self.map = map; self.criteria = criteria
        var rows = [Int32](repeating: -1, count: map.wards.count)
        var unmatched: [Int] = []
        // Rows usually follow the map's order: the ward after the previous row's is tried before hashing.
        var next = 0
        for (i, row) in snapshot.wards.enumerated() {
            if next < map.wards.count, map.wards[next].code == row.wardCode {
                rows[next] = Int32(i); next += 1
            } else if let w = map.wardIndex[row.wardCode] {
                rows[w] = Int32(i); next = w + 1
            } else {
                unmatched.append(i)
            }
        }
        rowOfWard = rows; unmatchedRows = unmatched
    }

    public var header: SnapshotHeader { snapshot.header }

    /// The row of the ward at `index` in `map.wards`, if the snapshot has one.
    public func row(ofWardAt index: Int) -> WardPolice? {
        let r = rowOfWard[index]
        return r < 0 ? nil : snapshot.wards[Int(r)]
    }
}
