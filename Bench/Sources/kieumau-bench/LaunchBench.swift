import Foundation
import Glibc
import KieuMauCore

/// Measurements on the real binary, each run in a pseudo-terminal of its own at the bench's size.
struct LaunchBench {
    let binary: String
    let data: String
    let rows: Int
    let columns: Int
    /// A scratch folder for standard error, an empty configuration home and the digest cache.
    let scratch: String

    /// What the dashboard is run with: a colour terminal in UTF-8, no user themes, and a digest
    /// cache of the bench's own (the unmeasured first launch fills it: the launches measured are
    /// warm starts, as every start after a user's first is).
    var environment: [String: String] {
        var env: [String: String] = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_CONFIG_HOME": scratch + "/config",
                                     "XDG_CACHE_HOME": scratch + "/cache"]
        for key in ["PATH", "HOME"] { env[key] = ProcessInfo.processInfo.environment[key] }
        return env
    }

    var arguments: [String] { [binary, "--data", data, "--series", OpenedData.series] }

    struct Launches {
        var wall = Samples()
        var cpu = Samples()
        var rssMiB = Samples()
        /// Phase name → milliseconds, from `KIEUMAU_TIMINGS=1`, in the order the binary prints them.
        var phases: [(name: String, samples: Samples)] = []
    }

    /// `runs` launches to the first frame (after one unmeasured run that warms the page cache).
    func launches(runs: Int) throws -> Launches {
        var result = Launches()
        let errorFile = scratch + "/launch-stderr.txt"
        var env = environment
        env["KIEUMAU_TIMINGS"] = "1"
        for run in 0...runs {
            let process = try TerminalProcess(arguments + ["--exit-after-first-frame"], environment: env,
                                              rows: rows, columns: columns, stderrPath: errorFile)
            let outcome = process.wait()
            let errors = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
            guard outcome.exitedCleanly, Self.showsFrame(outcome.output) else {
                throw BenchError("\(arguments.joined(separator: " ")) --exit-after-first-frame: status \(outcome.status), \(outcome.output.count) bytes of output; standard error:\n\(errors)")
            }
            guard run > 0 else { continue }
            result.wall.append(Double(outcome.wallNanoseconds) / 1_000_000)
            result.cpu.append(outcome.cpuMilliseconds)
            // The binary's own peak (VmHWM): `ru_maxrss` of a posix_spawn child also counts this
            // process's memory from before the exec, which would be the bench's, not the dashboard's.
            result.rssMiB.append(Double(Self.peakResidentKiB(errors) ?? outcome.maxRSSKiB) / 1024)
            for (name, ms) in Self.phases(errors) {
                if let i = result.phases.firstIndex(where: { $0.name == name }) {
                    result.phases[i].samples.append(ms)
                } else {
                    result.phases.append((name, Samples([ms])))
                }
            }
        }
        return result
    }

    /// The header of the first frame reached the terminal.
    static func showsFrame(_ output: [UInt8]) -> Bool {
        let needle = Array("KieuMau".utf8)
        guard output.count >= needle.count else { return false }
        return (0...(output.count - needle.count)).contains { output[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// `kieumau memory: peak RSS (VmHWM): <n> kB`.
    static func peakResidentKiB(_ text: String) -> Int? {
        let prefix = "kieumau memory: peak RSS (VmHWM): "
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return Int(line.dropFirst(prefix.count).split(separator: " ").first ?? "")
    }

    /// `kieumau timing: <phase>: <ms> ms` lines.
    static func phases(_ text: String) -> [(String, Double)] {
        let prefix = "kieumau timing: "
        return text.split(separator: "\n").compactMap { line -> (String, Double)? in
            guard line.hasPrefix(prefix) else { return nil }
            let rest = line.dropFirst(prefix.count)
            guard let colon = rest.lastIndex(of: ":") else { return nil }
            let value = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ms", with: "")
            guard let ms = Double(value) else { return nil }
            return (String(rest[..<colon]), ms)
        }
    }

    struct Idle {
        /// CPU ticks (user + system, 1/100 s) over the measured window, once the start-up work is done.
        var ticksWhileIdle: Int
        var windowSeconds: Double
        /// CPU time of the start-up work, first frame and the work deferred past it.
        var startupCPUMilliseconds: Double
        /// Peak and current resident set once settled (the work deferred past the first frame done: every snapshot digested, a bounded few kept in full).
        var peakRSSMiB: Double
        var rssMiB: Double
    }

    /// Starts the dashboard, lets it settle for `settle` seconds, then reads its CPU time twice
    /// `window` seconds apart: a program that sleeps in `poll` uses none.
    func idle(settle: Double = 3, window: Double = 2) throws -> Idle {
        let process = try TerminalProcess(arguments, environment: environment, rows: rows, columns: columns)
        defer {
            process.signal(SIGTERM)
            _ = process.wait()
        }
        usleep(UInt32(settle * 1_000_000))
        guard let before = Self.cpuTicks(process.pid) else { throw BenchError("cannot read /proc/\(process.pid)/stat") }
        usleep(UInt32(window * 1_000_000))
        guard let after = Self.cpuTicks(process.pid) else { throw BenchError("cannot read /proc/\(process.pid)/stat") }
        let memory = Self.memory(process.pid)
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        return Idle(ticksWhileIdle: after - before, windowSeconds: window, startupCPUMilliseconds: Double(before) * 1000 / hz,
                    peakRSSMiB: memory.peak, rssMiB: memory.current)
    }

    /// utime + stime of a process, in clock ticks.
    static func cpuTicks(_ pid: pid_t) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3 of the line, utime 14 and stime 15.
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// VmHWM and VmRSS of a process, in MiB.
    static func memory(_ pid: pid_t) -> (peak: Double, current: Double) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func value(_ key: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return .nan }
            let number = line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ").first
            return (number.flatMap { Double($0) } ?? .nan) / 1024
        }
        return (value("VmHWM"), value("VmRSS"))
    }

    /// Total instructions (`Ir`) of one launch under callgrind, and the file it wrote. `cold`: with
    /// the digest cache off (every start before there is one). Run on a copy stripped of debug
    /// information: valgrind 3.19 stops at the debug sections of a static-stdlib Swift binary.
    func instructions(valgrind: String, cold: Bool = false) throws -> (total: UInt64, file: String) {
        let out = scratch + (cold ? "/callgrind-cold.out" : "/callgrind.out")
        let log = scratch + "/callgrind.log"
        var env = environment
        if cold { env["KIEUMAU_DIGEST_CACHE"] = "off" }
        let process = try TerminalProcess([valgrind, "--tool=callgrind", "--callgrind-out-file=" + out, "--log-file=" + log]
                                          + [try strippedBinary()] + arguments.dropFirst() + ["--exit-after-first-frame"],
                                          environment: env, rows: rows, columns: columns)
        let outcome = process.wait()
        guard outcome.exitedCleanly, let text = try? String(contentsOfFile: out, encoding: .utf8) else {
            throw BenchError("callgrind run failed (status \(outcome.status)); see \(log)")
        }
        for line in text.split(separator: "\n") where line.hasPrefix("totals:") || line.hasPrefix("summary:") {
            if let n = line.split(separator: " ").last.flatMap({ UInt64($0) }) { return (n, out) }
        }
        throw BenchError("no totals in \(out)")
    }

    /// A copy of the binary without debug sections, with its resource bundles beside it (in the
    /// scratch folder); the binary itself when `strip` is not installed.
    func strippedBinary() throws -> String {
        guard let strip = Machine.which("strip") else { return binary }
        let folder = scratch + "/stripped"
        let copy = folder + "/kieumau"
        if FileManager.default.fileExists(atPath: copy) { return copy }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let binaryFolder = (binary as NSString).deletingLastPathComponent
        for item in (try? FileManager.default.contentsOfDirectory(atPath: binaryFolder)) ?? [] where item.hasSuffix(".resources") {
            try FileManager.default.copyItem(atPath: binaryFolder + "/" + item, toPath: folder + "/" + item)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strip)
        process.arguments = ["--strip-debug", "-o", copy, binary]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("strip --strip-debug \(binary) failed") }
        return copy
    }
}
