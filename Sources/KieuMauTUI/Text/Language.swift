import KieuMauCore
import KieuMauReviews

/// The interface language. Vietnamese for Vietnamese locales, English otherwise; `L` toggles.
public enum Language: String, Hashable, Sendable, CaseIterable {
    case vi, en

    /// From `--lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG` (`vi*` → Vietnamese).
    public static func from(flag: String?, environment: [String: String]) -> Language {
        if let flag, let l = Language(rawValue: flag.lowercased()) { return l }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[key], !v.isEmpty { return v.lowercased().hasPrefix("vi") ? .vi : .en }
        }
        return .en
    }

    public var toggled: Language { self == .vi ? .en : .vi }
}

/// Every label of the interface in both languages. One place, so nothing is left untranslated.
public struct Strings: Sendable {
    public let lang: Language
    public init(_ lang: Language) { self.lang = lang }
    private func t(_ vi: String, _ en: String) -> String { lang == .vi ? vi : en }

    public var product: String { "KieuMau" }
    public var programme: String { t("Công an phường điển hình, kiểu mẫu", "Model ward police") }
    public var demoBadge: String { t("DEMO — dữ liệu giả lập", "DEMO — synthetic data") }
    public var national: String { t("Toàn quốc", "Nationwide") }
    public func provinces(_ n: Int) -> String { t("\(n) tỉnh", "\(n) provinces") }
    public func criteria(_ n: Int) -> String { t("\(n) tiêu chí", "\(n) criteria") }
    public func snapshotPosition(_ i: Int, _ n: Int) -> String { t("(\(i)/\(n))", "(\(i) of \(n))") }
    public var units: String { t("Đơn vị", "Units") }
    public var unitsLong: String { t("đơn vị", "units") }
    public var registered: String { t("đăng ký", "registered") }
    public var registeredShort: String { t("ĐK", "Reg") }
    public var quota: String { t("chỉ tiêu", "quota") }
    public var model: String { t("kiểu mẫu", "model") }
    public var modelShort: String { t("KM", "Model") }
    public var recognised: String { t("công nhận", "recognised") }
    public var complete: String { t("đạt đủ", "all criteria") }
    public var share: String { t("Tỷ lệ", "Share") }
    public var need30: String { t("Cần", "Need") }
    public var province: String { t("Tỉnh/thành", "Province") }
    public var ward: String { t("Phường", "Ward") }
    public var district: String { t("Quận/huyện", "District") }
    public var stage: String { t("Giai đoạn", "Stage") }
    public var criteriaHeading: String { t("Tiêu chí", "Criteria") }
    public var missing: String { t("Thiếu", "Missing") }
    public var band2025: String { t("Mục tiêu 2025", "2025 band") }
    public func bandCount(_ b: TargetBand, _ n: Int) -> String {
        switch b {
        case .below: return t("\(n) dưới 30%", "\(n) below 30%")
        case .within: return t("\(n) trong 30–50%", "\(n) within 30–50%")
        case .above: return t("\(n) từ 50%", "\(n) at 50%+")
        }
    }
    public func bandName(_ b: TargetBand) -> String {
        switch b {
        case .below: return t("dưới 30%", "below 30%")
        case .within: return t("30–50%", "within band")
        case .above: return t("từ 50%", "above 50%")
        }
    }
    public func stageName(_ s: Stage) -> String {
        switch s {
        case .notRegistered: return t("chưa đăng ký", "not registered")
        case .registered: return t("đã đăng ký", "registered")
        case .complete: return t("đạt đủ tiêu chí", "meets all")
        case .recognised: return t("đã công nhận", "recognised")
        }
    }
    public func criterionStatus(_ s: CriterionStatus) -> String {
        switch s {
        case .met: return t("đạt", "met")
        case .notMet: return t("chưa đạt", "not met")
        case .unknown: return t("chưa rõ", "unknown")
        }
    }
    public func criterionFallbackName(_ n: Int) -> String { t("Tiêu chí \(n)", "Criterion \(n)") }
    public func group(_ n: Int) -> String { t("Nhóm \(n)", "Group \(n)") }
    public var paceNeeded2025: String { t("cần cho 30% cuối 2025", "need for 30% by 2025") }
    public var paceNeeded2030: String { t("cần cho 100% cuối 2030", "need for 100% by 2030") }
    public var perMonth: String { t("/tháng", "/mo") }
    public var reached: String { t("đã đạt", "reached") }
    public var deadlinePassed: String { t("đã quá hạn", "deadline passed") }
    public var trend: String { t("xu hướng", "trend") }
    public var conflictLabel: String { t("nguồn mâu thuẫn", "sources conflict") }
    public var noUnits: String { t("không có phường", "no wards") }
    public var history: String { t("Lịch sử", "History") }
    public var sources: String { t("Nguồn", "Sources") }
    public var notes: String { t("Ghi chú", "Notes") }
    public var pilotYear: String { t("năm thí điểm", "pilot year") }
    public var decision: String { t("quyết định", "decision") }
    public var publishedCountOnly: String { t("chỉ công bố số lượng", "published count only") }
    public var allMetNoMarks: String { t("đạt đủ tiêu chí (không công bố chi tiết từng tiêu chí)", "meets every criterion (per-criterion marks not published)") }
    public var nothingKnown: String { t("chưa có thông tin tiêu chí", "no criteria information") }
    public var filterPrompt: String { t("Lọc: ", "Filter: ") }
    public var noMatches: String { t("Không có kết quả", "No matches") }
    public var tooSmall: String { t("Cửa sổ quá nhỏ", "Terminal too small") }
    public func tooSmallDetail(_ w: Int, _ h: Int) -> String { t("cần ít nhất 40×10, hiện \(w)×\(h)", "need at least 40×10, have \(w)×\(h)") }
    public var quitHint: String { t("q: thoát", "q: quit") }
    public var help: String { t("Trợ giúp", "Help") }
    public var helpMore: String { t("còn nữa (↓ PgDn)", "more below (↓ PgDn)") }
    public var helpClose: String { t("Esc hoặc ? để đóng", "Esc or ? to close") }
    public func sortName(_ s: ProvinceSort) -> String {
        switch s {
        case .name: return t("tên", "name")
        case .share: return t("tỷ lệ", "share")
        case .gap: return t("còn thiếu", "gap")
        case .registered: return t("đăng ký", "registered")
        }
    }
    public func wardSortName(_ s: WardSort) -> String {
        switch s {
        case .name: return t("tên", "name")
        case .criteriaMet: return t("tiêu chí đạt", "criteria met")
        case .stage: return t("giai đoạn", "stage")
        }
    }
    public func bandFilterName(_ f: BandFilter) -> String {
        switch f {
        case .all: return t("tất cả", "all")
        case .below: return t("dưới 30%", "below 30%")
        case .within: return t("30–50%", "within 30–50%")
        case .above: return t("từ 50%", "at 50%+")
        }
    }
    public func stageFilterName(_ f: StageFilter) -> String {
        switch f {
        case .all: return t("tất cả", "all")
        case .notRegistered: return t("chưa đăng ký", "not registered")
        case .inProgress: return t("đang xây dựng", "in progress")
        case .model: return t("kiểu mẫu", "model")
        }
    }
    public var sortLabel: String { t("sắp xếp", "sort") }
    public var filterLabel: String { t("lọc", "filter") }
    public var themeLabel: String { t("giao diện", "theme") }
    public var languageName: String { t("Tiếng Việt", "English") }
    public func notOnMap(_ what: String) -> String { t("\(what) không có trên bản đồ của mốc này", "\(what) is not on this snapshot's map") }
    public func mapChanged(_ place: String) -> String { t("Bản đồ thay đổi: nay là \(place)", "Map changed: now \(place)") }
    public func loading(_ what: String) -> String { t("Đang đọc \(what)…", "Loading \(what)…") }
    /// While a warm start's ward rows are read (the first frame came from the digest cache).
    public var loadingWards: String { t("Đang đọc danh sách phường…", "Loading wards…") }
    public var saving: String { t("Đang lưu…", "Saving…") }
    public func reviewStoreOffline(_ since: String) -> String { t("kho rà soát mất kết nối từ \(since)", "review store offline since \(since)") }
    public var reviewStoreBack: String { t("Kho rà soát đã kết nối lại", "Review store back online") }
    public var notSaved: String { t("chưa lưu", "not saved") }
    public var firstSnapshot: String { t("Đây là mốc đầu tiên", "This is the first snapshot") }
    public var lastSnapshot: String { t("Đây là mốc mới nhất", "This is the latest snapshot") }
    public var lastWard: String { t("Đã hết danh sách phường", "No more wards") }
    public var firstWard: String { t("Đây là phường đầu tiên", "This is the first ward") }
    public func loadFailed(_ file: String) -> String { t("Không đọc được \(file)", "Could not load \(file)") }
    public var problemsLabel: String { t("lỗi dữ liệu", "data problems") }
    // Reviews
    public var chooseAWard: String { t("Chọn một phường trước (⏎ vào danh sách phường)", "Choose a ward first (⏎ into a ward list)") }
    public var noReviewStore: String { t("Không mở được kho rà soát: chỉ xem", "No review store could be opened: view only") }
    public func reviewsReadOnly(_ why: String) -> String { t("Kho rà soát chỉ đọc: \(why)", "Review store is read-only: \(why)") }
    public var noteCancelled: String { t("Đã huỷ ghi chú", "Note not saved") }
    public var noteSaved: String { t("Đã lưu ghi chú", "Note saved") }
    public func markSaved(_ mark: String) -> String { t("Đã lưu: \(mark)", "Saved: \(mark)") }
    public func saveFailed(_ why: String) -> String { t("Không lưu được: \(why)", "Not saved: \(why)") }
    public var wrapped: String { t("Quay lại đầu danh sách", "Wrapped to the top of the list") }
    public func allReviewed(_ n: Int) -> String { t("Đã rà soát cả \(n) phường của danh sách", "All \(n) wards of the list are reviewed") }
    public func reviewedCount(_ scope: String, _ done: String, _ total: String) -> String { t("\(scope): \(done) / \(total) đã rà soát", "\(scope): \(done) / \(total) reviewed") }
    public func markName(_ m: ReviewMark?) -> String {
        switch m {
        case .ok?: return t("đã rà soát, đạt", "reviewed OK")
        case .followUp?: return t("cần theo dõi", "needs follow-up")
        case nil: return t("chưa rà soát", "not reviewed")
        }
    }
    public var review: String { t("Rà soát", "Review") }
    public var note: String { t("Ghi chú", "Note") }
    public func previousReviewLabel(_ d: String) -> String { t("Lần rà soát trước (\(d))", "Previous review (\(d))") }
    public var notePrompt: String { t("Ghi chú: ", "Note: ") }
    public var noteHelp: String { t("⏎ lưu · Esc huỷ", "⏎ save · Esc cancel") }
    public var byLabel: String { t("bởi", "by") }
    public var reviewColumn: String { t("RS", "Rv") }
    // Criteria view, compare view, projection, export
    public var criteriaViewTitle: String { t("Tiêu chí cản trở phường", "What holds wards back") }
    public func criterionNotInSet(_ n: Int, total: Int) -> String {
        t("tiêu chí \(n) không có trong bộ \(total) tiêu chí của mốc này", "criterion \(n) is not in this snapshot's set of \(total)")
    }
    public func wardsMissing(_ n: Int, count: Int) -> String { t("\(count) phường thiếu tiêu chí \(n)", "\(count) wards missing criterion \(n)") }
    public var assessedLabel: String { t("có đánh giá từng tiêu chí", "with per-criterion marks") }
    public var metShare: String { t("đạt", "met") }
    public var notMetShort: String { t("chưa đạt", "not met") }
    public var unknownShort: String { t("chưa rõ", "unknown") }
    public func unattributed(_ wards: Int, _ missing: Int) -> String {
        t("\(wards) phường thiếu \(missing) tiêu chí không rõ số hiệu (chỉ công bố số lượng)",
          "\(wards) ward\(wards == 1 ? "" : "s") short of \(missing) criteri\(missing == 1 ? "on" : "a") not published by number (count only)")
    }
    public func unknownWards(_ n: Int) -> String { t("\(n) phường chưa có thông tin tiêu chí", "\(n) registered wards with no criteria information") }
    public var compareTitle: String { t("Thay đổi", "What changed") }
    public var noOtherSnapshot: String { t("Không có mốc nào khác để so sánh", "There is no other snapshot to compare with") }
    public var becameModel: String { t("Trở thành kiểu mẫu", "Became model") }
    public var fellBack: String { t("Tụt hạng", "Fell back") }
    public var mergedIntoNonModel: String { t("Sáp nhập vào đơn vị chưa kiểu mẫu", "Merged into a unit not model") }
    public var crossings: String { t("Tỉnh vượt ngưỡng", "Provinces crossing 30% / 50%") }
    public var criteriaChanged: String { t("Tiêu chí mới đạt / mất", "Criteria newly met / lost") }
    public var reportedChanged: String { t("Số liệu báo cáo thay đổi", "Reported figures that changed") }
    public func mapChangeNote(_ id: String, split: Int) -> String { t("Qua thay đổi bản đồ (bảng chuyển đổi \(id)): phường bị chia được tính một lần, ở đơn vị mặc định (\(split) phường)", "Across the map change (crosswalk \(id)): split wards counted once, in their default target (\(split) wards)") }
    public var nothingChanged: String { t("Không có thay đổi", "Nothing changed") }
    public var projectionLabel: String { t("Theo", "At the") }
    public var willMiss2025: String { t("sẽ trượt 2025", "will miss 2025") }
    public var willMiss2030: String { t("sẽ trượt 2030", "will miss 2030") }
    public var onTrack: String { t("kịp", "on track") }
    public var noRise: String { t("không tăng", "no rise") }
    public var afterHorizon: String { t("sau 2100", "after 2100") }
    public var outlookShort: String { t("2025", "2025") }
    public func exported(_ path: String, _ rows: Int) -> String { t("Đã xuất \(rows) dòng: \(path)", "Exported \(rows) rows to \(path)") }
    public func exportFailed(_ why: String) -> String { t("Không xuất được: \(why)", "Export failed: \(why)") }
    public func newSnapshots(_ dates: String) -> String { t("Mốc mới: \(dates)", "New snapshot: \(dates)") }
    public func changedSnapshots(_ files: String) -> String { t("Đã cập nhật: \(files)", "Updated: \(files)") }
    public func dataWarning(_ p: String) -> String { t("Cảnh báo dữ liệu: \(p)", "Data warning: \(p)") }
    public var onlyOneSeries: String { t("Chỉ có một chuỗi dữ liệu", "There is only one series") }
    public func seriesName(_ id: String) -> String {
        switch id {
        case "record": return t("chuỗi: số liệu đã công bố", "series: published record")
        case "demo": return t("chuỗi: DEMO giả lập", "series: DEMO (synthetic)")
        default: return t("chuỗi: \(id)", "series: \(id)")
        }
    }
    public var asOf: String { t("tính đến", "as of") }
    public var wardsByCriteriaMet: String { t("phường theo số tiêu chí đạt", "wards by criteria met") }
    public var toTarget: String { t("cần thêm", "to reach") }
    // What is known, and when
    public func latestKnownOn(_ day: String) -> String { t("mới nhất đến \(day)", "latest known on \(day)") }
    public func latestKnownShort(_ day: String) -> String { t("mới nhất \(day)", "latest \(day)") }
    public func asPublished(_ day: String) -> String { t("mốc \(day) như công bố", "snapshot \(day) as published") }
    public func asPublishedShort(_ day: String) -> String { t("\(day) như công bố", "\(day) as published") }
    public func sinceMap(_ day: String) -> String { t("từ \(day)", "since \(day)") }
    public func mapOf(_ provinces: Int) -> String { t("bản đồ \(provinces) tỉnh", "\(provinces)-province map") }
    public func unitsOnMapFrom(_ day: String) -> String { t("bản đồ từ \(day)", "map of \(day)") }
    public func age(months: Int) -> String {
        if months >= 24 {
            let years = Int((Double(months) / 12).rounded())
            return t("\(years) năm trước", years == 1 ? "1 year old" : "\(years) years old")
        }
        return t("\(months) tháng trước", months == 1 ? "1 month old" : "\(months) months old")
    }
    /// The age in few columns, for 80-column screens: "3 yrs", "18 mo".
    public func ageShort(months: Int) -> String {
        if months >= 24 { return t("\(Int((Double(months) / 12).rounded())) năm", "\(Int((Double(months) / 12).rounded())) yrs") }
        return t("\(months) tháng", "\(months) mo")
    }
    public func round(_ year: Int) -> String { t("đợt \(year)", "\(year) round") }
    public var wardRows: String { t("danh sách phường", "ward rows") }
    public var unknown: String { t("chưa rõ", "unknown") }
    public var verdictsUnknown: String { t("tỷ lệ, mức 2025, tốc độ", "share, 2025 band, pace") }
    public func namedOf(_ n: String, _ units: String) -> String { t("\(n)/\(units) phường được nêu tên trong nguồn", "\(n) of \(units) wards named in sources") }
    public func namedShort(_ n: Int, _ shown: String) -> String { n == 0 ? t("chưa nêu tên", "none named") : t("\(shown) được nêu tên", "\(shown) named") }
    public var noCountSinceMapChange: String { t("chưa có số đếm đầy đủ từ khi đổi bản đồ", "no complete count since the map change") }
    public var noCountSinceMapChangeShort: String { t("chỉ bản đồ cũ", "old map only") }
    public var sourcesDisagreeOnModel: String { t("các nguồn mâu thuẫn về số kiểu mẫu", "sources disagree on the model count") }
    public var nothingPublished: String { t("chưa có số liệu công bố", "nothing published") }
    public var namedInSources: String { t("được nêu tên trong nguồn", "named in sources") }
    public var onOldMap: String { t("bản đồ cũ", "old map") }
    public var criteriaMetShort: String { t("số tiêu chí đạt", "criteria met") }
    public var meetingEveryCriterion: String { t("đạt đủ tiêu chí", "meeting every criterion") }
    public func paceSince(_ day: String) -> String { t("từ mốc \(day)", "since \(day)") }
    public func trendOver(_ n: Int) -> String { t("xu hướng \(n) mốc", "trend over \(n) snapshots") }
    public var result2025: String { t("Kết quả 2025", "2025 result") }
    public func resultCount(_ b: TargetBand, _ n: Int) -> String {
        switch b {
        case .below: return t("\(n) trượt 30%", "\(n) missed 30%")
        case .within: return t("\(n) đạt 30%", "\(n) met 30%")
        case .above: return t("\(n) đạt 50%", "\(n) met 50%")
        }
    }
    public func resultName(_ b: TargetBand) -> String {
        switch b {
        case .below: return t("trượt mục tiêu 2025 (dưới 30%)", "missed the 2025 target (below 30%)")
        case .within: return t("đạt 30% năm 2025", "met 30% in 2025")
        case .above: return t("đạt 50% năm 2025", "met 50% in 2025")
        }
    }
    public func unknownCount(_ n: Int) -> String { t("\(n) chưa rõ", "\(n) unknown") }
    public var notNamed: String { t("chưa được nêu tên", "not named") }
    public func noSnapshotBefore(_ day: String) -> String { t("Không có mốc nào đến \(day)", "No snapshot on or before \(day)") }
    public var viewTogglePublished: String { t("Mốc như công bố", "Snapshot as published") }
}
