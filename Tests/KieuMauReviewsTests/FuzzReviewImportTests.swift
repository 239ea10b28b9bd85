import Testing
import KieuMauCore
@testable import KieuMauReviews

/// Inputs the review-import fuzz target (Fuzz/, Scripts/fuzz.sh review-import) found; each was a
/// failure before its fix.
struct FuzzReviewImportTests {
    /// A U+FEFF (zero-width no-break space) at the start of a note or right after an escape was
    /// dropped by Foundation's JSON reader, so a review read from CSV changed through a JSON export.
    /// Found as: a CSV export whose `noted_by` was "\u{0F}\u{00}\u{FEFF}\u{00}\u{00}minh".
    @Test(arguments: ["\u{FEFF}b", "\u{0F}\u{00}\u{FEFF}\u{00}\u{00}minh", "a\u{FEFF}", "\u{FEFF}\u{FEFF}", "x\n\u{FEFF}y"])
    func zeroWidthNoBreakSpaceSurvivesAJSONExport(_ text: String) throws {
        let key = ReviewKey(snapshot: try #require(Day(iso: "2023-12-31")), ward: "16690")
        let time = try #require(ReviewTime(iso: "2024-01-05T10:11:00.000Z"))
        let review = Review(key: key, note: text, notedBy: text, notedAt: time)
        for format in ReviewFileFormat.allCases {
            let exported = ReviewExport.render([review], as: format)
            #expect(try ReviewImport.parse(Array(exported.utf8), file: "reviews.\(format.rawValue)") == [review], "\(format)")
        }
    }

    /// The escape stands in for the raw character only: a BOM before the document is still skipped,
    /// and one outside a string is still an error on its line.
    @Test func byteOrderMarkBeforeTheDocumentAndOutsideStrings() throws {
        let document = #"{"format": "kieumau.reviews", "version": 1, "reviews": []}"#
        #expect(try ReviewImport.parse([0xEF, 0xBB, 0xBF] + Array(document.utf8), file: "r.json").isEmpty)
        let misplaced = "{\"format\": \"kieumau.reviews\",\n\u{FEFF} \"version\": 1, \"reviews\": []}"
        #expect {
            try ReviewImport.parse(Array(misplaced.utf8), file: "r.json")
        } throws: { error in
            guard let error = error as? ReviewImportError else { return false }
            return error.file == "r.json" && error.line == 2 && error.message.hasPrefix("expected JSON")
        }
    }

    /// A comma followed by a combining mark (here U+0711) is one Character, so the CSV export did
    /// not quote the field and the comma split it: the export no longer imported. The fuzzer's input:
    @Test func aCommaBeforeACombiningMarkIsQuoted() throws {
        let found = """
        {"format": "kieumau.reviews", "version": 1, "reviews": [
          {"snapshot": "2023-12-31", "ward": "16666", "mark": "ok", "marked_by": "lan,\u{711}\u{191}\u{468}''",
           "marked_at": "2024-01-05T09:30:00Z", "note": "", "noted_by": "", "noted_at": null},
          {"snapshot": "2024-12-13", "ward": "166905T10:01:00Z"}]}
        """
        let reviews = try ReviewImport.parse(Array(found.utf8), file: "reviews.json")
        let csv = ReviewExport.render(reviews, as: .csv)
        #expect(csv.contains("\"lan,\u{711}\u{191}\u{468}''\""))
        #expect(try ReviewImport.parse(Array(csv.utf8), file: "again.csv") == reviews)
    }

    /// Spreadsheets look at the first scalar: "=" before a combining mark, or a CR of "\r\n", is
    /// guarded too, and comes back as it was.
    @Test(arguments: ["=\u{301}1+1", "\r\n=1+1", "'\u{301}", "+\u{20DD}", "-\u{200D}1"])
    func formulaTriggersAreSeenBeforeCombiningMarks(_ text: String) throws {
        #expect(FormulaGuard.guarded(text) == "'" + text)
        #expect(FormulaGuard.unguarded(FormulaGuard.guarded(text)) == text)
        let key = ReviewKey(snapshot: try #require(Day(iso: "2024-06-30")), ward: "00094")
        let time = try #require(ReviewTime(iso: "2024-07-01T08:00:00.000Z"))
        let review = Review(key: key, note: text, notedBy: "lan", notedAt: time)
        let csv = ReviewExport.render([review], as: .csv)
        #expect(try ReviewImport.parse(Array(csv.utf8), file: "r.csv") == [review])
    }
}
