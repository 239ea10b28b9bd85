import KieuMauCore

/// A cell's value as the text the import's column rules read — the text a CSV export of the sheet
/// would hold, so that the rules are the CSV import's:
///
/// | Excel stores | the import reads |
/// |---|---|
/// | a number (`1`, `2021`, `16666`, `21.0`) | the number, whole numbers without a decimal point (`1`, `2021`) |
/// | a number in a date format (a serial day number) | the date, `YYYY-MM-DD` |
/// | a boolean | `TRUE` or `FALSE` |
/// | a shared or inline string, a formula's text | the text (rich text runs joined) |
/// | an error (`#N/A`) | the error's text, which no rule accepts |
/// | an empty cell | blank |
enum CellText {
    /// The text of a cell's stored value; an error (without a place: the caller names the cell)
    /// when the value cannot be what its type says.
    static func text(type: String?, stored: String?, inline: String?, showsDate: Bool, strings: [String],
                     date1904: Bool) throws(WorkbookError) -> String {
        switch type {
        case "s":
            guard let stored else { return "" }
            guard let index = Int(stored), index >= 0, index < strings.count else {
                throw WorkbookError("", "the cell names shared string \(stored), but the workbook has \(strings.count)")
            }
            return strings[index]
        case "inlineStr":
            return inline ?? stored.map(OOXMLText.unescape) ?? ""
        case "str":
            return OOXMLText.unescape(stored ?? "")
        case "b":
            switch stored {
            case nil: return ""
            case "1", "true": return "TRUE"
            case "0", "false": return "FALSE"
            default: throw WorkbookError("", "a boolean cell holds \"\(stored ?? "")\"; expected 1 or 0")
            }
        case "e":
            return stored ?? ""
        case "d":
            // An ISO 8601 date and time (Strict Open XML); the import reads the day.
            guard let stored else { return "" }
            return Day(iso: stored.prefix(10)).map(\.iso) ?? stored
        case nil, "n":
            guard let stored, !stored.isEmpty else { return "" }
            return try number(stored, showsDate: showsDate, date1904: date1904)
        default:
            throw WorkbookError("", "the cell has the type \"\(type ?? "")\"; expected s, inlineStr, str, b, e, d or n")
        }
    }

    /// The text of the two commonest cells straight from their bytes: a shared string (`t="s"`)
    /// by its index, and a whole number of up to 15 digits without a leading zero (`t` absent or
    /// `n`) in a format that is not a date — the same text `text` gives them. Nil for the rest.
    static func fastText(type: ArraySlice<UInt8>?, stored: ArraySlice<UInt8>, showsDate: Bool, strings: [String]) -> String? {
        guard !stored.isEmpty, stored.count <= 15, stored.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        if let type, type.count == 1, type.first == UInt8(ascii: "s") {
            var index = 0
            for digit in stored { index = index * 10 + Int(digit - 48) }
            return index < strings.count ? strings[index] : nil
        }
        let isNumber = type == nil || (type?.count == 1 && type?.first == UInt8(ascii: "n"))
        guard isNumber, !showsDate, stored.count == 1 || stored.first != UInt8(ascii: "0") else { return nil }
        return String(decoding: stored, as: UTF8.self)
    }

    /// A stored number: whole numbers without a decimal point, other numbers in the shortest form
    /// that reads back the same; in a date format, the day of the serial number.
    static func number(_ stored: String, showsDate: Bool, date1904: Bool) throws(WorkbookError) -> String {
        guard let value = Double(stored), value.isFinite,
              stored.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 69 || $0 == 101 }) else {
            throw WorkbookError("", "a number cell holds \"\(stored)\", which is not a number")
        }
        if showsDate, let day = day(serial: value, date1904: date1904) { return day.iso }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// The day an Excel serial number stands for, or nil outside 1900…9999. In the 1900 system
    /// day 1 is 1 January 1900 and day 60 the 29 February 1900 that Lotus 1-2-3 invented (no day);
    /// in the 1904 system day 0 is 1 January 1904. A fraction is a time of day, not read.
    static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial >= 0, serial < 3_000_000 else { return nil }
        let days = Int(serial.rounded(.down))
        let daysSince1970: Int
        if date1904 {
            daysSince1970 = days - 24_107
        } else {
            guard days >= 1, days != 60 else { return nil }
            daysSince1970 = days < 60 ? days - 25_568 : days - 25_569
        }
        guard daysSince1970 <= 2_932_896 else { return nil }   // 9999-12-31
        return Day.today(secondsSince1970: daysSince1970 * 86_400)
    }
}
