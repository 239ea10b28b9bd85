/// The store's tables, versioned with `PRAGMA user_version`; `application_id` tells a KieuMau
/// review store from any other SQLite file.
enum ReviewSchema {
    /// "KMRV" in ASCII.
    static let applicationID: Int64 = 0x4B4D_5256

    /// Migration `i` takes the schema from version `i` to `i + 1`; the current version is
    /// `migrations.count`. Append, never edit: stores in the field are at every earlier version.
    static let migrations: [String] = [
        // 0 → 1: one row per (snapshot, ward), the latest mark and note with who and when.
        // Times are ISO 8601 UTC with milliseconds (fixed width, so text order is time order).
        // A cleared mark keeps its row (mark NULL, mark_at set): an import must not bring back
        // an older mark the reviewer cleared.
        """
        CREATE TABLE review (
            snapshot TEXT NOT NULL,
            ward     TEXT NOT NULL,
            mark     TEXT CHECK (mark IN ('ok', 'follow-up')),
            mark_by  TEXT NOT NULL DEFAULT '',
            mark_at  TEXT,
            note     TEXT NOT NULL DEFAULT '',
            note_by  TEXT NOT NULL DEFAULT '',
            note_at  TEXT,
            PRIMARY KEY (snapshot, ward)
        ) WITHOUT ROWID;
        CREATE INDEX review_by_ward ON review (ward, snapshot);
        """,
    ]

    static var currentVersion: Int64 { Int64(migrations.count) }
}
