#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KieuMauCore

/// A moment in UTC with millisecond precision, written `2025-07-01T08:30:00.123Z`.
///
/// Stored and exported in that fixed-width form, so text order is time order (SQLite compares
/// the strings). Callers pass the time to every write: tests inject theirs, the app uses `now()`.
public struct ReviewTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z, within 1970 … 9999 (what `iso` can write).
    public let millisecondsSince1970: Int64

    static let range: ClosedRange<Int64> = 0...253_402_300_799_999   // through 9999-12-31T23:59:59.999Z

    /// Clamped into 1970 … 9999, the years the ISO form can hold.
    public init(millisecondsSince1970 ms: Int64) {
        millisecondsSince1970 = min(max(ms, Self.range.lowerBound), Self.range.upperBound)
    }

    /// The system clock, now.
    public static func now() -> ReviewTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return ReviewTime(millisecondsSince1970: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z`; the fraction (1 to 9 digits) is cut to
    /// milliseconds. Nil for anything else, including other time zones and years before 1970.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let day = Day(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = Self.number(bytes[11..<13]), let minute = Self.number(bytes[14..<16]),
              let second = Self.number(bytes[17..<19]),
              hour < 24, minute < 60, second < 60 else { return nil }
        var millis = 0
        let rest = bytes[19..<(bytes.count - 1)]
        if !rest.isEmpty {
            let digits = rest.dropFirst()
            guard rest.first == UInt8(ascii: "."), (1...9).contains(digits.count),
                  let fraction = Self.number(digits) else { return nil }
            var scale = digits.count
            millis = fraction
            while scale < 3 { millis *= 10; scale += 1 }
            while scale > 3 { millis /= 10; scale -= 1 }
        }
        let seconds = Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        guard seconds >= 0 else { return nil }
        self.init(millisecondsSince1970: seconds * 1000 + Int64(millis))
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public var iso: String {
        let seconds = millisecondsSince1970 / 1000
        let day = Day.today(secondsSince1970: Int(seconds))
        let inDay = Int(seconds % 86_400)
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(day.iso)T\(pad(inDay / 3600, 2)):\(pad(inDay / 60 % 60, 2)):\(pad(inDay % 60, 2))."
            + "\(pad(Int(millisecondsSince1970 % 1000), 3))Z"
    }

    public var description: String { iso }

    public static func < (a: ReviewTime, b: ReviewTime) -> Bool {
        a.millisecondsSince1970 < b.millisecondsSince1970
    }

    /// Digits only (no sign, no spaces), as an Int.
    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
