/// What each column of a spreadsheet holds, recognised from the header row by Vietnamese or
/// English names compared without diacritics, case or punctuation ("Tỉnh/TP", "tinh tp").
struct ImportHeader: Sendable {
    enum Role: Hashable, Sendable {
        case province, wardCode, wardName, district, stage, year, note, criteriaMet, decision, recognisedOn
        /// A column known to carry nothing to import (a running number).
        case ignored

        var name: String {
            switch self {
            case .province: return "province"
            case .wardCode: return "ward code"
            case .wardName: return "ward name"
            case .district: return "district"
            case .stage: return "stage"
            case .year: return "pilot year"
            case .note: return "note"
            case .criteriaMet: return "criteria met"
            case .decision: return "decision"
            case .recognisedOn: return "recognised on"
            case .ignored: return "ignored"
            }
        }
    }

    /// Header names by role, written as `ImportWords.key` gives them.
    static let aliases: [String: Role] = {
        let table: [(Role, [String])] = [
            (.province, ["province", "province code", "province name", "tinh", "tinh thanh", "tinh thanh pho", "tinh tp",
                         "ma tinh", "ten tinh", "tinh thanh pho truc thuoc trung uong"]),
            (.wardCode, ["ward code", "code", "ma", "ma phuong", "ma don vi", "ma dvhc", "ma phuong xa", "ma xa phuong"]),
            (.wardName, ["ward", "ward name", "ward police", "ward police unit", "phuong", "ten phuong", "don vi", "ten don vi", "phuong xa",
                         "ten phuong xa", "xa phuong", "cong an phuong", "ca phuong", "dia ban"]),
            (.district, ["district", "district name", "quan", "huyen", "quan huyen", "ten quan huyen", "quan huyen thi xa",
                         "quan huyen thi xa thanh pho", "huyen thi xa thanh pho", "quan huyen tx tp", "cap huyen"]),
            (.stage, ["stage", "status", "trang thai", "tinh trang", "giai doan", "ket qua", "muc do"]),
            (.year, ["year", "pilot year", "registered year", "year registered", "nam", "nam dang ky", "nam thi diem",
                     "nam xay dung"]),
            (.note, ["note", "notes", "comment", "comments", "remarks", "ghi chu"]),
            (.criteriaMet, ["criteria", "criteria met", "met", "tieu chi", "tieu chi dat", "so tieu chi dat",
                            "so tieu chi da dat", "tong so tieu chi dat", "tong tieu chi dat", "so tc dat", "tc dat", "ket qua tieu chi"]),
            (.decision, ["decision", "recognition decision", "quyet dinh", "so quyet dinh", "qd", "so qd", "quyet dinh cong nhan"]),
            (.recognisedOn, ["recognised on", "recognized on", "recognition date", "date recognised", "date recognized",
                             "ngay cong nhan"]),
            (.ignored, ["stt", "tt", "no", "so tt"]),
        ]
        var result: [String: Role] = [:]
        for (role, names) in table { for name in names { result[name] = role } }
        return result
    }()

    /// Words that may stand before a criterion's number: "1", "TC1", "Tiêu chí 1", "criterion 1".
    static let criterionPrefixes: Set<String> = ["", "tc", "tc so", "tieu chi", "tieu chi so", "criterion", "criterion no",
                                                 "criteria", "c"]

    /// The role a header names, if any (criterion columns aside).
    static func role(of name: String) -> Role? { aliases[ImportWords.key(withoutParentheses(name))] }

    /// The header without parenthesised asides: "Số tiêu chí đạt (N/22)" is "Số tiêu chí đạt".
    static func withoutParentheses(_ name: String) -> String {
        var depth = 0
        var kept = ""
        for c in name {
            if c == "(" || c == "[" { depth += 1; continue }
            if c == ")" || c == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { kept.append(c) }
        }
        return kept
    }

    /// Column index by role (each role once).
    private(set) var columns: [Role: Int] = [:]
    /// Column index by criterion number.
    private(set) var criterionColumns: [Int: Int] = [:]
    /// Columns whose header was not recognised (left out of the import, with a warning).
    private(set) var unknownColumns: [Int] = []
    let names: [String]

    func column(_ role: Role) -> Int? { columns[role] }

    /// Whether a row gives any figure (a stage, a year, criteria, a recognition), as opposed to
    /// naming a ward and nothing more, as a template's rows do until the province fills them in.
    func hasFigures(_ row: ImportTable.Row) -> Bool {
        let figureRoles: [Role] = [.stage, .year, .criteriaMet, .decision, .recognisedOn]
        let figureColumns = figureRoles.compactMap { columns[$0] } + criterionColumns.values
        return figureColumns.contains { $0 < row.cells.count && !ImportWords.trimmed(row.cells[$0]).isEmpty }
    }

    /// Recognises the header; problems are errors (a column named twice, criteria that do not fit
    /// the set) or warnings (a column not recognised).
    static func recognise(_ names: [String], criteria: CriteriaSet, place: ImportPlace) -> (ImportHeader, [Problem]) {
        var header = ImportHeader(names: names)
        var problems: [Problem] = []
        for (index, name) in names.enumerated() {
            let tokens = ImportWords.tokens(withoutParentheses(name))
            if let number = criterionNumber(tokens) {
                if let first = header.criterionColumns[number] {
                    problems.append(place.header(index, "criterion \(number) has a column already (\(place.describeColumn(first)))"))
                } else if number < 1 || number > criteria.count {
                    problems.append(place.header(index, "criterion \(number) is outside 1…\(criteria.count) (criteria set \(criteria.id) has \(criteria.count))"))
                } else {
                    header.criterionColumns[number] = index
                }
                continue
            }
            let key = tokens.joined(separator: " ")
            guard let role = aliases[key] ?? (key.isEmpty && ImportWords.trimmed(name) == "#" ? .ignored : nil) else {
                if !ImportWords.trimmed(name).isEmpty || index < names.count - 1 {
                    problems.append(place.header(index, "column not recognised, left out (known columns: province, ward code, ward name, district, stage, year, note, criteria met, decision, recognised on, and one per criterion 1…\(criteria.count))", severity: .warning))
                }
                header.unknownColumns.append(index)
                continue
            }
            if role == .ignored { continue }
            if let first = header.columns[role] {
                problems.append(place.header(index, "a second \(role.name) column (the first is \(place.describeColumn(first)))"))
            } else {
                header.columns[role] = index
            }
        }
        if !header.criterionColumns.isEmpty {
            let missing = (1...max(1, criteria.count)).filter { header.criterionColumns[$0] == nil }
            if !missing.isEmpty {
                problems.append(Problem(file: place.file, path: place.headerPath, line: place.headerLine, message:
                    "expected a column for every criterion 1…\(criteria.count) of criteria set \(criteria.id), missing \(ImportPlace.list(missing.map(String.init)))"))
            }
        }
        if header.columns[.wardCode] == nil && header.columns[.wardName] == nil {
            problems.append(Problem(file: place.file, path: place.headerPath, line: place.headerLine, message:
                "expected a ward code or ward name column (e.g. \"Mã phường\", \"Phường\", \"ward code\", \"ward\"), found \(ImportPlace.list(names.map { "\"\($0)\"" }))"))
        }
        return (header, problems)
    }

    /// The number of a criterion column: a known prefix (possibly none) and a number; words after
    /// the number are a description ("Tiêu chí 6: trụ sở") and allowed only after a prefix.
    static func criterionNumber(_ tokens: [String]) -> Int? {
        guard let at = tokens.firstIndex(where: ImportWords.isNumber) else { return nil }
        let prefix = tokens[..<at].joined(separator: " ")
        guard criterionPrefixes.contains(prefix), tokens[at].count <= 3, let number = Int(tokens[at]) else { return nil }
        if prefix.isEmpty && at + 1 < tokens.count { return nil }
        return number
    }
}
