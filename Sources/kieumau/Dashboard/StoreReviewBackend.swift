import Foundation
import KieuMauCore
import KieuMauReviews
import KieuMauReviewsPostgres
import KieuMauTUI

/// The dashboard's reviews in a review store (SQLite file or shared PostgreSQL), written as
/// `reviewer` at the time of the key. A file that does not exist yet is created by the first mark
/// or note, not by merely looking: browsing writes nothing.
///
/// Calls block (a shared store answers in a round trip). A lost connection fails the call with an
/// `.offline` line; the next write tries to connect again once. (The dashboard's own offline
/// mode, with backoff driven by its loop, replaces that: see the report of issue 12.)
final class StoreReviewBackend: ReviewBackend {
    private var store: (any ReviewStoring)?
    private let address: ReviewStoreAddress
    private let reviewer: String
    /// The notes as last read or written, by key: what an edit started from, so that a note
    /// another reviewer wrote meanwhile is kept with the new one (`ReviewStoring.setNote`).
    private var notesAsRead: [ReviewKey: String] = [:]
    private var offline = false

    init(store: (any ReviewStoring)?, address: ReviewStoreAddress, reviewer: String) {
        self.store = store
        self.address = address
        self.reviewer = reviewer
    }

    var readOnlyReason: String? {
        guard let store, store.isReadOnly else { return nil }
        return store.readOnlyReason ?? "read-only"
    }

    func reviews(snapshot: Day) throws -> [String: Review] {
        guard let store = try connected() else { return [:] }
        let reviews = try watchingConnection { () throws(ReviewStoreError) in try store.reviews(snapshot: snapshot) }
        for (ward, review) in reviews { notesAsRead[ReviewKey(snapshot: snapshot, ward: ward)] = review.note }
        return reviews
    }

    func previousReview(ward: String, before: Day) throws -> Review? {
        guard let store = try connected() else { return nil }
        return try watchingConnection { () throws(ReviewStoreError) in try store.previousReview(ward: ward, before: before) }
    }

    func setMark(_ mark: ReviewMark?, snapshot: Day, ward: String) throws -> Review {
        let store = try writable()
        let saved = try watchingConnection { () throws(ReviewStoreError) in
            try store.setMark(mark, snapshot: snapshot, ward: ward, reviewer: reviewer, at: .now())
        }
        notesAsRead[saved.key] = saved.note
        return saved
    }

    func setNote(_ note: String, snapshot: Day, ward: String) throws -> Review {
        let store = try writable()
        let key = ReviewKey(snapshot: snapshot, ward: ward)
        let saved = try watchingConnection { () throws(ReviewStoreError) in
            try store.setNote(note, replacing: notesAsRead[key] ?? "", snapshot: snapshot, ward: ward, reviewer: reviewer, at: .now())
        }
        notesAsRead[key] = saved.note
        return saved
    }

    /// Another dashboard wrote: for a shared store, a notification drained without blocking; for
    /// a file, its data version.
    func hasChanged() -> Bool {
        if let store {
            guard !offline else { return false }
            do { return try !store.drainChanges().isEmpty } catch {
                offline = error.kind == .offline
                return false
            }
        }
        // Another dashboard may have created the file since.
        guard case .file(let path) = address, FileManager.default.fileExists(atPath: path),
              let opened = try? ReviewStore.open(path: path) else { return false }
        store = opened
        return true
    }

    /// The store; after a lost connection, connected again first (or the offline error again).
    private func connected() throws -> (any ReviewStoring)? {
        guard let store else { return nil }
        if offline {
            do { try store.reconnect() } catch {
                throw ReviewStoreError(.offline, path: "", "offline: \(error.message); not saved")
            }
            offline = false
        }
        return store
    }

    private func writable() throws -> any ReviewStoring {
        if let store = try connected() { return store }
        let opened = try ReviewStores.open(address)
        store = opened
        return opened
    }

    private func watchingConnection<T>(_ call: () throws(ReviewStoreError) -> T) throws(ReviewStoreError) -> T {
        do { return try call() } catch {
            if error.kind == .offline { offline = true }
            throw error
        }
    }

    /// Opens the store at `--reviews` (else $KIEUMAU_REVIEWS, else the default file) if it exists.
    /// A file that cannot be opened for writing is opened read-only; a shared store that cannot be
    /// reached, or a file that cannot be opened at all, leaves the dashboard view-only. Either
    /// way the reason is returned for the screen, in one line.
    static func open(flag: String?, reviewer: String?, environment: [String: String]) -> (StoreReviewBackend?, String?) {
        let name = ReviewerName.resolve(flag: reviewer, environment: environment)
        let address: ReviewStoreAddress
        do { address = try ReviewStoreAddress.resolve(flag: flag, environment: environment) } catch {
            return (nil, error.description)
        }
        switch address {
        case .postgres(let uri):
            do {
                return (StoreReviewBackend(store: try PostgresReviewStore.open(uri: uri, listening: true), address: address, reviewer: name), nil)
            } catch {
                return (nil, error.description)
            }
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                return (StoreReviewBackend(store: nil, address: address, reviewer: name), nil)
            }
            do {
                return (StoreReviewBackend(store: try ReviewStore.open(path: path), address: address, reviewer: name), nil)
            } catch {
                if let readOnly = try? ReviewStore.open(path: path, mode: .readOnly) {
                    return (StoreReviewBackend(store: readOnly, address: address, reviewer: name), error.description)
                }
                return (nil, error.description)
            }
        }
    }
}
