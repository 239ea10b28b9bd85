import Foundation
import CNcurses
import Glibc
import KieuMauTUI

/// What the main loop asks of a full-screen program: keys in, a canvas out.
public protocol TerminalApp {
    /// The theme the renderer maps style roles with; a new value repaints the screen.
    var theme: Theme { get }
    /// If set, `tick()` runs after this many milliseconds without input (e.g. to notice changed
    /// files). nil: the loop sleeps until a key, resize or signal arrives.
    var wantsTick: Int32? { get }
    /// Descriptors to wait on besides the keyboard (answers of background work, inotify for a
    /// data directory); when one becomes readable, `tick()` runs.
    var watchDescriptors: [Int32] { get }
    /// Called once the terminal is open, before the first frame.
    mutating func start(colorDepth: ColorDepth, isUTF8: Bool)
    /// Called once the first frame is on the terminal (work that can wait for it starts here).
    mutating func firstFrameShown()
    mutating func handle(_ key: Key) -> LoopCommand
    mutating func tick() -> LoopCommand
    /// The whole screen; called after input, at most once per batch of queued keys.
    func render(width: Int, height: Int) -> Canvas
}

extension TerminalApp {
    public var wantsTick: Int32? { nil }
    public var watchDescriptors: [Int32] { [] }
    public mutating func start(colorDepth: ColorDepth, isUTF8: Bool) {}
    public mutating func firstFrameShown() {}
    public mutating func tick() -> LoopCommand { .continue }
}

public enum LoopCommand: Equatable, Sendable {
    case `continue`
    case quit
    /// Forget what the terminal shows and paint every cell again (Ctrl-L after line noise).
    case repaint
}

/// Why `MainLoop.run` returned. The terminal has been restored in every case.
public enum LoopExit: Equatable, Sendable {
    /// The app returned `.quit`.
    case quit
    /// `exitAfterFirstFrame` was set and the first frame reached the terminal.
    case firstFrameShown
    /// SIGINT, SIGTERM or SIGHUP arrived (a terminal that closed without SIGHUP counts as SIGHUP).
    case signal(Int32)

    /// The conventional exit status: 0, or 128 + signal number.
    public var exitStatus: Int32 {
        if case .signal(let number) = self { return 128 + number }
        return 0
    }

    /// Ends the process the way the cause expects: exit(0), or dying of the same signal with its
    /// default action so a calling shell or script sees "interrupted" (call after the session is closed).
    public func endProcess() -> Never {
        if case .signal(let number) = self {
            _ = Glibc.signal(number, SIG_DFL)
            raise(number)
        }
        exit(exitStatus)
    }
}

public enum MainLoop {
    /// Opens the terminal, runs `app` until it quits or a signal arrives, and restores the terminal.
    /// - Parameter environment: the process's (read once by the caller: building it costs a start
    ///   about 0.35 M instructions each time).
    public static func run<App: TerminalApp>(app: inout App, options: TerminalOptions = TerminalOptions(),
                                      environment: [String: String] = ProcessInfo.processInfo.environment,
                                      exitAfterFirstFrame: Bool = false) throws(TerminalError) -> LoopExit {
        let session = try TerminalSession(options: options, environment: environment)
        defer { session.close() }
        return run(app: &app, session: session, exitAfterFirstFrame: exitAfterFirstFrame)
    }

    /// Runs `app` in an open session; the caller closes it.
    static func run<App: TerminalApp>(app: inout App, session: TerminalSession,
                                      exitAfterFirstFrame: Bool = false) -> LoopExit {
        let renderer = NcursesRenderer(session: session)
        app.start(colorDepth: session.colorDepth, isUTF8: session.isUTF8)
        var needsFrame = true
        var firstFrame = true

        while true {
            if needsFrame {
                renderer.draw(app.render(width: session.width, height: session.height), theme: app.theme)
                needsFrame = false
                if exitAfterFirstFrame { return .firstFrameShown }
                if firstFrame {
                    firstFrame = false
                    app.firstFrameShown()
                }
            }

            let woke = waitForInput(session: session, timeout: app.wantsTick, watch: app.watchDescriptors)
            if woke == .timedOut || woke == .watched {
                switch app.tick() {
                case .quit: return .quit
                case .repaint: session.forgetScreenContents(); renderer.invalidate(); needsFrame = true
                case .continue: needsFrame = true
                }
            }
            for number in session.signals.drain() where number != SIGWINCH {
                return .signal(number)   // SIGWINCH needs nothing here: get_wch reports KEY_RESIZE
            }

            // Take every queued key before drawing again, so held-down keys do not lag.
            readKeys: while true {
                switch KeyDecoder.read() {
                case .empty:
                    break readKeys
                case .ignored:
                    continue
                case .key(let key):
                    if key == .resize { renderer.invalidate() }
                    needsFrame = true
                    switch app.handle(key) {
                    case .quit: return .quit
                    case .repaint: session.forgetScreenContents(); renderer.invalidate()
                    case .continue: break
                    }
                }
            }
            // A closed terminal keeps poll() returning at once; leave instead of spinning.
            if woke == .hungUp { return .signal(SIGHUP) }
        }
    }

    private enum Wake { case ready, timedOut, interrupted, hungUp, watched }

    /// Sleeps (no CPU) until standard input, the signal pipe or a watched descriptor is readable,
    /// or the timeout passes.
    private static func waitForInput(session: TerminalSession, timeout: Int32?, watch: [Int32]) -> Wake {
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: session.signals.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        for fd in watch where fd >= 0 { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
        let result = poll(&fds, nfds_t(fds.count), timeout ?? -1)
        if result == 0 { return .timedOut }
        if result < 0 { return .interrupted }   // EINTR: a signal; its byte is in the pipe
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hungUp }
        if fds.dropFirst(2).contains(where: { $0.revents & Int16(POLLIN | POLLHUP) != 0 }) { return .watched }
        return .ready
    }
}
