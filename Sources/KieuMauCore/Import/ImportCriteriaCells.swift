/// Reading a row's criteria: one column per criterion, a "criteria met" column, or both (which must agree).
extension ImportRowReader {
    /// The criteria of a row from its criterion columns and its "criteria met" column; nil after an error.
    mutating func readMarks(_ cells: inout ImportRowCells) -> CriteriaMarks? {
        let count = criteria.count
        var valid = true
        var marks = CriteriaMarks.unknown
        if !header.criterionColumns.isEmpty {
            var statuses = [CriterionStatus](repeating: .unknown, count: count)
            for number in 1...max(1, count) where number <= count {
                guard let column = header.criterionColumns[number] else { continue }
                // Looked up by the cell as it is (trimming is part of the lookup, done once per word).
                if let status = words.mark(cells.rawText(column)) { statuses[number - 1] = status } else {
                    cells.error(column, "criterion \(number): expected \(ImportWords.markHelp), found \"\(cells.text(column))\"")
                    valid = false
                }
            }
            marks = CriteriaMarks(statuses: statuses)
        }
        if let (text, column) = cells.cell(.criteriaMet) {
            switch Self.criteriaMet(text, criteria: criteria) {
            case .failure(let failure):
                cells.error(column, failure.message); valid = false
            case .success(let given) where !marks.hasMarks:
                marks = given
            case .success(let given):
                if let message = Self.disagreement(given, marks, count: count) { cells.error(column, message); valid = false }
            }
        }
        return valid ? marks : nil
    }

    /// A "criteria met" cell: `N/M`, `N`, or one 1, 0 or ? per criterion.
    static func criteriaMet(_ text: String, criteria: CriteriaSet) -> Result<CriteriaMarks, CellError> {
        let count = criteria.count
        let compact = String(text.filter { !$0.isWhitespace })
        let parts = compact.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2 {
            guard parts.allSatisfy(ImportWords.isNumber), parts.allSatisfy({ $0.count <= 3 }),
                  let n = Int(parts[0]), let m = Int(parts[1]) else {
                return .failure(CellError("expected N/\(count) with whole numbers, found \"\(text)\""))
            }
            if m != count { return .failure(CellError("expected N/\(count) (criteria set \(criteria.id) has \(count)), found \"\(text)\"")) }
            if n > m { return .failure(CellError("\(n) criteria met is above the \(m) of criteria set \(criteria.id), found \"\(text)\"")) }
            return .success(.count(n))
        }
        if count > 3, compact.count == count, compact.allSatisfy({ "10?".contains($0) }) {
            return .success(CriteriaMarks(statuses: compact.map { $0 == "1" ? .met : $0 == "0" ? .notMet : .unknown }))
        }
        if ImportWords.isNumber(compact), compact.count <= 3, let n = Int(compact) {
            if n > count { return .failure(CellError("\(n) criteria met is above the \(count) of criteria set \(criteria.id)")) }
            return .success(.count(n))
        }
        return .failure(CellError("expected the criteria met as N/\(count), a number 0…\(count) or \(count) characters of 1, 0 or ?, found \"\(text)\""))
    }

    /// Why a "criteria met" cell disagrees with the criterion columns of its row, or nil.
    static func disagreement(_ given: CriteriaMarks, _ marks: CriteriaMarks, count: Int) -> String? {
        let met = marks.metMask.nonzeroBitCount
        let notMet = marks.notMetMask.nonzeroBitCount
        if let n = given.publishedCount {
            if n >= met && n <= count - notMet { return nil }
            return "says \(n) criteria met, but the criterion columns mark \(met) met and \(notMet) not met"
        }
        if given.metMask == marks.metMask && given.notMetMask == marks.notMetMask { return nil }
        return "the criteria met (\(SnapshotFileText.criteria(given, count: count))) disagree with the criterion columns (\(SnapshotFileText.criteria(marks, count: count)))"
    }
}
