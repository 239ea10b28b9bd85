/// Everything `kieumau import` is asked to do.
public struct ImportRequest: Sendable {
    /// The spreadsheet (CSV) to read, as given: problems name it so.
    public var file: String
    public var asOf: Day
    /// The map and criteria set by id; nil to choose them (see `ImportRunner`).
    public var mapID: String?
    public var criteriaID: String?
    public var series: String
    public var title: String?
    /// The source the rows cite; fields left nil are generated from the file name.
    public var sourceID: String?
    public var sourcePublisher: String?
    public var sourceTitle: String?
    public var sourceDate: String?
    public var sourceURL: String?
    /// The province of every row, for sheets without a province column.
    public var province: String?
    /// Where the maps, criteria sets and earlier snapshots are.
    public var dataDirectory: String
    /// The snapshot goes to `<outDirectory>/<series>/<asOf>.snapshot.json`.
    public var outDirectory: String
    public var dryRun: Bool
    public var force: Bool
    public var skipBadRows: Bool
    /// What the sheet is for its provinces: `.complete` (a province's full sheet, the default) or
    /// `.named` (a list of some wards only). See `ImportOptions.coverage`.
    public var coverage: Coverage = .complete
    /// The day of the import (snapshots dated later are refused; the generated source is dated so).
    public var today: Day
    public var limits: ImportLimits

    public static let defaultSeries = "imported"

    public init(file: String, asOf: Day, dataDirectory: String, outDirectory: String, today: Day,
                series: String = ImportRequest.defaultSeries, mapID: String? = nil, criteriaID: String? = nil,
                title: String? = nil, province: String? = nil, dryRun: Bool = false, force: Bool = false,
                skipBadRows: Bool = false, limits: ImportLimits = ImportLimits()) {
        self.file = file; self.asOf = asOf; self.dataDirectory = dataDirectory; self.outDirectory = outDirectory
        self.today = today; self.series = series; self.mapID = mapID; self.criteriaID = criteriaID; self.title = title
        self.province = province; self.dryRun = dryRun; self.force = force; self.skipBadRows = skipBadRows; self.limits = limits
    }

    /// The file name without its folders.
    var fileName: String { file.split(separator: "/").last.map(String.init) ?? file }

    /// The output file, as `outDirectory` was given.
    public var outputPath: String {
        var folder = outDirectory
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        let prefix = folder == "." ? "" : folder == "/" ? "/" : folder + "/"
        return prefix + series + "/" + asOf.iso + DataFileKind.snapshot.suffix
    }

    /// The source the imported rows cite: what was given, the rest from the file name.
    var source: Source {
        Source(id: sourceID ?? Self.generatedSourceID(fileName),
               publisher: sourcePublisher ?? "",
               title: sourceTitle ?? "imported from \(fileName) on \(today.iso)",
               date: sourceDate ?? today.iso,
               url: sourceURL ?? "")
    }

    /// "import-" and the file name's stem in lower-case ASCII letters, digits and hyphens.
    static func generatedSourceID(_ fileName: String) -> String {
        var stem = fileName
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        let words = ImportWords.tokens(stem).filter { $0.unicodeScalars.allSatisfy(\.isASCII) }
        let slug = String(words.joined(separator: "-").prefix(48))
        return slug.isEmpty ? "import" : "import-" + slug
    }
}
