import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file whole or not at all, as `kieumau import` writes snapshots: to a hidden temporary
/// file beside the target, which then becomes the target by `link` (which fails when the target
/// exists, so a file is never replaced by accident) or, when replacing is asked for, by `rename`.
public enum NewFileWriter {
    public static let existsMessage = "the file exists already; it is not replaced (pass --force to replace it)"

    /// Nil on success, else why not, in words (the caller names the file).
    public static func write(_ bytes: [UInt8], to path: String, replace: Bool) -> String? {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return "cannot create the folder \(folder.path): \(error.localizedDescription)"
        }
        if !replace, FileManager.default.fileExists(atPath: path) { return existsMessage }
        let temporary = folder.appendingPathComponent(".kieumau-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp").path
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)
        } catch {
            return "cannot write the file: \(error.localizedDescription)"
        }
        defer { unlink(temporary) }
        if replace {
            return rename(temporary, path) == 0 ? nil : "cannot write the file: \(String(cString: strerror(errno)))"
        }
        if link(temporary, path) == 0 { return nil }
        if errno == EEXIST { return existsMessage }
        return "cannot write the file: \(String(cString: strerror(errno)))"
    }
}
