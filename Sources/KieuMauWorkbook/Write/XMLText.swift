/// Text made safe for XML: markup characters escaped, and characters XML 1.0 cannot carry at all
/// written with Office's `_xHHHH_` escapes (which the workbook reader decodes back).
enum XMLText {
    /// For element content.
    static func content(_ text: String) -> String { escape(OOXMLText.escape(text), quotes: false) }

    /// For an attribute value in double quotes.
    static func attribute(_ text: String) -> String {
        escape(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" }.map(String.init).joined(), quotes: true)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "\n" where quotes: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where quotes: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
