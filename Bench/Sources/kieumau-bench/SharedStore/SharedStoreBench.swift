import ArgumentParser
import Foundation
import KieuMauReviews
import KieuMauReviewsPostgres
import KieuMauTestSupport

/// `kieumau-bench shared-store`: marks per second and mark → heard on another connection
/// (LISTEN/NOTIFY) with 1, 8 and 32 reviewers at once, against a private PostgreSQL cluster it
/// starts in a scratch folder (fsync on, as a real server) and removes afterwards.
struct SharedStoreBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shared-store",
        abstract: "Measure the shared review store (PostgreSQL): marks per second and mark → visible elsewhere.")

    @Option(help: ArgumentHelp("Comma-separated numbers of reviewers writing at once.", valueName: "list"))
    var reviewers: String = "1,8,32"

    @Option(help: "Marks each reviewer writes per run.")
    var marks: Int = 300

    // Not `--out`: the main command has one, and ArgumentParser gives it the value.
    @Option(help: ArgumentHelp("Also write the report (Markdown) to this file.", valueName: "file"))
    var report: String?

    func validate() throws {
        guard marks >= 1 else { throw ValidationError("--marks must be at least 1") }
        guard counts.count == reviewers.split(separator: ",").count, counts.allSatisfy({ (1...64).contains($0) }) else {
            throw ValidationError("--reviewers: expected numbers from 1 to 64 separated by commas, found '\(reviewers)'")
        }
    }

    private var counts: [Int] { reviewers.split(separator: ",").compactMap { Int($0) } }

    func run() throws {
        let machine = Machine.current()
        log("shared-store: starting a private PostgreSQL cluster (fsync on)")
        let cluster = try PostgresCluster.start(durable: true)
        defer { cluster.stop() }
        var results: [SharedStoreLoad.Result] = []
        for count in counts {
            let database = try cluster.createDatabase(prefix: "bench")
            let uri = cluster.uri(database: database)
            _ = try PostgresReviewStore.initialize(uri: uri)
            log("shared-store: \(count) reviewer(s) × \(marks) marks")
            results.append(try SharedStoreLoad(uri: uri, reviewers: count, marksEach: marks).run())
        }
        let text = markdown(results, machine: machine, loadAtEnd: Machine.current().loadAverage)
        print(text)
        if let report { try text.write(toFile: report, atomically: true, encoding: .utf8) }
    }

    func markdown(_ results: [SharedStoreLoad.Result], machine: Machine, loadAtEnd: String) -> String {
        var lines = [
            "## Shared review store (PostgreSQL)",
            "",
            "\(machine.processors) × \(machine.cpuModel), \(String(format: "%.0f", machine.memoryGiB)) GiB, \(machine.kernel), \(machine.swiftVersion); load \(machine.loadAverage) at the start, \(loadAtEnd) at the end.",
            "A private cluster on this machine (unix socket, fsync on); each reviewer has its own connection for marks and its own listening connection, as a dashboard has. A mark is timed from the call to the moment a listener drains its notification.",
            "",
            "| reviewers at once | marks | marks per second | mark → heard on another connection, p50 | p99 | heard by every listener |",
            "|---|---|---|---|---|---|",
        ]
        for result in results {
            lines.append("| \(result.reviewers) | \(result.marks) | \(String(format: "%.0f", result.marksPerSecond)) | "
                         + "\(String(format: "%.2f", result.heard.median)) ms | \(String(format: "%.2f", result.heard.p99)) ms | "
                         + "\(result.allHeard ? "yes" : "no (\(result.heard.count) of \(result.expectedDeliveries))") |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }
}
