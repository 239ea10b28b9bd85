import KieuMauReviews

/// Opens whichever store an address names: the one place that knows both engines.
public enum ReviewStores {
    /// `mode` applies to a file (PostgreSQL decides by the role's rights); `listening` to a
    /// shared store (a file's changes are found by asking).
    public static func open(_ address: ReviewStoreAddress, mode: ReviewStore.Mode = .readWrite,
                            listening: Bool = false) throws(ReviewStoreError) -> any ReviewStoring {
        switch address {
        case .file(let path): return try ReviewStore.open(path: path, mode: mode)
        case .postgres(let uri): return try PostgresReviewStore.open(uri: uri, listening: listening)
        }
    }
}
