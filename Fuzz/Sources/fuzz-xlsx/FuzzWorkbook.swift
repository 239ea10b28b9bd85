import KieuMauWorkbook

/// Workbooks around fuzzed XML: the package's fixed parts, stored uncompressed with right
/// checksums, so that the fuzzer's changes land in the XML reader and the sheet reader.
enum FuzzWorkbook {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `parts` split at 0x01: the sheet's XML, then the shared strings' and the styles' (if given).
    static func stored(parts: [UInt8], date1904: Bool) -> [UInt8] {
        let pieces = parts.split(separator: 0x01, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
        var entries: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
            ("_rels/.rels", Array("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relations)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".utf8)),
            ("xl/workbook.xml", Array("<workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets><sheet name=\"Nghệ An\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Array(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(relations)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"\(relations)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"\(relations)/styles\" Target=\"styles.xml\"/></Relationships>").utf8)),
            ("xl/worksheets/sheet1.xml", pieces.first ?? []),
        ]
        if pieces.count > 1 { entries.append(("xl/sharedStrings.xml", pieces[1])) }
        if pieces.count > 2 { entries.append(("xl/styles.xml", pieces[2])) }
        var zip = ZipWriter()
        for (name, contents) in entries { zip.add(name, contents, deflated: false) }
        return zip.finished()
    }
}
