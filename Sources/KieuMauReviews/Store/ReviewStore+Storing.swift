/// The SQLite store as a `ReviewStoring`: a file has no connection to lose and no socket to
/// watch, so changes are found by asking (`PRAGMA data_version`) and reconnecting does nothing.
extension ReviewStore: ReviewStoring {
    public var displayName: String { path }

    public var changeDescriptor: Int32? { nil }

    public func drainChanges() throws(ReviewStoreError) -> ReviewChanges {
        try hasChangedSinceLastCheck() ? .unknown : .none
    }

    public func reconnect() throws(ReviewStoreError) {}
}
