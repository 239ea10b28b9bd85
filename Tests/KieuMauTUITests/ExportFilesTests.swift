import Foundation
import Testing
import KieuMauTUI

/// Export file names carry the time of day on the reviewer's own clock, not UTC's.
struct ExportFilesTests {
    /// 2025-07-01T09:02:03Z.
    private static let instant = Date(timeIntervalSince1970: 1_751_356_800 + 3_723)

    @Test func theStampIsTheTimeOfDayInTheGivenZone() throws {
        let hoChiMinh = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))   // UTC+7
        let utc = try #require(TimeZone(identifier: "UTC"))
        let kolkata = try #require(TimeZone(identifier: "Asia/Kolkata"))         // UTC+5:30
        #expect(ExportFiles.timestamp(of: Self.instant, in: hoChiMinh) == "160203")
        #expect(ExportFiles.timestamp(of: Self.instant, in: utc) == "090203")
        #expect(ExportFiles.timestamp(of: Self.instant, in: kolkata) == "143203")
    }

    @Test func anEveningInUTCIsTheNextMorningInVietnam() throws {
        let hoChiMinh = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        let evening = Date(timeIntervalSince1970: 1_751_356_800 + 12 * 3600 + 30 * 60 + 5)  // 20:30:05Z
        #expect(ExportFiles.timestamp(of: evening, in: hoChiMinh) == "033005")
    }

    @Test func byDefaultTheStampIsNowOnTheLocalClock() {
        let before = Date()
        let stamp = ExportFiles.timestamp()
        let after = Date()
        // Either side of a second boundary is fine; the stamp must be one of the two.
        let candidates = [before, after].map { ExportFiles.timestamp(of: $0, in: .current) }
        #expect(candidates.contains(stamp))
        #expect(stamp.count == 6 && stamp.allSatisfy(\.isNumber))
    }
}
