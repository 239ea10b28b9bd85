/// Tells what a file given as a workbook really is, from its first bytes, so that a file that is
/// not an .xlsx gets a message that says what it is and what to do, rather than "corrupt zip".
enum WorkbookSniffer {
    enum Kind: Equatable {
        case zip
        /// An OLE compound file: a password-protected workbook (Excel wraps the encrypted package
        /// in one) or an Excel 97–2003 .xls.
        case encrypted, legacyExcel, otherCompoundFile
        case html, spreadsheetML2003, text, empty, unknown
    }

    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let emptyZipMagic: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func kind(_ bytes: [UInt8]) -> Kind {
        if bytes.isEmpty { return .empty }
        if bytes.starts(with: zipMagic) || bytes.starts(with: emptyZipMagic) { return .zip }
        if bytes.starts(with: compoundFileMagic) {
            // The directory names its streams in UTF-16LE: an encrypted OOXML package has
            // "EncryptedPackage"; an .xls has "Workbook" (or "Book" for Excel 5).
            if contains(bytes, utf16: "EncryptedPackage") || contains(bytes, utf16: "EncryptionInfo") { return .encrypted }
            if contains(bytes, utf16: "Workbook") || contains(bytes, utf16: "Book") { return .legacyExcel }
            return .otherCompoundFile
        }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        let start = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if start.hasPrefix("<") {
            if head.contains("progid=\"excel.sheet\"") || head.contains("urn:schemas-microsoft-com:office:spreadsheet") {
                return .spreadsheetML2003
            }
            if head.contains("<html") || head.contains("<table") || head.contains("<!doctype html") { return .html }
        }
        let sample = bytes.prefix(4096)
        let controls = sample.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }.count
        if controls == 0 { return .text }
        return .unknown
    }

    /// What to tell the user about a file of this kind given as a workbook; nil for a zip.
    static func refusal(_ kind: Kind, bytes: [UInt8]) -> String? {
        switch kind {
        case .zip: return nil
        case .empty: return "the file is empty, not a workbook"
        case .encrypted:
            return "the workbook is encrypted (password-protected); open it in Excel or LibreOffice, remove the password (File › Info › Protect Workbook, or Save As without one) and import the saved copy"
        case .legacyExcel:
            return "the file is an Excel 97–2003 workbook (.xls), not .xlsx; open it and save it as \"Excel Workbook (.xlsx)\""
        case .otherCompoundFile:
            return "the file is an OLE compound file (an old Office document), not an .xlsx workbook; save the sheet as .xlsx"
        case .html:
            return "the file is an HTML page, not a workbook (some systems export \"Excel\" files as web pages); open it in a spreadsheet program and save it as .xlsx"
        case .spreadsheetML2003:
            return "the file is an Excel 2003 XML spreadsheet, not .xlsx; open it and save it as \"Excel Workbook (.xlsx)\""
        case .text:
            return "the file is text (CSV?), not an .xlsx workbook; if it is CSV, give it the .csv extension and import that"
        case .unknown:
            let shown = bytes.prefix(4).map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            return "the file is not a workbook: an .xlsx is a zip archive starting with \"PK\", this one starts with \(shown)"
        }
    }

    private static func contains(_ bytes: [UInt8], utf16 text: String) -> Bool {
        let pattern = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var i = 0
        while i <= bytes.count - pattern.count {
            if bytes[i] == first, bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return true }
            i += 1
        }
        return false
    }
}
