import KieuMauCore
import KieuMauReviews

/// Everything the screen shows, as a value. One writer: the reducer (`Reducer.reduce`), which
/// takes an action and returns the effects to carry out; views only read it. Fields are
/// `internal(set)`: nothing outside the module can write them, and inside it only the reducer does.
public struct AppState: Sendable {
    // MARK: Presentation
    public internal(set) var lang: Language
    public internal(set) var glyphs: Glyphs
    public internal(set) var themeNames: [String]
    public internal(set) var themeIndex: Int
    public internal(set) var definition: ModelDefinition
    /// What each key does (the defaults, or rebound by the user's config.toml).
    public internal(set) var keys: KeyTable

    // MARK: The series and the snapshot on screen
    public internal(set) var seriesNames: [String]
    public internal(set) var snapshots: [SnapshotRef]
    public internal(set) var snapshotIndex: Int
    public internal(set) var dataset: Dataset
    public internal(set) var summary: ProgressSummary
    /// The map's names folded and ranked for the lists' filter and name sort; kept while snapshots
    /// share the map, remade when the map changes.
    public internal(set) var names: MapNameIndex
    /// A snapshot being read for a step, a series switch or a reload: the screen says so, and keys
    /// keep working on the snapshot shown meanwhile.
    public internal(set) var loading: Loading?
    /// The snapshot on screen is known from its digest only (a warm start's first frame: the
    /// summary and the province list, no ward): its rows are being read. Keys that need wards
    /// wait for them (`deferredCommand`), the others work meanwhile.
    public internal(set) var wardsPending = false
    /// A key that needs the wards, pressed while they were read: carried out when they arrive.
    var deferredCommand: Command?
    /// The snapshot last shown in each series, so `D` twice comes back to the same place.
    var lastIndexBySeries: [String: Int] = [:]
    /// The direction of the last step (−1 back, +1 on): the neighbour that way is read ahead.
    var travel = -1

    // MARK: The series over time, from digests of its snapshots
    var digests = SeriesDigests()
    /// Files whose digest is still being made (the work deferred past the first frame).
    var digestsPending: Set<String> = []
    /// Totals of the snapshot before this one, for the pace between the last two.
    public internal(set) var previousSummary: ProgressTotals?
    /// Latest known or as published (`v`, and `<` `>` past either end of the series, switch).
    public internal(set) var basis: ScreenBasis = .asPublished
    /// What the summary, the province list, the province detail and the exports say of the nation
    /// and each province: the latest-known picture, or the snapshot on screen as published. The
    /// ward lists show the snapshot on screen (in the latest-known view, the latest on or before its day).
    public internal(set) var picture: KnownPicture
    /// The picture at 31/12/2025, once the day on screen is after it: the 2025 column is then the
    /// result, not a projection. Nil before 2026.
    public internal(set) var result2025: KnownPicture?
    /// The day of the latest-known view (the day the program runs, or `--as-of`): where `v` and
    /// `>` past the last snapshot return to.
    public internal(set) var latestKnownDay: Day?
    /// National share of model units per snapshot (nil where unknown or not yet read).
    public internal(set) var trend: [Double?]
    public internal(set) var projection: Projection?
    /// The selected ward across the snapshots of the series.
    public internal(set) var history: WardHistory?

    // MARK: Reviews
    /// Marks and notes of the snapshot on screen, by ward code, as the store has them.
    public internal(set) var reviews: [String: Review] = [:]
    /// False when no review store could be opened: review keys then say so.
    public internal(set) var reviewsAvailable: Bool
    /// Why marks cannot be saved (read-only store), or nil.
    public internal(set) var reviewsReadOnly: String?
    /// The selected ward's latest review of an earlier snapshot.
    public internal(set) var previousReview: Review?
    var previousReviewKey: String?
    /// Marks and notes sent to the store and not yet answered: shown as "saving", never as saved.
    public internal(set) var pendingReviews = PendingReviews()
    public var savesInFlight: Int { pendingReviews.count }
    /// The note being typed, when the editor is open.
    public internal(set) var noteEditor: LineEditor?
    /// The review store cannot be reached: since when and why. Marks and notes are refused (the
    /// dashboard is read-only) until it can, and it is tried again with backoff meanwhile.
    public internal(set) var reviewStoreOutage: ReviewStoreOutage?
    var reconnectBackoff = ReconnectBackoff()

    // MARK: Navigation
    /// The screens, the province list first; the last is on top.
    public internal(set) var stack: [Screen]
    public internal(set) var provinceSort: ProvinceSort = .name
    public internal(set) var bandFilter: BandFilter = .all
    public internal(set) var wardSort: WardSort = .name
    public internal(set) var stageFilter: StageFilter = .all
    /// True while a filter is typed into the list on top.
    public internal(set) var typingFilter = false
    /// Help, when open, and its scroll.
    public internal(set) var help: ScrollState?
    /// The last ward list left with Esc, so entering the same province again lands on the same ward.
    var rememberedWardList: WardListScreen?
    /// Where lists and panes were drawn in the last frame: mouse clicks and pages use it.
    public internal(set) var geometry = FrameGeometry()

    // MARK: Messages
    /// A one-line message on the status line until the next key.
    public internal(set) var notice: String?
    /// Data problems found while loading (a count; `kieumau validate` lists them).
    public internal(set) var problemCount: Int
    public internal(set) var quit = false

    /// - Parameters: the opening snapshot and everything the command line decided.
    public init(dataset: Dataset, snapshots: [SnapshotRef], snapshotIndex: Int, lang: Language,
                glyphs: Glyphs = .unicodeSet, themeNames: [String] = ["default"], themeIndex: Int = 0,
                definition: ModelDefinition = .complete, keys: KeyTable = .defaults, seriesNames: [String]? = nil,
                reviewsAvailable: Bool = false, reviewsReadOnly: String? = nil, problemCount: Int = 0, notice: String? = nil,
                summary known: ProgressSummary? = nil, latestKnown: LatestKnownView? = nil,
                outlineOf digest: SnapshotDigest? = nil) {
        self.dataset = dataset
        let outline = digest.flatMap { $0.asOf == dataset.header.asOf && $0.totals.mapID == dataset.map.id && $0.totals.definition == definition ? $0 : nil }
        wardsPending = outline != nil
        // The summary the caller made (from the rows, or from the digest of an outline) when it is
        // of this snapshot; else made here.
        let summary = known.flatMap { $0.asOf == dataset.header.asOf && $0.mapID == dataset.map.id && $0.definition == definition ? $0 : nil }
            ?? outline.map { ProgressSummary(digest: $0) } ?? ProgressSummary(dataset, definition: definition)
        self.summary = summary
        if let latestKnown {
            basis = .latestKnown(latestKnown.picture.asOf)
            picture = latestKnown.picture
            result2025 = latestKnown.picture.asOf > Targets.deadline2025 ? latestKnown.result2025 : nil
            latestKnownDay = latestKnown.picture.asOf
        } else {
            picture = LatestKnown.asPublished(header: dataset.header, totals: ProgressTotals(summary))
            result2025 = Self.published2025(dataset.header, summary)
        }
        self.names = MapNameIndex(dataset.map)
        self.snapshots = snapshots
        self.snapshotIndex = snapshotIndex
        self.seriesNames = seriesNames ?? [dataset.header.series]
        self.lang = lang
        self.glyphs = glyphs
        self.themeNames = themeNames
        self.themeIndex = themeIndex
        self.definition = definition
        self.keys = keys
        self.reviewsAvailable = reviewsAvailable
        self.reviewsReadOnly = reviewsReadOnly
        self.problemCount = problemCount
        self.notice = notice
        self.trend = Array(repeating: nil, count: snapshots.count)
        self.stack = [.provinces(ProvinceListScreen())]
        let hasRows = outline.map { $0.hasRows && $0.totals.nationalIsCounted } ?? !dataset.snapshot.wards.isEmpty
        if snapshots.indices.contains(snapshotIndex), hasRows { trend[snapshotIndex] = summary.national.share }
        refreshAllRows()
    }

    public var strings: Strings { Strings(lang) }
    /// The day the screen is as of: the day asked for, or the snapshot's.
    public var day: Day { picture.asOf }

    /// A snapshot after 2025 as published says nothing of 31/12/2025: its result is not known from
    /// it alone. Nil for a snapshot before 2026 (the column is then the outlook).
    static func published2025(_ header: SnapshotHeader, _ summary: ProgressSummary) -> KnownPicture? {
        guard header.asOf > Targets.deadline2025 else { return nil }
        return LatestKnown.picture(asOf: Targets.deadline2025, records: [.init(header: header, totals: ProgressTotals(summary))],
                                   successions: [], basis: .asPublished)
    }
    public var map: AdminMap { dataset.map }
    public var header: SnapshotHeader { dataset.header }
    public var currentRef: SnapshotRef? { snapshots.indices.contains(snapshotIndex) ? snapshots[snapshotIndex] : nil }

    // MARK: Reading the stack

    /// The screen on top.
    public var top: Screen { stack[stack.count - 1] }

    /// The province list (always the bottom of the stack).
    public var provinceList: ProvinceListScreen {
        if case .provinces(let p) = stack[0] { return p }
        return ProvinceListScreen()
    }

    /// The ward list on top, or under the ward detail on top; nil elsewhere.
    public var wardList: WardListScreen? {
        for screen in stack.reversed() {
            switch screen {
            case .wards(let w): return w
            case .wardDetail: continue
            default: return nil
            }
        }
        return nil
    }

    /// Depth in `stack` of the ward list `wardList` reads.
    var wardListDepth: Int? {
        for (depth, screen) in stack.enumerated().reversed() {
            switch screen {
            case .wards: return depth
            case .wardDetail: continue
            default: return nil
            }
        }
        return nil
    }

    public var isProvinceListOnTop: Bool { stack.count == 1 }
    public var isWardDetailOnTop: Bool { if case .wardDetail = top { return true } else { return false } }

    /// The ward under the cursor of the ward list on screen, as an index in `map.wards`.
    public var selectedWard: Int? { wardList?.selectedWard }
    /// The province under the cursor of the province list.
    public var selectedProvince: Int? { provinceList.selectedProvince }
    /// The province whose wards are listed, if a ward list is on screen.
    public var province: Int? { wardList?.province }

    /// The ward a mark or note applies to: the one under the cursor of the ward list or in the detail.
    public var reviewTarget: Int? { selectedWard }

    /// The criteria view on top, if it is.
    public var criteria: CriteriaScreen? { if case .criteria(let c) = top { return c } else { return nil } }
    /// The compare view on top, if it is.
    public var comparison: CompareScreen? { if case .compare(let c) = top { return c } else { return nil } }

    /// True when some screen in the stack is the criteria view.
    var criteriaInStack: Bool { stack.contains { if case .criteria = $0 { return true } else { return false } } }
}

/// Marks and notes sent to the store and not answered yet. They are not shown as saved; keys
/// typed meanwhile act on them as sent (a second `o` clears the mark the first set, `u` passes
/// over a ward just marked), and a note whose save fails comes back to the editor.
public struct PendingReviews: Sendable {
    /// The latest mark sent per snapshot and ward, and how many of its saves are unanswered.
    private var marks: [String: (mark: ReviewMark?, saves: Int)] = [:]
    /// Notes sent, per snapshot and ward, kept until answered so a failure loses nothing.
    private var notes: [String: String] = [:]
    private var noteSaves = 0

    public var count: Int { marks.values.reduce(0) { $0 + $1.saves } + noteSaves }

    private static func key(_ day: Day, _ ward: String) -> String { day.iso + " " + ward }

    /// The mark as the reviewer last set it: the one on its way to the store, if any.
    func mark(of ward: String, on day: Day) -> ReviewMark?? { marks[Self.key(day, ward)].map { $0.mark } }

    mutating func sent(mark: ReviewMark?, ward: String, on day: Day) {
        let k = Self.key(day, ward)
        marks[k] = (mark, (marks[k]?.saves ?? 0) + 1)
    }
    mutating func sent(note: String, ward: String, on day: Day) {
        notes[Self.key(day, ward)] = note
        noteSaves += 1
    }
    mutating func answeredMark(ward: String, on day: Day) {
        let k = Self.key(day, ward)
        guard let m = marks[k] else { return }
        marks[k] = m.saves > 1 ? (m.mark, m.saves - 1) : nil
    }
    /// The note sent for the ward, now answered.
    mutating func answeredNote(ward: String, on day: Day) -> String? {
        noteSaves = max(0, noteSaves - 1)
        return notes.removeValue(forKey: Self.key(day, ward))
    }
}

/// The review store out of reach: since when (time of day) and the last reason given.
public struct ReviewStoreOutage: Hashable, Sendable {
    public var since: String
    public var reason: String
}

/// What the screen's figures are: the latest known on a day (each figure from the latest snapshot
/// that gives it, with its own date), or one snapshot exactly as it was published.
public enum ScreenBasis: Hashable, Sendable {
    case latestKnown(Day)
    case asPublished

    public var isLatestKnown: Bool { self != .asPublished }
}

/// The latest-known picture on a day and, after 2025, the picture at 31/12/2025 (the 2025 result).
public struct LatestKnownView: Sendable {
    public var picture: KnownPicture
    public var result2025: KnownPicture?
    public init(picture: KnownPicture, result2025: KnownPicture?) { self.picture = picture; self.result2025 = result2025 }
}

/// A snapshot the user can step to (the header is known without loading the rows).
public struct SnapshotRef: Hashable, Sendable {
    public var file: String
    public var header: SnapshotHeader
    public init(file: String, header: SnapshotHeader) { self.file = file; self.header = header }
}

/// A snapshot being read, and why.
public struct Loading: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        /// A step of `delta` (±1) toward `target`; files passed over because they could not be read.
        /// `retreating`: the snapshot asked for could not be read and none lies beyond it, so the
        /// step comes back toward the screen, to the farthest that can be read.
        case step(delta: Int, skipped: [String], retreating: Bool = false)
        /// The first snapshot of another series.
        case series(String)
        /// The data changed on disk; the messages to show once it is read.
        case reload(messages: [String])
        /// The latest-known picture as of a day, and the snapshot it stands on.
        case latestKnown(Day)
    }
    public var target: Int
    public var file: String
    public var purpose: Purpose
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
