import Foundation
import KieuMauTestSupport

/// `kieumau --terminal-self-test` in a tmux pane, wrapped in a shell that, once the program has
/// ended, prints its exit status and the tty's line settings, then stays open so both can be read:
///
///     [exit=0]
///     [tty isig icanon echo icrnl opost ]
///
/// A program that left the tty in curses mode would show `-icanon -echo …` there.
struct SelfTestPane {
    let tmux: TmuxSession

    /// The wrapper ignores SIGINT itself so that Ctrl-C reaches only the program.
    /// `DashboardPane` runs the dashboard in the same wrapper.
    static let wrapper = """
        trap '' INT
        "$@"
        echo "[exit=$?]"
        echo "[tty $(stty -a | tr -s ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo|isig|icrnl|opost)' | tr '\\n' ' ')]"
        exec sleep 600
        """

    /// - Parameters:
    ///   - term: TERM for the program (nil: unset).
    ///   - environment: more variables for the program.
    init(width: Int = 120, height: Int = 40, term: String? = "tmux-256color",
         environment: [String: String] = [:], arguments: [String] = ["--terminal-self-test"]) throws {
        let binary = try BuiltBinary.kieumau()
        var env = ["env", "-u", "NO_COLOR", "-u", "KIEUMAU_SELF_TEST_CRASH_KEY", "-u", "TERM",
                   "LC_ALL=C.UTF-8"]
        if let term { env.append("TERM=\(term)") }
        env += environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        tmux = try TmuxSession(width: width, height: height,
                               command: ["/bin/sh", "-c", Self.wrapper, "kieumau-e2e"] + env
                                   + [binary.path] + arguments)
    }

    /// Waits for the self-test's first frame.
    @discardableResult
    /// Waits for the whole first frame: the title on the first row and the key line on the last
    /// (a capture taken while the frame is still being written can hold the one without the other),
    /// the same on two captures in a row.
    func waitUntilRunning() async throws -> String {
        var previous: String?
        return try await tmux.waitForScreen("the self-test's first frame") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            let whole = screen.contains("KieuMau terminal self-test") && lines.contains { $0.hasPrefix(" q quit") }
            defer { previous = whole ? screen : nil }
            return whole && screen == previous
        }
    }

    /// Waits for the program to end; returns its exit status and the tty flags line.
    func waitForExit(timeout: Duration = .seconds(30)) async throws -> (status: Int, tty: [String]) {
        try await Self.exitLines(of: tmux, timeout: timeout)
    }

    /// Waits for the wrapper's `[exit=N]` and `[tty …]` lines in `tmux` and reads them.
    static func exitLines(of tmux: TmuxSession, timeout: Duration) async throws -> (status: Int, tty: [String]) {
        let screen = try await tmux.waitForScreen(timeout: timeout, "the program to exit") {
            $0.contains("[exit=") && $0.contains("[tty ")
        }
        // Trimmed: after a program killed in curses mode the tty adds no carriage return, so the
        // wrapper's lines start where the line above ended.
        let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let exitLine = lines.first(where: { $0.hasPrefix("[exit=") }),
              let status = Int(exitLine.dropFirst(6).prefix { $0.isNumber }),
              let ttyLine = lines.first(where: { $0.hasPrefix("[tty ") }) else {
            throw TmuxSession.Failure(description: "could not read the exit lines from:\n\(screen)")
        }
        let flags = ttyLine.dropFirst(5).dropLast().split(separator: " ").map(String.init)
        return (status, flags)
    }

    /// The process id of the program (the wrapper shell's child), for sending signals.
    func programPID() throws -> pid_t { try tmux.programPID() }
}

/// Display width of captured text, enough for what the self-test draws: CJK ideographs take two
/// columns, combining marks none, everything else one.
func displayColumns(_ text: Substring) -> Int {
    text.unicodeScalars.reduce(0) { sum, scalar in
        switch scalar.value {
        case 0x0300...0x036F: return sum
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60,
             0x20000...0x3FFFD: return sum + 2
        default: return sum + 1
        }
    }
}

/// The display column of the first `marker` in `line`, or nil.
func column(of marker: Character, in line: String) -> Int? {
    guard let index = line.firstIndex(of: marker) else { return nil }
    return displayColumns(line[..<index])
}
