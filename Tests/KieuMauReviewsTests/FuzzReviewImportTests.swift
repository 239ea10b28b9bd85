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
}
