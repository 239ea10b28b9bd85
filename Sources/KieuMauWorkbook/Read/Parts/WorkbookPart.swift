/// The workbook part (`xl/workbook.xml`): its sheets in order and its date system.
struct WorkbookPart {
    struct ListedSheet: Sendable {
        var name: String
        var relationID: String
        var hidden: Bool
    }

    var sheets: [ListedSheet] = []
    var date1904 = false

    static func read(_ bytes: [UInt8], part: String, maxDepth: Int) throws(WorkbookError) -> WorkbookPart {
        var reader = try XMLPullReader(bytes, part: part, maxDepth: maxDepth)
        var result = WorkbookPart()
        while true {
            switch try reader.next() {
            case .done:
                return result
            case .start where reader.isElement("workbookPr"):
                let value = try reader.attribute("date1904")
                result.date1904 = value == "1" || value == "true"
            case .start where reader.isElement("sheet"):
                guard let name = try reader.attribute("name"), let id = try reader.attribute("id") else {
                    throw WorkbookError(part, "a sheet without a name or a relationship id")
                }
                let state = try reader.attribute("state")
                result.sheets.append(ListedSheet(name: name, relationID: id, hidden: state == "hidden" || state == "veryHidden"))
            default:
                continue
            }
        }
    }
}
