import KieuMauCore
import KieuMauReviews

public enum ProvinceSort: Int, Hashable, Sendable, CaseIterable { case name, share, gap, registered }
public enum WardSort: Int, Hashable, Sendable, CaseIterable { case name, criteriaMet, stage }
public enum BandFilter: Int, Hashable, Sendable, CaseIterable { case all, below, within, above }
public enum StageFilter: Int, Hashable, Sendable, CaseIterable { case all, notRegistered, inProgress, model }

extension CaseIterable where Self: Equatable, AllCases.Index == Int {
    /// The next case, wrapping around.
    public var next: Self {
        let all = Self.allCases
        let i = all.firstIndex(of: self) ?? 0
        return all[(i + 1) % all.count]
    }
}

/// Which pane the user is in: the drill-down national → province → ward, and the two
/// question views: what holds wards back (criteria) and what changed (compare).
public enum Level: Hashable, Sendable { case provinces, wards, detail, criteria, compare }

/// What the screen's figures are: the latest known on a day (each figure from the latest snapshot
/// that gives it, with its own date), or one snapshot exactly as it was published.
public enum ScreenBasis: Hashable, Sendable {
    case latestKnown(Day)
    case asPublished

    public var isLatestKnown: Bool { self != .asPublished }
}

/// A snapshot the user can step to (the header is known without loading the rows).
public struct SnapshotRef: Hashable, Sendable {
    public var file: String
    public var header: SnapshotHeader
    public init(file: String, header: SnapshotHeader) { self.file = file; self.header = header }
}

/// A scrolling list's place: the selected row and the first visible row.
public struct ListPosition: Hashable, Sendable {
    public var cursor = 0
    public var scroll = 0
    public init(cursor: Int = 0, scroll: Int = 0) { self.cursor = cursor; self.scroll = scroll }
}

/// Everything the screen shows, as a value: keys become actions, actions update it, it renders.
public struct AppState: Sendable {
    // Presentation
    public var lang: Language
    public var glyphs: Glyphs
    public var themeNames: [String]
    public var themeIndex: Int = 0
    public var definition: ModelDefinition

    // Data on screen
    public var snapshots: [SnapshotRef]
    public var snapshotIndex: Int
    public private(set) var dataset: Dataset
    public private(set) var summary: ProgressSummary
    /// The map's names folded and ranked for the lists' filter and name sort; kept while snapshots
    /// share the map, remade when the map changes.
    public private(set) var names: MapNameIndex
    /// The totals of the snapshot before this one in the series, for the pace since it (the
    /// controller keeps totals of every snapshot, not their summaries).
    public var previousSummary: ProgressTotals?
    /// Latest known or as published (`v`, and `<` `>` past either end of the series, switch).
    public private(set) var basis: ScreenBasis = .asPublished
    /// What the summary, the province list, the province detail, the report and the exports say
    /// of the nation and each province: the latest-known picture, or the snapshot on screen as
    /// published. The ward lists show the snapshot on screen (in the latest-known view, the
    /// latest on or before its day).
    public private(set) var picture: KnownPicture
    /// The picture at 31/12/2025, once the day on screen is after it: the 2025 column is then the
    /// result, not a projection. Nil before 2026.
    public private(set) var result2025: KnownPicture?
    /// National share of model units per snapshot of the series (nil where not loaded or broken).
    public var trend: [Double?]
    /// The selected ward across the snapshots of the series (filled by the controller).
    public var history: WardHistory?
    // Reviews
    /// Marks and notes of the snapshot on screen, by ward code (empty when there is no store).
    public var reviews: [String: Review] = [:]
    /// False when no review store could be opened: review keys then say so.
    public var reviewsAvailable = false
    /// Why marks cannot be saved (read-only store), or nil.
    public var reviewsReadOnly: String?
    /// The selected ward's latest review of an earlier snapshot (filled by the controller).
    public var previousReview: Review?
    /// The note being typed, when the editor is open.
    public var noteEditor: LineEditor?

    // Questions: what holds wards back, what changed, where it is heading
    /// The criteria view's scope (a province index, or nil for the nation) and its rows.
    public var criteriaScope: Int?
    public internal(set) var criteriaAnalysis: CriteriaAnalysis?
    public var criteriaPos = ListPosition()
    /// Wards missing this criterion, when the ward list was opened from the criteria view.
    public var criterionFilter: Int?
    /// The ward list as it was before the criteria view took it over, restored on the way back.
    public var savedWardContext: SavedWardContext?
    /// The compare view: the other snapshot (index in `snapshots`), its result and scroll.
    public var compareWith: Int?
    public var comparison: SnapshotComparison?
    public var compareScroll = 0
    /// Where the programme is heading at the pace observed (filled by the controller).
    public var projection: Projection?

    /// Data problems found while loading (shown as a count; listed by `kieumau validate`).
    public var problemCount: Int = 0

    // Navigation
    public var level: Level = .provinces
    /// The levels to go back to, innermost last (Esc pops).
    public var backStack: [Level] = []
    public var province: Int?          // index in map.provinces
    public var provinceSort: ProvinceSort = .name
    public var bandFilter: BandFilter = .all
    public var provinceFilter = ""
    public var provincePos = ListPosition()
    public var wardSort: WardSort = .name
    public var stageFilter: StageFilter = .all
    public var wardFilter = ""
    public var wardPos = ListPosition()
    public var detailScroll = 0
    /// True while the user types into the filter of the current list.
    public var editingFilter = false
    public var showHelp = false
    public var helpScroll = 0
    /// A one-line message shown in the status line until the next key.
    public var notice: String?
    public var quit = false
    /// The terminal size the state was last laid out for (page size, mouse hits).
    public var screenWidth = 80
    public var screenHeight = 24

    // Derived lists (indices), refreshed after every change.
    public private(set) var provinceRows: [Int] = []
    public private(set) var wardRows: [Int] = []

    public init(dataset: Dataset, snapshots: [SnapshotRef], snapshotIndex: Int, lang: Language,
                glyphs: Glyphs = .unicodeSet, themeNames: [String] = ["default"],
                definition: ModelDefinition = .complete) {
        self.dataset = dataset
        let summary = ProgressSummary(dataset, definition: definition)
        self.summary = summary
        self.picture = LatestKnown.asPublished(header: dataset.header, totals: ProgressTotals(summary))
        self.result2025 = Self.published2025(dataset.header, summary)
        self.names = MapNameIndex(dataset.map)
        self.snapshots = snapshots
        self.snapshotIndex = snapshotIndex
        self.lang = lang
        self.glyphs = glyphs
        self.themeNames = themeNames
        self.definition = definition
        self.trend = Array(repeating: nil, count: snapshots.count)
        if snapshots.indices.contains(snapshotIndex), !dataset.snapshot.wards.isEmpty { trend[snapshotIndex] = summary.national.share }
        refreshRows()
    }

    public var strings: Strings { Strings(lang) }
    /// The day the screen is as of: the day asked for, or the snapshot's.
    public var day: Day { picture.asOf }
    public var map: AdminMap { dataset.map }
    public var header: SnapshotHeader { dataset.header }

    /// The criterion under the cursor of the criteria view.
    public var selectedCriterion: Int? {
        guard let a = criteriaAnalysis, a.criteria.indices.contains(criteriaPos.cursor) else { return nil }
        return a.criteria[criteriaPos.cursor].number
    }

    /// Recomputes the criteria view for its scope (after a snapshot change or entering the view).
    public mutating func refreshCriteria() {
        criteriaAnalysis = level == .criteria || backStack.contains(.criteria)
            ? CriteriaAnalysis(dataset, province: criteriaScope.flatMap { $0 < map.provinces.count ? $0 : nil })
            : nil
        criteriaPos.cursor = max(0, min(criteriaPos.cursor, (criteriaAnalysis?.criteria.count ?? 1) - 1))
    }

    /// The ward under the cursor of the ward list, as an index in `map.wards`.
    public var selectedWard: Int? {
        wardRows.indices.contains(wardPos.cursor) ? wardRows[wardPos.cursor] : nil
    }
    /// The province under the cursor of the province list, as an index in `map.provinces`.
    public var selectedProvince: Int? {
        provinceRows.indices.contains(provincePos.cursor) ? provinceRows[provincePos.cursor] : nil
    }

    /// Replaces the data on screen (a snapshot step or reload); the place is re-anchored by the caller.
    /// `summary`, when the caller already has it (the controller caches one per snapshot), is used
    /// instead of computing it again.
    public mutating func setDataset(_ data: Dataset, previous: ProgressTotals?, summary known: ProgressSummary? = nil) {
        dataset = data
        if !names.isIndex(of: data.map) { names = MapNameIndex(data.map) }
        summary = known.flatMap { $0.asOf == data.header.asOf && $0.mapID == data.map.id && $0.definition == definition ? $0 : nil }
            ?? ProgressSummary(data, definition: definition)
        previousSummary = previous
        basis = .asPublished
        picture = LatestKnown.asPublished(header: data.header, totals: ProgressTotals(summary))
        result2025 = Self.published2025(data.header, summary)
        if snapshots.indices.contains(snapshotIndex), !data.snapshot.wards.isEmpty { trend[snapshotIndex] = summary.national.share }
    }

    /// A snapshot after 2025 as published says nothing of 31/12/2025: its result is not known from
    /// it alone. Nil for a snapshot before 2026 (the column is then the outlook).
    static func published2025(_ header: SnapshotHeader, _ summary: ProgressSummary) -> KnownPicture? {
        guard header.asOf > Targets.deadline2025 else { return nil }
        return LatestKnown.picture(asOf: Targets.deadline2025, records: [.init(header: header, totals: ProgressTotals(summary))],
                                   successions: [], basis: .asPublished)
    }

    /// The latest-known picture as of a day, over the snapshot on screen (the latest on or before
    /// that day, already shown with `replaceSnapshot`). `result2025` is the picture at 31/12/2025
    /// when the day is after it.
    public mutating func showLatestKnown(_ picture: KnownPicture, result2025: KnownPicture?) {
        basis = .latestKnown(picture.asOf)
        self.picture = picture
        self.result2025 = picture.asOf > Targets.deadline2025 ? result2025 : nil
        refreshRows()
        keepCursorsVisible()
    }

    /// The snapshot on screen as it was published.
    public mutating func showAsPublished() {
        basis = .asPublished
        picture = LatestKnown.asPublished(header: dataset.header, totals: ProgressTotals(summary))
        result2025 = Self.published2025(dataset.header, summary)
        refreshRows()
        keepCursorsVisible()
    }

    /// Recomputes the filtered, sorted lists and keeps each cursor on the same item where it can.
    public mutating func refreshRows() {
        let oldProvince = selectedProvince
        provinceRows = ListQueries.provinceRows(summary: summary, sort: provinceSort, band: bandFilter, filter: provinceFilter,
                                                names: names, picture: picture)
        provincePos.cursor = ListQueries.reanchor(rows: provinceRows, item: oldProvince, cursor: provincePos.cursor)
        if province.map({ $0 < map.provinces.count }) ?? (criterionFilter != nil) {
            let oldWard = selectedWard
            names.prepareWards(in: province)
            wardRows = ListQueries.wardRows(summary: summary, map: map, province: province, sort: wardSort, stage: stageFilter,
                                            filter: wardFilter, missingCriterion: criterionFilter, marks: dataset, names: names)
            wardPos.cursor = ListQueries.reanchor(rows: wardRows, item: oldWard, cursor: wardPos.cursor)
        } else {
            wardRows = []
            wardPos = ListPosition()
        }
    }
}

/// One ward's criteria met across the snapshots of a series (e.g. 18/22 → 21/22 → 22/22).
public struct WardHistory: Hashable, Sendable {
    public struct Point: Hashable, Sendable {
        public var asOf: Day
        public var stage: Stage
        public var met: Int?
        public var total: Int
        /// Whether that snapshot's rows count every ward of the ward's province: where they only
        /// name some, a ward without a row is not known rather than not registered.
        public var coverage: Coverage
        public init(asOf: Day, stage: Stage, met: Int?, total: Int, coverage: Coverage = .complete) {
            self.asOf = asOf; self.stage = stage; self.met = met; self.total = total; self.coverage = coverage
        }
    }
    public var wardCode: String
    public var points: [Point]
    public init(wardCode: String, points: [Point]) { self.wardCode = wardCode; self.points = points }
}

/// The ward list's place, kept while the criteria view borrows the list.
public struct SavedWardContext: Hashable, Sendable {
    public var province: Int?
    public var position: ListPosition
    public var filter: String
}
