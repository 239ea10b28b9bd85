/// The state of the programme as of one day, as one file records it.
public struct Snapshot: Sendable {
    public var header: SnapshotHeader
    /// One row per ward police unit the snapshot says something about; wards of the map that are
    /// absent are not registered.
    public var wards: [WardPolice]
    /// Aggregates as reported by a source, kept apart from what the ward rows add up to. They are
    /// part of the header (read without the rows), so a series' reported figures are known from
    /// its listing.
    public var reported: [ReportedFigures] {
        get { header.reported }
        set { header.reported = newValue }
    }

    public init(header: SnapshotHeader, wards: [WardPolice], reported: [ReportedFigures]) {
        self.header = header; self.wards = wards
        self.header.reported = reported
    }

    /// The coverage of the rows for a province (by code).
    public func coverage(ofProvince code: String) -> Coverage { header.coverage.of(province: code) }

    public func source(_ id: String) -> Source? { header.source(id) }
}

/// The part of a snapshot that can be read without its ward rows (listing, stepping).
public struct SnapshotHeader: Hashable, Sendable {
    public var asOf: Day
    public var title: String
    /// The series it belongs to: "record" for the published record, "demo" for the synthetic series,
    /// or a user's own name. Snapshots of one series form one timeline.
    public var series: String
    /// True for synthetic (demo) data; every screen and report showing it says so.
    public var synthetic: Bool
    /// Id of the administrative map in force.
    public var mapID: String
    /// Id of the criteria set in force.
    public var criteriaID: String
    public var sources: [Source]
    public var notes: [String]
    /// Whether the rows are a complete count or only the wards named in sources, per province
    /// (format version 2; a version-1 file is complete everywhere).
    public var coverage: SnapshotCoverage
    /// Aggregates as reported by a source (`reported`, before the rows in the file).
    public var reported: [ReportedFigures]

    public init(asOf: Day, title: String, series: String, synthetic: Bool, mapID: String, criteriaID: String,
                sources: [Source] = [], notes: [String] = [], coverage: SnapshotCoverage = .complete,
                reported: [ReportedFigures] = []) {
        self.asOf = asOf; self.title = title; self.series = series; self.synthetic = synthetic
        self.mapID = mapID; self.criteriaID = criteriaID; self.sources = sources; self.notes = notes
        self.coverage = coverage; self.reported = reported
    }

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
}

/// Whose figures: the whole country or one province (by code).
public enum Scope: Hashable, Sendable {
    case national
    case province(String)

    public var token: String {
        switch self {
        case .national: return "national"
        case .province(let c): return c
        }
    }
}

/// One source's report of aggregates for a scope ("as reported"), e.g. seed-00's
/// "of 172 registered, 144 at 22/22, 25 at 21/22, 3 at 20/22".
public struct ReportedFigures: Hashable, Sendable {
    public var scope: Scope
    public var sourceID: String
    public var registered: Int?
    public var quota: Int?
    /// Units meeting every criterion.
    public var complete: Int?
    public var recognised: Int?
    /// Wards by number of criteria met, highest first: [(22, 144), (21, 25), (20, 3)].
    public var byCriteriaMet: [CriteriaMetCount]
    /// How the source qualified it, e.g. "expected" or "conflicts with seed-00".
    public var note: String
    /// The year of the round ("đợt") the figures are of, when the source counts one year's round
    /// only ("registered for 2024"): such a figure is not a count of the whole scope, so it never
    /// carries a share or a band. Nil: the figures are of the scope as a whole.
    public var round: Int?

    public init(scope: Scope, sourceID: String, registered: Int? = nil, quota: Int? = nil, complete: Int? = nil,
                recognised: Int? = nil, byCriteriaMet: [CriteriaMetCount] = [], note: String = "", round: Int? = nil) {
        self.scope = scope; self.sourceID = sourceID; self.registered = registered; self.quota = quota
        self.complete = complete; self.recognised = recognised; self.byCriteriaMet = byCriteriaMet; self.note = note
        self.round = round
    }
}

/// "N wards met M criteria".
public struct CriteriaMetCount: Hashable, Sendable {
    public var met: Int
    public var wards: Int
    public init(met: Int, wards: Int) { self.met = met; self.wards = wards }
}
