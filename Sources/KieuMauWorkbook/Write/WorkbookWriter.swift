/// Writes a `WorkbookDocument` as an .xlsx: the package's parts (content types, relationships,
/// workbook, styles, shared strings, one part per sheet) deflated into a zip, as Excel writes
/// them. The same document gives the same bytes.
public enum WorkbookWriter {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    public static func write(_ document: WorkbookDocument) -> [UInt8] {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", bytes(contentTypes(sheets: document.sheets.count)))
        zip.add("_rels/.rels", bytes(declaration + """
            <Relationships xmlns="\(packageRelationships)">\
            <Relationship Id="rId1" Type="\(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """))
        zip.add("xl/workbook.xml", bytes(workbook(document.sheets)))
        zip.add("xl/_rels/workbook.xml.rels", bytes(workbookRelationships(sheets: document.sheets.count)))
        zip.add("xl/styles.xml", bytes(WorkbookStyles.part))
        var strings = SharedStringTable()
        for (index, sheet) in document.sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", bytes(SheetWriter.part(sheet, selected: index == 0, strings: &strings)))
        }
        zip.add("xl/sharedStrings.xml", bytes(strings.part))
        return zip.finished()
    }

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private static func contentTypes(sheets: Int) -> String {
        let sheetTypes = (0..<sheets).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            \(sheetTypes)</Types>
            """
    }

    private static func workbook(_ sheets: [WorkbookDocument.Sheet]) -> String {
        let listed = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(XMLText.attribute(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        return declaration + """
            <workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipNamespace)">\
            <workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>\
            <sheets>\(listed)</sheets></workbook>
            """
    }

    private static func workbookRelationships(sheets: Int) -> String {
        var relations = (0..<sheets).map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        relations.append("<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>")
        relations.append("<Relationship Id=\"rId\(sheets + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        return declaration + "<Relationships xmlns=\"\(packageRelationships)\">" + relations.joined() + "</Relationships>"
    }
}
