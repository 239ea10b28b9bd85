import KieuMauCore
@testable import KieuMauTUI

/// Reading the state the way the tests speak of it: the screen on top, the lists' rows and places.
extension AppState {
    var level: ScreenKind { top.kind }
    /// The kinds of the screens below the one on top, bottom first.
    var backStack: [ScreenKind] { stack.dropLast().map(\.kind) }
    var provinceRows: [Int] { provinceList.rows }
    var provincePos: ListState { provinceList.list }
    var provinceFilter: String { provinceList.filter }
    var wardRows: [Int] { wardList?.rows ?? [] }
    var wardPos: ListState { wardList?.list ?? ListState() }
    var wardFilter: String { wardList?.filter ?? "" }
    var criterionFilter: Int? { wardList?.missingCriterion }
    var criteriaAnalysis: CriteriaAnalysis? { criteria?.analysis }
    var criteriaScope: Int? { criteria?.scope }
    var criteriaPos: ListState { criteria?.list ?? ListState() }
    var selectedCriterion: Int? { criteria?.selectedCriterion }
    var showHelp: Bool { help != nil }
    var editingFilter: Bool { typingFilter }
    /// The comparison on screen, once worked out.
    var comparisonResult: SnapshotComparison? { comparison?.result }
    var compareWith: Int? { comparison?.other }
    var detailScroll: Int {
        if case .wardDetail(let d) = top { return d.scroll.offset }
        return 0
    }
    var compareScroll: Int { comparison?.scroll.offset ?? 0 }
}
