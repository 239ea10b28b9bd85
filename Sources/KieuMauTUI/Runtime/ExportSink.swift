/// Where the dashboard's exports (`e` CSV, `E` JSON) go. A required dependency: the library never
/// picks a folder itself (an exporter that defaulted to the current directory once wrote 50,175
/// files into the repository while the app was being fuzzed). The command line passes a folder —
/// the current one, or `--export-dir` — and tests and fuzzing keep exports in memory.
public protocol ExportSink: AnyObject {
    /// Writes `contents` as a new file named `fileName` (or a name beside it, never over an
    /// existing file) and returns where it went, as the status line shows it.
    func write(fileName: String, contents: String) throws -> String
}

/// Exports kept in memory, by file name: for tests and fuzzing, where nothing may reach a disk.
public final class ExportsInMemory: ExportSink {
    public private(set) var files: [String: String] = [:]
    public init() {}
    public func write(fileName: String, contents: String) throws -> String {
        files[fileName] = contents
        return fileName
    }
}
