import KieuMauCore

/// The second sheet of a template: what it was made for, in rows of a label and a value that a
/// person reads and the import reads back (`ImportTemplate`), then the criteria and instructions.
enum TemplateInfoSheet {
    static let name = "Hướng dẫn (Instructions)"

    /// The value that marks a workbook as a template of this layout.
    static let marker = "kieumau-template-1"

    enum Label {
        static let template = "Mẫu / Template"
        static let provinceCode = "Mã tỉnh / Province code"
        static let province = "Tỉnh / Province"
        static let map = "Bản đồ / Map"
        static let criteria = "Bộ tiêu chí / Criteria set"
        static let date = "Ngày / Date"
    }

    /// Rows of the sheet searched for the labels (they are at the top).
    static let rowsRead = 20

    /// What the sheet says the workbook was made for; nil when it is not a template's sheet.
    static func template(in grid: SheetGrid) -> ImportTemplate? {
        var values: [String: String] = [:]
        for row in grid.rows where row.cells.count >= 2 {
            values[WorkbookText.trimmed(row.cells[0])] = WorkbookText.trimmed(row.cells[1])
        }
        guard values[Label.template] == marker, let province = values[Label.provinceCode], let map = values[Label.map],
              let criteria = values[Label.criteria], !province.isEmpty, !map.isEmpty, !criteria.isEmpty else { return nil }
        return ImportTemplate(provinceCode: province, mapID: map, criteriaID: criteria)
    }
}

/// Text helpers of this module.
enum WorkbookText {
    /// Without white space (any Unicode white space) at either end.
    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
