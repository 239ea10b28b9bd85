extension ReviewStore {
    public typealias MergeCounts = ReviewMergeCounts

    /// Merges reviews from another store (see `ReviewMerge`) in one transaction: all or nothing.
    public func merge(_ incoming: [Review]) throws(ReviewStoreError) -> ReviewMergeCounts {
        guard !isReadOnly else { throw ReviewStoreError(.readOnly, path: path, "is read-only (\(readOnlyReason ?? "")); nothing imported") }
        do throws(SQLiteFailure) {
            return try connection.immediateTransaction { () throws(SQLiteFailure) -> ReviewMergeCounts in
                var counts = ReviewMergeCounts()
                for review in incoming {
                    let (merged, outcome) = ReviewMerge.merge(local: try storedReview(review.key), incoming: review)
                    counts.add(outcome)
                    if outcome != .unchanged { try replace(merged) }
                }
                return counts
            }
        } catch {
            throw storeError(error, doing: "importing")
        }
    }
}
