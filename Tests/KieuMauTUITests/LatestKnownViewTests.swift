import KieuMauCore
import Testing
@testable import KieuMauTUI

/// The latest-known view of the embedded record and the steps between it and the snapshots as
/// published: what the screen says, and what it does not claim.
@Suite struct LatestKnownViewTests {
    @Test func opensOnTheLatestKnownOnTheMapInForce() throws {
        let c = try EmbeddedRecord.controller(width: 160, height: 48)
        #expect(c.state.basis == .latestKnown(EmbeddedRecord.today))
        #expect(c.state.picture.mapID == "vn-2025-07" && c.state.map.provinces.count == 34)
        #expect(c.state.header.asOf == Day(iso: "2025-07-01"), "the snapshot it stands on")
        let text = c.render(width: 160, height: 48).text
        #expect(text.contains("latest known on 2026-12-04"))
        #expect(text.contains("registered 172 · quota 106 (2023 round)  [seed-04, seed-00] 2023-12 · 63-province map · 3 years old"))
        #expect(text.contains("144@22 25@21 3@20 (2023 round) [seed-00] ≠ 144@20 (2023 round) [seed-04]"))
        // No verdict the record cannot carry: no band, no "will miss", no share.
        #expect(!text.contains("▼") && !text.contains("◆") && !text.contains("▲") && !text.contains("✘"))
        #expect(!text.contains("0.0%"), "no share of zero where nothing is counted")
        #expect(c.state.projection?.national.counted == false)
        // From 2026 the 2025 column is the result at 31/12/2025: unknown for every province here.
        let result = try #require(c.state.result2025)
        #expect(result.asOf == Targets.deadline2025 && result.bandCounts.values.reduce(0, +) == 0)
    }

    @Test func stepsBetweenTheLatestKnownAndTheSnapshotsAsPublished() throws {
        let c = try EmbeddedRecord.controller()
        let last = c.state.snapshots.count - 1
        #expect(c.state.snapshotIndex == last)
        c.handle(.char("<"))
        #expect(c.state.basis == .asPublished && c.state.snapshotIndex == last, "the snapshot it stands on, as published")
        #expect(c.render(width: 80, height: 24).text.contains("2025-07-01 as published"))
        c.handle(.char("<"))
        #expect(c.state.basis == .asPublished && c.state.header.asOf == Day(iso: "2025-06-11"))
        #expect(c.state.picture.basis == .asPublished && c.state.picture.mapID == "vn-2025-01")
        c.handle(.char(">")); c.handle(.char(">"))
        #expect(c.state.basis == .latestKnown(EmbeddedRecord.today), "past the last snapshot: the latest known")
        c.handle(.char(">"))
        #expect(c.state.basis.isLatestKnown && c.state.notice == Strings(.en).lastSnapshot)
        c.handle(.char("v"))
        #expect(c.state.basis == .asPublished)
        c.handle(.char("v"))
        #expect(c.state.basis.isLatestKnown)
    }

    @Test func aReloadKeepsTheView() throws {
        let c = try EmbeddedRecord.controller()
        c.send(.dataChanged)
        #expect(c.state.basis == .latestKnown(EmbeddedRecord.today) && c.state.picture.basis == .latestKnown)
        c.handle(.char("<"))
        c.send(.dataChanged)
        #expect(c.state.basis == .asPublished)
    }

    @Test func theSeriesKeyKeepsTheView() throws {
        let c = try EmbeddedRecord.controller()
        c.handle(.char("D"))
        #expect(c.state.header.series == "demo" && c.state.basis.isLatestKnown)
        // The demo is counted: it keeps its bands, and its 2025 column is the result.
        #expect((c.state.picture.bandCounts[.above] ?? 0) > 0 && (c.state.picture.bandCounts[.below] ?? 0) > 0)
        #expect(c.render(width: 160, height: 48).text.contains("2025 result: ▼"))
        c.handle(.char("D"))
        #expect(c.state.header.series == "record" && c.state.basis.isLatestKnown)
    }

    @Test func wardsWithoutARowInANamedProvinceAreNotNamed() throws {
        let c = try EmbeddedRecord.controller(day: Day(iso: "2025-06-11")!, width: 160, height: 48)
        #expect(c.state.picture.mapID == "vn-2025-01")
        for k: Key in [.char("/"), .char("k"), .char("o"), .char("n"), .char(" "), .char("t"), .char("u"), .char("m"), .enter, .enter] {
            c.handle(k)
        }
        #expect(c.state.level == .wards)
        let text = c.render(width: 160, height: 48).text
        #expect(text.contains("Phường Ngô Mây") && text.contains("recognised"))
        #expect(text.contains("not named") && !text.contains("not registered"))
        // Kon Tum's reported 2 of 2 for 2024 is a round's count: no share of its 10 units from it.
        let konTum = try #require(c.state.picture.province(code: "62"))
        #expect(konTum.count == nil && konTum.figure(.recognised)?.single?.round == 2024)
    }

    @Test func theExportOfTheProvinceListCarriesDatesAndSources() throws {
        let sink = ExportsInMemory()
        let c = try EmbeddedRecord.controller(exports: sink)
        c.handle(.char("e"))
        let (name, csv) = try #require(sink.files.first)
        #expect(name.hasPrefix("kieumau-provinces-2026-12-04-"), "the day of the picture: \(name)")
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + 34)
        #expect(lines[0].hasPrefix("code,province,units,registered,registered_round,registered_as_of,registered_sources,quota,"))
        let ngheAn = try #require(lines.first { $0.hasPrefix("40,") })
        #expect(ngheAn.contains(",16,2023,2023-12 (63-province map),seed-01,1,2023,2023-12 (63-province map),seed-01,"), "\(ngheAn)")
        #expect(ngheAn.hasSuffix(",unknown,,,,unknown,no complete count since the map change"), "\(ngheAn)")
        c.handle(.char("E"))
        let json = try #require(sink.files.first { $0.key.hasSuffix(".json") }?.value)
        #expect(json.contains("\"view\": \"latest known\"") && json.contains("\"asOf\": \"2026-12-04\""))
    }

    @Test func criterion6IsInTheWordsOfItsSourceOnTheVietnameseScreen() throws {
        let c = try EmbeddedRecord.controller(day: Day(iso: "2024-03-27")!, lang: .vi, width: 160, height: 48)
        let keys: [Key] = [.char("/")] + "da nang".map { Key.char($0) } + [.enter, .enter, .char("/")] + "khue trung".map { Key.char($0) }
            + [.enter, .enter]
        for k in keys { c.handle(k) }
        #expect(c.state.level == .wardDetail)
        let text = c.render(width: 160, height: 48).text
        #expect(text.contains("Tiêu chí 6 (trụ sở làm việc, trang thiết bị)"), "criterion 6 in the source's words:\n\(text)")
        #expect(!text.contains("headquarters") && !text.contains("equipment"))
    }
}
