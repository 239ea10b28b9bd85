/// Why the review store could not be opened, read or written: the store's path, what failed and,
/// when there is one, what the system or SQLite said.
public struct ReviewStoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Neither --reviews nor XDG_DATA_HOME nor HOME says where the store goes.
        case noLocation
        /// The folder for the store could not be created.
        case cannotCreateFolder
        /// The path is a folder, or otherwise cannot be opened as a file.
        case cannotOpen
        /// Opened read-only: nothing exists at the path.
        case notFound
        /// The file is not an SQLite database.
        case notADatabase
        /// An SQLite database of some other program.
        case notAReviewStore
        /// Made by a newer KieuMau: its schema version is above what this one knows.
        case newerSchema
        /// Opened read-only; writing was asked for.
        case readOnly
        /// Another program holds the write lock longer than the busy timeout.
        case locked
        /// Any other failure (disk full, I/O error, corruption, an unexpected server error).
        case failed

        // A shared store (PostgreSQL). Opening:
        /// `--reviews` looks like a connection URI but is not one libpq accepts.
        case badAddress
        /// No server answers at that address (stopped, wrong host or port, no such socket).
        case unreachable
        /// The server refused the password (or wanted one and got none).
        case wrongPassword
        /// The server has no database of that name.
        case unknownDatabase
        /// The server has no role of that name.
        case unknownRole
        /// TLS was required and could not be set up (the server has none, or its certificate failed).
        case tlsFailed
        /// The database has no KieuMau schema yet, or an older one: `kieumau reviews init`.
        case notInitialized
        // Working:
        /// The database refused the write: the role may not review that ward (or may only read).
        case refused
        /// The connection was lost: nothing in flight was saved; `reconnect()` when it is back.
        case offline
    }

    public var kind: Kind
    public var path: String
    public var message: String

    public init(_ kind: Kind, path: String, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "review store \(path): \(message)" }
}
