import Foundation
import KieuMauCore
@testable import KieuMauReviews

/// A fresh folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kieumau-reviews-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit {
        // Undo chmod 444/555 set by tests first, so the folder can be removed.
        if let items = FileManager.default.enumerator(atPath: path) {
            for case let item as String in items { chmod("\(path)/\(item)", 0o755) }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }
}

/// Days and times used across the tests.
enum Sample {
    static let q1 = Day(year: 2025, month: 3, day: 31)!
    static let q2 = Day(year: 2025, month: 6, day: 30)!
    static let q3 = Day(year: 2025, month: 9, day: 30)!

    /// A fixed clock: `time(0)` is 2025-07-01T08:00:00.000Z, `time(n)` n seconds later.
    static func time(_ seconds: Int64, milliseconds: Int64 = 0) -> ReviewTime {
        ReviewTime(millisecondsSince1970: 1_751_356_800_000 + seconds * 1000 + milliseconds)
    }
}

extension ReviewStore {
    /// A PRAGMA's text value through the store's own connection.
    func pragma(_ name: String) throws -> String {
        try connection.text("PRAGMA \(name)")
    }
}
