import KieuMauReviews

/// What `reviews init` did.
public struct SchemaReport: Sendable, Equatable {
    public struct LoadedMap: Sendable, Equatable {
        public var id: String
        public var wards: Int
    }

    public var fromVersion: Int
    public var toVersion: Int
    /// Maps whose ward → province tables were loaded.
    public var maps: [LoadedMap]
}

extension PostgresReviewStore {
    /// Creates or migrates the schema and (re)loads the ward → province tables of the embedded
    /// maps, in one transaction under an advisory lock: two runs at once do the work once, a
    /// failed run leaves nothing half-made, and running it again changes nothing.
    public static func initialize(uri: String) throws(ReviewStoreError) -> SchemaReport {
        let name = ReviewStoreAddress.postgres(uri: uri).displayName
        let maps = try MapRows.embedded()
        let connection = try connect(uri, store: name)
        do throws(PGFailure) {
            return try connection.transaction { () throws(PGFailure) -> SchemaReport in
                try connection.execute("SELECT pg_advisory_xact_lock($1)", [String(PostgresSchema.migrationLock)])
                try connection.executeScript(PostgresSchema.versionTable)
                let found = Int(try connection.execute("SELECT version FROM kieumau.schema_version").scalar ?? "0") ?? 0
                guard found <= PostgresSchema.currentVersion else {
                    throw PGFailure(sqlState: "KM001", message: "was set up by a newer KieuMau (schema version \(found); this one knows up to \(PostgresSchema.currentVersion)); update KieuMau", connectionLost: false)
                }
                // A multi-statement string needs the simple protocol: no parameters, which
                // migrations do not have.
                for migration in PostgresSchema.migrations.dropFirst(found) { try connection.executeScript(migration) }
                try connection.execute("""
                    INSERT INTO kieumau.schema_version (version) VALUES ($1::integer)
                    ON CONFLICT (only_row) DO UPDATE SET version = excluded.version
                    """, [String(PostgresSchema.currentVersion)])
                for map in maps { try load(map, connection) }
                return SchemaReport(fromVersion: found, toVersion: PostgresSchema.currentVersion, maps: maps.map { SchemaReport.LoadedMap(id: $0.id, wards: $0.wards.count) })
            }
        } catch where error.sqlState == "KM001" {
            throw ReviewStoreError(.newerSchema, path: name, error.message)
        } catch where error.sqlState == "42501" && !error.connectionLost {
            throw ReviewStoreError(.refused, path: name, "role \(connection.user) may not create the schema (\(error.message)); run `reviews init` as the database's owner")
        } catch {
            throw queryError(error, store: name, role: connection.user, doing: "setting up the schema")
        }
    }

    /// Upserts one map: its date, provinces and wards (a ward moved between provinces by a newer
    /// data release follows it).
    private static func load(_ map: MapRows, _ connection: PGConnection) throws(PGFailure) {
        try connection.execute("""
            INSERT INTO kieumau.admin_map (id, effective) VALUES ($1, $2::date)
            ON CONFLICT (id) DO UPDATE SET effective = excluded.effective
            """, [map.id, map.effective])
        try connection.execute("""
            INSERT INTO kieumau.province (map_id, code, name) SELECT $1, * FROM unnest($2::text[], $3::text[])
            ON CONFLICT (map_id, code) DO UPDATE SET name = excluded.name
            """, [map.id, PGArray.literal(map.provinces.map(\.code)), PGArray.literal(map.provinces.map(\.name))])
        try connection.execute("""
            INSERT INTO kieumau.ward_province (map_id, ward, province) SELECT $1, * FROM unnest($2::text[], $3::text[])
            ON CONFLICT (map_id, ward) DO UPDATE SET province = excluded.province
            """, [map.id, PGArray.literal(map.wards.map(\.code)), PGArray.literal(map.wards.map(\.province))])
    }
}
