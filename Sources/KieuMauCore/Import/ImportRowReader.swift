/// What is wrong with a cell, in words.
struct CellError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Reads one data row of a spreadsheet into a ward row of a snapshot, or the problems that stop it.
struct ImportRowReader {
    let header: ImportHeader
    let matcher: WardMatcher
    let criteria: CriteriaSet
    let place: ImportPlace
    let asOf: Day
    let sourceID: String
    /// The province given with `--province`, for sheets without a province column.
    let defaultProvince: Province?

    /// The row's ward, and the problems of the row (errors and warnings).
    func read(_ row: ImportTable.Row) -> (WardPolice?, [Problem]) {
        var problems: [Problem] = []
        var failed = false
        func cell(_ role: ImportHeader.Role) -> (text: String, column: Int)? {
            guard let column = header.column(role), column < row.cells.count else { return nil }
            let text = ImportWords.trimmed(row.cells[column])
            return text.isEmpty ? nil : (text, column)
        }
        func error(_ column: Int, _ message: String) {
            problems.append(place.cell(row: row.number, line: row.line, column: column, message)); failed = true
        }
        func warning(_ column: Int, _ message: String) {
            problems.append(place.cell(row: row.number, line: row.line, column: column, message, severity: .warning))
        }

        // Province, district, ward.
        var province = defaultProvince
        if let (text, column) = cell(.province) {
            switch matcher.province(text) {
            case .found(let p): province = p
            case .unknown(let nearest):
                province = nil
                error(column, "unknown province \"\(text)\" on map \(matcher.map.id)" + Self.suggestion(nearest.map { "\($0.name) (\($0.code))" }))
            case .ambiguous(let all):
                province = nil
                error(column, "\"\(text)\" names several provinces: " + ImportPlace.list(all.map { "\($0.name) (\($0.code))" }))
            }
        }
        var district: District?
        if let (text, column) = cell(.district), matcher.map.hasDistricts, let province {
            switch matcher.district(text, in: province) {
            case .found(let d): district = d
            case .unknown(let nearest):
                error(column, "unknown district \"\(text)\" in \(province.name)" + Self.suggestion(nearest.map(\.name)))
            case .ambiguous(let all):
                error(column, "\"\(text)\" names several districts of \(province.name): " + ImportPlace.list(all.map { "\($0.name) (\($0.code))" }))
            }
        }
        var ward: Ward?
        if let (text, column) = cell(.wardCode) {
            if let w = matcher.ward(code: text) {
                ward = w
                if let p = province, p.code != w.provinceCode, let at = header.column(.province) {
                    error(at, "ward \(w.code) (\(w.name)) is in \(provinceName(w.provinceCode)), not in \(p.name)")
                }
                if let d = district, d.code != w.districtCode, let at = header.column(.district) {
                    error(at, "ward \(w.code) (\(w.name)) is in \(matcher.map.district(w.districtCode)?.name ?? "no district"), not in \(d.name)")
                }
                if let (name, at) = cell(.wardName), WardMatcher.wardKey(name) != WardMatcher.wardKey(w.name) {
                    warning(at, "ward code \(w.code) is \(w.name) on map \(matcher.map.id), but the name says \"\(name)\"; the code is used")
                }
            } else {
                var message = "unknown ward code \"\(text)\" (not a ward of map \(matcher.map.id))"
                if let (name, _) = cell(.wardName), let p = province,
                   case .found(let w) = matcher.ward(named: name, in: p, district: district) {
                    message += "; the name \"\(name)\" is ward \(w.code)"
                }
                error(column, message)
            }
        } else if let (text, column) = cell(.wardName) {
            if let province {
                let within = district.map { " (\($0.name), \(province.name))" } ?? " in \(province.name)"
                switch matcher.ward(named: text, in: province, district: district) {
                case .found(let w): ward = w
                case .unknown(let nearest):
                    error(column, "no ward named \"\(text)\"\(within) on map \(matcher.map.id)" + Self.suggestion(nearest.map(describe)))
                case .ambiguous(let all):
                    error(column, "\"\(text)\" names \(all.count) wards\(within): \(ImportPlace.list(all.map(describe))); add a district column or the ward code")
                }
            } else if !failed {
                if let at = header.column(.province) {
                    error(at, "expected a province (name or code) to find ward \"\(text)\" in")
                } else {
                    error(column, "expected a province column or --province to find ward \"\(text)\" in")
                }
            }
        } else {
            problems.append(place.row(row.number, line: row.line, "expected a ward code or a ward name")); failed = true
        }

        // Stage: a listed ward with no stage is registered.
        var stage = Stage.registered
        var stageColumn: Int?
        if let (text, column) = cell(.stage) {
            stageColumn = column
            if let s = ImportWords.stages[ImportWords.key(text)] { stage = s } else {
                error(column, "expected a stage (\(ImportWords.stageHelp)), found \"\(text)\"")
            }
        }

        let marks = readMarks(row, error: error)

        if let marks, stage >= .complete, let column = stageColumn ?? header.column(.stage) {
            if marks.notMetMask != 0 {
                let first = marks.notMetMask.trailingZeroBitCount + 1
                error(column, "stage \(stage.token) means every criterion is met, but criterion \(first) is marked not met")
            } else if let n = marks.publishedCount, n < criteria.count {
                error(column, "stage \(stage.token) means every criterion is met, but \(n)/\(criteria.count) are")
            }
        }

        var year: Int?
        if let (text, column) = cell(.year) {
            if let y = Int(text), (1900...asOf.year).contains(y) { year = y } else {
                error(column, "expected a year 1900…\(asOf.year) (not after the snapshot's date \(asOf.iso)), found \"\(text)\"")
            }
        }
        var recognition: Recognition?
        let decision = cell(.decision)
        let recognisedOn = cell(.recognisedOn)
        if stage == .recognised {
            var day: Day?
            if let (text, column) = recognisedOn {
                day = Self.day(text)
                if day == nil { error(column, "expected a date as YYYY-MM-DD or DD/MM/YYYY, found \"\(text)\"") }
                else if let d = day, d > asOf { error(column, "expected a date no later than the snapshot's date \(asOf.iso), found \(d.iso)") }
            }
            recognition = Recognition(decision: decision.map { NFC.normalize($0.text) } ?? "", date: day)
        } else {
            for (value, name) in [(decision, "a decision"), (recognisedOn, "a recognition date")] {
                if let (_, column) = value { error(column, "\(name) belongs to stage recognised, but the stage is \(stage.token)") }
            }
        }
        let note = cell(.note).map { NFC.normalize($0.text) } ?? ""

        guard !failed, let ward, let marks else { return (nil, problems) }
        return (WardPolice(wardCode: ward.code, stage: stage, pilotYear: year, recognition: recognition, marks: marks,
                           sourceIDs: [sourceID], note: note), problems)
    }

    /// The criteria of a row from its criterion columns and its "criteria met" column; nil after an error.
    private func readMarks(_ row: ImportTable.Row, error: (Int, String) -> Void) -> CriteriaMarks? {
        let count = criteria.count
        var valid = true
        var marks = CriteriaMarks.unknown
        if !header.criterionColumns.isEmpty {
            var statuses = [CriterionStatus](repeating: .unknown, count: count)
            for number in 1...max(1, count) where number <= count {
                guard let column = header.criterionColumns[number] else { continue }
                let text = column < row.cells.count ? row.cells[column] : ""
                if let status = ImportWords.mark(text) { statuses[number - 1] = status } else {
                    error(column, "criterion \(number): expected \(ImportWords.markHelp), found \"\(ImportWords.trimmed(text))\"")
                    valid = false
                }
            }
            marks = CriteriaMarks(statuses: statuses)
        }
        if let column = header.column(.criteriaMet), column < row.cells.count {
            let text = ImportWords.trimmed(row.cells[column])
            if !text.isEmpty {
                switch Self.criteriaMet(text, criteria: criteria) {
                case .failure(let failure):
                    error(column, failure.message); valid = false
                case .success(let given) where !marks.hasMarks:
                    marks = given
                case .success(let given):
                    if let message = Self.disagreement(given, marks, count: count) { error(column, message); valid = false }
                }
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

    static func suggestion(_ names: [String]) -> String {
        names.isEmpty ? "" : "; did you mean " + ImportPlace.list(names) + "?"
    }

    private func describe(_ ward: Ward) -> String {
        let district = matcher.map.district(ward.districtCode).map { ", \($0.name)" } ?? ""
        return "\(ward.name) (\(ward.code)\(district))"
    }

    private func provinceName(_ code: String) -> String {
        matcher.map.province(code).map { "\($0.name) (\($0.code))" } ?? code
    }

    /// `YYYY-MM-DD`, or `DD/MM/YYYY` as Vietnamese sheets write dates (also with `-` or `.`).
    static func day(_ text: String) -> Day? {
        if let d = Day(iso: text) { return d }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}
