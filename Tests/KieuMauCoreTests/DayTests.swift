import Testing
@testable import KieuMauCore

@Suite struct DayTests {
    @Test func parsesAndRejects() {
        #expect(Day(iso: "2023-12-31")?.iso == "2023-12-31")
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "23-12-31") == nil)
    }
    @Test func ordinalRoundTrips() {
        let d = Day(iso: "2025-12-31")!
        #expect(Day.today(secondsSince1970: d.ordinal * 86400) == d)
        #expect(Day(iso: "1970-01-01")!.ordinal == 0)
    }
}
