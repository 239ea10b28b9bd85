import FuzzSupport
import KieuMauCore

/// Snapshot files: the header as a directory listing reads it (in chunks, stopping at `wards`)
/// and the whole file checked against the real map and criteria set it names.
/// Properties: no trap, hang or leak; reading the header in chunks gives what reading it whole
/// gives; a snapshot that decodes has that header, unique wards of its map and sane marks.
func fuzzSnapshot(_ bytes: [UInt8]) {
    let file = "fuzz/2024-06-30.snapshot.json"
    let catalog = RealData.catalog

    let whole = catalog.decodeSnapshotHeader(bytes: bytes, file: file, firstChunk: bytes.count)
    let chunk = 1 + Int(inputHash(bytes) % 64)
    let chunked = catalog.decodeSnapshotHeader(bytes: bytes, file: file, firstChunk: chunk)
    switch (whole, chunked) {
    case (.success(let a), .success(let b)): require(a == b, "the header read in \(chunk)-byte chunks differs")
    case (.failure(let a), .failure(let b)): checkProblems(a.all, file: file); checkProblems(b.all, file: file)
    default: require(false, "the header read whole and in \(chunk)-byte chunks disagree: \(whole) vs \(chunked)")
    }

    let header = try? whole.get()
    let map = header.flatMap { RealData.maps[$0.mapID] }
    switch catalog.decodeSnapshot(bytes: bytes, file: file, map: map) {
    case .failure(let problems):
        checkProblems(problems.all, file: file)
        require(problems.all.count <= 101, "\(problems.all.count) problems listed, expected at most 100 and a count")
    case .success(let snapshot):
        require(snapshot.header == header, "the snapshot's header differs from the header read alone")
        let criteria = catalog.criteriaSets[snapshot.header.criteriaID]
        require(criteria != nil, "a snapshot decoded with an unknown criteria set")
        var seen = Set<String>()
        for ward in snapshot.wards {
            require(seen.insert(ward.wardCode).inserted, "ward \(ward.wardCode) twice")
            if let map { require(map.ward(ward.wardCode) != nil, "ward \(ward.wardCode) is not on map \(map.id)") }
            require(ward.marks.metMask & ward.marks.notMetMask == 0, "a criterion both met and not met")
            if let count = criteria?.count, let n = ward.marks.publishedCount { require((0...count).contains(n), "\(n)/\(count) met") }
            if let year = ward.pilotYear { require(year <= snapshot.header.asOf.year, "pilot year after asOf") }
        }
    }
}
