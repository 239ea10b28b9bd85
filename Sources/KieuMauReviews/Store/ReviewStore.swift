import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reviewers' marks and notes, in an SQLite file beside (never inside) the snapshots.
///
/// - Crash safety: WAL journal with `synchronous=FULL`; every write is its own transaction and is
///   committed (the WAL fsynced) before the call returns, so a mark the screen shows as saved
///   survives `kill -9` or a power cut.
/// - Several processes: each `ReviewStore` holds one connection; WAL lets readers and a writer
///   work at once, `busy_timeout` makes a second writer wait instead of failing, and
///   `hasChangedSinceLastCheck()` tells a dashboard that another one wrote.
/// - When the file cannot be written but can be read, the store opens read-only
///   (`isReadOnly`, `readOnlyReason`) and writes throw `.readOnly`.
///
/// Synchronous and not thread-safe: use one object from one thread (open another for another).
public final class ReviewStore {
    public enum Mode: Sendable {
        /// Read and write, creating the file and its folders; read-only when writing is impossible.
        case readWrite
        /// Read only; the file must exist.
        case readOnly
    }

    public let path: String
    /// True when writes are impossible; `readOnlyReason` says why.
    public let isReadOnly: Bool
    /// Why the store is read-only, in words for the status line ("the file is write-protected").
    public let readOnlyReason: String?

    let connection: SQLiteConnection
    let busyTimeoutMilliseconds: Int32
    private var lastDataVersion: Int64

    private init(path: String, connection: SQLiteConnection, readOnlyReason: String?, busyTimeoutMilliseconds: Int32) throws(ReviewStoreError) {
        self.path = path
        self.connection = connection
        self.isReadOnly = readOnlyReason != nil
        self.readOnlyReason = readOnlyReason
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        lastDataVersion = 0
        lastDataVersion = try dataVersion()
    }

    /// Opens (creating when needed) the store at `path`.
    ///
    /// `busyTimeoutMilliseconds` is how long a write waits for another process's write to finish
    /// before it fails with `.locked`.
    public static func open(path: String, mode: Mode = .readWrite,
                            busyTimeoutMilliseconds: Int32 = 2000) throws(ReviewStoreError) -> ReviewStore {
        let file = FileStatus(path)
        switch file {
        case .folder: throw ReviewStoreError(.cannotOpen, path: path, "is a folder; expected a file (give the file's path, e.g. \(path)/reviews.sqlite)")
        case .other: throw ReviewStoreError(.cannotOpen, path: path, "is not a regular file")
        case .missing:
            if mode == .readOnly { throw ReviewStoreError(.notFound, path: path, "no review store here yet (nothing has been marked)") }
            try createFolders(for: path)
        case .regular: break
        }
        let reason: String? = mode == .readOnly ? "opened read-only" : writeProtection(path, exists: file == .regular)
        if reason == nil {
            do throws(ReviewStoreError) {
                return try openReadWrite(path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
            } catch let error where error.kind == .readOnly && FileStatus(path) == .regular {
                // The file or its folder refused a write the permission bits allowed (a read-only
                // mount, another owner's lock file): read what is there.
                return try openReadOnly(path, reason: error.message, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
            }
        }
        if file == .missing {
            throw ReviewStoreError(.cannotOpen, path: path, "cannot create the file: \(reason ?? "not writable")")
        }
        return try openReadOnly(path, reason: reason ?? "opened read-only", busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    // MARK: - Opening

    private static func openReadWrite(_ path: String, busyTimeoutMilliseconds: Int32) throws(ReviewStoreError) -> ReviewStore {
        let connection: SQLiteConnection
        do throws(SQLiteFailure) {
            connection = try SQLiteConnection(filename: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, path: path)
        } catch { throw storeError(error, path: path, doing: "opening") }
        connection.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
        if connection.isReadOnly {
            throw ReviewStoreError(.readOnly, path: path, "the file cannot be opened for writing")
        }
        do {
            let journal = try connection.text("PRAGMA journal_mode = WAL")
            guard journal.lowercased() == "wal" else {
                throw SQLiteFailure(code: SQLITE_ERROR, message: "SQLite kept journal mode '\(journal)' instead of WAL")
            }
            try connection.execute("PRAGMA synchronous = FULL")
            try migrate(connection, path: path)
        } catch let error as SQLiteFailure {
            throw storeError(error, path: path, doing: "setting up")
        } catch let error as ReviewStoreError {
            throw error
        } catch {
            throw ReviewStoreError(.failed, path: path, "\(error)")
        }
        return try ReviewStore(path: path, connection: connection, readOnlyReason: nil, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// Read-only; when even that fails because WAL's shared-memory file cannot be created next to
    /// the database (a read-only folder), as an immutable file (then no change tracking).
    private static func openReadOnly(_ path: String, reason: String, busyTimeoutMilliseconds: Int32) throws(ReviewStoreError) -> ReviewStore {
        func connect(_ filename: String, _ flags: Int32) throws(ReviewStoreError) -> SQLiteConnection {
            do throws(SQLiteFailure) {
                let connection = try SQLiteConnection(filename: filename, flags: flags, path: path)
                connection.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
                return connection
            } catch { throw storeError(error, path: path, doing: "opening read-only") }
        }
        var connection = try connect(path, SQLITE_OPEN_READONLY)
        var identity: Identity
        do throws(SQLiteFailure) {
            identity = try Identity(connection)
        } catch let failure where failure.primary == SQLITE_CANTOPEN || failure.primary == SQLITE_READONLY {
            connection = try connect(fileURI(path) + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
            do throws(SQLiteFailure) { identity = try Identity(connection) } catch { throw storeError(error, path: path, doing: "reading") }
        } catch {
            throw storeError(error, path: path, doing: "reading")
        }
        try identity.check(path: path)
        guard identity.version == ReviewSchema.currentVersion else {
            throw ReviewStoreError(.readOnly, path: path, identity.version == 0
                ? "is empty and cannot be written (\(reason)), so it cannot be set up"
                : "has schema version \(identity.version) and cannot be written (\(reason)), so it cannot be upgraded to version \(ReviewSchema.currentVersion)")
        }
        return try ReviewStore(path: path, connection: connection, readOnlyReason: reason, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// Brings the schema to the current version in one transaction. The version is read again
    /// under the write lock, so two processes opening a new store at once migrate it once.
    private static func migrate(_ connection: SQLiteConnection, path: String) throws {
        try Identity(connection).check(path: path)
        guard try Identity(connection).version < ReviewSchema.currentVersion else { return }
        try connection.execute("BEGIN IMMEDIATE")
        do {
            let now = try Identity(connection)
            try now.check(path: path)
            for step in ReviewSchema.migrations.dropFirst(Int(now.version)) { try connection.execute(step) }
            try connection.execute("PRAGMA application_id = \(ReviewSchema.applicationID)")
            try connection.execute("PRAGMA user_version = \(ReviewSchema.currentVersion)")
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// What a database file says it is: schema version, application id, number of objects.
    private struct Identity {
        var version: Int64
        var applicationID: Int64
        var objects: Int64

        init(_ connection: SQLiteConnection) throws(SQLiteFailure) {
            version = try connection.integer("PRAGMA user_version")
            applicationID = try connection.integer("PRAGMA application_id")
            objects = try connection.integer("SELECT count(*) FROM sqlite_master")
        }

        /// Our application id, or a blank database; refuses other programs' files and newer schemas.
        func check(path: String) throws(ReviewStoreError) {
            let blank = applicationID == 0 && version == 0 && objects == 0
            guard applicationID == ReviewSchema.applicationID || blank else {
                throw ReviewStoreError(.notAReviewStore, path: path, "is an SQLite database of another program, not a KieuMau review store; choose another path with --reviews")
            }
            guard version <= ReviewSchema.currentVersion else {
                throw ReviewStoreError(.newerSchema, path: path, "was written by a newer KieuMau (schema version \(version); this one knows up to \(ReviewSchema.currentVersion)); update KieuMau")
            }
        }
    }

    // MARK: - Change tracking

    /// True when another connection (this process or another) committed since the last call, or
    /// since opening. Costs one `PRAGMA data_version`: cheap enough for every key or tick.
    public func hasChangedSinceLastCheck() throws(ReviewStoreError) -> Bool {
        let version = try dataVersion()
        defer { lastDataVersion = version }
        return version != lastDataVersion
    }

    private func dataVersion() throws(ReviewStoreError) -> Int64 {
        do throws(SQLiteFailure) { return try connection.integer("PRAGMA data_version") } catch { throw Self.storeError(error, path: path, doing: "checking for changes") }
    }

    // MARK: - Errors

    /// Words for an SQLite failure, by its primary code.
    static func storeError(_ failure: SQLiteFailure, path: String, doing: String, busyMilliseconds: Int32 = 0) -> ReviewStoreError {
        let detail = "\(failure.message) (SQLite code \(failure.code))"
        switch failure.primary {
        case SQLITE_BUSY, SQLITE_LOCKED:
            let wait = busyMilliseconds > 0 ? " for more than \(busyMilliseconds) ms" : ""
            return ReviewStoreError(.locked, path: path, "locked by another program\(wait) while \(doing); try again")
        case SQLITE_NOTADB:
            return ReviewStoreError(.notADatabase, path: path, "is not an SQLite database, so not a review store; choose another path with --reviews")
        case SQLITE_READONLY:
            return ReviewStoreError(.readOnly, path: path, "cannot be written: \(detail)")
        case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH:
            return ReviewStoreError(.cannotOpen, path: path, "cannot be opened while \(doing): \(detail)")
        case SQLITE_CORRUPT:
            return ReviewStoreError(.failed, path: path, "is damaged (\(detail)); restore it from a backup or an export")
        case SQLITE_FULL:
            return ReviewStoreError(.failed, path: path, "the disk is full while \(doing)")
        default:
            return ReviewStoreError(.failed, path: path, "failed while \(doing): \(detail)")
        }
    }

    func storeError(_ failure: SQLiteFailure, doing: String) -> ReviewStoreError {
        Self.storeError(failure, path: path, doing: doing, busyMilliseconds: busyTimeoutMilliseconds)
    }
}
