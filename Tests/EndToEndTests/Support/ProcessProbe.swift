import Foundation

/// What /proc says about the program in a pane (Linux): its process id, CPU time and memory.
extension TmuxSession {
    /// The process id of the program: the child of the pane's wrapper shell (found by scanning
    /// /proc; a launcher such as `env` or `setpriv` execs the program in the same process).
    func programPID() throws -> pid_t {
        guard let shell = pid_t(try pane("#{pane_pid}")) else {
            throw TmuxSession.Failure(description: "no pane pid")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry), let fields = ProcessProbe.statFields(pid) else { continue }
            if fields.count > 1, pid_t(fields[1]) == shell { return pid }
        }
        throw TmuxSession.Failure(description: "the wrapper shell \(shell) has no child")
    }

    /// `programPID`, retried until the wrapper shell has started the program.
    func waitForProgramPID(timeout: Duration = .seconds(5)) async throws -> pid_t {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if let pid = try? programPID() { return pid }
            guard clock.now < deadline else { return try programPID() }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}

enum ProcessProbe {
    /// The fields of /proc/PID/stat after "(comm)": state, ppid, …
    static func statFields(_ pid: pid_t) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    /// User plus system CPU time in clock ticks (utime and stime: fields 14 and 15 of stat).
    static func cpuTicks(_ pid: pid_t) -> Int? {
        guard let f = statFields(pid), f.count > 12, let user = Int(f[11]), let system = Int(f[12]) else { return nil }
        return user + system
    }

    /// Whether the terminal at `path` (a pane's tty) has canonical input off, as curses sets it;
    /// nil when it cannot be read.
    static func ttyIsInCursesMode(_ path: String) -> Bool? {
        let fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else { return nil }
        return settings.c_lflag & tcflag_t(ICANON) == 0
    }

    /// Resident memory in KiB (VmRSS of /proc/PID/status).
    static func residentKiB(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
}
