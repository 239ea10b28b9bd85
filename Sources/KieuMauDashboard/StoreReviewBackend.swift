import Foundation
import KieuMauCore
import KieuMauReviews
import KieuMauReviewsPostgres
import KieuMauTUI

/// The dashboard's reviews in a review store (SQLite file or shared PostgreSQL), written as
/// `reviewer` at the time of the key. A file that does not exist yet is created by the first mark
/// or note, not by merely looking: browsing writes nothing.
///
/// Calls block (a shared store answers in a round trip); the dashboard makes them off its main
/// thread. A lost connection fails the call with an `.offline` error; the dashboard then goes
/// read-only and calls `reconnect()` with backoff from its loop.
public final class StoreReviewBackend: ReviewBackend {
    private var store: (any ReviewStoring)?
    private let address: ReviewStoreAddress
    private let reviewer: String

    init(store: (any ReviewStoring)?, address: ReviewStoreAddress, reviewer: String) {
        self.store = store
        self.address = address
        self.reviewer = reviewer
    }

    public var readOnlyReason: String? {
        guard let store, store.isReadOnly else { return nil }
        return store.readOnlyReason ?? "read-only"
    }

    public var changeDescriptor: Int32? { store?.changeDescriptor }

    public func reviews(snapshot: Day) throws -> [String: Review] {
        try store?.reviews(snapshot: snapshot) ?? [:]
    }

    public func previousReview(ward: String, before: Day) throws -> Review? {
        try store?.previousReview(ward: ward, before: before)
    }

    public func setMark(_ mark: ReviewMark?, snapshot: Day, ward: String) throws -> Review {
        try writable().setMark(mark, snapshot: snapshot, ward: ward, reviewer: reviewer, at: .now())
    }

    public func setNote(_ note: String, replacing base: String?, snapshot: Day, ward: String) throws -> Review {
        try writable().setNote(note, replacing: base, snapshot: snapshot, ward: ward, reviewer: reviewer, at: .now())
    }

    /// Another dashboard wrote: for a shared store, a notification drained without blocking; for
    /// a file, its data version (or the file made since by another dashboard).
    public func drainChanges() throws -> Bool {
        if let store { return try !store.drainChanges().isEmpty }
        guard case .file(let path) = address, FileManager.default.fileExists(atPath: path),
              let opened = try? ReviewStore.open(path: path) else { return false }
        store = opened
        return true
    }

    public func reconnect() throws { try store?.reconnect() }

    private func writable() throws -> any ReviewStoring {
        if let store { return store }
        let opened = try ReviewStores.open(address)
        store = opened
        return opened
    }

    /// Opens the store at `--reviews` (else $KIEUMAU_REVIEWS, else the default file) if it exists.
    /// A file that cannot be opened for writing is opened read-only; a shared store that cannot be
    /// reached, or a file that cannot be opened at all, leaves the dashboard view-only. Either
    /// way the reason is returned for the screen, in one line.
    public static func open(flag: String?, reviewer: String?, environment: [String: String]) -> (StoreReviewBackend?, String?) {
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
