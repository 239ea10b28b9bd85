import ArgumentParser
import Foundation
import KieuMauCore

/// `kieumau generate`: remakes the generated part of the embedded data (maps, crosswalk, licence,
/// demo series) from the reference CSVs. The criteria sets and the published record are hand-written
/// and left alone. With `--scale`, writes a benchmark data directory instead (docs/BENCHMARKS.md).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Regenerate the embedded maps, crosswalk and synthetic demo series from the reference CSVs.",
        discussion: """
            The output is deterministic: the same reference files give the same bytes. See docs/DATA.md.
            --scale national|communes|stress writes a benchmark data directory into --out instead (the real \
            1,726-ward map, 10,600 units in 63 provinces, 100,000 units in 700 provinces; six snapshots of \
            series `demo` each), made from the embedded data. See docs/BENCHMARKS.md.
            """
    )

    @Option(help: ArgumentHelp("Directory holding wards-2025-01.csv and the other reference files.", valueName: "dir"))
    var reference: String = "../shared/data"

    @Option(help: ArgumentHelp("Data directory to write into (files are replaced, nothing is deleted); default Sources/KieuMauCore/Resources/Data, required with --scale.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Write a benchmark data directory of this size instead: national, communes or stress.", valueName: "scale"))
    var scale: DataScale?

    @Flag(help: "Write nothing; list the files that would change and fail if any would.")
    var check = false

    func validate() throws {
        if scale != nil && out == nil {
            throw ValidationError("--scale needs --out DIR (benchmark data never goes into the embedded data)")
        }
    }

    func run() throws {
        let files: [String: String]
        do {
            if let scale {
                guard let embedded = EmbeddedData.directory() else {
                    throw CLIError("the embedded data was not found next to the program; install the kieumau_KieuMauCore.resources folder beside the binary")
                }
                files = try ScaleData.generate(scale, inputs: ScaleInputs.read(dataDirectory: embedded))
            } else {
                let texts = try ReferenceTexts.read(directory: URL(fileURLWithPath: reference))
                files = try DataGenerator.generate(texts)
            }
        } catch let problems as Problems {
            FileHandle.standardError.write(Data((problems.description + "\n").utf8))
            throw ExitCode.failure
        } catch let problem as Problem {
            FileHandle.standardError.write(Data((problem.description + "\n").utf8))
            throw ExitCode.failure
        }

        let root = URL(fileURLWithPath: out ?? "Sources/KieuMauCore/Resources/Data")
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

extension DataScale: ExpressibleByArgument {}
