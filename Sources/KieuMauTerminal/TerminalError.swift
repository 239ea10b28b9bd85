/// Why the full-screen terminal could not be opened. Each message says what is wrong; the
/// caller adds what to do instead (for example `kieumau report` for plain text).
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is a pipe or a file, not a terminal.
    case notATerminal(stream: StandardStream)
    /// `TERM` is unset or empty.
    case noTerminalType
    /// `TERM=dumb`: no cursor addressing, so a full-screen view would be garbage.
    case dumbTerminal
    /// ncurses has no terminfo entry for this `TERM`.
    case unknownTerminal(String)
    /// A second session while one is open: ncurses has one screen per process here.
    case alreadyOpen
    /// A system call the session needs failed.
    case setupFailed(what: String, errno: Int32)

    public enum StandardStream: String, Sendable { case input = "standard input", output = "standard output" }

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream.rawValue) is not a terminal (it is a pipe or a file), so the dashboard cannot be shown"
        case .noTerminalType:
            return "the TERM environment variable is not set, so the terminal's abilities are unknown"
        case .dumbTerminal:
            return "TERM=dumb cannot move the cursor, so the dashboard cannot be shown"
        case .unknownTerminal(let term):
            return "no terminfo description for TERM=\(term) (install ncurses-term or set TERM to e.g. xterm-256color)"
        case .alreadyOpen:
            return "a terminal session is already open in this process"
        case .setupFailed(let what, let code):
            return "\(what) failed (errno \(code))"
        }
    }
}
