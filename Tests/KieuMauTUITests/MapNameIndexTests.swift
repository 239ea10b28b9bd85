import KieuMauCore
import Testing
@testable import KieuMauTUI

/// The lists' names are folded once per map (`MapNameIndex`), not on each keystroke; counted, not
/// timed (docs/BENCHMARKS.md). And the lists come out the same with the index as without it.
@Suite struct MapNameIndexTests {
    func type(_ c: AppRuntime, _ text: String) { for ch in text { c.handle(.char(ch)) } }
    func erase(_ c: AppRuntime, _ count: Int) { for _ in 0..<count { c.handle(.backspace) } }

    @Test func filterKeystrokesAndSnapshotStepsFoldNoNameAgain() throws {
        let source = try WorkCountTests.CountingSource(wards: 1_000)
        let c = WorkCountTests.controller(source, width: 160, height: 48)
        let atLaunch = c.state.names.namesFolded
        #expect(atLaunch == 2 * 20, "the 20 province names, folded and sort-keyed; no ward yet")

        c.handle(.char("/"))
        type(c, "thu nghiem 1")
        #expect(c.state.provinceRows.count == 11, "provinces 1 and 10…19")
        erase(c, 12)
        c.handle(.escape)
        for _ in 0..<4 { c.handle(.char("s")) }   // every province sort, back to name order
        #expect(c.state.names.namesFolded == atLaunch, "filter and sort keys on provinces fold nothing")

        c.handle(.enter)
        let province = try #require(c.state.province)
        let wards = c.state.map.wardRanges[province].count
        let afterDrill = c.state.names.namesFolded
        #expect(afterDrill == atLaunch + 2 * wards, "one province's wards, once (this map has no districts)")
        #expect(c.state.names.wardsAreReady(in: province))

        c.handle(.char("/"))
        type(c, "hoa binh 4")
        #expect(c.state.wardRows.count == 1 + 10, "Phường Hòa Bình 4 and 40…49")
        erase(c, 10)
        c.handle(.escape)
        for _ in 0..<3 { c.handle(.char("s")) }
        c.handle(.escape)
        c.handle(.enter)   // the same province again
        #expect(c.state.names.namesFolded == afterDrill, "ward filter, sort and re-entry fold nothing")

        // The snapshots of the series share the map: a step keeps the index.
        c.handle(.char("<"))
        c.handle(.char("<"))
        c.handle(.char(">"))
        #expect(c.state.snapshotIndex == 1)
        #expect(c.state.names.namesFolded == afterDrill, "a snapshot step on the same map keeps the names")
    }

    @Test func aSnapshotOnAnotherMapRemakesTheIndex() throws {
        let c = Fixture.controller()
        // Fixture.map is made afresh for each snapshot: equal places, separate arrays, same index.
        let before = c.state.names.namesFolded
        c.handle(.char("<"))
        #expect(c.state.snapshotIndex == 0 && c.state.names.namesFolded == before)
        #expect(c.state.names.isIndex(of: Fixture.map))

        var other = Fixture.map
        other.provinces[0].name = "Thủ đô Hà Nội"
        #expect(!c.state.names.isIndex(of: other))
        var state = c.state
        let data = Dataset(snapshot: Fixture.second.snapshot, map: other, criteria: Fixture.criteria)
        state.loading = Loading(target: 1, file: "b.snapshot.json", purpose: .step(delta: 1, skipped: []))
        _ = Reducer.reduce(&state, .snapshotLoaded(LoadedSnapshot(index: 1, file: "b.snapshot.json", dataset: data,
                                                                  summary: ProgressSummary(data), crosswalk: nil)))
        #expect(state.names.isIndex(of: other) && state.names.provinceFolded[0] == "thu do ha noi")
    }

    /// Every filter, sort and band or stage gives the rows it gives without the index.
    @Test func listsAreTheSameWithTheIndexAsWithout() throws {
        let source = try WorkCountTests.CountingSource(wards: 400)
        for data in [Fixture.second, source.datasets[2]] {
            let summary = ProgressSummary(data)
            var names = MapNameIndex(data.map)
            names.prepareWards(in: nil)
            for filter in ["", "thanh", "ha", "  đa ", "1", "phuong hoa binh 1", "quan", "vinh", "xyz"] {
                for sort in ProvinceSort.allCases {
                    for band in BandFilter.allCases {
                        let plain = ListQueries.provinceRows(summary: summary, sort: sort, band: band, filter: filter)
                        #expect(ListQueries.provinceRows(summary: summary, sort: sort, band: band, filter: filter, names: names) == plain)
                    }
                }
                for province in [nil] + data.map.provinces.indices.map(Optional.some) {
                    for sort in WardSort.allCases {
                        for stage in StageFilter.allCases {
                            let plain = ListQueries.wardRows(summary: summary, map: data.map, province: province, sort: sort,
                                                             stage: stage, filter: filter)
                            let indexed = ListQueries.wardRows(summary: summary, map: data.map, province: province, sort: sort,
                                                               stage: stage, filter: filter, names: names)
                            #expect(indexed == plain, "\(filter) \(String(describing: province)) \(sort) \(stage)")
                        }
                    }
                }
            }
        }
    }

    /// With an index the queries read the index's names, not the map's: given the index of a map
    /// with other names, they filter and sort by those.
    @Test func withTheIndexTheQueriesFoldNoNameOfTheMap() {
        let data = Fixture.second
        var renamed = data.map
        for i in renamed.provinces.indices { renamed.provinces[i].name = ["Zeta", "Alpha", "Mu", "Beta"][i] }
        for i in renamed.wards.indices { renamed.wards[i].name = "Ward \(renamed.wards[i].code)" }
        var names = MapNameIndex(renamed)
        names.prepareWards(in: 1)
        #expect(names.wardsAreReady(in: 1) && !names.wardsAreReady(in: 0))
        let summary = ProgressSummary(data)
        let provinces = ListQueries.provinceRows(summary: summary, sort: .name, band: .all, filter: "a", names: names)
        #expect(provinces.map { renamed.provinces[$0].name } == ["Alpha", "Beta", "Zeta"])
        let wards = ListQueries.wardRows(summary: summary, map: data.map, province: 1, sort: .name, stage: .all, filter: "ward 169", names: names)
        #expect(wards.map { renamed.wards[$0].name } == ["Ward 16939", "Ward 16994"])
    }

    @Test func wardsNotPreparedAreFoldedAsBefore() {
        let data = Fixture.second
        let names = MapNameIndex(data.map)   // no ward prepared: the query folds them itself
        #expect(!names.wardsAreReady(in: 1) && !names.wardsAreReady(in: nil))
        let rows = ListQueries.wardRows(summary: ProgressSummary(data), map: data.map, province: 1, sort: .name, stage: .all,
                                        filter: "thai hoa", names: names)
        #expect(rows.map { data.map.wards[$0].name } == ["Phường Hòa Hiếu", "Phường Quang Tiến"])
    }

    @Test func nameRanksOrderNumbersByValueAndTiesByIndex() {
        let ranks = MapNameIndex.ranks(of: ["phuong 000010", "phuong 000002", "a", "phuong 000002"])
        #expect(ranks == [3, 1, 0, 2])
        #expect(ListQueries.sortKey("Phường 2") < ListQueries.sortKey("Phường 10"))
        #expect(ListQueries.sortKey("Thành phố Đà Nẵng") == "da nang" && ListQueries.sortKey("Thị xã Thái Hòa") == "thai hoa")
    }
}
