import KieuMauCore

/// Everything measured at one scale.
struct ScaleResult {
    var scale: DataScale
    /// "1,726 wards in 63 provinces; 1,448 rows in the snapshot opened; 6 snapshots; 584 kB on disk".
    var dataDescription: String
    var launches: LaunchBench.Launches
    var idle: LaunchBench.Idle?
    var idleError: String?
    var instructions: UInt64?
    /// The same launch with the digest cache off (a first start).
    var coldInstructions: UInt64?
    var instructionsNote: String?
    var keys: [(name: String, kind: KeyBench.KeyKind, samples: Samples)]
    var processPhases: [(name: String, samples: Samples)]
}

/// One row of the results table.
struct FigureRow {
    var figure: String
    var median: String
    var p90: String
    var p99: String
    var target: String
    /// nil when the figure has no target.
    var pass: Bool?
}

extension ScaleResult {
    var rows: [FigureRow] {
        var rows: [FigureRow] = []
        let launch = launches.wall
        let launchTarget = Targets.launchMilliseconds(scale)
        rows.append(FigureRow(figure: "launch → first frame", median: ms(launch.median), p90: ms(launch.p90), p99: "",
                              target: "≤ \(Int(launchTarget)) ms (median)", pass: launch.median <= launchTarget))
        rows.append(FigureRow(figure: "launch CPU time (user + system)", median: ms(launches.cpu.median), p90: ms(launches.cpu.p90),
                              p99: "", target: "—", pass: nil))
        let rss = launches.rssMiB
        let rssTarget = Targets.peakRSSMiB(scale)
        // Targets are in MB (10^6 bytes); ru_maxrss is in KiB.
        let rssMB = Samples(rss.values.map { $0 * 1_048_576 / 1_000_000 })
        rows.append(FigureRow(figure: "peak RSS of the launch", median: mb(rssMB.median), p90: mb(rssMB.p90), p99: "",
                              target: "≤ \(Int(rssTarget)) MB", pass: rssMB.median <= rssTarget))
        if let idle {
            rows.append(FigureRow(figure: "CPU while idle (ticks in \(Int(idle.windowSeconds)) s, after 3 s)", median: "\(idle.ticksWhileIdle)",
                                  p90: "", p99: "", target: "0", pass: idle.ticksWhileIdle == 0))
            rows.append(FigureRow(figure: "RSS once settled (series digested, a few kept)", median: mb(idle.peakRSSMiB * 1_048_576 / 1_000_000),
                                  p90: "", p99: "", target: "—", pass: nil))
        } else {
            rows.append(FigureRow(figure: "CPU while idle", median: "not measured: \(idleError ?? "?")", p90: "", p99: "", target: "0", pass: nil))
        }
        if let instructions {
            let target = Targets.launchInstructions(scale)
            rows.append(FigureRow(figure: "instructions, start → first frame (callgrind Ir, warm cache)", median: instructionCount(instructions),
                                  p90: "", p99: "", target: "≤ \(instructionCount(target))", pass: instructions <= target))
            if let coldInstructions {
                rows.append(FigureRow(figure: "instructions, start → first frame (no digest cache)", median: instructionCount(coldInstructions),
                                      p90: "", p99: "", target: "—", pass: nil))
            }
        } else if let instructionsNote {
            rows.append(FigureRow(figure: "instructions of the launch (callgrind)", median: instructionsNote, p90: "", p99: "", target: "—", pass: nil))
        }
        for key in keys {
            let target: Double?
            switch key.kind {
            case .navigation: target = Targets.navigationMilliseconds
            case .heavy: target = key.name.contains("snapshot") ? Targets.snapshotStepMilliseconds : Targets.heavyKeyMilliseconds(scale)
            case .reference: target = nil
            }
            rows.append(FigureRow(figure: "key → frame: " + key.name, median: ms(key.samples.median), p90: ms(key.samples.p90),
                                  p99: ms(key.samples.p99), target: target.map { "≤ \(fmt($0)) ms (p99)" } ?? "—",
                                  pass: target.map { key.samples.p99 <= $0 }))
        }
        return rows
    }
}

func fmt(_ x: Double) -> String {
    guard x.isFinite else { return "—" }
    if x >= 100 { return String(Int(x.rounded())) }
    if x >= 10 { return String((x * 10).rounded() / 10) }
    let hundredths = Int((x * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}

func ms(_ x: Double) -> String { fmt(x) + " ms" }
func mb(_ x: Double) -> String { fmt(x) + " MB" }

/// 1,234,567 → "1.23 G", "456.7 M".
func instructionCount(_ n: UInt64) -> String {
    let x = Double(n)
    if x >= 1e9 { return fmt(x / 1e9) + " G" }
    if x >= 1e6 { return fmt(x / 1e6) + " M" }
    return String(n)
}
