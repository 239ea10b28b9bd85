import Foundation

/// Names of export files.
public enum ExportFiles {
    /// HHMMSS of `date` on the clock of `zone`: by default now in local time, as the reviewer
    /// reads it, so an export's name tells when it was made; two a second apart do not collide.
    public static func timestamp(of date: Date = Date(), in zone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let time = calendar.dateComponents([.hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let v = value ?? 0
            return v < 10 ? "0\(v)" : "\(v)"
        }
        return two(time.hour) + two(time.minute) + two(time.second)
    }

    /// "HH:MM" of `date` on the local clock (the review store's "offline since").
    public static func clockTime(of date: Date = Date(), in zone: TimeZone = .current) -> String {
        String(timestamp(of: date, in: zone).prefix(4)).enumerated().map { $0.offset == 2 ? ":\($0.element)" : "\($0.element)" }.joined()
    }
}
