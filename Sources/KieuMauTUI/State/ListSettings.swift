/// How a list is sorted and narrowed (`s`, `f`).
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
