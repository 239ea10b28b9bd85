/// The shared store's tables in the schema `kieumau`, versioned by `kieumau.schema_version`.
///
/// Who may write what is the database's business, not the client's: `ward_province` (loaded
/// from the embedded maps by `reviews init`) says which province a ward belongs to on the map in
/// force on a snapshot's date, `reviewer_province` which provinces a role may review, and
/// row-level security on `review` holds every write of a non-owner to them. The owner (the role
/// that ran `reviews init`) is not subject to the policies and writes all.
enum PostgresSchema {
    /// Serialises `reviews init` runs across clients (`pg_advisory_xact_lock`): "KMRV".
    static let migrationLock: Int64 = 0x4B4D_5256

    /// What `NOTIFY` uses; the payload is `YYYY-MM-DD ward`.
    static let channel = "kieumau_review"

    /// The version table, created before anything else so the version can be read under the lock.
    static let versionTable = """
        CREATE SCHEMA IF NOT EXISTS kieumau;
        CREATE TABLE IF NOT EXISTS kieumau.schema_version (
            only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
            version  integer NOT NULL
        );
        """

    /// Migration `i` takes the schema from version `i` to `i + 1`. Append, never edit.
    static let migrations: [String] = [
        """
        -- Maps by the date they came into force (-infinity: in force before any dated map).
        -- Ward codes are reused across maps with other provinces, so wards are keyed by map too.
        CREATE TABLE kieumau.admin_map (
            id        text PRIMARY KEY,
            effective date NOT NULL
        );
        CREATE TABLE kieumau.province (
            map_id text NOT NULL REFERENCES kieumau.admin_map,
            code   text NOT NULL,
            name   text NOT NULL,
            PRIMARY KEY (map_id, code)
        );
        CREATE TABLE kieumau.ward_province (
            map_id   text NOT NULL,
            ward     text NOT NULL,
            province text NOT NULL,
            PRIMARY KEY (map_id, ward),
            FOREIGN KEY (map_id, province) REFERENCES kieumau.province
        );
        -- Province codes a role (or any role it is a member of) may review, on every map.
        CREATE TABLE kieumau.reviewer_province (
            role     name NOT NULL,
            province text NOT NULL,
            PRIMARY KEY (role, province)
        );

        -- As the SQLite store: one row per (snapshot, ward), the latest mark and note, each with
        -- who and when. A cleared mark keeps its row (mark NULL, mark_at set).
        CREATE TABLE kieumau.review (
            snapshot date NOT NULL,
            ward     text NOT NULL CHECK (octet_length(ward) BETWEEN 1 AND 200),
            mark     text CHECK (mark IN ('ok', 'follow-up')),
            mark_by  text NOT NULL DEFAULT '',
            mark_at  timestamptz(3),
            note     text NOT NULL DEFAULT '',
            note_by  text NOT NULL DEFAULT '',
            note_at  timestamptz(3),
            PRIMARY KEY (snapshot, ward)
        );
        CREATE INDEX review_by_ward ON kieumau.review (ward, snapshot);

        CREATE FUNCTION kieumau.map_in_force(day date) RETURNS text
        LANGUAGE sql STABLE AS $$
            SELECT id FROM kieumau.admin_map WHERE effective <= day ORDER BY effective DESC LIMIT 1
        $$;

        CREATE FUNCTION kieumau.province_of(day date, ward_code text) RETURNS text
        LANGUAGE sql STABLE AS $$
            SELECT province FROM kieumau.ward_province
            WHERE map_id = kieumau.map_in_force(day) AND ward = ward_code
        $$;

        CREATE FUNCTION kieumau.may_review(day date, ward_code text) RETURNS boolean
        LANGUAGE sql STABLE AS $$
            SELECT EXISTS (
                SELECT 1 FROM kieumau.reviewer_province granted
                JOIN pg_roles r ON r.rolname = granted.role
                WHERE granted.province = kieumau.province_of(day, ward_code)
                  AND pg_has_role(current_user, r.oid, 'MEMBER'))
        $$;

        ALTER TABLE kieumau.review ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read_all ON kieumau.review FOR SELECT USING (true);
        CREATE POLICY write_granted_provinces ON kieumau.review FOR INSERT
            WITH CHECK (kieumau.may_review(snapshot, ward));
        CREATE POLICY rewrite_granted_provinces ON kieumau.review FOR UPDATE
            USING (kieumau.may_review(snapshot, ward)) WITH CHECK (kieumau.may_review(snapshot, ward));

        -- Every committed write is announced to the listeners of other dashboards.
        CREATE FUNCTION kieumau.announce_review() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('kieumau_review', to_char(NEW.snapshot, 'YYYY-MM-DD') || ' ' || NEW.ward);
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER announce AFTER INSERT OR UPDATE ON kieumau.review
            FOR EACH ROW EXECUTE FUNCTION kieumau.announce_review();
        """,
    ]

    static var currentVersion: Int { migrations.count }

    /// The review columns as the stores exchange them: text, times as `ReviewTime` writes them.
    static let columns = """
        to_char(snapshot, 'YYYY-MM-DD'), ward, mark, mark_by, \
        to_char(mark_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), note, note_by, \
        to_char(note_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        """
}
