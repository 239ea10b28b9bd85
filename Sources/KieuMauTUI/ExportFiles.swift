import Foundation

/// Writing exports: into the current directory, never over an existing file.
public enum ExportFiles {
    public static func writeInCurrentDirectory(_ name: String, _ contents: String) throws -> String {
        let fm = FileManager.default
        var url = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent(name)
        var n = 2
        while fm.fileExists(atPath: url.path) {
            let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
            url = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("\(base)-\(n).\(ext)")
            n += 1
        }
        try Data(contents.utf8).write(to: url, options: .withoutOverwriting)
        return "./" + url.lastPathComponent
    }

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
}
