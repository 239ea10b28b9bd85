import KieuMauCore
import KieuMauReviews

extension PostgresReviewStore {
    public func reviews(snapshot: Day) throws(ReviewStoreError) -> [String: Review] {
        let rows = try select("SELECT \(PostgresSchema.columns) FROM kieumau.review WHERE snapshot = $1::date", [snapshot.iso],
                              doing: "reading the reviews of \(snapshot.iso)")
        var byWard: [String: Review] = [:]
        for review in rows { byWard[review.ward] = review }
        return byWard
    }

    public func review(snapshot: Day, ward: String) throws(ReviewStoreError) -> Review? {
        try select("SELECT \(PostgresSchema.columns) FROM kieumau.review WHERE snapshot = $1::date AND ward = $2",
                   [snapshot.iso, ward], doing: "reading the review of ward \(ward)").first
    }

    public func previousReview(ward: String, before: Day) throws(ReviewStoreError) -> Review? {
        try select("""
            SELECT \(PostgresSchema.columns) FROM kieumau.review
            WHERE ward = $1 AND snapshot < $2::date AND (mark IS NOT NULL OR note <> '')
            ORDER BY snapshot DESC LIMIT 1
            """, [ward, before.iso], doing: "reading the previous review of ward \(ward)").first
    }

    public func allReviews() throws(ReviewStoreError) -> [Review] {
        try select("SELECT \(PostgresSchema.columns) FROM kieumau.review ORDER BY snapshot, ward COLLATE \"C\"", [], doing: "reading all reviews")
    }

    func select(_ sql: String, _ parameters: [String?], doing: String) throws(ReviewStoreError) -> [Review] {
        let result: PGResult
        do throws(PGFailure) { result = try connection.execute(sql, parameters) } catch {
            throw queryError(error, doing: doing)
        }
        return try reviews(in: result)
    }

    /// Every row of a result in `PostgresSchema.columns` order.
    func reviews(in result: PGResult) throws(ReviewStoreError) -> [Review] {
        var reviews: [Review] = []
        reviews.reserveCapacity(result.rowCount)
        for row in 0..<result.rowCount { reviews.append(try review(result, row)) }
        return reviews
    }

    /// A row as a review. The schema's types and checks make a bad value impossible, but a
    /// hand-edited database is still an error naming the row, not a trap.
    func review(_ result: PGResult, _ row: Int) throws(ReviewStoreError) -> Review {
        let snapshotText = result.text(row, 0) ?? "", ward = result.text(row, 1) ?? ""
        func bad(_ what: String) -> ReviewStoreError {
            ReviewStoreError(.failed, path: displayName, "row (\(snapshotText), \(ward)): \(what)")
        }
        guard let snapshot = Day(iso: snapshotText) else { throw bad("snapshot: expected a date YYYY-MM-DD") }
        var mark: ReviewMark?
        if let text = result.text(row, 2) {
            guard let parsed = ReviewMark(rawValue: text) else { throw bad("mark: expected ok or follow-up, found '\(text)'") }
            mark = parsed
        }
        func time(_ column: Int, _ name: String) throws(ReviewStoreError) -> ReviewTime? {
            guard let text = result.text(row, column) else { return nil }
            guard let time = ReviewTime(iso: text) else { throw bad("\(name): expected a UTC time from 1970 to 9999, found '\(text)'") }
            return time
        }
        return Review(key: ReviewKey(snapshot: snapshot, ward: ward),
                      mark: mark, markedBy: result.text(row, 3) ?? "", markedAt: try time(4, "mark_at"),
                      note: result.text(row, 5) ?? "", notedBy: result.text(row, 6) ?? "", notedAt: try time(7, "note_at"))
    }
}
