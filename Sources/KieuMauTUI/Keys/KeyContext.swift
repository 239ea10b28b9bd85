/// Where a key binding applies: a kind of screen, or a mode that takes keys before the screen
/// does (typing a filter or a note, reading help). One key means one command per context.
public enum KeyContext: String, CaseIterable, Hashable, Sendable, Comparable {
    case provinces, wards, wardDetail = "ward_detail", criteria, compare
    case filter, note, help

    /// The screens (not modes).
    public static let screens: Set<KeyContext> = [.provinces, .wards, .wardDetail, .criteria, .compare]
    /// The screens with a list to move in.
    public static let lists: Set<KeyContext> = [.provinces, .wards, .criteria]

    public static func < (a: KeyContext, b: KeyContext) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The words for it in help and `kieumau keys`.
    public func name(_ lang: Language) -> String {
        let vi = lang == .vi
        switch self {
        case .provinces: return vi ? "danh sách tỉnh" : "provinces"
        case .wards: return vi ? "danh sách phường" : "wards"
        case .wardDetail: return vi ? "chi tiết phường" : "ward detail"
        case .criteria: return vi ? "tiêu chí" : "criteria"
        case .compare: return vi ? "so sánh" : "compare"
        case .filter: return vi ? "khi gõ bộ lọc" : "typing a filter"
        case .note: return vi ? "khi ghi chú" : "typing a note"
        case .help: return vi ? "trợ giúp" : "help"
        }
    }
}
