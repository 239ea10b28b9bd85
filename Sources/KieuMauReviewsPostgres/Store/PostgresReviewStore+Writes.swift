import KieuMauCore
import KieuMauReviews

extension PostgresReviewStore {
    /// One statement, committed when it returns. Newest wins in the database itself: a mark
    /// older than the stored one (equal times: a fixed order, as `ReviewMerge`) leaves it, and the
    /// stored review is returned, so the caller shows what is really there.
    @discardableResult
    public func setMark(_ mark: ReviewMark?, snapshot: Day, ward: String, reviewer: String, at time: ReviewTime) throws(ReviewStoreError) -> Review {
        try writable("saving the mark of ward \(ward)")
        let parameters = [snapshot.iso, ward, mark?.rawValue, ReviewWrite.normalized(reviewer), time.iso]
        let result: PGResult
        do throws(PGFailure) {
            result = try connection.execute("""
                INSERT INTO kieumau.review AS stored (snapshot, ward, mark, mark_by, mark_at)
                VALUES ($1::date, $2, $3, $4, $5::timestamptz)
                ON CONFLICT (snapshot, ward) DO UPDATE
                    SET mark = excluded.mark, mark_by = excluded.mark_by, mark_at = excluded.mark_at
                    WHERE stored.mark_at IS NULL
                       OR (excluded.mark_at, coalesce(excluded.mark, ''), excluded.mark_by)
                          >= (stored.mark_at, coalesce(stored.mark, ''), stored.mark_by)
                RETURNING \(PostgresSchema.columns)
                """, parameters)
        } catch {
            throw writeError(error, snapshot: snapshot, ward: ward, doing: "saving the mark of ward \(ward)")
        }
        if let review = try reviews(in: result).first { return review }
        // A newer mark was already stored: report that one.
        guard let stored = try review(snapshot: snapshot, ward: ward) else {
            throw ReviewStoreError(.failed, path: displayName, "the mark of ward \(ward) was neither written nor found; not saved")
        }
        return stored
    }

    /// Read, decide (`ReviewWrite.note`) and write in one transaction, holding a lock on the key
    /// so that two notes written at once are both kept, and committed before it returns.
    @discardableResult
    public func setNote(_ note: String, replacing base: String?, snapshot: Day, ward: String, reviewer: String, at time: ReviewTime) throws(ReviewStoreError) -> Review {
        let doing = "saving the note of ward \(ward)"
        try writable(doing)
        let key = ReviewKey(snapshot: snapshot, ward: ward)
        do throws(PGFailure) {
            return try connection.transaction { () throws(PGFailure) -> Review in
                // ROW EXCLUSIVE waits for an import in progress (SHARE ROW EXCLUSIVE); the
                // advisory lock on the key for another note on the same ward, row or no row yet.
                try connection.execute("LOCK TABLE kieumau.review IN ROW EXCLUSIVE MODE")
                try connection.execute("SELECT pg_advisory_xact_lock(hashtext($1::text || ' ' || $2))", [snapshot.iso, ward])
                let found = try connection.execute(
                    "SELECT \(PostgresSchema.columns) FROM kieumau.review WHERE snapshot = $1::date AND ward = $2",
                    [snapshot.iso, ward])
                let stored: Review?
                do throws(ReviewStoreError) { stored = try reviews(in: found).first } catch {
                    throw PGFailure(sqlState: "XX000", message: error.message, connectionLost: false)
                }
                let written = ReviewWrite.note(note, by: reviewer, at: time, over: stored, key: key, base: base)
                try connection.execute("""
                    INSERT INTO kieumau.review (snapshot, ward, note, note_by, note_at) VALUES ($1::date, $2, $3, $4, $5::timestamptz)
                    ON CONFLICT (snapshot, ward) DO UPDATE SET note = excluded.note, note_by = excluded.note_by, note_at = excluded.note_at
                    """, [snapshot.iso, ward, written.note, written.notedBy, written.notedAt?.iso])
                return written
            }
        } catch {
            throw writeError(error, snapshot: snapshot, ward: ward, doing: doing)
        }
    }

    func writable(_ doing: String) throws(ReviewStoreError) {
        if let readOnlyReason {
            throw ReviewStoreError(.readOnly, path: displayName, "is read-only (\(readOnlyReason)); not saved")
        }
    }

    /// A write's failure; a refusal by the policies names the ward's province and the role, in
    /// the one line a status bar shows ("not allowed to review wards of Hà Nội (01) as role lan").
    func writeError(_ failure: PGFailure, snapshot: Day, ward: String, doing: String) -> ReviewStoreError {
        guard failure.sqlState == "42501", !failure.connectionLost else { return queryError(failure, doing: doing) }
        return ReviewStoreError(.refused, path: "", "not allowed to review \(provinceWords(snapshot: snapshot, ward: ward)) as role \(role)")
    }

    /// "wards of Hà Nội (01)", from the database's own ward → province table.
    func provinceWords(snapshot: Day, ward: String) -> String {
        let found = try? connection.execute("""
            SELECT p.code, p.name FROM kieumau.province p
            WHERE p.map_id = kieumau.map_in_force($1::date) AND p.code = kieumau.province_of($1::date, $2)
            """, [snapshot.iso, ward])
        guard let found, found.rowCount == 1, let code = found.text(0, 0), let name = found.text(0, 1) else {
            return "ward \(ward) (in no province of the maps the store knows)"
        }
        return "wards of \(Province.shortName(name)) (\(code))"
    }
}
