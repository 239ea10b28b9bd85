import Foundation

/// Finds the `kieumau` executable that `swift build`/`swift test` produced. Nothing is built here.
///
/// Looked for, in order: `$KIEUMAU_BINARY`; next to the test bundle (Linux runs
/// `<bin>/kieumauPackageTests.xctest`, macOS `<bin>/kieumauPackageTests.xctest/Contents/MacOS/…`),
/// which follows `--scratch-path`; then `<package>/.build/debug/kieumau` from this file's path.
public enum BuiltBinary {
    public struct NotFound: Error, CustomStringConvertible {
        public var searched: [String]
        public var description: String {
            "the kieumau executable was not found (run `swift build` first, or set KIEUMAU_BINARY); looked at: "
                + searched.joined(separator: ", ")
        }
    }

    public static func kieumau() throws -> URL {
        let candidates = candidatePaths()
        let fileManager = FileManager.default
        for path in candidates where fileManager.isExecutableFile(atPath: path) {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return URL(fileURLWithPath: path)
            }
        }
        throw NotFound(searched: candidates)
    }

    static func candidatePaths() -> [String] {
        var paths: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["KIEUMAU_BINARY"], !explicit.isEmpty {
            paths.append(explicit)
        }
        var starts = [CommandLine.arguments.first, Bundle.main.executablePath, Bundle.main.bundlePath]
            .compactMap { $0 }.map { URL(fileURLWithPath: $0) }
        starts += Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            // Walk up from the test binary until a folder holding `kieumau` (at most 4 levels).
            var folder = start.deletingLastPathComponent()
            for _ in 0..<4 {
                paths.append(folder.appendingPathComponent("kieumau").path)
                folder = folder.deletingLastPathComponent()
            }
        }
        // Tests/TestSupport/BuiltBinary.swift → package root. (`#filePath` here, in the body, is this
        // file; as a default argument it was the caller's, one folder deeper or shallower.)
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        paths.append(root.appendingPathComponent(".build/debug/kieumau").path)
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }
}
