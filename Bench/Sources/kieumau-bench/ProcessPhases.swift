import KieuMauCore
import KieuMauTUI

/// The launch's work repeated in process, warm (files in the page cache, code paged in), each step
/// on its own, to split what the binary's `KIEUMAU_TIMINGS` lumps together (map vs snapshot, the
/// summary vs the lists) and to time the work the dashboard defers past its first frame.
enum ProcessPhases {
    static func measure(_ opened: OpenedData, runs: Int, width: Int, height: Int) throws -> [(name: String, samples: Samples)] {
        var out: [(String, Samples)] = []
        func time(_ name: String, _ body: () -> Void) {
            var s = Samples()
            for _ in 0..<max(1, runs) {
                let start = now()
                body()
                s.append(milliseconds(start, now()))
            }
            out.append((name, s))
        }
        let entry = opened.entries[opened.index]
        let catalog = opened.catalog
        guard let criteria = catalog.criteriaSets[entry.header.criteriaID],
              case .success(let map) = catalog.loadMap(id: entry.header.mapID),
              case .success(let snapshot) = catalog.loadSnapshot(entry, map: map) else {
            throw BenchError("\(opened.directory): cannot load \(entry.file)")
        }
        let data = Dataset(snapshot: snapshot, map: map, criteria: criteria)

        time("scan (criteria, snapshot headers)") { _ = Catalog.scan(directory: opened.directory, today: OpenedData.today) }
        time("map decode") { _ = catalog.loadMap(id: entry.header.mapID) }
        time("snapshot decode") { _ = catalog.loadSnapshot(entry, map: map) }
        time("Dataset (row of each ward)") { _ = Dataset(snapshot: snapshot, map: map, criteria: criteria) }
        time("ProgressSummary") { _ = ProgressSummary(data) }
        time("AppState (summary, sorted lists)") {
            _ = AppState(dataset: data, snapshots: [], snapshotIndex: 0, lang: .en)
        }
        let (controller, _) = try opened.controller(width: width, height: height)
        time("render 160×48 (first frame's canvas)") { _ = controller.render(width: width, height: height) }
        // The controller is made afresh each time (untimed) so the snapshots are loaded cold.
        var deferred = Samples()
        for _ in 0..<max(1, min(runs, 5)) {
            let (fresh, _) = try opened.controller(width: width, height: height)
            let start = now()
            fresh.start()
            fresh.waitUntilIdle()
            deferred.append(milliseconds(start, now()))
        }
        out.append(("deferred work after the first frame (digests every snapshot of the series)", deferred))
        return out
    }
}
