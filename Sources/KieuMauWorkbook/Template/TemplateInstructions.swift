import KieuMauCore

/// The template's second sheet: what it was made for (read back by the import), the criteria
/// set with what is known of each criterion, and how to fill the first sheet, in Vietnamese and
/// English.
struct TemplateInstructions {
    let template: ProvinceTemplate

    var sheet: WorkbookDocument.Sheet {
        let map = template.map, criteria = template.criteria, province = template.province
        var sheet = WorkbookDocument.Sheet(name: TemplateInfoSheet.name)
        var row = 1
        func line(_ text: String, _ style: WorkbookDocument.CellStyle = .wrapped, merged: Bool = true) {
            sheet[0, row] = .text(text, style)
            if merged { sheet.merges.append(.init(firstColumn: 0, firstRow: row, lastColumn: 2, lastRow: row)) }
            row += 1
        }
        func field(_ label: String, _ value: String, _ detail: String = "") {
            sheet[0, row] = .text(label, .label)
            sheet[1, row] = .text(value)
            if !detail.isEmpty { sheet[2, row] = .text(detail, .wrapped) }
            row += 1
        }

        line("Mẫu báo cáo Công an phường kiểu mẫu / Model ward police report template", .title, merged: false)
        row += 1
        field(TemplateInfoSheet.Label.template, TemplateInfoSheet.marker, "kieumau template")
        field(TemplateInfoSheet.Label.provinceCode, province.code)
        field(TemplateInfoSheet.Label.province, province.name, "\(template.wards.count) phường / wards")
        field(TemplateInfoSheet.Label.map, map.id, map.title)
        field(TemplateInfoSheet.Label.criteria, criteria.id, criteria.title + (criteria.decision.isEmpty ? "" : " — \(criteria.decision)"))
        field(TemplateInfoSheet.Label.date, template.asOf.iso, "bản đồ và bộ tiêu chí có hiệu lực ngày này / map and criteria set in force on this day")
        row += 1

        line("Hướng dẫn", .label, merged: false)
        for text in vietnamese { line(text) }
        row += 1
        line("Instructions", .label, merged: false)
        for text in english { line(text) }
        row += 1

        sheet[0, row] = .text("Tiêu chí / Criterion", .header)
        sheet[1, row] = .text("Tên / Name", .header)
        sheet[2, row] = .text("Nội dung / Subject", .header)
        row += 1
        let known = Dictionary(criteria.criteria.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        for number in stride(from: 1, through: criteria.count, by: 1) {
            let criterion = known[number]
            let names = [criterion?.nameVi ?? "", criterion?.nameEn ?? ""].filter { !$0.isEmpty }
            sheet[0, row] = WorkbookDocument.Cell(.number(Double(number)))
            sheet[1, row] = .text(names.isEmpty ? "(chưa công bố / not published)" : names.joined(separator: " / "), .wrapped)
            sheet[2, row] = .text(criterion?.subject ?? "", .wrapped)
            row += 1
        }
        sheet.columnWidths = [0: 26, 1: 40, 2: 60]
        sheet.isProtected = true
        return sheet
    }

    private var vietnamese: [String] {
        let c = template.criteria.count
        return [
            "1. Trang \"\(template.sheetName)\" có một dòng cho mỗi phường của \(template.province.name) trên bản đồ \(template.map.id). Mã, tên phường\(template.map.hasDistricts ? " và quận/huyện" : "") được khoá: không thêm, xoá hay sửa các dòng.",
            "2. Cột \"Trạng thái\": chọn chưa đăng ký, đã đăng ký, đạt đủ tiêu chí hoặc đã công nhận. \"Đạt đủ tiêu chí\" và \"đã công nhận\" nghĩa là đạt cả \(c) tiêu chí.",
            "3. Các cột tiêu chí 1…\(c): chọn đạt, chưa đạt hoặc ? (chưa rõ) cho từng tiêu chí. Để trống cũng là chưa rõ.",
            "4. Phường chưa có số liệu: để trống cả dòng (trạng thái và tiêu chí). Cột \"Ghi chú\" ghi tuỳ ý.",
            "5. Lưu dạng Excel (.xlsx), giữ nguyên tên các trang, và gửi lại. Nhập: kieumau import TỆP.xlsx --as-of NGÀY-SỐ-LIỆU",
        ]
    }

    private var english: [String] {
        let c = template.criteria.count
        return [
            "1. The \"\(template.sheetName)\" sheet has one row per ward of \(template.province.name) on map \(template.map.id). Codes, names\(template.map.hasDistricts ? " and districts" : "") are locked: do not add, remove or change rows.",
            "2. \"Trạng thái\" (stage): choose chưa đăng ký (not registered), đã đăng ký (registered), đạt đủ tiêu chí (meets all \(c) criteria) or đã công nhận (recognised).",
            "3. Criterion columns 1…\(c): choose đạt (met), chưa đạt (not met) or ? (unknown) for each. Blank also means unknown.",
            "4. A ward without figures: leave its whole row blank (stage and criteria). \"Ghi chú\" (note) is free text.",
            "5. Save as an Excel workbook (.xlsx), keeping the sheets' names, and send it back. Import: kieumau import FILE.xlsx --as-of DATE-OF-FIGURES",
        ]
    }
}
