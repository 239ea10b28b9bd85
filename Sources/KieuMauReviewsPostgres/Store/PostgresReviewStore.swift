import Foundation
import KieuMauCore
import KieuMauReviews

/// Reviewers' marks and notes in a shared PostgreSQL database, for reviewers on many machines.
///
/// - Same meaning as the SQLite store: every write is committed before it returns; a lost
///   connection is `.offline` and nothing in flight is reported as saved; marks resolve
///   newest-wins in the database itself; notes are never lost (`ReviewWrite`, `ReviewMerge`).
/// - Access: the database refuses writes outside the role's provinces (row-level security, see
///   `PostgresSchema`); such a refusal is `.refused` with the ward's province and the role.
/// - Live: with `listening`, a second connection LISTENs; `changeDescriptor` is its socket, for
///   the dashboard's `poll`, and `drainChanges()` what other clients wrote (never blocks).
///
/// Synchronous and not thread-safe: one object per thread.
public final class PostgresReviewStore: ReviewStoring {
    /// The URI as given (with any password, for reconnecting).
    let uri: String
    public let displayName: String
    /// The role the server knows this connection as: the one the policies judge.
    public let role: String
    public let readOnlyReason: String?
    public var isReadOnly: Bool { readOnlyReason != nil }

    let connection: PGConnection
    private let listener: ReviewChangeListener?

    init(uri: String, connection: PGConnection, readOnlyReason: String?, listener: ReviewChangeListener?) {
        self.uri = uri
        self.displayName = ReviewStoreAddress.postgres(uri: uri).displayName
        self.connection = connection
        self.role = connection.user
        self.readOnlyReason = readOnlyReason
        self.listener = listener
    }

    /// Connects to the store at `uri`, checks its schema and what the role may do. With
    /// `listening`, also opens the change listener (a second connection).
    public static func open(uri: String, listening: Bool = false) throws(ReviewStoreError) -> PostgresReviewStore {
        let name = ReviewStoreAddress.postgres(uri: uri).displayName
        let connection = try connect(uri, store: name)
        let reason = try checkSchemaAndRights(connection, store: name)
        let listener = listening ? try ReviewChangeListener(uri: uri, ignoringChangesOf: connection.backendPID) : nil
        return PostgresReviewStore(uri: uri, connection: connection, readOnlyReason: reason, listener: listener)
    }

    /// A connection with KieuMau's defaults under libpq's conventions (URI, then PG* variables).
    static func connect(_ uri: String, store: String) throws(ReviewStoreError) -> PGConnection {
        let environment = ProcessInfo.processInfo.environment
        var defaults: [(String, String)] = []
        // Without a timeout libpq waits as long as the operating system does for a silent host.
        if environment["PGCONNECT_TIMEOUT"] == nil { defaults.append(("connect_timeout", "5")) }
        if environment["PGAPPNAME"] == nil { defaults.append(("application_name", "kieumau")) }
        do throws(PGFailure) {
            return try PGConnection(uri, defaults: defaults)
        } catch {
            throw ConnectionFailure.storeError(error, store: store)
        }
    }

    /// The schema must be there at our version; the role must be allowed to read. Returns why
    /// writing is impossible (a role granted no province), or nil.
    private static func checkSchemaAndRights(_ connection: PGConnection, store: String) throws(ReviewStoreError) -> String? {
        let version: Int
        do throws(PGFailure) {
            version = Int(try connection.execute("SELECT version FROM kieumau.schema_version").scalar ?? "") ?? 0
        } catch where error.sqlState == "42P01" || error.sqlState == "3F000" {
            throw ReviewStoreError(.notInitialized, path: store, "has no KieuMau review schema yet; its owner runs `kieumau reviews init --reviews URI` first")
        } catch where error.sqlState == "42501" {
            throw ReviewStoreError(.refused, path: store, "role \(connection.user) may not read the review store; its owner grants it with `kieumau reviews grant \(connection.user) --province CODE --reviews URI`")
        } catch {
            throw queryError(error, store: store, role: connection.user, doing: "reading the schema version")
        }
        guard version <= PostgresSchema.currentVersion else {
            throw ReviewStoreError(.newerSchema, path: store, "was set up by a newer KieuMau (schema version \(version); this one knows up to \(PostgresSchema.currentVersion)); update KieuMau")
        }
        guard version == PostgresSchema.currentVersion else {
            throw ReviewStoreError(.notInitialized, path: store, "has schema version \(version); its owner runs `kieumau reviews init --reviews URI` to bring it to version \(PostgresSchema.currentVersion)")
        }
        let rights: PGResult
        do throws(PGFailure) {
            rights = try connection.execute("""
                SELECT has_table_privilege('kieumau.review', 'SELECT'), has_table_privilege('kieumau.review', 'INSERT'),
                       (SELECT tableowner FROM pg_tables WHERE schemaname = 'kieumau' AND tablename = 'review') = current_user
                       OR EXISTS (SELECT 1 FROM kieumau.reviewer_province granted JOIN pg_roles r ON r.rolname = granted.role
                                  WHERE pg_has_role(current_user, r.oid, 'MEMBER'))
                       OR (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user)
                """)
        } catch {
            throw queryError(error, store: store, role: connection.user, doing: "reading the role's rights")
        }
        guard rights.text(0, 0) == "t" else {
            throw ReviewStoreError(.refused, path: store, "role \(connection.user) may not read the review store; its owner grants it with `kieumau reviews grant \(connection.user) --province CODE --reviews URI`")
        }
        if rights.text(0, 1) != "t" || rights.text(0, 2) != "t" {
            return "role \(connection.user) may read but review no province"
        }
        return nil
    }

    // MARK: - Live changes and reconnecting

    public var changeDescriptor: Int32? { listener?.descriptor }

    public func drainChanges() throws(ReviewStoreError) -> ReviewChanges {
        guard let listener else { return .none }
        let keys = try listener.drain()
        return keys.isEmpty ? .none : .reviews(keys)
    }

    /// Connects again (the store's connection and the listener's) after `.offline`.
    public func reconnect() throws(ReviewStoreError) {
        do throws(PGFailure) {
            try connection.reset()
        } catch {
            throw ConnectionFailure.storeError(error, store: displayName)
        }
        try listener?.reconnect(ignoringChangesOf: connection.backendPID)
    }

    // MARK: - Errors

    func queryError(_ failure: PGFailure, doing: String) -> ReviewStoreError {
        Self.queryError(failure, store: displayName, role: role, doing: doing)
    }

    /// Words for a failed statement, by its SQLSTATE.
    static func queryError(_ failure: PGFailure, store: String, role: String, doing: String) -> ReviewStoreError {
        if failure.connectionLost || failure.sqlStateClass == "08" || ["57P01", "57P02", "57P03"].contains(failure.sqlState) {
            // No store name: the session knows which store it is on, and the word "offline" must lead.
            return ReviewStoreError(.offline, path: "", "offline: the connection to the review store was lost while \(doing); not saved (\(failure.message))")
        }
        switch failure.sqlState {
        case "42501":
            return ReviewStoreError(.refused, path: store, "role \(role) may not do this while \(doing): \(failure.message)")
        case "42P01", "3F000", "42883":
            return ReviewStoreError(.notInitialized, path: store, "the KieuMau schema is missing or incomplete (\(failure.message)); its owner runs `kieumau reviews init --reviews URI`")
        case "40001", "40P01":
            return ReviewStoreError(.failed, path: store, "another writer got in the way while \(doing); nothing was saved, try again")
        default:
            return ReviewStoreError(.failed, path: store, "failed while \(doing): \(failure.message)\(failure.sqlState.isEmpty ? "" : " (SQLSTATE \(failure.sqlState))")")
        }
    }
}
