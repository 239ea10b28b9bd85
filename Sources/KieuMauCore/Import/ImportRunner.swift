import Foundation

/// What an import did or would do.
public struct ImportReport: Sendable {
    /// The snapshot file written, or that would be written.
    public var outputPath: String
    public var mapID: String?
    public var criteriaID: String?
    /// How the map and the criteria set were chosen, one line each.
    public var choices: [String] = []
    /// The conversion, when the spreadsheet, a map and a criteria set were there to convert.
    public var outcome: ImportOutcome?
    /// Problems of the request itself (options, data directory, the output file), not of rows.
    public var requestProblems: [Problem] = []
    public var wrote = false
    public var dryRun = false

    /// Every problem, those of the request first.
    public var problems: [Problem] { requestProblems + (outcome?.problems ?? []) }

    /// Rows read, wards matched, rows in error and the count of every problem.
    public var summaryLines: [String] {
        var summary = outcome?.summary ?? ImportSummary()
        summary.errors = problems.filter { $0.severity == .error }.count
        summary.warnings = problems.count - summary.errors
        return summary.lines
    }

    /// True when the snapshot was written (or, on a dry run, would be), or when a template came
    /// back without figures (nothing to write, and nothing wrong).
    public var succeeded: Bool {
        guard !requestProblems.contains(where: { $0.severity == .error }) else { return false }
        return outcome?.hasNoFigures == true || outcome?.text != nil && (wrote || dryRun)
    }
}

/// Runs an import against a data directory: reads the spreadsheet, chooses the map and the
/// criteria set, converts, checks the result with the snapshot loader, and writes it unless told
/// not to or unless it would replace a snapshot.
///
/// Choices when not given:
/// - map: of the maps in force on `asOf` (effective on or before it, or with no effective date),
///   the one that knows the most of the provinces the sheet names (or, without a province column,
///   of its ward codes) — every one, normally — and of those the latest by effective date. Two that
///   tie: `--map` is required. Provinces it does not know are then reported row by row.
/// - criteria set: that of the latest snapshot of the series on or before `asOf` (the set a
///   province's next report is most likely scored against); without one, `--criteria` is required.
/// - A workbook made by `kieumau template` names its map and criteria set: those come first.
public enum ImportRunner {
    public static func run(_ request: ImportRequest) -> ImportReport {
        run(request, readingTableWith: readCSV)
    }

    /// Runs the import with the spreadsheet read by `readTable`: a workbook's reader (the
    /// `KieuMauWorkbook` module) for an .xlsx, `readCSV` otherwise.
    public static func run(_ request: ImportRequest, readingTableWith readTable: (ImportRequest) -> Result<ImportTable, Problem>) -> ImportReport {
        var report = ImportReport(outputPath: request.outputPath)
        report.dryRun = request.dryRun
        func fail(_ path: String = "", _ message: String, file: String? = nil) -> ImportReport {
            report.requestProblems.append(Problem(file: file ?? request.file, path: path, message: message))
            return report
        }
        if let problem = checkOptions(request) { report.requestProblems.append(problem); return report }

        let table: ImportTable
        switch readTable(request) {
        case .failure(let problem): report.requestProblems.append(problem); return report
        case .success(let read): table = read
        }

        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: request.dataDirectory, isDirectory: &isFolder), isFolder.boolValue else {
            return fail("--data", "the data directory \(request.dataDirectory) does not exist or is not a folder", file: request.dataDirectory)
        }
        let catalog = Catalog.scan(directory: request.dataDirectory, today: request.today)

        let chosenMap = chooseMap(catalog, request, table)
        let chosenCriteria = chooseCriteria(catalog, request, table)
        if case .success(let (map, why)) = chosenMap { report.mapID = map.id; report.choices.append(why) }
        if case .success(let (set, why)) = chosenCriteria { report.criteriaID = set.id; report.choices.append(why) }
        if case .failure(let failure) = chosenMap { _ = fail("--map", failure.message) }
        if case .failure(let failure) = chosenCriteria { _ = fail("--criteria", failure.message) }
        guard case .success(let (map, _)) = chosenMap, case .success(let (criteria, _)) = chosenCriteria else { return report }

        let options = ImportOptions(asOf: request.asOf, series: request.series,
                                    title: request.title ?? "Imported from \(request.fileName)", source: request.source,
                                    notes: ["Imported with `kieumau import` from \(request.fileName) on \(request.today.iso)."],
                                    province: request.province, skipBadRows: request.skipBadRows, limits: request.limits,
                                    coverage: request.coverage)
        let outcome = SnapshotImporter.convert(table, map: map, criteria: criteria, options: options)
        report.outcome = outcome
        guard let text = outcome.text else { return report }

        report.requestProblems += conflicts(request, catalog)
        if let problem = loaderCheck(text, catalog: catalog, map: map, request: request) { report.requestProblems.append(problem) }
        guard !request.dryRun, !report.requestProblems.contains(where: { $0.severity == .error }) else { return report }
        if let failure = SnapshotFileWriter.store(text, to: request.outputPath, replace: request.force) {
            return fail("", failure, file: request.outputPath)
        }
        report.wrote = true
        return report
    }

    /// Reads the request's file as CSV.
    public static func readCSV(_ request: ImportRequest) -> Result<ImportTable, Problem> {
        readBytes(request).flatMap { ImportTable.read(bytes: $0, file: request.file, limits: request.limits) }
    }

    /// The request's file, read as data files are: a regular file (not a FIFO or a device),
    /// within the import's size limit.
    public static func readBytes(_ request: ImportRequest) -> Result<[UInt8], Problem> {
        FileReader.readAll(request.file, limit: request.limits.maxBytes).mapError { Problem(file: request.file, message: $0.message) }
    }

    /// The options that can be refused before anything is read.
    static func checkOptions(_ request: ImportRequest) -> Problem? {
        let series = request.series
        let allowed = series.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
        if series.isEmpty || !allowed || series.hasPrefix(".") || series.hasPrefix("-") {
            return Problem(file: request.file, path: "--series", message:
                "expected a series name of letters, digits, '-', '_' or '.' (it names the snapshot's folder), found \"\(series)\"")
        }
        if request.asOf > request.today {
            return Problem(file: request.file, path: "--as-of", message: "expected a day no later than today (\(request.today.iso)), found \(request.asOf.iso)")
        }
        if let date = request.sourceDate, !date.isEmpty, !Decoding.isSourceDate(date) {
            return Problem(file: request.file, path: "--source-date", message: "expected a date YYYY, YYYY-MM or YYYY-MM-DD, found \"\(date)\"")
        }
        if let id = request.sourceID, ImportWords.trimmed(id).isEmpty {
            return Problem(file: request.file, path: "--source-id", message: "expected a source id, found an empty string")
        }
        return nil
    }

    static func chooseCriteria(_ catalog: Catalog, _ request: ImportRequest, _ table: ImportTable) -> Result<(CriteriaSet, String), CellError> {
        let known = catalog.criteriaSets.values.sorted { $0.id < $1.id }.map { "\($0.id) (\($0.count) criteria)" }
        if let id = request.criteriaID {
            guard let set = catalog.criteriaSets[id] else {
                return .failure(CellError("unknown criteria set \"\(id)\" in \(catalog.directory); known: \(ImportPlace.list(known))"))
            }
            return .success((set, "criteria set \(set.id) (\(set.count) criteria): as given"))
        }
        if let id = table.template?.criteriaID, let set = catalog.criteriaSets[id] {
            return .success((set, "criteria set \(set.id) (\(set.count) criteria): the one the template was made for (--criteria to choose another)"))
        }
        if let entry = catalog.snapshots(inSeries: request.series).last(where: { $0.header.asOf <= request.asOf }),
           let set = catalog.criteriaSet(of: entry) {
            return .success((set, "criteria set \(set.id) (\(set.count) criteria): that of the latest snapshot of series \(request.series) on or before \(request.asOf.iso), \(entry.file) (--criteria to choose another)"))
        }
        let columns = table.criterionColumnCount()
        let hint = columns > 0 ? "; the file has \(columns) criterion column\(columns == 1 ? "" : "s")" : ""
        return .failure(CellError("series \(request.series) has no snapshot on or before \(request.asOf.iso) to take the criteria set from: pass --criteria (known: \(ImportPlace.list(known)))\(hint)"))
    }

    static func chooseMap(_ catalog: Catalog, _ request: ImportRequest, _ table: ImportTable) -> Result<(AdminMap, String), CellError> {
        if let id = request.mapID {
            guard catalog.mapFiles[id] != nil else {
                return .failure(CellError("unknown map \"\(id)\" in \(catalog.directory); known: \(ImportPlace.list(catalog.mapFiles.keys.sorted()))"))
            }
            switch catalog.loadMap(id: id) {
            case .failure(let problems): return .failure(CellError("map \(id) cannot be read: \(problems.all.first?.description ?? "")"))
            case .success(let map): return .success((map, "map \(map.id) (\(map.title)): as given"))
            }
        }
        if let id = table.template?.mapID, catalog.mapFiles[id] != nil, case .success(let map) = catalog.loadMap(id: id),
           (map.effective ?? request.asOf) <= request.asOf {
            return .success((map, "map \(map.id) (\(map.title)): the one the template was made for (--map to choose another)"))
        }
        let provinces = Set(table.provinceCells() ?? (request.province ?? table.template?.provinceCode).map { [$0] } ?? [])
        let codes = Set(table.wardCodeCells())
        // Each map in force with how many of the file's provinces (or, without any, ward codes) it knows.
        var scored: [(map: AdminMap, known: Int)] = []
        var notInForce: [String] = []
        for id in catalog.mapFiles.keys.sorted() {
            guard case .success(let map) = catalog.loadMap(id: id) else { continue }
            if let effective = map.effective, effective > request.asOf { notInForce.append("\(id) (from \(effective.iso))"); continue }
            var matcher = WardMatcher(map: map)
            let known = provinces.isEmpty
                ? codes.filter { matcher.ward(code: $0) != nil }.count
                : provinces.filter { if case .found = matcher.province($0) { return true }; return false }.count
            scored.append((map, known))
        }
        let total = provinces.isEmpty ? codes.count : provinces.count
        let ranked = scored.sorted { ($0.known, $0.map.effective?.ordinal ?? Int.min, $0.map.id) < ($1.known, $1.map.effective?.ordinal ?? Int.min, $1.map.id) }
        guard let best = ranked.last else {
            let later = notInForce.isEmpty ? "" : " (not yet in force: \(ImportPlace.list(notInForce)))"
            return .failure(CellError("no map of \(catalog.directory) is in force on \(request.asOf.iso)\(later); pass --map"))
        }
        let ties = ranked.filter { $0.known == best.known && $0.map.effective == best.map.effective }
        if ties.count > 1 {
            return .failure(CellError("maps \(ImportPlace.list(ties.map(\.map.id))) are both in force on \(request.asOf.iso) and know as much of the file; pass --map to choose"))
        }
        let chosen = best.map
        let since = chosen.effective.map { "effective \($0.iso)" } ?? "no effective date"
        let what = provinces.isEmpty ? "ward codes" : "provinces"
        let fit = best.known == total ? "the latest that knows every one of the file's \(what)"
            : "the one that knows the most of the file's \(what) (\(best.known) of \(total))"
        return .success((chosen, "map \(chosen.id) (\(chosen.title), \(since)): of the maps in force on \(request.asOf.iso), \(fit) (--map to choose another)"))
    }

    /// The output file exists, or the data directory already has a snapshot of that series and day.
    static func conflicts(_ request: ImportRequest, _ catalog: Catalog) -> [Problem] {
        var problems: [Problem] = []
        let target = Catalog.absolutePath(request.outputPath)
        if !request.force, FileManager.default.fileExists(atPath: target) {
            problems.append(Problem(file: request.outputPath, message: SnapshotFileWriter.existsMessage))
        }
        if target.hasPrefix(catalog.directory + "/"),
           let other = catalog.snapshots(inSeries: request.series).first(where: { $0.header.asOf == request.asOf && $0.path != target }) {
            problems.append(Problem(file: request.outputPath, message:
                "series \(request.series) already has a snapshot for \(request.asOf.iso) in \(other.file); the loader would keep only one of the two (remove it, or choose another --series)"))
        }
        return problems
    }

    /// The file as the loader will read it: any problem means a bug here, not in the spreadsheet.
    static func loaderCheck(_ text: String, catalog: Catalog, map: AdminMap, request: ImportRequest) -> Problem? {
        let file = request.outputPath
        let parsed: JSONDocument
        switch JSONParser.parse(Array(text.utf8)) {
        case .parsed(let document): parsed = document
        case .failed(let e): return Problem(file: file, path: e.path, line: e.line, message: "the written snapshot would not load: " + e.message)
        case .needsMoreInput: return Problem(file: file, message: "the written snapshot would not load: it ends too early")
        }
        if case .failure(let problems) = SnapshotDecoder.decode(parsed, file: file, context: catalog.snapshotContext, map: map),
           let first = problems.all.first {
            return Problem(file: file, path: first.path, line: first.line, message: "the written snapshot would not load: " + first.message)
        }
        return nil
    }
}
