import Foundation
import KieuMauCore
import KieuMauReviews
import KieuMauTUI

/// The dashboard's reviews in the SQLite review store, written as `reviewer` at the time of the key.
/// A store that does not exist yet is created by the first mark or note, not by merely looking:
/// browsing writes nothing.
final class StoreReviewBackend: ReviewBackend {
    private var store: ReviewStore?
    private let path: String
    private let reviewer: String

    init(store: ReviewStore?, path: String, reviewer: String) {
        self.store = store
        self.path = path
        self.reviewer = reviewer
    }

    var readOnlyReason: String? {
        guard let store, store.isReadOnly else { return nil }
        return store.readOnlyReason ?? "read-only"
    }

    func reviews(snapshot: Day) throws -> [String: Review] { try store?.reviews(snapshot: snapshot) ?? [:] }

    func previousReview(ward: String, before: Day) throws -> Review? { try store?.previousReview(ward: ward, before: before) }

    func setMark(_ mark: ReviewMark?, snapshot: Day, ward: String) throws -> Review {
        try writable().setMark(mark, snapshot: snapshot, ward: ward, reviewer: reviewer, at: .now())
    }

    func setNote(_ note: String, snapshot: Day, ward: String) throws -> Review {
        try writable().setNote(note, snapshot: snapshot, ward: ward, reviewer: reviewer, at: .now())
    }

    func hasChanged() -> Bool {
        if let store { return (try? store.hasChangedSinceLastCheck()) ?? false }
        // Another dashboard may have created the store since.
        guard FileManager.default.fileExists(atPath: path), let opened = try? ReviewStore.open(path: path) else { return false }
        store = opened
        return true
    }

    private func writable() throws -> ReviewStore {
        if let store { return store }
        let opened = try ReviewStore.open(path: path)
        store = opened
        return opened
    }

    /// Opens the store at `--reviews` (or the default place) if it exists. One that cannot be opened
    /// for writing is opened read-only; one that cannot be opened at all leaves the dashboard
    /// view-only. Either way the reason is returned for the screen.
    static func open(flag: String?, reviewer: String?, environment: [String: String]) -> (StoreReviewBackend?, String?) {
        let name = ReviewerName.resolve(flag: reviewer, environment: environment)
        let path: String
        do { path = try ReviewStoreLocation.resolve(flag: flag, environment: environment) } catch {
            return (nil, error.description)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            return (StoreReviewBackend(store: nil, path: path, reviewer: name), nil)
        }
        do {
            return (StoreReviewBackend(store: try ReviewStore.open(path: path), path: path, reviewer: name), nil)
        } catch {
            if let ro = try? ReviewStore.open(path: path, mode: .readOnly) {
                return (StoreReviewBackend(store: ro, path: path, reviewer: name), error.description)
            }
            return (nil, error.description)
        }
    }
}
