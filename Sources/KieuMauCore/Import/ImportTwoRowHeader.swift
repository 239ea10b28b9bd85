/// A header written over two rows, as provinces' sheets often are: a group name such as
/// "Tiêu chí" spanning one column per criterion, their numbers 1…22 in the row under it, and the
/// other columns' names in the upper row (merged down over both, or left blank below).
enum ImportTwoRowHeader {
    /// The column names of the two rows together, or nil when the lower row is not a second
    /// header row but data. It is one when it names, alone or under the upper name, at least one
    /// column the upper row does not, is blank (or repeats the upper name, as a merged cell shows)
    /// under every column the upper row names already, numbers no criterion twice, and names a
    /// column or two criteria at least.
    static func combine(_ upper: [String], _ lower: [String]) -> (names: [String], fromLowerRow: [Bool])? {
        var names: [String] = []
        var fromLower: [Bool] = []
        var criteria: Set<Int> = []
        var namesARole = false
        for column in 0..<max(upper.count, lower.count) {
            let top = column < upper.count ? ImportWords.trimmed(upper[column]) : ""
            let below = column < lower.count ? ImportWords.trimmed(lower[column]) : ""
            if below.isEmpty || below == top {
                names.append(column < upper.count ? upper[column] : "")
                fromLower.append(false)
                continue
            }
            // Under a name that is complete in itself, a value is data, not a second header row;
            // a group name ("Tiêu chí", which alone means "criteria met") takes a number under it.
            let topMeaning = meaning(top)
            guard top.isEmpty || topMeaning == nil || topMeaning == .role(.criteriaMet) else { return nil }
            let joined = top.isEmpty ? below : top + " " + below
            let name: String
            if meaning(joined) != nil { name = joined } else if meaning(below) != nil { name = below } else { return nil }
            if case .criterion(let number) = meaning(name) {
                guard number >= 1, criteria.insert(number).inserted else { return nil }
            } else {
                namesARole = true
            }
            names.append(name)
            fromLower.append(true)
        }
        // One number alone under "Tiêu chí" is more likely a count of a row without a ward.
        return namesARole || criteria.count >= 2 ? (names, fromLower) : nil
    }

    private enum Meaning: Equatable {
        case role(ImportHeader.Role)
        case criterion(Int)
    }

    private static func meaning(_ name: String) -> Meaning? {
        if let number = ImportHeader.criterionNumber(ImportWords.tokens(ImportHeader.withoutParentheses(name))) { return .criterion(number) }
        return ImportHeader.role(of: name).map(Meaning.role)
    }
}
