import KieuMauCore

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

/// Which pane the user is in: the drill-down stack national → province → ward.
public enum Level: Hashable, Sendable { case provinces, wards, detail }

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
    /// The summary of the snapshot before this one in the series, for the pace observed.
    public var previousSummary: ProgressSummary?
    /// National share of model units per snapshot of the series (nil where not loaded or broken).
    public var trend: [Double?]
    /// The selected ward across the snapshots of the series (filled by the controller).
    public var history: WardHistory?
    /// Data problems found while loading (shown as a count; listed by `kieumau validate`).
    public var problemCount: Int = 0

    // Navigation
    public var level: Level = .provinces
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
        self.summary = ProgressSummary(dataset, definition: definition)
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
    public var map: AdminMap { dataset.map }
    public var header: SnapshotHeader { dataset.header }

    /// The ward under the cursor of the ward list, as an index in `map.wards`.
    public var selectedWard: Int? {
        wardRows.indices.contains(wardPos.cursor) ? wardRows[wardPos.cursor] : nil
    }
    /// The province under the cursor of the province list, as an index in `map.provinces`.
    public var selectedProvince: Int? {
        provinceRows.indices.contains(provincePos.cursor) ? provinceRows[provincePos.cursor] : nil
    }

    /// Replaces the data on screen (a snapshot step or reload); the place is re-anchored by the caller.
    public mutating func setDataset(_ data: Dataset, previous: ProgressSummary?) {
        dataset = data
        summary = ProgressSummary(data, definition: definition)
        previousSummary = previous
        if snapshots.indices.contains(snapshotIndex), !data.snapshot.wards.isEmpty { trend[snapshotIndex] = summary.national.share }
    }

    /// Recomputes the filtered, sorted lists and keeps each cursor on the same item where it can.
    public mutating func refreshRows() {
        let oldProvince = selectedProvince
        provinceRows = ListQueries.provinceRows(summary: summary, sort: provinceSort, band: bandFilter, filter: provinceFilter)
        provincePos.cursor = ListQueries.reanchor(rows: provinceRows, item: oldProvince, cursor: provincePos.cursor)
        if let p = province, p < map.provinces.count {
            let oldWard = selectedWard
            wardRows = ListQueries.wardRows(summary: summary, map: map, province: p, sort: wardSort, stage: stageFilter, filter: wardFilter)
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
        public init(asOf: Day, stage: Stage, met: Int?, total: Int) { self.asOf = asOf; self.stage = stage; self.met = met; self.total = total }
    }
    public var wardCode: String
    public var points: [Point]
    public init(wardCode: String, points: [Point]) { self.wardCode = wardCode; self.points = points }
}
