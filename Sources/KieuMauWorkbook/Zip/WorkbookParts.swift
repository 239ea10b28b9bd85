/// What a workbook file holds, without reading its parts: for benchmarks and diagnostics.
public enum WorkbookParts {
    /// Each part's name and the size its zip directory declares it inflates to; empty when the
    /// bytes are not a zip archive.
    public static func inflatedSizes(_ bytes: [UInt8]) -> [String: Int] {
        guard let archive = try? ZipArchive(bytes: bytes, limits: WorkbookLimits()) else { return [:] }
        return Dictionary(archive.entries.map { ($0.name, $0.uncompressedSize) }, uniquingKeysWith: { first, _ in first })
    }
}
