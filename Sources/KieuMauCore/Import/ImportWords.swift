/// How the words of a spreadsheet are compared: folded (no diacritics, no case, "đ" as "d") and cut
/// into runs of letters and runs of digits, so "Tiêu chí 1", "TC.1" and "tieu chi 1" agree.
enum ImportWords {
    /// Runs of letters and runs of digits of the folded text; everything else separates them.
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var currentIsDigit = false
        for scalar in SearchFolding.fold(text).unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar)
            let isLetter = !isDigit && scalar.properties.isAlphabetic
            if isDigit || isLetter {
                if !current.isEmpty && isDigit != currentIsDigit { result.append(String(current)); current = .init() }
                current.append(scalar)
                currentIsDigit = isDigit
            } else if !current.isEmpty {
                result.append(String(current)); current = .init()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// The tokens joined with single spaces: the form the vocabulary tables below are written in.
    static func key(_ text: String) -> String { tokens(text).joined(separator: " ") }

    /// Whether a token is all ASCII digits.
    static func isNumber(_ token: String) -> Bool { !token.isEmpty && token.utf8.allSatisfy { $0 &- 48 < 10 } }

    /// A number token without its leading zeros ("01" → "1"), so "Phường 01" is "Phường 1".
    static func withoutLeadingZeros(_ token: String) -> String {
        guard isNumber(token) else { return token }
        let trimmed = token.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// The text with spaces at both ends removed (any Unicode white space, including the no-break
    /// space spreadsheets leave behind).
    static func trimmed(_ text: String) -> String {
        // Most cells start and end with a printable ASCII character: nothing to look up.
        if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return text
        }
        var s = Substring(text)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// The first cell of a row of sums under the wards ("Tổng cộng"), which is not a ward.
    static let totalRowWords: Set<String> = ["tong", "tong cong", "tong so", "cong", "total", "totals", "sum"]

    /// A stage word of a spreadsheet: the snapshot tokens and the Vietnamese words provinces write.
    /// A blank cell is nil (the caller decides what blank means).
    static let stages: [String: Stage] = {
        var table: [String: Stage] = [:]
        let words: [(Stage, [String])] = [
            (.notRegistered, ["none", "not registered", "unregistered", "chua dang ky", "khong dang ky", "khong"]),
            (.registered, ["registered", "in progress", "dang ky", "da dang ky", "dang ky xay dung", "dang xay dung",
                           "xay dung", "chua dat", "chua dat du", "chua dat du tieu chi"]),
            (.complete, ["complete", "completed", "dat", "da dat", "dat du", "dat du tieu chi", "du tieu chi",
                         "hoan thanh", "da hoan thanh", "dat chuan"]),
            (.recognised, ["recognised", "recognized", "cong nhan", "da cong nhan", "duoc cong nhan",
                           "da duoc cong nhan"]),
        ]
        for (stage, list) in words { for word in list { table[word] = stage } }
        return table
    }()

    static let stageHelp = "none, registered, complete, recognised, or chưa đăng ký, đã đăng ký, đạt, công nhận"

    /// A criterion cell: met, not met, or unknown (blank, "?").
    static let marks: [String: CriterionStatus] = {
        var table: [String: CriterionStatus] = [:]
        let words: [(CriterionStatus, [String])] = [
            (.met, ["1", "x", "v", "dat", "da dat", "co", "yes", "y", "true", "met"]),
            (.notMet, ["0", "chua dat", "khong dat", "khong", "no", "n", "false", "not met"]),
            (.unknown, ["chua ro", "khong ro", "unknown"]),
        ]
        for (status, list) in words { for word in list { table[word] = status } }
        return table
    }()

    /// Signs that have no letters or digits, so they fold to no tokens: matched as they are.
    static let markSigns: [String: CriterionStatus] = [
        "✓": .met, "✔": .met, "☑": .met, "+": .met, "✗": .notMet, "✘": .notMet, "☐": .notMet, "?": .unknown,
    ]

    static let markHelp = "1, x, ✓ or đạt (met), 0 or chưa đạt (not met), ? or blank (unknown)"

    /// nil when the cell is not understood (a sign of its own, "-", "1.5").
    static func mark(_ cell: String) -> CriterionStatus? {
        let text = trimmed(cell)
        if text.isEmpty { return .unknown }
        if let sign = markSigns[text] { return sign }
        let folded = key(text)
        return folded.isEmpty ? nil : marks[folded]
    }
}

/// Stage and criterion words read before, by the cell's text: a sheet repeats a handful of them
/// ("đạt", "1", "Đã đăng ký") thousands of times, and folding each one again was most of the time
/// of a 20,000-row import. Bounded, so a sheet of distinct words cannot grow it without end.
struct ImportWordCache {
    private var marks: [String: CriterionStatus?] = [:]
    private var stages: [String: Stage?] = [:]
    static let capacity = 4_096
    static let commonMarks: [(String, CriterionStatus)] = [("1", .met), ("0", .notMet), ("", .unknown), ("đạt", .met),
                                                           ("chưa đạt", .notMet), ("?", .unknown), ("x", .met)]

    mutating func mark(_ text: String) -> CriterionStatus? {
        // The template's words and the digits most sheets use, compared directly: no hashing.
        let length = text.utf8.count
        for (word, status) in Self.commonMarks where word.utf8.count == length && word == text { return status }
        if let known = marks[text] { return known }
        let status = ImportWords.mark(text)
        if marks.count < Self.capacity { marks[text] = status }
        return status
    }

    mutating func stage(_ text: String) -> Stage? {
        if let known = stages[text] { return known }
        let stage = ImportWords.stages[ImportWords.key(text)]
        if stages.count < Self.capacity { stages[text] = stage }
        return stage
    }
}
