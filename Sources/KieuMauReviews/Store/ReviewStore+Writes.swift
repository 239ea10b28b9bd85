import Foundation
import KieuMauCore

extension ReviewStore {
    /// Sets (or with nil clears) the mark of a ward for a snapshot; the note stays. Returns the
    /// stored review. Committed to disk before it returns.
    @discardableResult
    public func setMark(_ mark: ReviewMark?, snapshot: Day, ward: String, reviewer: String, at time: ReviewTime) throws(ReviewStoreError) -> Review {
        try write("""
            INSERT INTO review (snapshot, ward, mark, mark_by, mark_at) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (snapshot, ward) DO UPDATE SET mark = ?3, mark_by = ?4, mark_at = ?5
            RETURNING \(Self.columns)
            """, [snapshot.iso, ward, mark?.rawValue, Self.normalized(reviewer), time.iso],
            doing: "saving the mark of ward \(ward)")
    }

    /// Replaces the note of a ward for a snapshot (an empty note removes it); the mark stays.
    /// With a `base` the stored note no longer matches, both are kept (`ReviewWrite.note`).
    /// Read and written under the write lock, so no other writer slips in between. Committed to
    /// disk before it returns.
    @discardableResult
    public func setNote(_ note: String, replacing base: String?, snapshot: Day, ward: String, reviewer: String, at time: ReviewTime) throws(ReviewStoreError) -> Review {
        guard !isReadOnly else { throw ReviewStoreError(.readOnly, path: path, "is read-only (\(readOnlyReason ?? "")); not saved") }
        let key = ReviewKey(snapshot: snapshot, ward: ward)
        do throws(SQLiteFailure) {
            return try connection.immediateTransaction { () throws(SQLiteFailure) -> Review in
                let stored = try storedReview(key)
                let written = ReviewWrite.note(note, by: reviewer, at: time, over: stored, key: key, base: base)
                try replace(written)
                return written
            }
        } catch {
            throw storeError(error, doing: "saving the note of ward \(ward)")
        }
    }

    /// The stored review under `key`, inside a transaction.
    func storedReview(_ key: ReviewKey) throws(SQLiteFailure) -> Review? {
        let find = try connection.prepare("SELECT \(Self.columns) FROM review WHERE snapshot = ? AND ward = ?")
        try find.bind([key.snapshot.iso, key.ward])
        guard try find.step() else { return nil }
        do throws(ReviewStoreError) { return try Self.review(from: find, path: path) } catch {
            throw SQLiteFailure(code: 1, message: error.message)
        }
    }

    /// One statement in autocommit mode: stepping it to the end commits (and, with
    /// synchronous=FULL, fsyncs the WAL) before this returns.
    private func write(_ sql: String, _ parameters: [String?], doing: String) throws(ReviewStoreError) -> Review {
        guard !isReadOnly else { throw ReviewStoreError(.readOnly, path: path, "is read-only (\(readOnlyReason ?? "")); not saved") }
        do {
            let statement = try connection.prepare(sql)
            try statement.bind(parameters)
            guard try statement.step() else { throw SQLiteFailure(code: 1, message: "the write returned no row") }
            let review = try Self.review(from: statement, path: path)
            while try statement.step() {}
            return review
        } catch let error as SQLiteFailure {
            throw storeError(error, doing: doing)
        } catch let error as ReviewStoreError {
            throw error
        } catch {
            throw ReviewStoreError(.failed, path: path, "\(error)")
        }
    }

    /// Writes whole reviews, replacing what is stored under their keys (inside a transaction).
    func replace(_ review: Review) throws(SQLiteFailure) {
        let statement = try connection.prepare("INSERT OR REPLACE INTO review (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        try statement.bind([review.snapshot.iso, review.ward, review.mark?.rawValue, Self.normalized(review.markedBy),
                            review.markedAt?.iso, Self.normalized(review.note), Self.normalized(review.notedBy), review.notedAt?.iso])
        try statement.step()
    }

    static func normalized(_ text: String) -> String { ReviewWrite.normalized(text) }
}
