import Foundation
import Testing
import KieuMauCore
@testable import KieuMauDashboard
@testable import KieuMauTUI

/// Issue 14: a start with the opening snapshot's digest in the cache draws its first frame without
/// decoding a ward row, and that frame is the one a start from the rows draws.
@Suite struct DigestStartTests {
    /// A cold start, then a warm one, on the embedded data, with a cache of the test's own.
    private struct Starts {
        let cold: CatalogSource, warm: CatalogSource
        let coldState: AppState, warmState: AppState

        init(series: String, cache: ScratchFolder, day: Day? = nil) throws {
            let catalog = Catalog.scan(directory: RepositoryFiles.embeddedData.path, today: Day(year: 2026, month: 12, day: 4)!)
            func start(_ source: CatalogSource) throws -> AppState {
                let entries = catalog.snapshots(inSeries: series)
                let index = entries.count - 1
                let opened = try source.open(entries[index], definition: .complete).get()
                let refs = source.snapshots(inSeries: series)
                let view = LatestKnownView.read(on: day ?? entries[index].header.asOf, refs: refs, definition: .complete, source: source)
                return AppState(dataset: opened.dataset, snapshots: refs, snapshotIndex: index, lang: .en,
                                seriesNames: source.seriesNames, summary: opened.summary, latestKnown: view, outlineOf: opened.outline)
            }
            cold = CatalogSource(catalog: catalog, digestCache: DigestCache(directory: cache.path))
            coldState = try start(cold)
            warm = CatalogSource(catalog: catalog, digestCache: DigestCache(directory: cache.path))
            warmState = try start(warm)
        }
    }

    @Test(arguments: ["demo", "record"])
    func aWarmStartDecodesNoWardRowsBeforeTheFirstFrame(series: String) throws {
        let cache = try ScratchFolder("digests")
        defer { cache.remove() }
        let starts = try Starts(series: series, cache: cache)
        #expect(starts.cold.wardRowsDecoded > 0, "the cold start read the rows")
        #expect(!starts.coldState.wardsPending)
        #expect(starts.warm.wardRowsDecoded == 0, "the warm start decoded \(starts.warm.wardRowsDecoded) ward rows")
        #expect(starts.warmState.wardsPending)
        #expect(starts.warmState.dataset.snapshot.wards.isEmpty && starts.warmState.map.wards.isEmpty)
    }

    /// The first frame from the digest is the frame from the rows, but for the status line, which
    /// says the wards are being read; the same at 80×24 and 160×48, in both languages.
    @Test(arguments: ["demo", "record"])
    func theFirstFrameFromTheDigestIsTheFrameFromTheRows(series: String) throws {
        let cache = try ScratchFolder("digests")
        defer { cache.remove() }
        let starts = try Starts(series: series, cache: cache, day: Day(year: 2026, month: 12, day: 4)!)
        for (width, height) in [(80, 24), (160, 48)] {
            let cold = Render.screen(starts.coldState, width: width, height: height)
            let warm = Render.screen(starts.warmState, width: width, height: height)
            let coldLines = cold.text.split(separator: "\n", omittingEmptySubsequences: false)
            let warmLines = warm.text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(coldLines.dropLast(2) == warmLines.dropLast(2), "at \(width)×\(height):\n\(cold.text)\n---\n\(warm.text)")
            #expect(warm.text.contains("Loading wards…"), "at \(width)×\(height):\n\(warm.text)")
        }
    }

    /// Keys that need wards wait for them and are then carried out; the others work at once.
    @Test func aKeyThatNeedsTheWardsWaitsForThem() throws {
        let cache = try ScratchFolder("digests")
        defer { cache.remove() }
        let starts = try Starts(series: "demo", cache: cache)
        let runtime = AppRuntime(state: starts.warmState, themes: [BuiltInThemes.default], source: starts.warm,
                                 exports: ExportsInMemory(), execution: .stepped)
        runtime.start()
        runtime.send(.command(.down))
        #expect(runtime.state.provinceList.list.selected == 1, "moving works on the outline")
        let province = runtime.state.provinceList.selectedProvince
        runtime.send(.command(.open))
        #expect(runtime.state.notice == "Loading wards…")
        #expect(runtime.state.stack.count == 1, "the province opens once its wards are read")
        while runtime.runNextJob() {}
        #expect(!runtime.state.wardsPending)
        guard case .wards(let list) = runtime.state.top else { Issue.record("no ward list: \(runtime.state.top)"); return }
        #expect(list.province == province)
        #expect(!list.rows.isEmpty)
        #expect(starts.warm.wardRowsDecoded > 0, "read after the first frame")
    }

    /// A digest that no longer matches its file (the snapshot was written again) is not used: the
    /// start reads the rows.
    @Test func aSnapshotWrittenAgainIsReadInFull() throws {
        let cache = try ScratchFolder("digests"), data = try ScratchFolder("data")
        defer { cache.remove(); data.remove() }
        try RepositoryFiles.copyEmbeddedData(["maps", "criteria", "demo"], into: data.url)
        let catalog = Catalog.scan(directory: data.path, today: Day(year: 2026, month: 12, day: 4)!)
        let entry = try #require(catalog.snapshots(inSeries: "demo").last)
        let first = CatalogSource(catalog: catalog, digestCache: DigestCache(directory: cache.path))
        #expect(try first.open(entry, definition: .complete).get().outline == nil)
        // Same bytes, written again: another modification time.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: entry.path))
        usleep(20_000)
        try bytes.write(to: URL(fileURLWithPath: entry.path))
        let second = CatalogSource(catalog: catalog, digestCache: DigestCache(directory: cache.path))
        #expect(try second.open(entry, definition: .complete).get().outline == nil, "a stale digest was used")
        #expect(second.wardRowsDecoded > 0)
        let third = CatalogSource(catalog: catalog, digestCache: DigestCache(directory: cache.path))
        #expect(try third.open(entry, definition: .complete).get().outline != nil, "the digest made again is used")
        #expect(third.wardRowsDecoded == 0)
    }
}

/// The 2025 result beside a later day's picture is not read twice when no snapshot lies between
/// 31/12/2025 and that day: it must then be exactly the picture read for 31/12/2025.
@Suite struct Result2025Tests {
    @Test(arguments: ["demo", "record"])
    func theResultBesideALaterDayIsThePictureOf2025(series: String) throws {
        let catalog = Catalog.scan(directory: RepositoryFiles.embeddedData.path, today: Day(year: 2026, month: 12, day: 4)!)
        let source = CatalogSource(catalog: catalog)
        let refs = source.snapshots(inSeries: series)
        let later = try #require(LatestKnownView.read(on: Day(year: 2026, month: 12, day: 4)!, refs: refs, definition: .complete, source: source))
        let at2025 = try #require(LatestKnownView.read(on: Targets.deadline2025, refs: refs, definition: .complete, source: source))
        #expect(later.result2025 == at2025.picture)
        #expect(later.result2025?.asOf == Targets.deadline2025)
    }
}

/// A warm start reads a map only up to its provinces (they come from the digest).
@Suite struct MapHeadTests {
    @Test func theHeadIsTheFullMapsHead() throws {
        let catalog = Catalog.scan(directory: RepositoryFiles.embeddedData.path, today: Day(year: 2026, month: 12, day: 4)!)
        for id in catalog.mapFiles.keys.sorted() {
            let full = try catalog.loadMap(id: id).get()
            let head = try catalog.loadMapHead(id: id, provinces: full.provinces).get()
            #expect(head.id == full.id && head.title == full.title && head.effective == full.effective)
            #expect(head.sources == full.sources && head.notes == full.notes && head.provinces == full.provinces)
            #expect(head.wards.isEmpty)
        }
    }

    /// Keys in another order (provinces first): the head is still read, without what comes after.
    @Test func provincesBeforeTheTitleStillGiveAHead() throws {
        let folder = try ScratchFolder("maphead")
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("maps"), withIntermediateDirectories: true)
        try #"{"format": "kieumau.map", "version": 1, "provinces": [{"code": "01", "name": "Hà Nội", "units": 1}], "id": "m", "title": "T", "wards": []}"#
            .write(toFile: folder.path("maps/m.map.json"), atomically: false, encoding: .utf8)
        let catalog = Catalog.scan(directory: folder.path, today: Day(year: 2026, month: 12, day: 4)!)
        let head = catalog.loadMapHead(id: "m", provinces: [Province(code: "01", name: "Hà Nội", units: 1)])
        let map = try head.get()
        #expect(map.id == "m" && map.provinces.count == 1 && map.title.isEmpty, "what comes after the provinces is not read")
    }
}
