import ArgumentParser
import Foundation
import KieuMauCore
import KieuMauWorkbook

/// `kieumau template`: the workbook a province fills in and sends back (`ProvinceTemplate`).
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write the workbook (.xlsx) a province fills in: its wards, a stage and each criterion to choose.",
        discussion: """
            One row per ward (phường) of the province on the map in force on --as-of (default today), code, \\
            name and district locked; drop-down lists for the stage and each criterion of the set in force; a \\
            second sheet with the criteria and instructions in Vietnamese and English. Filled in, it imports with \\
            `kieumau import FILE.xlsx --as-of DATE`. Never replaces a file without --force. See docs/IMPORT.md.
            """
    )

    @Option(help: ArgumentHelp("The province: its name without diacritics or case, or its code.", valueName: "name|code"))
    var province: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day whose map and criteria set to use (YYYY-MM-DD; default today).", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("The criteria set (default: that of the latest snapshot on or before --as-of).", valueName: "id"))
    var criteria: String?

    @Option(help: ArgumentHelp("Where the maps, criteria sets and snapshots are (default: the embedded data).", valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("The workbook to write.", valueName: "file.xlsx"))
    var out: String

    @Flag(help: "Replace an existing file.")
    var force = false

    func run() throws {
        let day: Day
        if let asOf {
            guard let given = Day(iso: asOf) else { throw CLIError("--as-of: expected a date as YYYY-MM-DD, found '\(asOf)'") }
            day = given
        } else {
            day = DataOptions.today
        }
        guard out.lowercased().hasSuffix(".xlsx") else {
            throw CLIError("--out: expected a file name ending in .xlsx (Excel will not open a workbook by another name), found '\(out)'")
        }
        let directory: String
        if let data { directory = data } else {
            guard let embedded = EmbeddedData.directory() else {
                throw CLIError("the embedded data was not found next to the program; install the kieumau_KieuMauCore.resources folder beside the binary, or pass --data DIR")
            }
            directory = embedded
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError("data directory \(directory) does not exist or is not a directory")
        }
        let catalog = Catalog.scan(directory: directory, today: DataOptions.today)
        let (map, mapChoice) = try TemplateChoices.map(in: catalog, on: day).mapError { CLIError($0.description) }.get()
        let chosen = map.provinces[try ProvinceLookup.find(province, in: map)]
        let (set, criteriaChoice) = try TemplateChoices.criteria(in: catalog, on: day, id: criteria).mapError { CLIError($0.description) }.get()

        let template = ProvinceTemplate(map: map, province: chosen, criteria: set, asOf: day)
        if let failure = NewFileWriter.write(WorkbookWriter.write(template.document), to: out, replace: force) {
            throw CLIError("\(out): \(failure)")
        }
        print(mapChoice)
        print(criteriaChoice)
        print("wrote \(out): \(template.wards.count) wards of \(chosen.name) (\(chosen.code)), \(set.count) criteria")
    }
}
