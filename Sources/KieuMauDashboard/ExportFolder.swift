import Foundation
import Glibc
import KieuMauTUI

/// Exports written as files into one folder: the current directory (interactive use, as the
/// user expects of `e`) or the folder of `--export-dir`. Never over an existing file: a second
/// export in the same second gets `-2`, `-3`…
public final class ExportFolder: ExportSink {
    let path: String
    /// How written paths are shown: `./name` in the current directory, the full path elsewhere.
    private let shownPrefix: String

    /// `--export-dir DIR`, else the current directory. The folder must exist and be a folder.
    public init(flag: String?) throws {
        let fileManager = FileManager.default
        guard let flag else {
            path = fileManager.currentDirectoryPath
            shownPrefix = "./"
            return
        }
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: flag, isDirectory: &isDirectory) else {
            throw ExportFolderError("--export-dir: no such folder: \(flag)")
        }
        guard isDirectory.boolValue else { throw ExportFolderError("--export-dir: expected a folder, found a file: \(flag)") }
        path = URL(fileURLWithPath: flag).standardizedFileURL.path
        shownPrefix = path.hasSuffix("/") ? path : path + "/"
    }

    public func write(fileName: String, contents: String) throws -> String {
        let base = (fileName as NSString).deletingPathExtension, ext = (fileName as NSString).pathExtension
        var name = fileName
        for n in 2... {
            // O_EXCL: the file is made by this call or the call fails, so nothing is overwritten
            // even when another dashboard exports the same name at the same moment.
            let fd = open(path + "/" + name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                let code = errno
                if code == EEXIST { name = "\(base)-\(n).\(ext)"; continue }
                throw ExportFolderError("cannot write \(shownPrefix + name): \(String(cString: strerror(code)))")
            }
            defer { close(fd) }
            var bytes = Array(contents.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ExportFolderError("cannot write \(shownPrefix + name): \(String(cString: strerror(errno)))")
                }
                bytes = bytes.dropFirst(written)
            }
            return shownPrefix + name
        }
        preconditionFailure("unreachable: the loop above returns or throws")
    }
}

/// Why an export folder cannot be used or a file in it cannot be written, in one line.
public struct ExportFolderError: Error, CustomStringConvertible {
    public let description: String
    init(_ message: String) { description = message }
}
