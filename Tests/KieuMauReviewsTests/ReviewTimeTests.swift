import Testing
@testable import KieuMauReviews

struct ReviewTimeTests {
    @Test func writesUTCWithMilliseconds() {
        #expect(ReviewTime(millisecondsSince1970: 0).iso == "1970-01-01T00:00:00.000Z")
        #expect(Sample.time(0).iso == "2025-07-01T08:00:00.000Z")
        #expect(Sample.time(3661, milliseconds: 7).iso == "2025-07-01T09:01:01.007Z")
        #expect(ReviewTime(millisecondsSince1970: 951_782_400_000 + 86_399_999).iso == "2000-02-29T23:59:59.999Z")
    }

    @Test func readsWhatItWrites() {
        for ms: Int64 in [0, 1, 999, 1_751_356_800_123, 4_102_444_799_999, 253_402_300_799_999] {
            let time = ReviewTime(millisecondsSince1970: ms)
            #expect(ReviewTime(iso: time.iso) == time, "\(time.iso)")
        }
    }

    @Test func readsFractionsOfOtherLengths() {
        #expect(ReviewTime(iso: "2025-07-01T08:00:00Z") == Sample.time(0))
        #expect(ReviewTime(iso: "2025-07-01T08:00:00.5Z") == Sample.time(0, milliseconds: 500))
        #expect(ReviewTime(iso: "2025-07-01T08:00:00.123456789Z") == Sample.time(0, milliseconds: 123))
    }

    @Test(arguments: ["", "2025-07-01", "2025-07-01T08:00:00", "2025-07-01T08:00:00+07:00", "2025-07-01 08:00:00Z",
                      "2025-07-01T24:00:00Z", "2025-07-01T08:60:00Z", "2025-02-30T08:00:00Z", "1969-12-31T23:59:59Z",
                      "2025-07-01T08:00:00.Z", "2025-07-01T08:00:00.1234567890Z", "2025-07-01T08:00:0xZ", "2025-07-01T-8:00:00Z"])
    func refusesOtherText(_ text: String) {
        #expect(ReviewTime(iso: text) == nil)
    }

    @Test func textOrderIsTimeOrder() {
        let times = [Sample.time(0), Sample.time(0, milliseconds: 1), Sample.time(59), Sample.time(86_400 * 400)]
        #expect(times.map(\.iso) == times.map(\.iso).sorted())
    }
}
