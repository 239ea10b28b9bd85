import Testing
@testable import KieuMauWorkbook

/// What fuzz-xlsx found (docs/FUZZING.md), each input inline.
@Suite struct FuzzWorkbookTests {
    /// An underscore, "x" and four hex digits, then a control character: the control's escape
    /// (`_x0006_`) made the text before it read as an escape too ("_x0042_" → "B").
    @Test func textThatEndsLikeAnEscapeBeforeAControlCharacterRoundTrips() throws {
        let texts = ["\u{1E}[31m_x0042\u{06}_\r\n\u{01}\u{1E}[3\0\0\0]\0\0]>", "_x0042\u{06}", "_x00AF\u{1}_", "a_x1234", "_x12"]
        for text in texts {
            #expect(OOXMLText.unescape(OOXMLText.escape(text)) == text, "\(text.debugDescription)")
        }
        var sheet = WorkbookDocument.Sheet(name: "Fuzz")
        for (i, text) in texts.enumerated() { sheet[0, i + 1] = .text(text) }
        let rows = try WorkbookTableReader.cells(bytes: WorkbookWriter.write(WorkbookDocument(sheets: [sheet])), file: "f.xlsx").get()
        #expect(rows.map(\.cells) == texts.map { [$0] })
    }
}
