import Testing
import KieuMauCore
@testable import KieuMauTUI

/// Answers that arrive after the screen moved on (the effects queued and carried out later, as on
/// a busy snapshot queue) are dropped, never applied to the wrong series.
@Suite struct StaleAnswerTests {
    /// Found by fuzz-app (input 9ujo6Oh06uaVlZVq6uaVJpWV): `v` asked for the latest-known picture of
    /// the demo series, `D` opened the record series, `v` `v` asked for its picture as of the same
    /// day; the first answer, standing on the demo series' 11th snapshot, was taken as the record
    /// series' (an index past its end: a trap).
    @Test func aLatestKnownAnswerForTheSeriesLeftIsDropped() throws {
        let source = try EmbeddedSource(today: EmbeddedRecord.today)
        let refs = source.snapshots(inSeries: "demo")
        let data = try source.load(refs[3]).get()
        let state = AppState(dataset: data, snapshots: refs, snapshotIndex: 3, lang: .en, seriesNames: source.seriesNames)
        let runtime = AppRuntime(state: state, themes: [Theme(name: "default", styles: [:])], source: source,
                                 exports: ExportsInMemory(), execution: .stepped)
        runtime.start()
        for key: Key in [.char("v"), .char("D"), .char("v"), .char("v")] { runtime.handle(key) }
        while runtime.runNextJob() {}
        let s = runtime.state
        #expect(s.header.series == "record")
        #expect(s.snapshots.indices.contains(s.snapshotIndex) && s.snapshots[s.snapshotIndex].file == s.currentRef?.file)
        #expect(s.trend.count == s.snapshots.count)
        #expect(s.picture.mapID == s.map.id)
    }
}
