/// What is wrong with a cell, in words.
struct CellError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Reads one data row of a spreadsheet into a ward row of a snapshot, or the problems that stop it.
struct ImportRowReader {
    let header: ImportHeader
    /// Mutable: it caches its suggestions and counts their work.
    var matcher: WardMatcher
    let criteria: CriteriaSet
    let place: ImportPlace
    let asOf: Day
    let sourceID: String
    /// The province given with `--province`, for sheets without a province column.
    let defaultProvince: Province?
    /// Stage and criterion words read before, by their text.
    var words = ImportWordCache()

    /// The row's ward, and the problems of the row (errors and warnings).
    mutating func read(_ row: ImportTable.Row) -> (WardPolice?, [Problem]) {
        var cells = ImportRowCells(row: row, header: header, place: place)
        let ward = locateWard(&cells)

        // Stage: a listed ward with no stage is registered.
        var stage = Stage.registered
        var stageColumn: Int?
        if let (text, column) = cells.cell(.stage) {
            stageColumn = column
            if let s = words.stage(text) { stage = s } else {
                cells.error(column, "expected a stage (\(ImportWords.stageHelp)), found \"\(text)\"")
            }
        }

        let marks = readMarks(&cells)

        if let marks, stage >= .complete, let column = stageColumn ?? header.column(.stage) {
            if marks.notMetMask != 0 {
                let first = marks.notMetMask.trailingZeroBitCount + 1
                cells.error(column, "stage \(stage.token) means every criterion is met, but criterion \(first) is marked not met")
            } else if let n = marks.publishedCount, n < criteria.count {
                cells.error(column, "stage \(stage.token) means every criterion is met, but \(n)/\(criteria.count) are")
            }
        }

        var year: Int?
        if let (text, column) = cells.cell(.year) {
            if let y = Int(text), (1900...asOf.year).contains(y) { year = y } else {
                cells.error(column, "expected a year 1900…\(asOf.year) (not after the snapshot's date \(asOf.iso)), found \"\(text)\"")
            }
        }
        var recognition: Recognition?
        let decision = cells.cell(.decision)
        let recognisedOn = cells.cell(.recognisedOn)
        if stage == .recognised {
            var day: Day?
            if let (text, column) = recognisedOn {
                day = Self.day(text)
                if day == nil { cells.error(column, "expected a date as YYYY-MM-DD or DD/MM/YYYY, found \"\(text)\"") }
                else if let d = day, d > asOf { cells.error(column, "expected a date no later than the snapshot's date \(asOf.iso), found \(d.iso)") }
            }
            recognition = Recognition(decision: decision.map { DisplaySafe.asRead($0.text) } ?? "", date: day)
        } else {
            for (value, name) in [(decision, "a decision"), (recognisedOn, "a recognition date")] {
                if let (_, column) = value { cells.error(column, "\(name) belongs to stage recognised, but the stage is \(stage.token)") }
            }
        }
        let note = cells.cell(.note).map { DisplaySafe.asRead($0.text) } ?? ""

        guard !cells.failed, let ward, let marks else { return (nil, cells.problems) }
        return (WardPolice(wardCode: ward.code, stage: stage, pilotYear: year, recognition: recognition, marks: marks,
                           sourceIDs: [sourceID], note: note), cells.problems)
    }

    /// `YYYY-MM-DD`, or `DD/MM/YYYY` as Vietnamese sheets write dates (also with `-` or `.`).
    static func day(_ text: String) -> Day? {
        if let d = Day(iso: text) { return d }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}
