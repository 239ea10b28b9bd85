/// Turns a province's spreadsheet (one row per ward) into a snapshot file. Pure: the bytes, the
/// map, the criteria set and the options in; the file text and every problem out.
public enum SnapshotImporter {
    /// Converts the bytes of a CSV file; `file` names it in problems.
    public static func convert(bytes: [UInt8], file: String, map: AdminMap, criteria: CriteriaSet,
                               options: ImportOptions) -> ImportOutcome {
        switch ImportTable.read(bytes: bytes, file: file, limits: options.limits) {
        case .failure(let problem):
            var summary = ImportSummary()
            summary.errors = 1
            return ImportOutcome(snapshot: nil, text: nil, problems: [problem], summary: summary)
        case .success(let table):
            return convert(table, map: map, criteria: criteria, options: options)
        }
    }

    /// Converts a table already read (as `ImportTable.read` gives it).
    public static func convert(_ table: ImportTable, map: AdminMap, criteria: CriteriaSet, options: ImportOptions) -> ImportOutcome {
        let place = ImportPlace(table)
        var (header, problems) = ImportHeader.recognise(table.names, criteria: criteria, place: place)
        var matcher = WardMatcher(map: map, suggestionBudget: options.limits.maxSuggestionWork)

        var defaultProvince: Province?
        // A template names its province; --province overrides it.
        let givenProvince = options.province ?? table.template?.provinceCode
        if let given = givenProvince {
            let option = options.province == nil ? "template" : "--province"
            switch matcher.province(given) {
            case .found(let p): defaultProvince = p
            case .unknown(let nearest):
                problems.append(Problem(file: table.file, path: option, message: "unknown province \"\(given)\" on map \(map.id)"
                                        + ImportRowReader.suggestion(nearest.map { "\($0.name) (\($0.code))" })))
            case .ambiguous(let all):
                problems.append(Problem(file: table.file, path: option, message: "\"\(given)\" names several provinces: "
                                        + ImportPlace.list(all.map(\.name))))
            }
        }
        if header.column(.wardCode) == nil, header.column(.wardName) != nil, header.column(.province) == nil, givenProvince == nil {
            problems.append(Problem(file: table.file, path: place.headerPath, line: place.headerLine, message:
                "wards are found by name within their province: expected a province column (\"Tỉnh\", \"province\") or --province"))
        }
        if let column = header.column(.district), !map.hasDistricts {
            problems.append(place.header(column, "map \(map.id) has no districts; the column is not used", severity: .warning))
        }
        var summary = ImportSummary()
        var suggestionWork = NameSuggestions.Work()
        let headerFailed = problems.contains { $0.severity == .error }

        var wards: [WardPolice] = []
        if !headerFailed {
            var reader = ImportRowReader(header: header, matcher: matcher, criteria: criteria, place: place, asOf: options.asOf,
                                         sourceID: options.source.id, defaultProvince: defaultProvince)
            var firstRowOfWard: [String: Int] = [:]
            var suggestionsStopped = false
            // Whether a row's first cell names a total row, by the cell: the same few texts (a
            // province, a running number) start thousands of rows.
            var startsTotalRow: [String: Bool] = [:]
            for row in table.rows {
                guard let first = row.cells.first(where: { !ImportWords.trimmed($0).isEmpty }) else { continue }
                let isTotal = startsTotalRow[first] ?? ImportWords.totalRowWords.contains(ImportWords.key(first))
                if startsTotalRow.count < ImportWordCache.capacity { startsTotalRow[first] = isTotal }
                if isTotal {
                    problems.append(place.row(row.number, line: row.line, "a total row (\"\(ImportWords.trimmed(first))\"), not read", severity: .warning))
                    continue
                }
                // A template lists every ward: a row the province left blank is a ward without figures.
                if table.template != nil, !header.hasFigures(row) {
                    summary.rowsWithoutFigures += 1
                    if let column = header.column(.note), column < row.cells.count, !ImportWords.trimmed(row.cells[column]).isEmpty {
                        problems.append(place.cell(row: row.number, line: row.line, column: column,
                            "a note on a ward without a stage or criteria: the ward has no figures, and the note is not imported", severity: .warning))
                    }
                    continue
                }
                summary.rowsRead += 1
                var rowProblems: [Problem] = []
                if row.cells.count > table.names.count,
                   let extra = row.cells[table.names.count...].firstIndex(where: { !ImportWords.trimmed($0).isEmpty }) {
                    rowProblems.append(table.sheet == nil
                        ? place.row(row.number, line: row.line, "expected at most \(table.names.count) cells as in the header, found \(row.cells.count)")
                        : place.cell(row: row.number, line: row.line, column: extra,
                                     "a value right of the header's last column (\(ImportPlace.letter(table.names.count - 1))); give the column a header or move the value"))
                }
                let (ward, found) = reader.read(row)
                if !suggestionsStopped, reader.matcher.suggestions.work.unanswered > 0 {
                    // Said once, in file order: where the rows without suggestions begin.
                    suggestionsStopped = true
                    problems.append(place.row(row.number, line: row.line,
                        "from this row on, unknown names get no \"did you mean\": there are too many to compare with the map's names (at most \(options.limits.maxSuggestionWork) comparisons an import); correct the names above first",
                        severity: .warning))
                }
                rowProblems += found
                if let ward, rowProblems.allSatisfy({ $0.severity == .warning }) {
                    if let first = firstRowOfWard[ward.wardCode] {
                        let column = header.column(.wardCode) ?? header.column(.wardName) ?? 0
                        let name = map.ward(ward.wardCode)?.name ?? ward.wardCode
                        rowProblems.append(place.cell(row: row.number, line: row.line, column: column,
                                                      "ward \(ward.wardCode) (\(name)) is already on row \(first)"))
                    } else {
                        firstRowOfWard[ward.wardCode] = row.number
                        wards.append(ward)
                    }
                }
                if rowProblems.contains(where: { $0.severity == .error }) { summary.rowsInError += 1 }
                problems += rowProblems
            }
            suggestionWork = reader.matcher.suggestions.work
            if summary.rowsRead == 0 && summary.rowsWithoutFigures == 0 {
                problems.append(Problem(file: table.file, message: "expected at least one ward row after the header, found none"))
            }
        }
        summary.wardsMatched = wards.count
        summary.errors = problems.filter { $0.severity == .error }.count
        summary.warnings = problems.count - summary.errors

        let writable = !headerFailed && !wards.isEmpty && (summary.rowsInError == 0 || options.skipBadRows)
        guard writable else {
            return ImportOutcome(snapshot: nil, text: nil, problems: problems, summary: summary, suggestionWork: suggestionWork)
        }

        wards.sort { $0.wardCode < $1.wardCode }
        var notes = options.notes
        if summary.rowsInError > 0 {
            notes.append("\(summary.rowsInError) row\(summary.rowsInError == 1 ? "" : "s") of \(table.file) with errors left out (--skip-bad-rows).")
        }
        // Wards a template lists and the province left blank are not accounted for either: the sheet
        // names the wards it gives figures for, it does not count the province.
        if summary.rowsWithoutFigures > 0 {
            problems.append(Problem(file: table.file, message:
                "\(summary.rowsWithoutFigures) ward\(summary.rowsWithoutFigures == 1 ? " was" : "s were") left blank: the sheet names the wards it gives figures for and is not a complete count of the province (fill in every row to have it counted)",
                severity: .warning))
            notes.append("\(summary.rowsWithoutFigures) ward\(summary.rowsWithoutFigures == 1 ? "" : "s") of the template left blank (no figures).")
        }
        let coverage = Self.coverage(of: wards, map: map, options: options, rowsLeftOut: summary.rowsInError + summary.rowsWithoutFigures)
        notes.append(Self.coverageNote(coverage, map: map))
        // Free text (a file name may be in a note) as the reader will give it back.
        let snapshotHeader = SnapshotHeader(asOf: options.asOf, title: DisplaySafe.asRead(options.title), series: options.series,
                                            synthetic: false, mapID: map.id, criteriaID: criteria.id, sources: [options.source],
                                            notes: notes.map(DisplaySafe.asRead), coverage: coverage)
        let snapshot = Snapshot(header: snapshotHeader, wards: wards, reported: [])
        return ImportOutcome(snapshot: snapshot, text: SnapshotFileText.make(snapshot, criteriaCount: criteria.count),
                             problems: problems, summary: summary, suggestionWork: suggestionWork)
    }

    /// The provinces the sheet has rows for are complete (a province's full sheet: a ward without
    /// a row is not registered), unless the sheet is a list of some wards only, rows in error were
    /// left out (`--skip-bad-rows`), or a template's rows were left blank: their wards are then not
    /// accounted for. Every other
    /// province is named: the sheet says nothing of it. Done here, where the snapshot is built,
    /// so every reader of sheets (CSV, spreadsheet files) gets it.
    static func coverage(of wards: [WardPolice], map: AdminMap, options: ImportOptions, rowsLeftOut: Int) -> SnapshotCoverage {
        let complete = options.coverage == .complete && rowsLeftOut == 0
        var provinces: [String: Coverage] = [:]
        for w in wards { if let p = map.ward(w.wardCode)?.provinceCode { provinces[p] = complete ? .complete : .named } }
        return SnapshotCoverage(default: .named, provinces: provinces)
    }

    /// What the coverage says, in a note of the snapshot.
    static func coverageNote(_ coverage: SnapshotCoverage, map: AdminMap) -> String {
        let complete = coverage.completeProvinces.map { map.province($0)?.name ?? $0 }
        if complete.isEmpty {
            return "Coverage: the rows are the wards the sheet lists, not every ward of a province (named), so no share is computed from them."
        }
        return "Coverage: the sheet lists every ward of \(complete.joined(separator: ", ")) (a complete count: a ward without a row is not registered); other provinces are not covered."
    }
}
