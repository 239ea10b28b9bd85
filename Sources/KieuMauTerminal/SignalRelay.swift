import CNcurses
import Glibc

/// Turns SIGINT, SIGTERM, SIGHUP and SIGWINCH into bytes on a pipe that the main loop polls
/// next to standard input: the handlers (in shim.h) only `write` one byte, which is
/// async-signal-safe, and the loop does the real work (leave curses, quit) outside the handler.
///
/// The shim keeps the handler state in `static` C variables, and every Swift object file that
/// calls those functions gets its own copy, so all calls into that state live in this file.
final class SignalRelay {
    /// The end the main loop polls; readable when a signal arrived.
    let readDescriptor: Int32
    private let writeDescriptor: Int32
    private var installed = true
    private var relaysResizes = false

    init() throws(TerminalError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw .setupFailed(what: "pipe() for signal handling", errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)   // a full pipe must never block a handler
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = fds[0]
        writeDescriptor = fds[1]
        guard kieumau_install_relay(writeDescriptor) == 0 else {
            let code = errno
            close(fds[0]); close(fds[1])
            throw .setupFailed(what: "sigaction() for SIGINT/SIGTERM/SIGHUP", errno: code)
        }
    }

    /// Relays SIGWINCH as well, chained to ncurses's own handler: call once curses is set up.
    func relayResizes() throws(TerminalError) {
        guard installed, !relaysResizes else { return }
        guard kieumau_install_winch_relay() == 0 else { throw .setupFailed(what: "sigaction() for SIGWINCH", errno: errno) }
        relaysResizes = true
    }

    /// The signals that arrived since the last call, oldest first.
    func drain() -> [Int32] {
        var signals: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(readDescriptor, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            signals.append(contentsOf: buffer[0..<n].map { Int32($0) })
        }
        return signals
    }

    /// Gives SIGINT/SIGTERM/SIGHUP their default action back and SIGWINCH to ncurses.
    func remove() {
        guard installed else { return }
        installed = false
        if relaysResizes { kieumau_remove_winch_relay() }
        kieumau_remove_relay()
        close(readDescriptor)
        close(writeDescriptor)
    }

    deinit { remove() }

    // MARK: crash restore

    /// Remembers the tty settings of standard input before curses changes them.
    static func saveTerminalSettings() { kieumau_save_termios(STDIN_FILENO) }

    /// On a crash (a Swift trap raises SIGILL or SIGTRAP) writes `resetSequence` to standard output
    /// and puts the saved tty settings back, then passes the signal on to its previous handler.
    static func installCrashRestore(resetSequence: [UInt8]) {
        resetSequence.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { kieumau_set_reset_sequence($0.baseAddress, $0.count) }
        }
        kieumau_install_crash_restore()
    }

    static func removeCrashRestore() { kieumau_remove_crash_restore() }
}
