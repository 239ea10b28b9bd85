import Foundation
import KieuMauTestSupport

/// A folder of a test's own under the system's temporary directory: review stores, data folders,
/// exports. Tests remove it with `defer { folder.remove() }` (a `deinit` could run before the
/// dashboard using the folder has ended, since Swift may end an object's life at its last use).
struct ScratchFolder {
    let url: URL
    var path: String { url.path }

    init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kieumau-e2e-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Files of the checkout the tests read (never write): the embedded data and the import fixtures.
enum RepositoryFiles {
    /// Tests/EndToEndTests/Support/ScratchFiles.swift → the package root. (`#filePath` in the
    /// body is this file; as a default argument it would be the caller's, a folder shallower.)
    static func root() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static var embeddedData: URL { root().appendingPathComponent("Sources/KieuMauCore/Resources/Data") }

    static func importFixture(_ name: String) -> URL {
        root().appendingPathComponent("Tests/KieuMauCoreTests/Fixtures/import").appendingPathComponent(name)
    }

    /// Copies folders of the embedded data (`maps`, `criteria`, a series) into `folder`, leaving out
    /// the files named in `leavingOut` (paths relative to the data folder, e.g. "record/2024-03-27.snapshot.json").
    static func copyEmbeddedData(_ parts: [String], into folder: URL, leavingOut: [String] = []) throws {
        let fileManager = FileManager.default
        for part in parts {
            try fileManager.copyItem(at: embeddedData.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        for file in leavingOut {
            try fileManager.removeItem(at: folder.appendingPathComponent(file))
        }
    }
}

/// `kieumau` run directly (no terminal), in a predictable locale; standard input is /dev/null.
func runKieumau(_ arguments: [String]) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment
    environment["LANG"] = "C.UTF-8"
    environment["LC_ALL"] = nil
    environment["LC_MESSAGES"] = nil
    return try runProcess(try BuiltBinary.kieumau().path, arguments, environment: environment)
}
