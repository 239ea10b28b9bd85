import KieuMauCore
import KieuMauReviews

/// The review store and the export sink, touched only on the runner's review queue.
final class ReviewWorker: @unchecked Sendable {
    let backend: (any ReviewBackend)?
    let exports: any ExportSink
    let clock: any Clock

    init(backend: (any ReviewBackend)?, exports: any ExportSink, clock: any Clock) {
        self.backend = backend; self.exports = exports; self.clock = clock
    }

    /// The store's answer as a result; an unreachable store is a failure marked offline.
    private func attempt<T>(_ call: (any ReviewBackend) throws -> T) -> Result<T, EffectFailure>? {
        guard let backend else { return nil }
        do { return .success(try call(backend)) } catch {
            let offline = (error as? ReviewStoreError)?.kind == .offline
            return .failure(EffectFailure("\(error)", isOffline: offline))
        }
    }

    func reviews(_ day: Day) -> Result<[String: Review], EffectFailure> {
        attempt { try $0.reviews(snapshot: day) } ?? .success([:])
    }

    func previousReview(ward: String, before: Day) -> Result<Review?, EffectFailure> {
        attempt { try $0.previousReview(ward: ward, before: before) } ?? .success(nil)
    }

    func save(_ write: (any ReviewBackend) throws -> Review) -> Result<Review, EffectFailure> {
        attempt(write) ?? .failure(EffectFailure("no review store"))
    }

    func drainChanges() -> Result<Bool, EffectFailure> {
        attempt { try $0.drainChanges() } ?? .success(false)
    }

    func reconnect() -> Result<Void, EffectFailure> {
        attempt { try $0.reconnect() } ?? .success(())
    }

    /// The listener's descriptor as the store has it now (read here, on the review queue).
    var changeDescriptor: Int32? { backend?.changeDescriptor }

    /// The time of day on the clock, "14:32", for "offline since".
    var timeOfDay: String { ExportFiles.clockTime(of: clock.now()) }

    /// Writes an export named by its list, date and the time of day on the clock.
    func export(_ table: ExportTable, json: Bool, asOf: Day, synthetic: Bool) -> Result<ExportReceipt, EffectFailure> {
        let stamp = ExportFiles.timestamp(of: clock.now())
        let name = "kieumau-\(table.name)-\(asOf.iso)-\(stamp).\(json ? "json" : "csv")"
        do {
            let path = try exports.write(fileName: name, contents: json ? table.json(asOf: asOf, synthetic: synthetic) : table.csv)
            return .success(ExportReceipt(path: path, rows: table.rows.count))
        } catch {
            return .failure(EffectFailure("\(error)"))
        }
    }
}
