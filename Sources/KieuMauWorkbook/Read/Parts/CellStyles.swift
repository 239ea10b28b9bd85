/// The cell styles part (`xl/styles.xml`), read for one thing: which cell formats show a number
/// as a date, so that a date stored as an Excel serial number is imported as the date it shows.
struct CellStyles: Sendable {
    /// By cell format index (a cell's `s` attribute): whether it shows a date.
    var isDate: [Bool] = []

    func showsDate(_ index: Int) -> Bool { index >= 0 && index < isDate.count && isDate[index] }

    static func read(_ bytes: [UInt8], part: String, maxDepth: Int) throws(WorkbookError) -> CellStyles {
        var reader = try XMLPullReader(bytes, part: part, maxDepth: maxDepth)
        var customDates: [Int: Bool] = [:]
        var styles = CellStyles()
        var inCellFormats = false
        while true {
            switch try reader.next() {
            case .done:
                return styles
            case .start where reader.isElement("numFmt"):
                if let id = try reader.attribute("numFmtId").flatMap({ Int($0) }), let code = try reader.attribute("formatCode") {
                    customDates[id] = isDateFormat(code)
                }
            case .start where reader.isElement("cellXfs"):
                inCellFormats = true
            case .end where reader.isElement("cellXfs"):
                inCellFormats = false
            case .start where inCellFormats && reader.isElement("xf"):
                let id = try reader.attribute("numFmtId").flatMap { Int($0) } ?? 0
                styles.isDate.append(customDates[id] ?? builtInDates.contains(id))
            default:
                continue
            }
        }
    }

    /// Excel's built-in formats that show dates (14–17, 22 and the East Asian 27–36, 50–58);
    /// 18–21 and 45–47 show only a time.
    static let builtInDates: Set<Int> = Set([14, 15, 16, 17, 22] + Array(27...36) + Array(50...58))

    /// A custom format shows a date when, outside quoted text, brackets and escaped characters,
    /// it has a day or year code (`m` alone may be minutes).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\"": inQuotes.toggle()
            case "\\" where !inQuotes: escaped = true
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "d" where !inQuotes && !inBrackets, "y" where !inQuotes && !inBrackets: return true
            default: continue
            }
        }
        return false
    }
}
