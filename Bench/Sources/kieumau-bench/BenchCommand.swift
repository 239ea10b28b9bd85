import ArgumentParser
import Foundation
import Glibc
import KieuMauCore

/// `kieumau-bench`: the figures of docs/BENCHMARKS.md. For each scale it writes a data directory
/// (`kieumau generate --scale`), launches the real binary to its first frame in a pseudo-terminal,
/// measures memory, idle CPU and (with valgrind) instructions, then times keys in process.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kieumau-bench",
        abstract: "Measure launch, keys, memory and idle CPU of kieumau at the benchmark scales.",
        discussion: "Build first: swift build -c release. Figures are for a release build; see docs/BENCHMARKS.md.",
        subcommands: [SharedStoreBench.self, DigestCacheBench.self])

    @Option(help: ArgumentHelp("Comma-separated scales: national, communes, stress.", valueName: "list"))
    var scales: String = DataScale.allCases.map(\.rawValue).joined(separator: ",")

    @Option(help: "Launches per scale (after one unmeasured warm-up).")
    var runs: Int = 20

    @Option(help: "Samples per key figure.")
    var samples: Int = 200

    @Option(help: ArgumentHelp("Also write the report (Markdown) to this file.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("The kieumau binary to launch (default: the one beside kieumau-bench, else the repository's .build/release/kieumau).", valueName: "path"))
    var binary: String?

    @Option(help: ArgumentHelp("Where to write the data directories (default: a new temporary folder, removed afterwards).", valueName: "dir"))
    var work: String?

    @Flag(help: "Skip the callgrind run even when valgrind is installed.")
    var noCallgrind = false

    @Option(name: .customLong("workbook-runs"), help: "Imports of the 20,000-row workbook (after one unmeasured); 0 skips it. Only the workbook: --scales ''.")
    var workbookRuns: Int = 10

    static let rows = 48
    static let columns = 160

    func validate() throws {
        guard runs >= 1, samples >= 1 else { throw ValidationError("--runs and --samples must be at least 1") }
        guard workbookRuns >= 0 else { throw ValidationError("--workbook-runs must be 0 or more") }
        for name in scales.split(separator: ",") where DataScale(rawValue: String(name)) == nil {
            throw ValidationError("--scales: unknown scale '\(name)' (expected national, communes, stress)")
        }
    }

    func run() throws {
        let chosen = scales.split(separator: ",").compactMap { DataScale(rawValue: String($0)) }
        let kieumau = try binaryPath()
        guard let embedded = EmbeddedData.directory() else {
            throw BenchError("the embedded data was not found (kieumau_KieuMauCore.resources beside the binary)")
        }
        let inputs = try ScaleInputs.read(dataDirectory: embedded)
        let root = work ?? NSTemporaryDirectory() + "kieumau-bench-\(getpid())"
        defer { if work == nil { try? FileManager.default.removeItem(atPath: root) } }
        let valgrind = noCallgrind ? nil : Machine.which("valgrind")

        var report = Report(machine: Machine.current(), binary: kieumau, rows: Self.rows, columns: Self.columns,
                            runs: runs, samples: samples)
        log("kieumau-bench: \(kieumau), data in \(root)")
        for scale in chosen {
            let directory = root + "/" + scale.rawValue
            let scratch = root + "/scratch-" + scale.rawValue
            try FileManager.default.createDirectory(atPath: scratch + "/config", withIntermediateDirectories: true)
            log("\(scale.rawValue): generating")
            let written = try write(ScaleData.generate(scale, inputs: inputs), into: directory)
            let opened = try OpenedData(directory: directory)
            let launcher = LaunchBench(binary: kieumau, data: directory, rows: Self.rows, columns: Self.columns, scratch: scratch)

            log("\(scale.rawValue): \(runs + 1) launches")
            let launches = try launcher.launches(runs: runs)
            log("\(scale.rawValue): idle CPU (5 s)")
            var idle: LaunchBench.Idle?
            var idleError: String?
            do { idle = try launcher.idle() } catch { idleError = "\(error)" }
            var instructions: UInt64?, coldInstructions: UInt64?
            var instructionsNote: String? = "valgrind not installed"
            if noCallgrind { instructionsNote = "skipped (--no-callgrind)" }
            if let valgrind {
                log("\(scale.rawValue): callgrind")
                do {
                    instructions = try launcher.instructions(valgrind: valgrind).total
                    coldInstructions = try launcher.instructions(valgrind: valgrind, cold: true).total
                } catch {
                    instructionsNote = "failed: \(error)"
                }
            }
            log("\(scale.rawValue): keys in process")
            let (controller, _) = try opened.controller(width: Self.columns, height: Self.rows)
            _ = controller.render(width: Self.columns, height: Self.rows)
            controller.start()
            controller.waitUntilIdle()
            var keys = KeyBench(controller: controller, width: Self.columns, height: Self.rows, samples: samples)
            keys.run()
            log("\(scale.rawValue): phases in process")
            let phases = try ProcessPhases.measure(opened, runs: runs, width: Self.columns, height: Self.rows)

            report.results.append(ScaleResult(scale: scale, dataDescription: describe(opened, bytes: written),
                                              launches: launches, idle: idle, idleError: idleError,
                                              instructions: instructions, coldInstructions: coldInstructions,
                                              instructionsNote: instructionsNote,
                                              keys: keys.results, processPhases: phases))
        }
        if workbookRuns > 0 {
            log("workbook: \(WorkbookBench.rows) rows, \(workbookRuns + 1) imports")
            var workbook = try WorkbookBench.measure(runs: workbookRuns)
            log("workbook: \(workbookRuns + 1) runs of kieumau import")
            workbook.command = try WorkbookCommandBench.measure(binary: kieumau, workbook: workbook.workbook, folder: root + "/workbook",
                                                                runs: workbookRuns)
            report.workbook = workbook
        }
        report.loadAtEnd = Machine.current().loadAverage
        let text = report.markdown
        print(text)
        if let out { try text.write(toFile: out, atomically: true, encoding: .utf8) }
    }

    /// `--binary`, else `kieumau` beside this program, else the release build of the repository
    /// this benchmark's package is in (`swift build -c release` at its root).
    func binaryPath() throws -> String {
        if let binary { return binary }
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let beside = (me as NSString).deletingLastPathComponent + "/kieumau"
        if access(beside, X_OK) == 0 { return beside }
        let repository = Self.repositoryRoot() + "/.build/release/kieumau"
        guard access(repository, X_OK) == 0 else {
            throw BenchError("no kieumau binary beside \(me) nor at \(repository); build it first (swift build -c release) or pass --binary PATH")
        }
        return repository
    }

    /// Bench/Sources/kieumau-bench/BenchCommand.swift → the repository.
    static func repositoryRoot(file: String = #filePath) -> String {
        var url = URL(fileURLWithPath: file)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }

    /// Writes the files; returns the bytes written.
    func write(_ files: [String: String], into directory: String) throws -> Int {
        var total = 0
        for (path, text) in files {
            let url = URL(fileURLWithPath: directory + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = Data(text.utf8)
            try data.write(to: url)
            total += data.count
        }
        return total
    }

    func describe(_ opened: OpenedData, bytes: Int) -> String {
        let entry = opened.entries[opened.index]
        guard case .success(let map) = opened.catalog.loadMap(id: entry.header.mapID),
              case .success(let snapshot) = opened.catalog.loadSnapshot(entry, map: map) else { return "?" }
        let size = (try? FileManager.default.attributesOfItem(atPath: entry.path)[.size] as? Int) ?? 0
        return "\(group(map.wards.count)) wards in \(group(map.provinces.count)) provinces (map `\(map.id)`), "
            + "\(opened.entries.count) snapshots; the one opened (\(entry.header.asOf.iso)) has \(group(snapshot.wards.count)) rows "
            + "in \(fmt(Double(size) / 1e6)) MB; \(fmt(Double(bytes) / 1e6)) MB in all"
    }

    func group(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(d)
        }
        return out
    }

    func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }
}
