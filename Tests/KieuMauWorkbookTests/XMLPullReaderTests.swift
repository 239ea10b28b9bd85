import Testing
@testable import KieuMauWorkbook

/// The XML reader of workbook parts: what it reads, and what it refuses before reading further.
@Suite struct XMLPullReaderTests {
    /// The tokens of a document as "<name", "/name" and "text" strings, or the error's message.
    static func tokens(_ xml: String, maxDepth: Int = 64) -> [String] {
        do {
            var reader = try XMLPullReader(Array(xml.utf8), part: "p.xml", maxDepth: maxDepth)
            var out: [String] = []
            while true {
                switch try reader.next() {
                case .done: return out
                case .start: out.append("<" + ((try? reader.attribute("id")).flatMap { $0 }.map { "id=\($0)" } ?? ""))
                case .end: out.append("/")
                case .text: if !reader.textIsBlank { out.append(try reader.text()) }
                }
            }
        } catch {
            return ["error: " + error.message]
        }
    }

    @Test func readsElementsTextReferencesAndCDATA() {
        #expect(Self.tokens("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a id='1'><b id=\"x&amp;y\">T&lt;1&#x1EA1;&#33;</b><c/><![CDATA[<raw&>]]><!-- note --></a>\n")
                == ["<id=1", "<id=x&y", "T<1ạ!", "/", "<", "/", "<raw&>", "/"])
        #expect(Self.tokens("\u{FEFF}<x:row xmlns:x='m'/>") == ["<", "/"], "a byte-order mark")
    }

    @Test func localNamesIgnoreThePrefix() throws {
        var reader = try XMLPullReader(Array("<x:row xmlns:x='m'><x:c r='A1'/></x:row>".utf8), part: "p")
        #expect(try reader.next() == .start && reader.isElement("row"))
        #expect(try reader.next() == .start && reader.isElement("c") && (try reader.attribute("r")) == "A1")
    }

    @Test(arguments: [
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "the part declares a document type (<!DOCTYPE …>) at byte 0: refused unread, since its entities could expand without end or reach other files; a workbook's XML never has one"),
        ("<a>&x;</a>", "not well-formed XML at byte 3: unknown entity &x; (only &lt; &gt; &amp; &quot; &apos; and character references are read; entities a document type declares are refused)"),
        ("<a>&#0;</a>", "not well-formed XML at byte 3: &#0; is not a character XML allows"),
        ("<a>&#xD800;</a>", "not well-formed XML at byte 3: &#xD800; is not a character XML allows"),
        ("<a>AT&T</a>", "not well-formed XML at byte 5: \"&\" that does not begin a reference (write &amp;)"),
        ("<a><b></a>", "not well-formed XML at byte 6: </a> closes <b>"),
        ("<a>", "not well-formed XML: the part ends inside <a>: it is truncated"),
        ("<a/><b/>", "not well-formed XML at byte 4: a second root element"),
        ("<a/>text", "not well-formed XML at byte 4: text outside the root element"),
        ("<a x='1' x='2'/>", "not well-formed XML at byte 12: the attribute x is given twice"),
        ("<a x=1/>", "not well-formed XML at byte 5: expected a quoted attribute value"),
        ("<a x='<'/>", "not well-formed XML at byte 6: \"<\" inside an attribute value"),
        ("<a><!-- unterminated </a>", "not well-formed XML at byte 7: the part ends inside a comment"),
        ("", "not well-formed XML: the part has no XML element"),
        ("<?xml version='1.0' encoding='windows-1258'?><a/>", "not well-formed XML at byte 0: the part is encoded as windows-1258; only UTF-8 is read (save the workbook again as .xlsx)"),
        ("<a/><?xml version='1.0'?>", "not well-formed XML at byte 4: an XML declaration that is not at the start of the part"),
    ])
    func malformedOrHostileXMLIsRefusedWithWhereAndWhy(_ xml: String, _ message: String) {
        #expect(Self.tokens(xml) == ["error: " + message])
    }

    @Test func depthIsBounded() {
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        #expect(Self.tokens(deep, maxDepth: 64) == ["error: elements nested more than 64 deep at byte 192, above the limit (a workbook's XML nests about 6 deep)"])
        #expect(Self.tokens(deep, maxDepth: 128).count == 200)
    }

    @Test func utf16IsRefused() {
        #expect(throws: WorkbookError("p", "the part is UTF-16; only UTF-8 is read (save the workbook again as .xlsx)")) {
            try XMLPullReader([0xFF, 0xFE, 0x3C, 0x00], part: "p")
        }
    }

    @Test func officeEscapesRoundTrip() {
        for text in ["a\u{1}b", "_x0041_", "line\r\nnext", "tab\there", "\u{FFFE}", "_x00", "plain_under_score"] {
            #expect(OOXMLText.unescape(OOXMLText.escape(text)) == text, "\(text.debugDescription)")
        }
        #expect(OOXMLText.escape("a\u{1}b") == "a_x0001_b")
        #expect(OOXMLText.unescape("_x000D_") == "\r")
    }

    @Test func cellReferences() {
        #expect(CellReference("E7") == CellReference(column: 4, row: 7))
        #expect(CellReference("$AB$12") == CellReference(column: 27, row: 12))
        #expect(CellReference("XFD1048576") == CellReference(column: 16_383, row: 1_048_576))
        for bad in ["", "7E", "E", "7", "XFE1", "A0", "A1048577", "ABCD1", "É7", "A-1"] { #expect(CellReference(bad) == nil, "\(bad)") }
        #expect(CellRange("A1:AB1")?.cellCount == 28)
        #expect(CellRange("B2:A1") == nil)
        #expect(CellReference.letters(16_383) == "XFD")
    }
}
