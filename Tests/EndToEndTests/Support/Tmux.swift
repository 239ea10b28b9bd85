import Foundation

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}


/// Runs a program and waits for it, capturing its output.
///
/// Not Foundation's `Process`: on Linux it starts children with the calling thread's signal
/// mask, and the test threads block SIGTERM and SIGCHLD. A tmux server started that way keeps
/// them blocked, so `kill-server` and pane exits went unnoticed. Here the child starts with an
/// empty mask and default handlers; output goes to temporary files, so nothing can fill a pipe.
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                stdinPath: String = "/dev/null") throws -> ProcessResult {
    struct SpawnFailed: Error, CustomStringConvertible {
        var description: String
    }
    let folder = FileManager.default.temporaryDirectory
    let outPath = folder.appendingPathComponent("kieumau-e2e-\(UUID().uuidString).out").path
    let errPath = outPath.replacingOccurrences(of: ".out", with: ".err")
    defer { unlink(outPath); unlink(errPath) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t(), all = sigset_t()
    sigemptyset(&empty)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    let argv = [executable] + arguments
    var cArgv = argv.map { strdup($0) } + [nil]
    var cEnv = env.map { strdup($0) } + [nil]
    defer { (cArgv + cEnv).forEach { free($0) } }

    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, &cArgv, &cEnv)
    guard spawned == 0 else { throw SpawnFailed(description: "cannot start \(executable): errno \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
        guard errno == EINTR else { throw SpawnFailed(description: "waitpid for \(executable): errno \(errno)") }
    }
    // WIFEXITED / WEXITSTATUS / WTERMSIG are macros: decode by hand.
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    return ProcessResult(status: exitStatus, stdout: read(outPath), stderr: read(errPath))
}

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

    /// Starts `command` (argv, run directly, no shell) in a `width`×`height` window, in
    /// `directory` when given (else the test process's own).
    init(width: Int, height: Int, directory: String? = nil, command: [String]) throws {
        guard let tmux = Self.executable else { throw Failure(description: "tmux is not installed") }
        self.tmux = tmux
        socket = "kieumau-test-\(getpid())-\(Self.counter.next())"
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil          // allowed to run inside a tmux session too
        environment["TERM"] = environment["TERM"] ?? "xterm-256color"
        let result = try runProcess(tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d",
                                           "-x", String(width), "-y", String(height), "-s", "main"]
                                           + (directory.map { ["-c", $0] } ?? []) + command,
                                    environment: environment)
        guard result.status == 0 else {
            throw Failure(description: "tmux new-session failed (\(result.status)): \(result.stderr)")
        }
    }

    deinit {
        _ = try? runProcess(tmux, ["-L", socket, "kill-server"])
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
