import KieuMauCore
import Testing
@testable import KieuMauTUI

/// The controller keeps a bounded few snapshots in full and a digest of the rest: these count what
/// it keeps and loads, and check that what it shows from the digests (trend, projection, pace, ward
/// history) is what the full computation on every snapshot gives.
@Suite struct MemoryBoundTests {
    /// A series of `count` quarterly snapshots on an in-memory map of `wards` wards in 10
    /// provinces; counts loads by file. A snapshot in `broken` fails to load; one in `empty` has no rows.
    final class SeriesSource: SnapshotSource {
        let datasets: [Dataset]
        let refs: [SnapshotRef]
        let broken: Set<Int>
        private(set) var loadsByFile: [String: Int] = [:]
        var loads: Int { loadsByFile.values.reduce(0, +) }
        /// Called before each load (e.g. to look at what the controller holds at that moment).
        var beforeLoad: () -> Void = {}

        init(wards: Int, count: Int, broken: Set<Int> = [], empty: Set<Int> = []) throws {
            let provinces = (0..<10).map { Province(code: String(10 + $0), name: "Tỉnh Thử Nghiệm \($0 + 1)", units: wards / 10) }
            var mapWards: [Ward] = []
            for (p, province) in provinces.enumerated() {
                for w in 0..<(wards / 10) {
                    mapWards.append(Ward(code: String(100_000 + p * 10_000 + w), name: "Phường Hòa Bình \(w + 1)", provinceCode: province.code))
                }
            }
            let map = AdminMap(id: "m", title: "", effective: nil, hasDistricts: false, provinces: provinces, districts: [], wards: mapWards)
            let criteria = CriteriaSet(id: "c20", title: "20", groups: [], criteria: (1...20).map { Criterion(number: $0) })
            var datasets: [Dataset] = []
            var refs: [SnapshotRef] = []
            for step in 0..<count {
                let date = try #require(Day(iso: "\(2024 + step / 4)-\(["03-31", "06-30", "09-30", "12-31"][step % 4])"))
                // Every other ward has a row; more of them complete at each step, some only with a count,
                // and the provinces move at different paces.
                let rows = empty.contains(step) ? [] : mapWards.enumerated().compactMap { i, w -> WardPolice? in
                    guard i % 2 == 0 else { return nil }
                    let province = i / (wards / 10)
                    if i % 5 == 0 { return WardPolice(wardCode: w.code, stage: .registered, marks: .count(min(20, 10 + step + province % 3))) }
                    let complete = i % 11 <= step + province % 4
                    return WardPolice(wardCode: w.code, stage: complete ? .complete : .registered,
                                      marks: CriteriaMarks(metMask: complete ? 0xFFFFF : 0x0FFFF >> (i % 3), notMetMask: complete ? 0 : 0xF0000))
                }
                let header = SnapshotHeader(asOf: date, title: date.iso, series: "s", synthetic: true, mapID: "m", criteriaID: "c20")
                datasets.append(Dataset(snapshot: Snapshot(header: header, wards: rows, reported: []), map: map, criteria: criteria))
                refs.append(SnapshotRef(file: date.iso + ".snapshot.json", header: header))
            }
            self.datasets = datasets
            self.refs = refs
            self.broken = broken
        }

        func load(_ ref: SnapshotRef) -> Result<Dataset, Problems> {
            beforeLoad()
            loadsByFile[ref.file, default: 0] += 1
            guard let i = refs.firstIndex(of: ref), !broken.contains(i) else {
                return .failure(Problems([Problem(file: ref.file, message: "cannot be read")]))
            }
            return .success(datasets[i])
        }
        var seriesNames: [String] { ["s"] }
        func snapshots(inSeries series: String) -> [SnapshotRef] { refs }

        /// The budget that keeps exactly one snapshot besides the one on screen (rows and summary).
        var oneSnapshotBudget: Int { 1 + (datasets.map(\.snapshot.wards.count).max() ?? 0) + datasets[0].map.wards.count }
    }

    /// A controller on the last snapshot after its first frame, as the dashboard has it.
    static func controller(_ source: SeriesSource, budget: Int, deferredWork: Bool = true) -> AppRuntime {
        let i = source.refs.count - 1
        let state = AppState(dataset: source.datasets[i], snapshots: source.refs, snapshotIndex: i, lang: .en)
        let c = AppRuntime(state: state, themes: [Theme(name: "default", styles: [:])], source: source, exports: ExportsInMemory(), retainedWardEntries: budget, width: 160, height: 48)
        _ = c.render(width: 160, height: 48)
        if deferredWork { c.start() }
        return c
    }

    /// The history of one ward computed from every snapshot's rows.
    static func fullHistory(_ code: String, _ source: SeriesSource) -> [WardHistory.Point] {
        source.datasets.enumerated().compactMap { i, d in
            guard !source.broken.contains(i), let w = d.map.wardIndex[code] else { return nil }
            let wp = d.wardProgress(at: w)
            return .init(asOf: d.header.asOf, stage: wp.stage, met: wp.met, total: d.criteria.count)
        }
    }

    @Test func afterTheFirstFrameOnlyTheScreenAndOneNeighbourAreKept() throws {
        let source = try SeriesSource(wards: 2_000, count: 6)
        let c = Self.controller(source, budget: source.oneSnapshotBudget, deferredWork: false)
        var heldAtLoad: [Int] = []
        source.beforeLoad = { [weak c] in heldAtLoad.append(c?.retainedSnapshotFiles.count ?? -1) }
        c.start()
        #expect(source.loads == 5, "each snapshot not on screen loaded once")
        #expect(Set(c.retainedSnapshotFiles) == [source.refs[5].file, source.refs[4].file])
        // The neighbour kept is loaded last, and what a load would push out is dropped before it.
        #expect(heldAtLoad == [1, 1, 1, 1, 1], "only the screen is held while another snapshot is decoded")
    }

    @Test func selectingWardsLoadsNothingAndTheHistoryIsTheRows() throws {
        let source = try SeriesSource(wards: 2_000, count: 6)
        let c = Self.controller(source, budget: source.oneSnapshotBudget)
        let loads = source.loads
        c.handle(.enter)
        for _ in 0..<60 {
            c.handle(.down)
            _ = c.render(width: 160, height: 48)
            let ward = try #require(c.state.selectedWard)
            let code = c.state.map.wards[ward].code
            let history = try #require(c.state.history)
            #expect(history.wardCode == code)
            #expect(history.points == Self.fullHistory(code, source))
            #expect(c.retainedSnapshotFiles.count <= 2)
        }
        #expect(history(of: c).count == 6)
        #expect(source.loads == loads, "a ward selected loads nothing: \(source.loads - loads) loads")
    }

    private func history(of c: AppRuntime) -> [WardHistory.Point] { c.state.history?.points ?? [] }

    @Test func trendPaceAndProjectionAreThoseOfEverySummary() throws {
        let source = try SeriesSource(wards: 2_000, count: 6, empty: [1])
        let c = Self.controller(source, budget: 0)
        let summaries = source.datasets.map { ProgressSummary($0) }
        #expect(c.state.trend == summaries.enumerated().map { i, s in i == 1 ? nil : s.national.share })
        #expect(c.state.previousSummary?.national == summaries[4].national)
        #expect(c.state.summary.paceObserved(since: try #require(c.state.previousSummary))
                == c.state.summary.paceObserved(since: summaries[4]))

        let projection = try #require(c.state.projection)
        let full = try #require(Projection(series: summaries.enumerated().filter { $0.offset != 1 }.map(\.element)))
        #expect(projection.basis == full.basis)
        #expect(projection.asOf == full.asOf)
        #expect(projection.national.paceObserved == full.national.paceObserved)
        #expect(projection.national.at100 == full.national.at100)
        #expect(projection.provinces.count == full.provinces.count)
        for (a, b) in zip(projection.provinces, full.provinces) {
            #expect(a.province == b.province)
            #expect(a.tally == b.tally)
            #expect(a.paceObserved == b.paceObserved)
            #expect([a.at30, a.at50, a.at100] == [b.at30, b.at50, b.at100])
            #expect([a.outlook2025, a.outlook2030] == [b.outlook2025, b.outlook2030])
        }
    }

    @Test func steppingBackAndForthKeepsTheNeighbourAndLoadsOnlyWhatIsNew() throws {
        let source = try SeriesSource(wards: 2_000, count: 6)
        let c = Self.controller(source, budget: source.oneSnapshotBudget)
        let loads = source.loads
        for key: Key in [.char("<"), .char(">"), .char("<"), .char(">"), .char("<")] {
            c.handle(key)
            #expect(c.retainedSnapshotFiles.count <= 2)
        }
        #expect(source.loads == loads, "between the screen and its neighbour nothing is loaded")
        c.handle(.char("<"))
        #expect(c.state.snapshotIndex == 3)
        #expect(source.loads == loads + 1, "a snapshot not kept is loaded again, once")
        // The one before (2) is not loaded ahead: the neighbour kept is the one just left.
        #expect(Set(c.retainedSnapshotFiles) == [source.refs[3].file, source.refs[4].file])
    }

    /// Each step reads the next snapshot in the direction of travel ahead (when the budget keeps
    /// both neighbours): walking the series one way, every snapshot is read once, before it is
    /// asked for, and never more than the budget is kept.
    @Test func readingAheadMakesAWalkReadEachSnapshotOnceBeforeItIsAskedFor() throws {
        let source = try SeriesSource(wards: 2_000, count: 6)
        let c = Self.controller(source, budget: 2 * source.oneSnapshotBudget)
        for target in stride(from: 4, through: 0, by: -1) {
            let before = source.loadsByFile
            c.handle(.char("<"))
            #expect(c.state.snapshotIndex == target)
            #expect(source.loadsByFile[source.refs[target].file] == before[source.refs[target].file], "step to \(target) read its file")
            if target > 0 {
                #expect(c.retainedSnapshotFiles.contains(source.refs[target - 1].file), "the next one back was not read ahead")
            }
            #expect(c.retainedSnapshotFiles.count <= 3)
        }
        // Turning round: the way on is now ahead, and the read-ahead follows it.
        c.handle(.char(">"))
        #expect(c.state.snapshotIndex == 1)
        #expect(Set(c.retainedSnapshotFiles) == [source.refs[0].file, source.refs[1].file, source.refs[2].file])
    }

    /// The dashboard's runner works off the main thread: started, and waited for, it leaves the
    /// state that running everything at once leaves; a ward selected meanwhile loads nothing itself.
    @Test func backgroundWorkLeavesWhatInlineWorkLeaves() throws {
        let source = try SeriesSource(wards: 1_000, count: 6, broken: [2], empty: [3])
        let i = source.refs.count - 1
        let state = AppState(dataset: source.datasets[i], snapshots: source.refs, snapshotIndex: i, lang: .en)
        let background = AppRuntime(state: state, themes: [Theme(name: "default", styles: [:])], source: source,
                                    exports: ExportsInMemory(), execution: .background, retainedWardEntries: source.oneSnapshotBudget,
                                    width: 160, height: 48)
        background.start()
        background.handle(.enter)
        #expect(background.state.selectedWard != nil)
        background.waitUntilIdle()
        #expect(background.isIdle)
        let inline = Self.controller(try SeriesSource(wards: 1_000, count: 6, broken: [2], empty: [3]), budget: source.oneSnapshotBudget)
        inline.handle(.enter)
        #expect(background.state.trend == inline.state.trend)
        #expect(background.state.history == inline.state.history && (background.state.history?.points.count ?? 0) >= 4)
        #expect(background.state.previousSummary?.national == inline.state.previousSummary?.national)
        #expect(inline.state.projection != nil && inline.state.previousSummary != nil)
        #expect(background.state.projection?.basis == inline.state.projection?.basis)
        #expect(background.state.projection?.national.at100 == inline.state.projection?.national.at100)
        #expect(background.state.trend.compactMap { $0 }.count == 4, "6 snapshots less a broken one and one without rows")
        // A step runs off the main thread too: the screen says "loading" until it arrives.
        background.handle(.char("<"))
        background.waitUntilIdle()
        #expect(background.state.snapshotIndex == 4 && background.state.loading == nil)
    }

    /// No read-ahead when the budget keeps only one neighbour, or when the next snapshot cannot be
    /// loaded: it is not tried again and again.
    @Test func noReadAheadWithoutRoomOrForABrokenSnapshot() throws {
        let tight = try SeriesSource(wards: 1_000, count: 4)
        let c = Self.controller(tight, budget: tight.oneSnapshotBudget)
        let loads = tight.loadsByFile[tight.refs[1].file]
        c.handle(.char("<"))
        #expect(c.state.snapshotIndex == 2)
        #expect(tight.loadsByFile[tight.refs[1].file] == loads, "read ahead with no room to keep it")

        let broken = try SeriesSource(wards: 1_000, count: 5, broken: [1])
        let b = Self.controller(broken, budget: .max)
        let tried = broken.loadsByFile[broken.refs[1].file]
        for _ in 0..<2 { b.handle(.char("<")) }
        #expect(b.state.snapshotIndex == 2)
        #expect(broken.loadsByFile[broken.refs[1].file] == tried, "the broken one was tried once, after the first frame")
    }

    /// The same keys on a controller that keeps only the screen and on one that keeps everything
    /// (as the controller did before it had a budget) draw the same frames.
    @Test func keepingOnlyTheScreenDrawsWhatKeepingEverythingDraws() throws {
        let source = try SeriesSource(wards: 1_000, count: 5, empty: [2])
        let bounded = Self.controller(source, budget: 0)
        let everything = Self.controller(try SeriesSource(wards: 1_000, count: 5, empty: [2]), budget: .max)
        let keys: [Key] = [.enter, .down, .down, .enter, .char("<"), .char("<"), .escape, .char(">"), .char("<"), .char("<"),
                           .char("<"), .char("<"), .char("d"), .char("]"), .char("]"), .char("["), .char(">"), .escape,
                           .escape, .down, .enter, .char("n"), .char("n"), .char("<"), .char(">"), .char(">"), .char(">"),
                           .char(">"), .char("p"), .enter]
        #expect(bounded.render(width: 160, height: 48) == everything.render(width: 160, height: 48))
        for (n, key) in keys.enumerated() {
            bounded.handle(key)
            everything.handle(key)
            let a = bounded.render(width: 160, height: 48), b = everything.render(width: 160, height: 48)
            #expect(a == b, "after key \(n + 1) (\(key)):\n\(a.text)\n---\n\(b.text)")
            #expect(bounded.retainedSnapshotFiles.count <= 1)
            #expect(bounded.state.history?.points == everything.state.history?.points)
        }
        #expect(everything.retainedSnapshotFiles.count == 5)
    }

    @Test func aBrokenSnapshotIsTriedOnceNotAtEveryWard() throws {
        let source = try SeriesSource(wards: 1_000, count: 4, broken: [1])
        let c = Self.controller(source, budget: .max)
        #expect(source.loadsByFile[source.refs[1].file] == 1)
        #expect(c.state.trend[1] == nil)
        c.handle(.enter)
        for _ in 0..<10 { c.handle(.down) }
        let ward = try #require(c.state.selectedWard)
        #expect(c.state.history?.points == Self.fullHistory(c.state.map.wards[ward].code, source))
        #expect(source.loadsByFile[source.refs[1].file] == 1)
    }
}
