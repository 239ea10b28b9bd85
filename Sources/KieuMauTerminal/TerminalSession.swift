import CNcurses
import Foundation
import KieuMauTUI

/// Choices the command line can make about the terminal.
public struct TerminalOptions: Sendable {
    /// Report clicks, double-clicks and the wheel (the terminal's own selection then needs Shift).
    var mouse: Bool = true
    /// Use at most this many colours (`--color never` → `.none`); nil = what the terminal offers.
    var maximumColorDepth: ColorDepth? = nil
    /// How long a lone Esc waits for the rest of an escape sequence, in milliseconds.
    var escapeDelayMilliseconds: Int32 = 25

    public init(mouse: Bool = true, maximumColorDepth: ColorDepth? = nil, escapeDelayMilliseconds: Int32 = 25) {
        self.mouse = mouse
        self.maximumColorDepth = maximumColorDepth
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
    }
}

/// ncurses in full-screen mode for the life of this object: opened by `init`, put back by
/// `close()` (also on deinit, and from `atexit` if the process exits while it is open).
/// Signals do not end the process while it is open: SIGINT/SIGTERM/SIGHUP arrive on
/// `signals.readDescriptor` and the main loop quits, so the terminal is always restored.
/// ncurses is not thread-safe: create and use this on one thread only.
public final class TerminalSession {
    /// Colours the renderer may use (after `NO_COLOR` and `maximumColorDepth`).
    let colorDepth: ColorDepth
    /// Whether colour number -1 means the terminal's own colour (`use_default_colors` worked).
    let hasDefaultColors: Bool
    /// Whether the locale is UTF-8; if not, only ASCII can be drawn.
    let isUTF8: Bool
    let mouseEnabled: Bool
    /// `TERM` as ncurses read it.
    let terminalName: String
    let signals: SignalRelay
    private let screen: OpaquePointer
    private(set) var isOpen = true

    /// Current size in cells.
    var width: Int { Int(kieumau_cols()) }
    var height: Int { Int(kieumau_lines()) }

    /// Why this process cannot show a full-screen view, or nil if it can. Pure, for tests.
    public static func refusal(term: String?, inputIsTerminal: Bool, outputIsTerminal: Bool) -> TerminalError? {
        if !outputIsTerminal { return .notATerminal(stream: .output) }
        if !inputIsTerminal { return .notATerminal(stream: .input) }
        guard let term, !term.isEmpty else { return .noTerminalType }
        if term == "dumb" { return .dumbTerminal }
        return nil
    }

    init(options: TerminalOptions = TerminalOptions(),
         environment: [String: String] = ProcessInfo.processInfo.environment) throws(TerminalError) {
        let term = environment["TERM"]
        if let refusal = Self.refusal(term: term, inputIsTerminal: isatty(STDIN_FILENO) == 1,
                                      outputIsTerminal: isatty(STDOUT_FILENO) == 1) {
            throw refusal
        }
        guard !TerminalSession.anyOpen else { throw .alreadyOpen }
        let termName = term ?? ""

        setlocale(LC_ALL, "")
        isUTF8 = kieumau_locale_is_utf8() != 0
        SignalRelay.saveTerminalSettings()
        // The relay first: SIGINT/SIGTERM/SIGHUP during the set-up below (cbreak, noecho, colours)
        // then reach the main loop, which leaves curses before ending, rather than killing the
        // process with the tty left in curses mode. (SIGWINCH joins once ncurses has its handler.)
        let signals = try SignalRelay()
        // newterm, unlike initscr, returns nil for an unknown TERM instead of exiting the process.
        guard let screen = kieumau_newterm(termName) else { signals.remove(); throw .unknownTerminal(termName) }
        self.screen = screen
        terminalName = termName

        let window = kieumau_stdscr()
        cbreak()                          // Ctrl-C still raises SIGINT, which the relay turns into a quit
        noecho()
        nonl()                            // Enter arrives as 13 and the screen needs no newline translation
        keypad(window, true)
        intrflush(window, false)
        // The cursor is hidden but parked on the last row after each frame (NcursesRenderer), so
        // what a shell prints after the program is killed lands there, not in the middle of a frame.
        leaveok(window, false)
        nodelay(window, true)             // the main loop waits in poll(), then drains get_wch
        set_escdelay(options.escapeDelayMilliseconds)
        curs_set(0)

        var depth = ColorDepth.none
        var defaultColors = false
        let noColor = environment["NO_COLOR"]
        if options.maximumColorDepth != ColorDepth.none, (noColor ?? "").isEmpty, has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            depth = ColorStepping.depth(hasColors: true, colorCount: Int(kieumau_colors()), noColor: noColor)
            if let cap = options.maximumColorDepth, cap < depth { depth = cap }
        }
        colorDepth = depth
        hasDefaultColors = defaultColors

        var mouseOn = false
        if options.mouse {
            let wanted = kieumau_button1_clicked() | kieumau_button1_double_clicked()
                | kieumau_button4_pressed() | kieumau_button5_pressed()
            mouseOn = mousemask(wanted, nil) != 0
        }
        mouseEnabled = mouseOn

        do {
            try signals.relayResizes()
        } catch {
            signals.remove()
            endwin()
            delscreen(screen)
            throw error
        }
        self.signals = signals
        SignalRelay.installCrashRestore(resetSequence: Self.resetSequence(mouse: mouseOn))
        TerminalSession.anyOpen = true
        TerminalSession.registerExitHook()
    }

    /// Leaves full-screen mode and gives the signals back. Safe to call more than once.
    func close() {
        guard isOpen else { return }
        isOpen = false
        signals.remove()
        SignalRelay.removeCrashRestore()
        endwin()
        delscreen(screen)
        TerminalSession.anyOpen = false
    }

    deinit { close() }

    /// Forgets what the terminal shows, so the next refresh repaints every cell (Ctrl-L).
    func forgetScreenContents() { clearok(kieumau_stdscr(), true) }

    // MARK: restore on exit and crash

    /// True between a successful init and close(); read by the atexit hook. Touched only from the
    /// one thread that drives ncurses.
    nonisolated(unsafe) private static var anyOpen = false
    nonisolated(unsafe) private static var exitHookRegistered = false

    /// If something calls exit() while the session is open, leave curses mode first.
    private static func registerExitHook() {
        guard !exitHookRegistered else { return }
        exitHookRegistered = true
        atexit {
            if TerminalSession.anyOpen { endwin() }
        }
    }

    /// What the crash handler writes to undo full-screen mode: leave the alternate screen and
    /// keypad-transmit mode, show the cursor, reset attributes, stop mouse reports.
    private static func resetSequence(mouse: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes.append(contentsOf: Array(String(cString: value).utf8))
        }
        if mouse { bytes.append(contentsOf: Array("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8)) }
        return bytes
    }
}
