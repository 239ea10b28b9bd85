import KieuMauCore
import KieuMauReviews
import KieuMauTUI

/// The dashboard's reviews in the SQLite review store, written as `reviewer` at the time of the key.
final class StoreReviewBackend: ReviewBackend {
    private let store: ReviewStore
    private let reviewer: String

    init(store: ReviewStore, reviewer: String) {
        self.store = store
        self.reviewer = reviewer
    }

    var readOnlyReason: String? { store.isReadOnly ? (store.readOnlyReason ?? "read-only") : nil }

    func reviews(snapshot: Day) throws -> [String: Review] { try store.reviews(snapshot: snapshot) }

    func previousReview(ward: String, before: Day) throws -> Review? { try store.previousReview(ward: ward, before: before) }

    func setMark(_ mark: ReviewMark?, snapshot: Day, ward: String) throws -> Review {
        try store.setMark(mark, snapshot: snapshot, ward: ward, reviewer: reviewer, at: .now())
    }

    func setNote(_ note: String, snapshot: Day, ward: String) throws -> Review {
        try store.setNote(note, snapshot: snapshot, ward: ward, reviewer: reviewer, at: .now())
    }

    func hasChanged() -> Bool { (try? store.hasChangedSinceLastCheck()) ?? false }

    /// Opens the store at `--reviews` (or the default place). A store that cannot be opened for
    /// writing is opened read-only; one that cannot be opened at all leaves the dashboard view-only.
    /// Either way the reason is returned for the screen.
    static func open(flag: String?, reviewer: String?, environment: [String: String]) -> (StoreReviewBackend?, String?) {
        let name = ReviewerName.resolve(flag: reviewer, environment: environment)
        let path: String
        do { path = try ReviewStoreLocation.resolve(flag: flag, environment: environment) } catch {
            return (nil, error.description)
        }
        do {
            return (StoreReviewBackend(store: try ReviewStore.open(path: path), reviewer: name), nil)
        } catch {
            if let ro = try? ReviewStore.open(path: path, mode: .readOnly) {
                return (StoreReviewBackend(store: ro, reviewer: name), error.description)
            }
            return (nil, error.description)
        }
    }
}
