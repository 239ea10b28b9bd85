import CBenchPTY
import Foundation
import Glibc

/// What one run of a program in a pseudo-terminal gave.
struct TerminalRun {
    /// From just before the spawn to the return of `wait4`.
    var wallNanoseconds: UInt64
    /// `ru_maxrss` in KiB. After posix_spawn (a vfork) it also counts the parent's memory from before
    /// the exec, so the bench prefers the binary's own VmHWM.
    var maxRSSKiB: Int
    /// User and system CPU time of the process, in milliseconds (less disturbed by other load than the wall time).
    var cpuMilliseconds: Double
    /// The raw wait status.
    var status: Int32
    /// Everything the program wrote to the terminal.
    var output: [UInt8]

    var exitedCleanly: Bool { status & 0x7f == 0 && (status >> 8) & 0xff == 0 }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// A program running in a new pseudo-terminal of its own, as it would in a terminal window: its own
/// session, the terminal as standard input, output and controlling terminal, a given size. A thread
/// reads everything it writes, so it never blocks on a full terminal buffer.
final class TerminalProcess {
    let pid: pid_t
    private let master: Int32
    /// Kept open by us until the child is reaped, so the reader never sees the terminal closed early.
    private var slave: Int32
    private let reader: OutputReader
    let started: UInt64

    init(_ arguments: [String], environment: [String: String], rows: Int, columns: Int, stderrPath: String? = nil) throws {
        var path = [CChar](repeating: 0, count: 256)
        master = kieumau_bench_open_pty(UInt16(rows), UInt16(columns), &path, path.count)
        guard master >= 0 else { throw BenchError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))") }
        let slavePath = String(decoding: path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { close(master); throw BenchError("cannot open \(slavePath): \(String(cString: strerror(errno)))") }
        var errorFD: Int32 = -1
        if let stderrPath {
            errorFD = open(stderrPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard errorFD >= 0 else { close(master); close(slave); throw BenchError("cannot write \(stderrPath)") }
        }
        defer { if errorFD >= 0 { close(errorFD) } }
        reader = OutputReader(fd: master)
        reader.start()

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var child: pid_t = 0
        started = DispatchTime.now().uptimeNanoseconds
        let result = kieumau_bench_spawn(slavePath, argv, envp, errorFD, &child)
        guard result == 0 else {
            close(slave); reader.finish(); close(master)
            throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(result)))")
        }
        pid = child
    }

    /// Waits for the process to end (killing it after `timeout` seconds: a hung launch must not hang
    /// the bench); the output is complete when this returns.
    func wait(timeout: Double = 600) -> TerminalRun {
        let reaped = ReapedFlag()
        let child = pid
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if !reaped.isSet { kill(child, SIGKILL) }
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let ended = DispatchTime.now().uptimeNanoseconds
        reaped.set()
        close(slave)
        slave = -1
        let output = reader.finish()
        close(master)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
        return TerminalRun(wallNanoseconds: ended - started, maxRSSKiB: Int(usage.ru_maxrss), cpuMilliseconds: cpu,
                           status: status, output: output)
    }

    func signal(_ number: Int32) { kill(pid, number) }
}

/// Reads a descriptor on a thread of its own until it reports the end (EIO once the terminal has
/// no slave left open).
private final class OutputReader: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    init(fd: Int32) { self.fd = fd }

    func start() {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    lock.lock(); bytes.append(contentsOf: buffer[0..<n]); lock.unlock()
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the reader to stop (the caller has closed its slave descriptor) and returns what it read.
    @discardableResult
    func finish() -> [UInt8] {
        done.wait()
        lock.lock(); defer { lock.unlock() }
        return bytes
    }
}

/// Set once a child has been reaped, so a late watchdog never signals a reused pid.
private final class ReapedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
