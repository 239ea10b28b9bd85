import Foundation
import Testing
@testable import KieuMauCore

/// Paths and one shared generator run for the Generate*Tests.
enum GenerateSupport {
    /// The package root, found from this file's path (Tests/KieuMauCoreTests/<file>).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The committed embedded data.
    static let dataDirectory = packageRoot.appendingPathComponent("Sources/KieuMauCore/Resources/Data")

    /// The reference CSVs: `../shared/data` beside the package, else `/work/shared/data`.
    static let referenceDirectory: URL? = {
        let candidates = [packageRoot.appendingPathComponent("../shared/data").standardizedFileURL,
                          URL(fileURLWithPath: "/work/shared/data")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(ReferenceTexts.wardsBeforeFileName).path) }
    }()

    static var referenceAvailable: Bool { referenceDirectory != nil }
    static let skipReason: Comment = "reference data missing: neither ../shared/data beside the package nor /work/shared/data has wards-2025-01.csv"

    static let referenceTexts: ReferenceTexts? = referenceDirectory.flatMap { try? ReferenceTexts.read(directory: $0) }

    /// One generator run shared by the tests (nil when the reference data are missing or fail).
    static let generated: [String: String]? = referenceTexts.flatMap { try? DataGenerator.generate($0) }

    /// Parses a generated file as JSON with Foundation (independent of our writer).
    static func json(_ path: String) -> [String: Any]? {
        guard let text = generated?[path] else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    /// Every committed data file by path relative to the data directory.
    static func committedFiles() -> [String: Data] {
        var out: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(at: dataDirectory, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        let base = dataDirectory.standardizedFileURL.path + "/"
        for case let url as URL in e {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let data = try? Data(contentsOf: url) else { continue }
            let path = url.standardizedFileURL.path
            out[path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path] = data
        }
        return out
    }
}
