import ArgumentParser
import Foundation
import KieuMauCore

/// `kieumau generate`: remakes the generated part of the embedded data (maps, crosswalk, licence,
/// demo series) from the reference CSVs. The criteria sets and the published record are hand-written
/// and left alone.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Regenerate the embedded maps, crosswalk and synthetic demo series from the reference CSVs.",
        discussion: "The output is deterministic: the same reference files give the same bytes. See docs/DATA.md."
    )

    @Option(help: ArgumentHelp("Directory holding wards-2025-01.csv and the other reference files.", valueName: "dir"))
    var reference: String = "../shared/data"

    @Option(help: ArgumentHelp("Data directory to write into (files are replaced, nothing is deleted).", valueName: "dir"))
    var out: String = "Sources/KieuMauCore/Resources/Data"

    @Flag(help: "Write nothing; list the files that would change and fail if any would.")
    var check = false

    func run() throws {
        let files: [String: String]
        do {
            let texts = try ReferenceTexts.read(directory: URL(fileURLWithPath: reference))
            files = try DataGenerator.generate(texts)
        } catch let problems as Problems {
            FileHandle.standardError.write(Data((problems.description + "\n").utf8))
            throw ExitCode.failure
        } catch let problem as Problem {
            FileHandle.standardError.write(Data((problem.description + "\n").utf8))
            throw ExitCode.failure
        }

        let root = URL(fileURLWithPath: out)
        var changed = 0
        for path in files.keys.sorted() {
            let url = root.appendingPathComponent(path)
            let data = Data((files[path] ?? "").utf8)
            let existing = try? Data(contentsOf: url)
            let status = existing == nil ? "new" : existing == data ? "unchanged" : "changed"
            if status != "unchanged" { changed += 1 }
            if !check && status != "unchanged" {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            }
            print("\(status.padding(toLength: 9, withPad: " ", startingAt: 0)) \(path) (\(data.count) bytes)")
        }
        let verb = check ? "would change" : "written"
        print("\(files.count) files, \(changed) \(verb), into \(root.path)")
        if check && changed > 0 { throw ExitCode.failure }
    }
}
