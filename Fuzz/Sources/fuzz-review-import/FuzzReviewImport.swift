import FuzzSupport
import KieuMauReviews

/// A colleague's review export (CSV or JSON, told by name or detected). Properties: no trap,
/// hang or leak; an error names the file; reviews that import are exported and imported again,
/// in both formats, unchanged.
func fuzzReviewImport(_ bytes: [UInt8]) {
    let names = ["reviews.csv", "reviews.json", "reviews"]
    let file = names[Int(inputHash(bytes) % UInt64(names.count))]
    let reviews: [Review]
    do {
        reviews = try ReviewImport.parse(bytes, file: file)
    } catch {
        require(error.file == file && !error.message.isEmpty, "error \(error) does not name the file")
        return
    }
    var seen = Set<ReviewKey>()
    for review in reviews { require(seen.insert(review.key).inserted, "review of \(review.key) twice") }
    for format in ReviewFileFormat.allCases {
        let text = ReviewExport.render(reviews, as: format)
        do {
            let again = try ReviewImport.parse(Array(text.utf8), file: "again." + format.rawValue)
            require(again == reviews, "reviews change through a \(format) export:\n\(text)")
        } catch {
            require(false, "a \(format) export does not import: \(error)\n\(text)")
        }
    }
}
