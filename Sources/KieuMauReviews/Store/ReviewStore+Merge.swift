extension ReviewStore {
    /// What an import did, key by key.
    public struct MergeCounts: Sendable, Equatable {
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        /// Keys where both sides had different notes and both were kept.
        public var notesMerged = 0

        public init() {}

        public var total: Int { added + updated + unchanged + notesMerged }
    }

    /// Merges reviews from another store (see `ReviewMerge`) in one transaction: all or nothing.
    public func merge(_ incoming: [Review]) throws(ReviewStoreError) -> MergeCounts {
        guard !isReadOnly else { throw ReviewStoreError(.readOnly, path: path, "is read-only (\(readOnlyReason ?? "")); nothing imported") }
        do throws(SQLiteFailure) {
            return try connection.immediateTransaction { () throws(SQLiteFailure) -> MergeCounts in
                var counts = MergeCounts()
                let find = try connection.prepare("SELECT \(Self.columns) FROM review WHERE snapshot = ? AND ward = ?")
                for review in incoming {
                    find.reset()
                    try find.bind([review.snapshot.iso, review.ward])
                    var local: Review?
                    if try find.step() {
                        do throws(ReviewStoreError) { local = try Self.review(from: find, path: path) } catch {
                            throw SQLiteFailure(code: 1, message: error.message)
                        }
                    }
                    let (merged, outcome) = ReviewMerge.merge(local: local, incoming: review)
                    switch outcome {
                    case .added: counts.added += 1
                    case .updated: counts.updated += 1
                    case .unchanged: counts.unchanged += 1
                    case .notesMerged: counts.notesMerged += 1
                    }
                    if outcome != .unchanged { try replace(merged) }
                }
                return counts
            }
        } catch {
            throw storeError(error, doing: "importing")
        }
    }
}
