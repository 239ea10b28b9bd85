import ArgumentParser
import Foundation
import KieuMauCore
import KieuMauWorkbook

/// `kieumau import`: a province's spreadsheet (CSV or .xlsx, one row per ward) into a snapshot file.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a spreadsheet of wards (.xlsx or CSV) into a snapshot file.",
        discussion: """
            One row per ward: province, ward code or name (district optional), stage, and either one column \
            per criterion or a "criteria met" column. An .xlsx is read directly (the first sheet with ward rows, \
            or --sheet); CSV in UTF-8 with or without BOM, comma or semicolon, CRLF. \
            Writes <out>/<series>/<as-of>.snapshot.json and never replaces an existing snapshot without --force. \
            Exits non-zero, writing nothing, when any row is in error. See docs/IMPORT.md.
            """
    )

    @Argument(help: ArgumentHelp("The spreadsheet: an Excel workbook (.xlsx) or CSV.", valueName: "file.xlsx|file.csv"))
    var file: String

    @Option(help: ArgumentHelp("The workbook's sheet to read (default: the first with ward rows).", valueName: "name"))
    var sheet: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the figures are as of (YYYY-MM-DD).", valueName: "date"))
    var asOf: String

    @Option(help: ArgumentHelp("The map the wards are on (default: the latest map in force on --as-of that knows the file's provinces).", valueName: "id"))
    var map: String?

    @Option(help: ArgumentHelp("The criteria set (default: that of the series' latest snapshot on or before --as-of).", valueName: "id"))
    var criteria: String?

    @Option(help: ArgumentHelp("The series the snapshot joins; it names the output folder.", valueName: "name"))
    var series: String = ImportRequest.defaultSeries

    @Option(help: ArgumentHelp("The snapshot's title (default: \"Imported from FILE\").", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("The province of every row, for a sheet without a province column.", valueName: "name|code"))
    var province: String?

    @Option(name: .customLong("source-id"), help: ArgumentHelp("Id of the source every row cites (default: import-<file name>).", valueName: "id"))
    var sourceID: String?

    @Option(name: .customLong("source-publisher"), help: ArgumentHelp("Who published the figures.", valueName: "text"))
    var sourcePublisher: String?

    @Option(name: .customLong("source-title"), help: ArgumentHelp("The source's title (default: \"imported from FILE on TODAY\").", valueName: "text"))
    var sourceTitle: String?

    @Option(name: .customLong("source-date"), help: ArgumentHelp("The source's date, YYYY, YYYY-MM or YYYY-MM-DD (default: today).", valueName: "date"))
    var sourceDate: String?

    @Option(name: .customLong("source-url"), help: ArgumentHelp("The source's address.", valueName: "url"))
    var sourceURL: String?

    @Option(help: ArgumentHelp("Where the maps, criteria sets and earlier snapshots are (default: the embedded data).", valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("Where to write (default: --data, else the current directory).", valueName: "dir"))
    var out: String?

    @Flag(name: .customLong("dry-run"), help: "Write nothing; print what would be written, the summary and the problems.")
    var dryRun = false

    @Flag(help: "Replace an existing snapshot file.")
    var force = false

    @Flag(name: .customLong("skip-bad-rows"), help: "Write the rows that are right, leaving out the rows in error.")
    var skipBadRows = false

    @Flag(name: .customLong("named-only"), help: "The sheet lists some wards only, not every ward of its province: its rows are not a count (no share, band or gap is computed from them).")
    var namedOnly = false

    func run() throws {
        guard let day = Day(iso: asOf) else { throw CLIError("--as-of: expected a date as YYYY-MM-DD, found '\(asOf)'") }
        let dataDirectory: String
        if let data { dataDirectory = data } else {
            guard let embedded = EmbeddedData.directory() else {
                throw CLIError("the embedded data was not found next to the program; install the kieumau_KieuMauCore.resources folder beside the binary, or pass --data DIR")
            }
            dataDirectory = embedded
        }
        var request = ImportRequest(file: file, asOf: day, dataDirectory: dataDirectory, outDirectory: out ?? data ?? ".",
                                    today: DataOptions.today, series: series, mapID: map, criteriaID: criteria, title: title,
                                    province: province, dryRun: dryRun, force: force, skipBadRows: skipBadRows)
        request.sourceID = sourceID; request.sourcePublisher = sourcePublisher; request.sourceTitle = sourceTitle
        request.sourceDate = sourceDate; request.sourceURL = sourceURL
        request.coverage = namedOnly ? .named : .complete

        let report = ImportRunner.run(request) { [sheet] in WorkbookTableReader.readWorkbookOrCSV($0, sheet: sheet) }
        for line in report.choices { print(line) }
        for line in report.summaryLines { print(line) }
        let wards = report.outcome?.snapshot?.wards.count ?? 0
        if report.outcome?.hasNoFigures == true, report.succeeded {
            print("no figures: every row names a ward and none has a stage or a criterion filled in; nothing written")
        } else if report.wrote {
            print("wrote \(report.outputPath) (\(wards) wards)")
        } else if report.succeeded {
            print("would write \(report.outputPath) (\(wards) wards); dry run, nothing written")
        } else {
            print("nothing written")
        }
        // Like the loader: the first 100 problems, then a count of the rest.
        let problems = report.problems
        for problem in problems.prefix(100) { printError(problem.description) }
        if problems.count > 100 { printError("… and \(problems.count - 100) more problems") }
        if !report.succeeded { throw ExitCode.failure }
    }
}
