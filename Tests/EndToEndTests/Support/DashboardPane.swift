import Foundation
import KieuMauTestSupport

/// The real dashboard (`kieumau` with `arguments`) in a tmux pane, on the embedded data unless the
/// arguments say otherwise. Like `SelfTestPane`, it runs inside a shell that, once the program has
/// ended, prints `[exit=N]` and the tty's line settings and stays open so both can be read.
///
/// The environment is made predictable: no NO_COLOR, LC_ALL, LC_MESSAGES, LANGUAGE or KIEUMAU_THEME
/// from the caller, `LANG=locale`, and a home of the pane's own (a scratch folder removed with the
/// pane): an empty XDG_CONFIG_HOME (no user themes), an XDG_DATA_HOME where the default review
/// store goes and an XDG_CACHE_HOME for the digest cache (never the user's, never another test's), and the working directory, where exports
/// go unless the test names a directory.
struct DashboardPane {
    let tmux: TmuxSession

    /// - Parameters:
    ///   - term: TERM for the program (nil: unset).
    ///   - locale: LANG for the program ("C.UTF-8", "C", …).
    ///   - environment: more variables for the program (they win over the ones above).
    ///   - directory: the program's working directory (default: the pane's own scratch folder).
    ///   - launcher: words before the program, e.g. `setpriv --reuid=…` to run it as another user.
    ///   - binary: the program to run (default: the one `swift build` made).
    init(width: Int = 120, height: Int = 40, term: String? = "tmux-256color", locale: String = "C.UTF-8",
         environment: [String: String] = [:], arguments: [String] = [], directory: String? = nil,
         launcher: [String] = [], binary: String? = nil) throws {
        let binary = try binary ?? BuiltBinary.kieumau().path
        var env = ["env"]
        for name in ["NO_COLOR", "LC_ALL", "LC_MESSAGES", "LC_CTYPE", "LANGUAGE", "KIEUMAU_THEME",
                     "KIEUMAU_SELF_TEST_CRASH_KEY", "TERM"] {
            env += ["-u", name]
        }
        // A crash must end the process, not wait at the Swift backtracer's interactive prompt.
        let home = OtherUser.scratchBase.appendingPathComponent("kieumau-e2e-pane-\(UUID().uuidString)")
        for sub in ["config", "data", "work", "cache"] {
            try FileManager.default.createDirectory(at: home.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        // Anyone may enter it: some tests run the program as another user.
        for sub in ["", "/config", "/data", "/work", "/cache"] { chmod(home.path + sub, 0o777) }
        var variables = ["LANG": locale, "XDG_CONFIG_HOME": home.path + "/config", "XDG_DATA_HOME": home.path + "/data",
                         "XDG_CACHE_HOME": home.path + "/cache",
                         "SWIFT_BACKTRACE": "enable=yes,interactive=no"]
        if let term { variables["TERM"] = term }
        variables.merge(environment) { _, new in new }
        env += variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        tmux = try TmuxSession(width: width, height: height, directory: directory ?? home.path + "/work", ownedFolder: home,
                               command: ["/bin/sh", "-c", SelfTestPane.wrapper, "kieumau-e2e"] + launcher + env
                                   + [binary] + arguments)
    }

    // MARK: - Waiting

    /// Waits for the first frame: the header and a status line with the breadcrumb.
    @discardableResult
    func waitUntilRunning(timeout: Duration = .seconds(15)) async throws -> String {
        try await waitForLines("the dashboard's first frame", timeout: timeout) { lines in
            lines.first?.contains("KieuMau") == true && lines.count > 2
                && !(lines.last ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        }.joined(separator: "\n")
    }

    /// Waits until `predicate` holds for the screen split into lines, on two captures in a row
    /// that are the same: a capture taken while the program is still writing a frame (ncurses
    /// sends only the cells that changed) can mix the old frame and the new one.
    @discardableResult
    func waitForLines(_ what: String, timeout: Duration = .seconds(30),
                      until predicate: ([String]) -> Bool) async throws -> [String] {
        var previous: String?
        let screen = try await tmux.waitForScreen(timeout: timeout, what) { screen in
            guard predicate(Self.lines(screen)) else { previous = nil; return false }
            defer { previous = screen }
            return screen == previous
        }
        return Self.lines(screen)
    }

    /// Waits until the status line (the last row) contains `text`.
    @discardableResult
    func waitForStatus(_ text: String, timeout: Duration = .seconds(30)) async throws -> String {
        try await waitForLines("the status line to show \"\(text)\"", timeout: timeout) {
            ($0.last ?? "").contains(text)
        }.last ?? ""
    }

    /// Waits until the header (the first row) contains `text`.
    @discardableResult
    func waitForHeader(_ text: String, timeout: Duration = .seconds(30)) async throws -> String {
        try await waitForLines("the header to show \"\(text)\"", timeout: timeout) {
            ($0.first ?? "").contains(text)
        }.first ?? ""
    }

    /// Waits until the row under the cursor (marked `cursor`) contains `text`.
    @discardableResult
    func waitForCursor(on text: String, cursor: String = "▸", timeout: Duration = .seconds(30)) async throws -> String {
        let lines = try await waitForLines("the cursor row to show \"\(text)\"", timeout: timeout) {
            Self.cursorRow(in: $0, cursor: cursor)?.contains(text) == true
        }
        return Self.cursorRow(in: lines, cursor: cursor) ?? ""
    }

    /// Waits for the program to end; returns its exit status and the tty flags line.
    func waitForExit(timeout: Duration = .seconds(30)) async throws -> (status: Int, tty: [String]) {
        try await SelfTestPane.exitLines(of: tmux, timeout: timeout)
    }

    /// True while the program runs (the wrapper has not printed its exit line).
    func isRunning() throws -> Bool { try !tmux.capture().contains("[exit=") }

    // MARK: - Keys

    /// Sends tmux key names one at a time ("Enter", "Escape", "n").
    func press(_ keys: String...) throws {
        for key in keys { try tmux.send(key) }
    }

    /// A click of the left button at column `x`, row `y` (from 0), as the terminal reports it
    /// under TERM=tmux-256color (X10 encoding: a press and a release, each `ESC [ M` and three
    /// bytes of 32 + button, 33 + x, 33 + y).
    func click(x: Int, y: Int) throws {
        precondition(x < 223 && y < 223, "X10 mouse encoding reaches column and row 222 at most")
        let cx = Character(Unicode.Scalar(UInt8(33 + x))), cy = Character(Unicode.Scalar(UInt8(33 + y)))
        try tmux.sendLiteral("\u{1B}[M \(cx)\(cy)\u{1B}[M#\(cx)\(cy)")
    }

    /// Types text byte for byte (a filter query).
    func type(_ text: String) throws { try tmux.sendLiteral(text) }

    // MARK: - Reading the screen

    static func lines(_ screen: String) -> [String] {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The list row that starts with the cursor marker, or nil.
    static func cursorRow(in lines: [String], cursor: String = "▸") -> String? {
        lines.dropFirst().dropLast().first { $0.hasPrefix(cursor + " ") }
    }

    func screenLines() throws -> [String] { Self.lines(try tmux.capture()) }
}
