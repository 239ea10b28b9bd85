import ArgumentParser
import Foundation
import KieuMauCore

/// `kieumau-bench digest-cache DIR`: what the digest cache costs and saves on a data directory
/// (`kieumau generate --scale stress --out DIR` makes the largest): for each snapshot of a series,
/// the content hash of the file, decoding it and making its digest (what a miss costs), storing
/// the entry, and a lookup that hits, each the median of `--times`. With `--hash-only` it only
/// stamps the files `--times` times. For callgrind, the hash alone, and lookups that hit:
///
///     valgrind --tool=callgrind --toggle-collect='*FileContentHashing*' \
///         .build/release/kieumau-bench digest-cache DIR --hash-only --times 1
///     valgrind --tool=callgrind --toggle-collect='*DigestCacheV6digest13forSnapshotAt*' \
///         .build/release/kieumau-bench digest-cache DIR --times 1
struct DigestCacheBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest-cache",
        abstract: "Measure the digest cache on a data directory: content hash, decode and digest, store, hit.")

    @Argument(help: ArgumentHelp("A data directory, e.g. from kieumau generate --scale stress --out DIR.", valueName: "dir"))
    var directory: String

    @Option(help: "The series whose snapshots are measured.")
    var series: String = "demo"

    // Not `--runs`: the main command has one, and ArgumentParser gives it the value.
    @Option(help: "Times each figure is measured (the median is shown).")
    var times: Int = 5

    @Flag(help: "Only stamp (hash) each snapshot file, --times times: the work callgrind should count.")
    var hashOnly = false

    func validate() throws {
        guard times >= 1 else { throw ValidationError("--times must be at least 1") }
    }

    func run() throws {
        let catalog = Catalog.scan(directory: directory, today: Day(year: 2030, month: 1, day: 1)!)
        let entries = catalog.snapshots(inSeries: series)
        guard !entries.isEmpty else { throw BenchError("\(directory): no snapshot in series \(series)") }
        if hashOnly {
            var combined: UInt64 = 0
            for entry in entries {
                for _ in 0..<times { combined ^= try SnapshotStamp.read(entry.path).get().contentHash }
            }
            print("hashed \(entries.count) files \(times) times: \(String(combined, radix: 16))")
            return
        }
        let scratch = NSTemporaryDirectory() + "kieumau-bench-digest-cache-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let cache = DigestCache(directory: scratch + "/digests")
        var reader = CatalogPictureReader(catalog: catalog)
        print("| snapshot | file | entry | content hash | decode + digest (a miss) | store | hit |")
        print("|---|---|---|---|---|---|---|")
        for entry in entries {
            let bytes = (try? FileManager.default.attributesOfItem(atPath: entry.path)[.size] as? Int) ?? 0
            let hash = median { _ = try? SnapshotStamp.read(entry.path).get() }
            var digest: SnapshotDigest?
            let decode = median {
                guard case .success(let data) = reader.dataset(entry) else { return }
                digest = SnapshotDigest(data, summary: ProgressSummary(data))
            }
            // The stamp without a lookup, so that callgrind's count of lookups is of hits only.
            guard let digest, case .success(let stamp) = SnapshotStamp.read(entry.path) else {
                throw BenchError("\(entry.file) does not load")
            }
            var stored = 0
            let store = median {
                if case .stored(let n) = cache.store(digest, forSnapshotAt: entry.path, definition: .complete, stamp: stamp) { stored = n }
            }
            var hits = 0
            let hit = median {
                if case .hit = cache.digest(forSnapshotAt: entry.path, definition: .complete) { hits += 1 }
            }
            guard hits == times else { throw BenchError("\(entry.file): \(times - hits) lookups of \(times) missed") }
            print("| \(entry.file) | \(kb(bytes)) | \(kb(stored)) | \(ms(hash)) | \(ms(decode)) | \(ms(store)) | \(ms(hit)) |")
        }
    }

    /// The median wall time of `times` calls, in seconds.
    private func median(_ body: () -> Void) -> Double {
        var samples: [Double] = []
        for _ in 0..<times {
            var start = timespec(), end = timespec()
            clock_gettime(CLOCK_MONOTONIC, &start)
            body()
            clock_gettime(CLOCK_MONOTONIC, &end)
            samples.append(Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9)
        }
        return samples.sorted()[samples.count / 2]
    }

    private func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
    private func kb(_ bytes: Int) -> String { String(format: "%.1f KB", Double(bytes) / 1000) }
}
