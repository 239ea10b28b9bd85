import Foundation

/// A program the tests start, its standard streams on files.
///
/// Not Foundation's `Process`: on Linux it starts children with the calling thread's signal
/// mask, and the test threads block SIGTERM and SIGCHLD. A tmux server started that way keeps
/// them blocked, so `kill-server` and pane exits went unnoticed, and `swift test` could hang
/// waiting for a child. Here the child starts with an empty mask and default handlers.
public struct ChildProcess {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public let pid: pid_t

    /// Starts `executable` (a path; no search, no shell) with `arguments`, in `environment`
    /// (default: the test process's own).
    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                stdin inPath: String = "/dev/null", stdout outPath: String, stderr errPath: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
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
        var cArgv = ([executable] + arguments).map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgv + cEnv).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, &cArgv, &cEnv)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
    }

    /// Waits for the child; its exit status, or 128 + the signal that ended it.
    public func wait() throws -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "waitpid: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros: decode by hand.
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    public func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }
}

/// How a program run to its end ended, and what it wrote.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs a program and waits for it, capturing its output. The output goes to temporary files,
/// so nothing can fill a pipe; they are removed afterwards.
public func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                       stdinPath: String = "/dev/null") throws -> ProcessResult {
    let outPath = FileManager.default.temporaryDirectory
        .appendingPathComponent("kieumau-test-\(UUID().uuidString).out").path
    let errPath = outPath.replacingOccurrences(of: ".out", with: ".err")
    defer { unlink(outPath); unlink(errPath) }
    let status = try ChildProcess(executable, arguments, environment: environment,
                                  stdin: stdinPath, stdout: outPath, stderr: errPath).wait()
    let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    return ProcessResult(status: status, stdout: read(outPath), stderr: read(errPath))
}
