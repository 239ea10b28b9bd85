import KieuMauCore

extension ReviewStore {
    static let columns = "snapshot, ward, mark, mark_by, mark_at, note, note_by, note_at"

    /// Every review of a snapshot, by ward code (cleared marks without a note included).
    public func reviews(snapshot: Day) throws(ReviewStoreError) -> [String: Review] {
        let rows = try select("SELECT \(Self.columns) FROM review WHERE snapshot = ?", [snapshot.iso], doing: "reading the reviews of \(snapshot.iso)")
        var byWard: [String: Review] = [:]
        for review in rows { byWard[review.ward] = review }
        return byWard
    }

    /// The review of one ward for one snapshot, if any.
    public func review(snapshot: Day, ward: String) throws(ReviewStoreError) -> Review? {
        try select("SELECT \(Self.columns) FROM review WHERE snapshot = ? AND ward = ?", [snapshot.iso, ward],
                   doing: "reading the review of ward \(ward)").first
    }

    /// The latest review of the ward for a snapshot dated before `before` that has a mark or a
    /// note: shown as "previous review" when a newer snapshot has none yet.
    public func previousReview(ward: String, before: Day) throws(ReviewStoreError) -> Review? {
        try select("""
            SELECT \(Self.columns) FROM review
            WHERE ward = ? AND snapshot < ? AND (mark IS NOT NULL OR note <> '')
            ORDER BY snapshot DESC LIMIT 1
            """, [ward, before.iso], doing: "reading the previous review of ward \(ward)").first
    }

    /// Every review, ordered by snapshot then ward.
    public func allReviews() throws(ReviewStoreError) -> [Review] {
        try select("SELECT \(Self.columns) FROM review ORDER BY snapshot, ward", [], doing: "reading all reviews")
    }

    func select(_ sql: String, _ parameters: [String?], doing: String) throws(ReviewStoreError) -> [Review] {
        do {
            let statement = try connection.prepare(sql)
            try statement.bind(parameters)
            var reviews: [Review] = []
            while try statement.step() { reviews.append(try Self.review(from: statement, path: path)) }
            return reviews
        } catch let error as SQLiteFailure {
            throw storeError(error, doing: doing)
        } catch let error as ReviewStoreError {
            throw error
        } catch {
            throw ReviewStoreError(.failed, path: path, "\(error)")
        }
    }

    /// A row in `columns` order. A value the schema cannot hold (the file edited by hand) is an
    /// error naming the row, not a trap.
    static func review(from row: SQLiteStatement, path: String) throws(ReviewStoreError) -> Review {
        let snapshotText = row.text(0) ?? ""
        let ward = row.text(1) ?? ""
        func bad(_ what: String) -> ReviewStoreError {
            ReviewStoreError(.failed, path: path, "row (\(snapshotText), \(ward)): \(what)")
        }
        guard let snapshot = Day(iso: snapshotText) else { throw bad("snapshot: expected a date YYYY-MM-DD") }
        var mark: ReviewMark?
        if let text = row.text(2) {
            guard let parsed = ReviewMark(rawValue: text) else { throw bad("mark: expected ok or follow-up, found '\(text)'") }
            mark = parsed
        }
        func time(_ column: Int32, _ name: String) throws(ReviewStoreError) -> ReviewTime? {
            guard let text = row.text(column) else { return nil }
            guard let time = ReviewTime(iso: text) else { throw bad("\(name): expected a UTC time like 2025-07-01T08:30:00.000Z, found '\(text)'") }
            return time
        }
        return Review(key: ReviewKey(snapshot: snapshot, ward: ward),
                      mark: mark, markedBy: row.text(3) ?? "", markedAt: try time(4, "mark_at"),
                      note: row.text(5) ?? "", notedBy: row.text(6) ?? "", notedAt: try time(7, "note_at"))
    }
}
