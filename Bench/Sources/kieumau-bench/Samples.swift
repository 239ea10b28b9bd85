import Foundation

/// Measurements of one figure, in milliseconds (or another unit the figure names).
struct Samples: Sendable {
    private(set) var values: [Double] = []

    init(_ values: [Double] = []) { self.values = values }

    mutating func append(_ value: Double) { values.append(value) }
    var isEmpty: Bool { values.isEmpty }
    var count: Int { values.count }

    /// Nearest-rank percentile: the smallest value with at least `p`% of the samples at or below it.
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    var median: Double { percentile(50) }
    var p90: Double { percentile(90) }
    var p99: Double { percentile(99) }
    var maximum: Double { values.max() ?? .nan }
}

/// A monotonic clock in nanoseconds.
func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Milliseconds between two `now()` readings.
func milliseconds(_ from: UInt64, _ to: UInt64) -> Double { Double(to &- from) / 1_000_000 }
