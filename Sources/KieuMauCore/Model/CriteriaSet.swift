/// A set of criteria in force for a round of the programme ("bộ tiêu chí"),
/// e.g. the 22 criteria of QĐ 5764/QĐ-BCA-V05. Names that are not public stay empty.
public struct CriteriaSet: Hashable, Sendable {
    public var id: String
    public var title: String
    /// The decision that issued it, e.g. "QĐ 5764/QĐ-BCA-V05"; empty when unknown.
    public var decision: String
    public var issued: Day?
    public var groups: [CriterionGroup]
    /// Exactly `count` criteria numbered 1...count, in order.
    public var criteria: [Criterion]
    public var sources: [Source]
    public var notes: [String]

    public var count: Int { criteria.count }

    /// The largest set the compact ward encoding holds (bit masks of 64).
    public static let maximumCount = 64

    public init(id: String, title: String, decision: String = "", issued: Day? = nil,
                groups: [CriterionGroup] = [], criteria: [Criterion], sources: [Source] = [], notes: [String] = []) {
        self.id = id; self.title = title; self.decision = decision; self.issued = issued
        self.groups = groups; self.criteria = criteria; self.sources = sources; self.notes = notes
    }

    public func group(_ id: Int?) -> CriterionGroup? {
        guard let id else { return nil }
        return groups.first { $0.number == id }
    }
}

/// A task group of criteria ("nhóm"), e.g. one of the 7 groups of the 22-criteria set.
public struct CriterionGroup: Hashable, Sendable {
    public var number: Int
    public var nameVi: String
    public var nameEn: String
    public init(number: Int, nameVi: String = "", nameEn: String = "") {
        self.number = number; self.nameVi = nameVi; self.nameEn = nameEn
    }
}

/// One criterion ("tiêu chí"). `subject` is what is publicly known of its content when the
/// official wording is not (e.g. "headquarters and equipment" for criterion 6 of the 20-set).
public struct Criterion: Hashable, Sendable {
    public var number: Int
    public var group: Int?
    public var nameVi: String
    public var nameEn: String
    public var subject: String
    public init(number: Int, group: Int? = nil, nameVi: String = "", nameEn: String = "", subject: String = "") {
        self.number = number; self.group = group; self.nameVi = nameVi; self.nameEn = nameEn; self.subject = subject
    }
}
