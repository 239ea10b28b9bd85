import KieuMauCore
import Testing
@testable import KieuMauTUI

/// Regression checks that count work instead of timing it (docs/BENCHMARKS.md): once the series is
/// loaded no key loads a snapshot again, and what a cursor move sends to the terminal (the rows and
/// cells that change) does not grow with the number of wards.
@Suite struct WorkCountTests {
    /// A series of three snapshots on an in-memory map of `wards` wards in 20 provinces; counts loads.
    final class CountingSource: SnapshotSource {
        let datasets: [Dataset]
        let refs: [SnapshotRef]
        private(set) var loads = 0

        init(wards: Int) throws {
            let provinces = (0..<20).map { Province(code: String(10 + $0), name: "Tỉnh Thử Nghiệm \($0 + 1)", units: wards / 20) }
            var mapWards: [Ward] = []
            for (p, province) in provinces.enumerated() {
                for w in 0..<(wards / 20) {
                    mapWards.append(Ward(code: String(100_000 + p * 10_000 + w), name: "Phường Hòa Bình \(w + 1)", provinceCode: province.code))
                }
            }
            let map = AdminMap(id: "m", title: "", effective: nil, hasDistricts: false, provinces: provinces, districts: [], wards: mapWards)
            let criteria = CriteriaSet(id: "c20", title: "20", groups: [], criteria: (1...20).map { Criterion(number: $0) })
            var datasets: [Dataset] = []
            var refs: [SnapshotRef] = []
            for (step, date) in ["2024-03-31", "2024-06-30", "2024-09-30"].enumerated() {
                // Every other ward registered; more of them complete at each step.
                let rows = mapWards.enumerated().compactMap { i, w -> WardPolice? in
                    guard i % 2 == 0 else { return nil }
                    let complete = i % 7 <= step
                    return WardPolice(wardCode: w.code, stage: complete ? .complete : .registered,
                                      marks: CriteriaMarks(metMask: complete ? 0xFFFFF : 0x0FFFF, notMetMask: complete ? 0 : 0xF0000))
                }
                let header = SnapshotHeader(asOf: try #require(Day(iso: date)), title: date, series: "s", synthetic: true, mapID: "m", criteriaID: "c20")
                datasets.append(Dataset(snapshot: Snapshot(header: header, wards: rows, reported: []), map: map, criteria: criteria))
                refs.append(SnapshotRef(file: date + ".snapshot.json", header: header))
            }
            self.datasets = datasets
            self.refs = refs
        }

        func load(_ ref: SnapshotRef) -> Result<Dataset, Problems> {
            loads += 1
            guard let i = refs.firstIndex(of: ref) else { return .failure(Problems([Problem(file: ref.file, message: "unknown")])) }
            return .success(datasets[i])
        }
        var seriesNames: [String] { ["s"] }
        func snapshots(inSeries series: String) -> [SnapshotRef] { refs }
    }

    /// A controller on the last snapshot after its first frame, as the dashboard has it.
    static func controller(_ source: CountingSource, width: Int, height: Int) -> AppRuntime {
        let state = AppState(dataset: source.datasets[2], snapshots: source.refs, snapshotIndex: 2, lang: .en)
        let c = AppRuntime(state: state, themes: [Theme(name: "default", styles: [:])], source: source, exports: ExportsInMemory(), width: width, height: height)
        _ = c.render(width: width, height: height)
        c.start()
        return c
    }

    /// Rows and cells that differ between two frames: what the backend sends to the terminal.
    static func changes(_ a: Canvas, _ b: Canvas) -> (rows: Int, cells: Int) {
        var rows = 0, cells = 0
        for y in 0..<a.height {
            let changed = (0..<a.width).filter { a[$0, y] != b[$0, y] }.count
            if changed > 0 { rows += 1; cells += changed }
        }
        return (rows, cells)
    }

    @Test func theDeferredWorkLoadsEachOtherSnapshotOnceAndNoKeyLoadsAgain() throws {
        let source = try CountingSource(wards: 1_000)
        let c = Self.controller(source, width: 160, height: 48)
        #expect(source.loads == 2, "the two snapshots not on screen, once each")
        let keys: [Key] = [.down, .pageDown, .up, .char("s"), .char("f"), .char("f"), .char("f"), .char("f"), .char("/"),
                           .char("t"), .backspace, .escape, .enter, .down, .enter, .escape, .char("s"), .escape,
                           .char("<"), .char("<"), .char(">"), .char(">"), .char("n"), .char("p")]
        for key in keys {
            c.handle(key)
            _ = c.render(width: 160, height: 48)
        }
        #expect(source.loads == 2, "keys after the first frame load nothing: \(source.loads - 2) loads")
    }

    @Test func aCursorMoveSendsTheSameRowsAndCellsFor1000And20000Wards() throws {
        var perSize: [[Int]] = []
        for wards in [1_000, 20_000] {
            let c = Self.controller(try CountingSource(wards: wards), width: 80, height: 24)
            var counts: [Int] = []
            // Provinces, then the wards of the first province.
            for (setup, key) in [(nil, Key.down), (nil, .up), (Key.enter, .down), (nil, .down), (nil, .up)] {
                if let setup { c.handle(setup) }
                let before = c.render(width: 80, height: 24)
                c.handle(key)
                let change = Self.changes(before, c.render(width: 80, height: 24))
                #expect(change.rows <= 3, "a cursor move redraws the two rows it leaves and enters (and the status line)")
                counts += [change.rows, change.cells]
            }
            perSize.append(counts)
        }
        #expect(perSize[0] == perSize[1])
    }
}
