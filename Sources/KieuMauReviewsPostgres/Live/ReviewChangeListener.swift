import KieuMauCore
import KieuMauReviews

/// Hears what other clients write to the shared store: its own connection LISTENs on the
/// channel the `review` trigger NOTIFYs (after commit, so only saved writes are heard).
///
/// Nothing here waits or ticks: the dashboard puts `descriptor` in its `poll` and calls `drain()`
/// when it is readable (or at any time: `drain()` never blocks). Idle, no CPU is used.
public final class ReviewChangeListener {
    private let uri: String
    private let store: String
    private let connection: PGConnection
    /// The store connection's server process: its own writes are not news to it.
    private var ignoredSender: Int32?

    /// Connects and starts listening. `ignoringChangesOf` is the backend PID of a connection whose
    /// writes should not be reported (the dashboard's own store connection).
    public convenience init(uri: String, ignoringChangesOf sender: Int32? = nil) throws(ReviewStoreError) {
        let name = ReviewStoreAddress.postgres(uri: uri).displayName
        try self.init(uri: uri, store: name, connection: PostgresReviewStore.connect(uri, store: name), ignoring: sender)
    }

    private init(uri: String, store: String, connection: PGConnection, ignoring sender: Int32?) throws(ReviewStoreError) {
        self.uri = uri
        self.store = store
        self.connection = connection
        self.ignoredSender = sender
        try listen()
    }

    /// The listening connection's socket: readable when a notification (or EOF) arrived.
    public var descriptor: Int32 { connection.socket }

    /// The reviews others committed since the last call; empty when nothing arrived. Throws
    /// `.offline` when the connection is gone (then `reconnect`, and reload everything: what was
    /// written meanwhile was not heard).
    public func drain() throws(ReviewStoreError) -> Set<ReviewKey> {
        let received: [(channel: String, payload: String, sender: Int32)]
        do throws(PGFailure) {
            received = try connection.consumeNotifications()
        } catch {
            throw ReviewStoreError(.offline, path: "", "offline: the connection that hears other reviewers' marks was lost (\(error.message))")
        }
        var keys = Set<ReviewKey>()
        for item in received where item.channel == PostgresSchema.channel && item.sender != ignoredSender {
            if let key = Self.key(item.payload) { keys.insert(key) }
        }
        return keys
    }

    /// Connects again and listens again.
    public func reconnect(ignoringChangesOf sender: Int32? = nil) throws(ReviewStoreError) {
        do throws(PGFailure) { try connection.reset() } catch {
            throw ConnectionFailure.storeError(error, store: store)
        }
        ignoredSender = sender
        try listen()
    }

    private func listen() throws(ReviewStoreError) {
        do throws(PGFailure) {
            try connection.execute("LISTEN \(PostgresSchema.channel)")
        } catch {
            throw PostgresReviewStore.queryError(error, store: store, role: connection.user, doing: "starting to listen for changes")
        }
    }

    /// `YYYY-MM-DD ward` → the key; nil for anything else (a NOTIFY sent by hand).
    static func key(_ payload: String) -> ReviewKey? {
        guard let space = payload.firstIndex(of: " "), let day = Day(iso: payload[..<space]) else { return nil }
        let ward = String(payload[payload.index(after: space)...])
        return ward.isEmpty ? nil : ReviewKey(snapshot: day, ward: ward)
    }
}
