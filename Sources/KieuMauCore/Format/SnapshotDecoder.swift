/// Decodes a `kieumau.snapshot` file (docs/FORMAT.md, "Snapshot"): its header alone when listing
/// a directory, or the whole file checked against its map and criteria set.
enum SnapshotDecoder {
    /// What a snapshot is checked against, besides its own content.
    struct Context: Sendable {
        /// Snapshots dated after it are refused (injected: decoding never reads the clock).
        var today: Day
        var criteriaSets: [String: CriteriaSet]
        /// Ids of the map files present (nil: not checked).
        var mapIDs: Set<String>?
        /// Ids of criteria sets and maps known to have errors in their files, to say so instead of
        /// "unknown" (maps only when they were read).
        var brokenIDs: Set<String> = []
    }

    static let requiredKeys = ["asOf", "series", "map", "criteria", "wards"]
    static let optionalKeys = ["title", "synthetic", "sources", "notes", "reported"]

    /// Keys of a version: version 2 adds the required `coverage`. In version 1 `coverage` is let
    /// through the key check so that it gets its own message (it needs version 2).
    static func keys(version: Int) -> (required: [String], optional: [String]) {
        version >= 2 ? (requiredKeys + ["coverage"], optionalKeys) : (requiredKeys, optionalKeys + ["coverage"])
    }

    /// The header: everything before `wards`. `document` may have been parsed only up to `wards`.
    /// Its reported figures are read too, checked against the map only when the whole file is read.
    static func decodeHeader(_ document: JSONDocument, file: String, context: Context) -> Result<SnapshotHeader, Problems> {
        var d = Decoding(document: document, file: file)
        let header = root(&d).flatMap { decodeHeader(&d, $0.fields, version: $0.version, context: context, map: nil)?.0 }
        return d.result(header)
    }

    /// The whole snapshot. `map` is the map it names (nil when that map could not be loaded: ward
    /// codes and provinces are then not checked).
    static func decode(_ document: JSONDocument, file: String, context: Context, map: AdminMap?) -> Result<Snapshot, Problems> {
        var d = Decoding(document: document, file: file)
        guard let (f, version) = root(&d) else { return d.result(nil as Snapshot?) }
        let checkMap = map.flatMap { m in FileLoading.topLevelString(document, "map") == m.id ? m : nil }
        let decodedHeader = decodeHeader(&d, f, version: version, context: context, map: checkMap)
        let header = decodedHeader?.0
        let criteria = decodedHeader?.1
        if let header, let map, header.mapID != map.id, let node = f["map"] {
            d.report(node, "map", "expected map `\(map.id)` (the map it is checked against), found `\(header.mapID)`")
        }
        let sourceIDs = Set((header?.sources ?? []).map(\.id))
        let rows = WardRows(criteria: criteria, map: map, sourceIDs: sourceIDs, asOf: header?.asOf)
        let wards = f["wards"].map { rows.decode(&d, $0) } ?? []
        return d.result(header.map { Snapshot(header: $0, wards: wards, reported: $0.reported) })
    }

    private static func root(_ d: inout Decoding) -> (fields: Decoding.Fields, version: Int)? {
        d.root(.snapshot, keys: keys(version:))
    }

    /// `map`: the map the rows are checked against, for the province codes of `coverage` and
    /// `reported` (nil when listing: they are checked when the file is read in full).
    private static func decodeHeader(_ d: inout Decoding, _ f: Decoding.Fields, version: Int, context: Context,
                                     map: AdminMap?) -> (SnapshotHeader, CriteriaSet?)? {
        let asOf = f["asOf"].flatMap { d.day($0, "asOf") }
        if let asOf, asOf > context.today, let node = f["asOf"] {
            d.report(node, "asOf", "expected a day no later than today (\(context.today.iso)), found \(asOf.iso)")
        }
        let series = f["series"].flatMap { d.identifier($0, "series", what: "a series name") }
        let synthetic = f["synthetic"].flatMap { d.bool($0, "synthetic") } ?? false
        let mapID = f["map"].flatMap { d.identifier($0, "map", what: "a map id") }
        if let mapID, let node = f["map"] {
            if context.brokenIDs.contains(mapID) {
                d.report(node, "map", "map `\(mapID)` has errors (see \(mapID)\(DataFileKind.map.suffix)); this snapshot cannot be read without it")
            } else if let known = context.mapIDs, !known.contains(mapID) {
                d.report(node, "map", "unknown map `\(mapID)` (no \(mapID)\(DataFileKind.map.suffix) in the data directory)")
            }
        }
        let criteriaID = f["criteria"].flatMap { d.identifier($0, "criteria", what: "a criteria set id") }
        var criteria: CriteriaSet?
        if let criteriaID, let node = f["criteria"] {
            criteria = context.criteriaSets[criteriaID]
            if criteria == nil {
                d.report(node, "criteria", context.brokenIDs.contains(criteriaID)
                    ? "criteria set `\(criteriaID)` has errors (see \(criteriaID)\(DataFileKind.criteria.suffix)); this snapshot cannot be read without it"
                    : "unknown criteria set `\(criteriaID)` (no \(criteriaID)\(DataFileKind.criteria.suffix) in the data directory)")
            }
        }
        let title = d.text(f, "title")
        let sources = d.sources(f)
        let notes = d.notes(f)
        var coverage = SnapshotCoverage.complete
        if let node = f["coverage"] {
            if version < 2 {
                d.report(node - 1, "coverage", "`coverage` belongs to version 2 of kieumau.snapshot; this file says version \(version) (see docs/FORMAT.md, \"Versions\")")
            } else if let decoded = CoverageDecoder.decode(&d, node, map: map) {
                coverage = decoded
            }
        }
        let sourceIDs = Set(sources.map(\.id))
        let reported = f["reported"].map {
            ReportedDecoder.decode(&d, $0, criteria: criteria, map: map, sourceIDs: sourceIDs, version: version, asOf: asOf)
        } ?? []
        guard let asOf, let series, let mapID, let criteriaID else { return nil }
        return (SnapshotHeader(asOf: asOf, title: title, series: series, synthetic: synthetic, mapID: mapID,
                               criteriaID: criteriaID, sources: sources, notes: notes, coverage: coverage,
                               reported: reported), criteria)
    }
}
