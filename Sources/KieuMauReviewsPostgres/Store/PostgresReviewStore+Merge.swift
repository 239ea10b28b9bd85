import KieuMauCore
import KieuMauReviews

extension PostgresReviewStore {
    /// Rows sent per statement: a batch is one text parameter per column.
    static let mergeBatch = 2000

    /// Merges reviews (`ReviewMerge`) in one transaction: all or nothing. The table is locked
    /// against other writers for the duration (SHARE ROW EXCLUSIVE), so what was read is what is
    /// merged with; readers go on.
    public func merge(_ incoming: [Review]) throws(ReviewStoreError) -> ReviewMergeCounts {
        try writable("importing")
        do throws(PGFailure) {
            return try connection.transaction { () throws(PGFailure) -> ReviewMergeCounts in
                try connection.execute("LOCK TABLE kieumau.review IN SHARE ROW EXCLUSIVE MODE")
                var counts = ReviewMergeCounts()
                var start = 0
                while start < incoming.count {
                    let batch = Array(incoming[start..<min(start + Self.mergeBatch, incoming.count)])
                    let stored = try storedReviews(batch)
                    // A key given twice merges onto its first merge, as one at a time would; one
                    // row per key goes out (an upsert cannot touch a row twice).
                    var changed: [ReviewKey: Review] = [:]
                    var order: [ReviewKey] = []
                    for review in batch {
                        let (merged, outcome) = ReviewMerge.merge(local: changed[review.key] ?? stored[review.key], incoming: review)
                        counts.add(outcome)
                        guard outcome != .unchanged else { continue }
                        if changed.updateValue(merged, forKey: review.key) == nil { order.append(review.key) }
                    }
                    try replace(order.compactMap { changed[$0] })
                    start += Self.mergeBatch
                }
                return counts
            }
        } catch where error.sqlState == "42501" && !error.connectionLost {
            throw ReviewStoreError(.refused, path: "", "\(firstRefusal(incoming) ?? "not allowed to write these reviews as role \(role)"); nothing imported")
        } catch {
            throw queryError(error, doing: "importing")
        }
    }

    private func storedReviews(_ batch: [Review]) throws(PGFailure) -> [ReviewKey: Review] {
        let result = try connection.execute("""
            SELECT \(PostgresSchema.columns) FROM kieumau.review
            JOIN unnest($1::date[], $2::text[]) AS wanted (snapshot, ward) USING (snapshot, ward)
            """, [PGArray.literal(batch.map(\.snapshot.iso)), PGArray.literal(batch.map(\.ward))])
        do throws(ReviewStoreError) {
            var byKey: [ReviewKey: Review] = [:]
            for review in try reviews(in: result) { byKey[review.key] = review }
            return byKey
        } catch {
            throw PGFailure(sqlState: "XX000", message: error.message, connectionLost: false)
        }
    }

    /// Writes whole reviews, replacing what is stored under their keys.
    private func replace(_ reviews: [Review]) throws(PGFailure) {
        guard !reviews.isEmpty else { return }
        let text = { (value: String) in ReviewWrite.normalized(value) }
        try connection.execute("""
            INSERT INTO kieumau.review (snapshot, ward, mark, mark_by, mark_at, note, note_by, note_at)
            SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::timestamptz[])
            ON CONFLICT (snapshot, ward) DO UPDATE SET
                mark = excluded.mark, mark_by = excluded.mark_by, mark_at = excluded.mark_at,
                note = excluded.note, note_by = excluded.note_by, note_at = excluded.note_at
            """, [
                PGArray.literal(reviews.map(\.snapshot.iso)), PGArray.literal(reviews.map(\.ward)),
                PGArray.literal(reviews.map(\.mark?.rawValue)), PGArray.literal(reviews.map { text($0.markedBy) }),
                PGArray.literal(reviews.map(\.markedAt?.iso)), PGArray.literal(reviews.map { text($0.note) }),
                PGArray.literal(reviews.map { text($0.notedBy) }), PGArray.literal(reviews.map(\.notedAt?.iso)),
            ])
    }

    /// After a refused import: the first review the role may not write, in words.
    private func firstRefusal(_ incoming: [Review]) -> String? {
        let found = try? connection.execute("""
            SELECT to_char(wanted.snapshot, 'YYYY-MM-DD'), wanted.ward
            FROM unnest($1::date[], $2::text[]) WITH ORDINALITY AS wanted (snapshot, ward, position)
            WHERE NOT kieumau.may_review(wanted.snapshot, wanted.ward) ORDER BY position LIMIT 1
            """, [PGArray.literal(incoming.map(\.snapshot.iso)), PGArray.literal(incoming.map(\.ward))])
        guard let found, found.rowCount == 1, let dayText = found.text(0, 0), let day = Day(iso: dayText),
              let ward = found.text(0, 1) else { return nil }
        return "not allowed to review \(provinceWords(snapshot: day, ward: ward)) as role \(role) (ward \(ward), \(day.iso))"
    }
}
