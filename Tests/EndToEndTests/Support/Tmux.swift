import Foundation
import KieuMauTestSupport

/// A private tmux server (its own socket, no user config) with one detached window running a
/// command. The server is killed when this object goes away.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Where tmux lives, or nil when it is not installed (tests are then skipped).
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = "\(folder)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static var isAvailable: Bool { executable != nil }

    private static let counter = Counter()
    let socket: String
    private let tmux: String
    /// A folder that lives as long as the session (the program's home folders), removed after
    /// the server is killed.
    private let ownedFolder: URL?

    /// Starts `command` (argv, run directly, no shell) in a `width`×`height` window, in
    /// `directory` when given (else the test process's own). `ownedFolder` is removed with the session.
    init(width: Int, height: Int, directory: String? = nil, ownedFolder: URL? = nil, command: [String]) throws {
        guard let tmux = Self.executable else {
            if let ownedFolder { try? FileManager.default.removeItem(at: ownedFolder) }
            throw Failure(description: "tmux is not installed")
        }
        self.tmux = tmux
        self.ownedFolder = ownedFolder
        socket = "kieumau-test-\(getpid())-\(Self.counter.next())"
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil          // allowed to run inside a tmux session too
        environment["TERM"] = environment["TERM"] ?? "xterm-256color"
        let result = try runProcess(tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d",
                                           "-x", String(width), "-y", String(height), "-s", "main"]
                                           + (directory.map { ["-c", $0] } ?? []) + command,
                                    environment: environment)
        guard result.status == 0 else {
            if let ownedFolder { try? FileManager.default.removeItem(at: ownedFolder) }
            throw Failure(description: "tmux new-session failed (\(result.status)): \(result.stderr)")
        }
    }

    deinit {
        _ = try? runProcess(tmux, ["-L", socket, "kill-server"])
        if let ownedFolder { try? FileManager.default.removeItem(at: ownedFolder) }
    }

    @discardableResult
    func command(_ arguments: [String]) throws -> String {
        let result = try runProcess(tmux, ["-L", socket] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }

    /// The visible screen as text, one line per row. With `escapes`, colours and attributes too.
    func capture(escapes: Bool = false) throws -> String {
        try command(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))
    }

    /// Key names as tmux knows them ("Up", "Escape", "C-c", "q").
    func send(_ keys: String...) throws { try command(["send-keys", "-t", "main"] + keys) }

    /// Text sent byte for byte (escape sequences, UTF-8).
    func sendLiteral(_ text: String) throws { try command(["send-keys", "-t", "main", "-l", text]) }

    func resize(width: Int, height: Int) throws {
        try command(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
    }

    /// A tmux format about the pane, e.g. "#{alternate_on}".
    func pane(_ format: String) throws -> String {
        try command(["display-message", "-p", "-t", "main", format])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds; returns that screen. Fails with the last screen.
    @discardableResult
    func waitForScreen(timeout: Duration = .seconds(30), escapes: Bool = false,
                       _ what: String, until predicate: (String) -> Bool) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen = ""
        while clock.now < deadline {
            screen = try capture(escapes: escapes)
            if predicate(screen) { return screen }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw Failure(description: "timed out after \(timeout) waiting for \(what); screen was:\n\(screen)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(30)) async throws -> String {
        try await waitForScreen(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }
}

/// Distinct numbers for socket names when tests run in parallel.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}
