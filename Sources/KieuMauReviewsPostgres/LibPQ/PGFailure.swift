/// A failed libpq call: the server's SQLSTATE when it sent one, its primary message, and whether
/// the connection itself is gone (then the outcome of a write in flight is unknown).
struct PGFailure: Error, Sendable {
    /// Five characters (`42501`), or empty when the failure came from libpq, not the server.
    var sqlState: String
    var message: String
    /// True when libpq reports the connection as broken after the call.
    var connectionLost: Bool

    /// SQLSTATE class (the first two characters): `08` connection, `57` operator intervention…
    var sqlStateClass: Substring { sqlState.prefix(2) }
}
