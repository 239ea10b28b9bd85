import KieuMauCore

/// The workbook a province fills in and sends back (`kieumau template`): on its first sheet, one
/// row per ward (phường) of the province on the map, with code, name and district locked, and a
/// stage and one column per criterion to choose from drop-down lists, and a note; on its second,
/// what it was made for, the criteria and instructions in Vietnamese and English.
///
/// The sheet is laid out the way provinces' own sheets are — title rows, a header over two rows
/// ("Tiêu chí" over 1…N) — and its words are the import's (`đạt`, `chưa đạt`, `đã đăng ký`…),
/// so that it imports back with no edits.
public struct ProvinceTemplate: Sendable {
    public let map: AdminMap
    public let province: Province
    public let criteria: CriteriaSet
    /// The date the map and the criteria set were chosen for.
    public let asOf: Day

    public init(map: AdminMap, province: Province, criteria: CriteriaSet, asOf: Day) {
        self.map = map; self.province = province; self.criteria = criteria; self.asOf = asOf
    }

    /// The stages offered, in the import's words: none, registered, complete, recognised.
    public static let stageChoices = ["chưa đăng ký", "đã đăng ký", "đạt đủ tiêu chí", "đã công nhận"]
    /// A criterion's choices: met, not met, unknown.
    public static let criterionChoices = ["đạt", "chưa đạt", "?"]

    /// Rows: three of titles, two of header, then one per ward.
    static let headerRow = 4
    static let firstWardRow = 6

    /// The columns, left to right; the district only on maps that have districts.
    struct Columns {
        let number = 0, code = 1, name = 2
        let district: Int?
        let stage: Int
        let firstCriterion: Int
        let note: Int
        let criteriaCount: Int

        init(hasDistricts: Bool, criteriaCount: Int) {
            district = hasDistricts ? 3 : nil
            stage = hasDistricts ? 4 : 3
            firstCriterion = stage + 1
            note = firstCriterion + criteriaCount
            self.criteriaCount = criteriaCount
        }

        var last: Int { note }
    }

    public var wards: ArraySlice<Ward> {
        guard let index = map.provinceIndex[province.code] else { return [] }
        return map.wards(ofProvinceAt: index)
    }

    /// The province's name without "Tỉnh" or "Thành phố", as the sheet is named: "Nghệ An".
    public var sheetName: String {
        let folded = SearchFolding.fold(province.name)
        let prefix = NameTypePrefix.province.first { folded.hasPrefix($0) }
        let words = province.name.split(separator: " ")
        let dropped = prefix.map { $0.split(separator: " ").count } ?? 0
        return SheetName.safe(words.count > dropped ? words.dropFirst(dropped).joined(separator: " ") : province.name)
    }

    public var document: WorkbookDocument {
        WorkbookDocument(sheets: [wardSheet, TemplateInstructions(template: self).sheet])
    }

    var columns: Columns { Columns(hasDistricts: map.hasDistricts, criteriaCount: criteria.count) }

    private var wardSheet: WorkbookDocument.Sheet {
        let columns = self.columns
        var sheet = WorkbookDocument.Sheet(name: sheetName)
        let lastRow = Self.firstWardRow + max(wards.count, 1) - 1

        sheet[0, 1] = .text("CÔNG AN PHƯỜNG KIỂU MẪU — \(province.name.uppercased())", .title)
        sheet[0, 2] = .text("Bản đồ \(map.id), bộ tiêu chí \(criteria.id) (\(criteria.count) tiêu chí), ngày \(asOf.iso). Chọn trạng thái và từng tiêu chí trong danh sách; để trống phường chưa có số liệu. Xem trang \"\(TemplateInfoSheet.name)\".", .wrapped)
        sheet[0, 3] = .text("Map \(map.id), criteria set \(criteria.id) (\(criteria.count) criteria), as of \(asOf.iso). Choose the stage and each criterion from the lists; leave a ward blank when it has no figures. See the \"\(TemplateInfoSheet.name)\" sheet.", .wrapped)
        for row in 1...3 {
            sheet.merges.append(.init(firstColumn: 0, firstRow: row, lastColumn: columns.last, lastRow: row))
        }
        sheet.rowHeights = [2: 32, 3: 32]

        // The header over two rows: "Tiêu chí" spans the criteria, whose numbers stand under it;
        // every other column's name spans both rows.
        let top = Self.headerRow, below = Self.headerRow + 1
        var names: [(Int, String)] = [(columns.number, "STT"), (columns.code, "Mã phường"), (columns.name, "Tên phường"),
                                      (columns.stage, "Trạng thái"), (columns.note, "Ghi chú")]
        if let district = columns.district { names.append((district, "Quận/Huyện")) }
        for (column, name) in names {
            sheet[column, top] = .text(name, .header)
            sheet[column, below] = WorkbookDocument.Cell(.empty, .header)
            sheet.merges.append(.init(firstColumn: column, firstRow: top, lastColumn: column, lastRow: below))
        }
        let lastCriterion = columns.firstCriterion + criteria.count - 1
        for number in stride(from: 1, through: criteria.count, by: 1) {
            let column = columns.firstCriterion + number - 1
            sheet[column, top] = WorkbookDocument.Cell(number == 1 ? .text("Tiêu chí") : .empty, .header)
            sheet[column, below] = .text(String(number), .header)
        }
        if criteria.count > 1 {
            sheet.merges.append(.init(firstColumn: columns.firstCriterion, firstRow: top, lastColumn: lastCriterion, lastRow: top))
        }

        for (offset, ward) in wards.enumerated() {
            let row = Self.firstWardRow + offset
            sheet[columns.number, row] = WorkbookDocument.Cell(.number(Double(offset + 1)), .fixed)
            sheet[columns.code, row] = .text(ward.code, .fixed)
            sheet[columns.name, row] = .text(ward.name, .fixed)
            if let district = columns.district {
                sheet[district, row] = .text(map.district(ward.districtCode)?.name ?? "", .fixed)
            }
            for column in [columns.stage, columns.note] + Array(columns.firstCriterion..<columns.note) {
                sheet[column, row] = WorkbookDocument.Cell(.empty, .input)
            }
        }

        let wardRows = (first: Self.firstWardRow, last: lastRow)
        sheet.dropDowns.append(.init(
            range: .init(firstColumn: columns.stage, firstRow: wardRows.first, lastColumn: columns.stage, lastRow: wardRows.last),
            items: Self.stageChoices, promptTitle: "Trạng thái / Stage",
            prompt: "chưa đăng ký (none), đã đăng ký (registered), đạt đủ tiêu chí (complete), đã công nhận (recognised); để trống: chưa có số liệu / blank: no figures",
            errorTitle: "Trạng thái / Stage", error: "Chọn một trạng thái trong danh sách. / Choose a stage from the list."))
        if criteria.count > 0 {
            sheet.dropDowns.append(.init(
                range: .init(firstColumn: columns.firstCriterion, firstRow: wardRows.first, lastColumn: lastCriterion, lastRow: wardRows.last),
                items: Self.criterionChoices, promptTitle: "Tiêu chí / Criterion",
                prompt: "đạt (met), chưa đạt (not met), ? (chưa rõ / unknown)",
                errorTitle: "Tiêu chí / Criterion", error: "Chọn đạt, chưa đạt hoặc ?. / Choose đạt, chưa đạt or ?."))
        }

        sheet.columnWidths = [columns.number: 5, columns.code: 9, columns.name: 24, columns.stage: 16, columns.note: 32]
        if let district = columns.district { sheet.columnWidths[district] = 22 }
        for column in columns.firstCriterion..<columns.note { sheet.columnWidths[column] = 8 }
        sheet.frozenAt = (column: columns.stage, row: Self.firstWardRow)
        sheet.isProtected = true
        return sheet
    }
}
