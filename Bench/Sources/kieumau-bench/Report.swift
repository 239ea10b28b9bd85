import Foundation

/// The results as Markdown: the machine, one table of figures against their targets, and where the
/// launch time goes. Printed as it is, and written to `--out` for docs/BENCHMARKS.md.
struct Report {
    var machine: Machine
    var binary: String
    var rows: Int
    var columns: Int
    var runs: Int
    var samples: Int
    var results: [ScaleResult] = []
    var workbook: WorkbookBench.Result?
    var loadAtEnd = ""

    var markdown: String {
        var out = "## Figures\n\n"
        out += "Taken \(Self.timestamp()) by `kieumau-bench` on \(machine.processors) × \(machine.cpuModel), "
        out += "\(fmt(machine.memoryGiB)) GiB, \(machine.kernel), \(machine.swiftVersion). "
        out += "Load average \(machine.loadAverage) at the start, \(loadAtEnd) at the end (the machine is shared). "
        out += "Binary `\(binary)` in a \(columns)×\(rows) pseudo-terminal, TERM=xterm-256color, LANG=C.UTF-8; "
        out += "\(runs) launches per scale after one unmeasured, \(samples) samples per key. Percentiles are nearest-rank.\n\n"
        for r in results { out += "- **\(r.scale.rawValue)**: \(r.dataDescription)\n" }
        out += "\n| scale | figure | median | p90 | p99 | target | |\n|---|---|---|---|---|---|---|\n"
        for r in results {
            for row in r.rows {
                let verdict = row.pass.map { $0 ? "PASS" : "**MISS**" } ?? ""
                out += "| \(r.scale.rawValue) | \(row.figure) | \(row.median) | \(row.p90) | \(row.p99) | \(row.target) | \(verdict) |\n"
            }
        }
        out += "\n### Where the launch goes\n\n"
        out += "Medians. The binary's own phases come from `KIEUMAU_TIMINGS=1` on the launches above (cold process, "
        out += "warm page cache); \"before `run()`\" is the launch less the time the binary measured in itself (loading and "
        out += "linking the program and its libraries, the Swift runtime, argument parsing). The in-process lines redo each "
        out += "step warm in `kieumau-bench`, to split map from snapshot and to time the work deferred past the first frame.\n\n"
        out += "| phase | " + results.map(\.scale.rawValue).joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---|", count: results.count) + "\n"
        out += "| launch → first frame (wall) | " + results.map { ms($0.launches.wall.median) }.joined(separator: " | ") + " |\n"
        out += "| before `run()` (process start, libraries, runtime) | " + results.map { r in
            let inside = r.launches.phases.first { $0.name.hasPrefix("total") }?.samples.median ?? .nan
            return ms(r.launches.wall.median - inside)
        }.joined(separator: " | ") + " |\n"
        for name in Self.orderedNames(results.map { $0.launches.phases.map(\.name) }) {
            out += "| binary: \(name) | " + results.map { r in
                r.launches.phases.first { $0.name == name }.map { ms($0.samples.median) } ?? "—"
            }.joined(separator: " | ") + " |\n"
        }
        for name in Self.orderedNames(results.map { $0.processPhases.map(\.name) }) {
            out += "| in process: \(name) | " + results.map { r in
                r.processPhases.first { $0.name == name }.map { ms($0.samples.median) } ?? "—"
            }.joined(separator: " | ") + " |\n"
        }
        out += workbook?.markdown ?? ""
        var failed = results.flatMap { r in r.rows.filter { $0.pass == false }.map { "\(r.scale.rawValue): \($0.figure)" } }
        if let workbook, workbook.total.median >= WorkbookBench.target || (workbook.command?.wall.median ?? 0) >= WorkbookBench.target {
            failed.append("workbook import of 20,000 rows")
        }
        out += "\n" + (failed.isEmpty ? "Every figure with a target is within it.\n" : "Missed: " + failed.joined(separator: "; ") + ".\n")
        return out
    }

    /// Names in first-seen order across scales.
    static func orderedNames(_ lists: [[String]]) -> [String] {
        var names: [String] = []
        for list in lists { for n in list where !names.contains(n) { names.append(n) } }
        return names
    }

    static func timestamp() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return f.string(from: Date())
    }
}
