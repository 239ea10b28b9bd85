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

    func reviews(_ day: Day) -> Result<[String: Review], EffectFailure> {
        guard let backend else { return .success([:]) }
        do { return .success(try backend.reviews(snapshot: day)) } catch { return .failure(EffectFailure("\(error)")) }
    }

    func previousReview(ward: String, before: Day) -> Review? {
        (try? backend?.previousReview(ward: ward, before: before)) ?? nil
    }

    func save(_ write: (any ReviewBackend) throws -> Review) -> Result<Review, EffectFailure> {
        guard let backend else { return .failure(EffectFailure("no review store")) }
        do { return .success(try write(backend)) } catch { return .failure(EffectFailure("\(error)")) }
    }

    func hasChanged() -> Bool { backend?.hasChanged() ?? false }

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
