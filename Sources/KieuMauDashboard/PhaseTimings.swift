import Foundation
import KieuMauTUI
import KieuMauTerminal

/// `KIEUMAU_TIMINGS=1`: how long each phase of the dashboard's start takes, written to standard
/// error when the dashboard ends (after the terminal is restored, so the screen is untouched).
/// Off, every call is a no-op. The benchmark (`kieumau-bench`) reads these lines.
public final class PhaseTimings {
    let enabled: Bool
    private var phases: [(name: String, nanoseconds: UInt64)] = []
    private var counts: [(name: String, value: Int)] = []
    private let start: UInt64
    private var last: UInt64

    public init(environment: [String: String]) {
        enabled = environment["KIEUMAU_TIMINGS"] == "1"
        start = DispatchTime.now().uptimeNanoseconds
        last = start
    }

    /// Ends the phase running since the previous mark (or since `init`).
    public func mark(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, now - last))
        last = now
    }

    /// Records a count of work (the last value given for `name` is reported).
    public func count(_ name: String, _ value: Int) {
        guard enabled else { return }
        counts.removeAll { $0.name == name }
        counts.append((name, value))
    }

    /// Marks `name` unless a phase of that name was already marked.
    public func markOnce(_ name: String) {
        guard enabled, !phases.contains(where: { $0.name == name }) else { return }
        mark(name)
    }

    /// One line per phase, `kieumau timing: <phase>: <ms> ms`, then the total.
    public func report() {
        guard enabled else { return }
        var text = ""
        for p in phases { text += "kieumau timing: \(p.name): \(Self.milliseconds(p.nanoseconds)) ms\n" }
        text += "kieumau timing: total in process: \(Self.milliseconds(last - start)) ms\n"
        for c in counts { text += "kieumau count: \(c.name): \(c.value)\n" }
        if let peak = Self.peakResidentKiB() { text += "kieumau memory: peak RSS (VmHWM): \(peak) kB\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// This process's peak resident set, from /proc (Linux). Not `getrusage`: after a vfork-style
    /// spawn its `ru_maxrss` also counts the parent's memory from before the exec.
    static func peakResidentKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    private static func milliseconds(_ ns: UInt64) -> String {
        let tenths = (ns + 5_000) / 10_000   // hundredths of a millisecond
        let frac = tenths % 100
        return "\(tenths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}

/// Wraps the dashboard to mark when the terminal is open and the first frame rendered and drawn;
/// everything else is passed through.
public struct TimedApp<Inner: TerminalApp>: TerminalApp {
    var inner: Inner
    let timings: PhaseTimings
    private var rendered = false

    public init(_ inner: Inner, timings: PhaseTimings) { self.inner = inner; self.timings = timings }

    public var theme: Theme { inner.theme }
    public var wantsTick: Int32? { inner.wantsTick }
    public var watchDescriptors: [Int32] { inner.watchDescriptors }

    public mutating func start(colorDepth: ColorDepth, isUTF8: Bool) {
        timings.mark("terminal open")
        inner.start(colorDepth: colorDepth, isUTF8: isUTF8)
    }

    public mutating func handle(_ key: Key) -> LoopCommand { inner.handle(key) }

    public mutating func firstFrameShown() {
        timings.mark("first frame drawn")
        inner.firstFrameShown()
    }

    public mutating func tick() -> LoopCommand { inner.tick() }

    public func render(width: Int, height: Int) -> Canvas {
        let canvas = inner.render(width: width, height: height)
        timings.markOnce("first render (canvas)")
        return canvas
    }
}
