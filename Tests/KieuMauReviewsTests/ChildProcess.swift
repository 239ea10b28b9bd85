import Foundation

/// A child process started with posix_spawn, its standard output going to a file.
///
/// Not Foundation's `Process`, which hangs under `swift test` here: it starts children with the
/// test thread's signal mask. This child gets an empty mask and default handlers.
struct ChildProcess {
    struct Failure: Error, CustomStringConvertible { var description: String }

    let pid: pid_t

    init(_ executable: String, _ arguments: [String], stdout outPath: String, stderr errPath: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
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

        let argv = [executable] + arguments
        let env = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        var cArgv = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgv + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, &cArgv, &cEnv)
        guard spawned == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))") }
        self.pid = pid
    }

    /// Waits for the child; its exit status, or 128 + the signal that ended it.
    func wait() throws -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "waitpid: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros: decode by hand.
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }
}

/// The `kieumau` executable `swift build` / `swift test` made, found next to the test bundle
/// (which follows --scratch-path), else through `$KIEUMAU_BINARY`.
enum BuiltKieuMau {
    static func path() throws -> String {
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["KIEUMAU_BINARY"], !explicit.isEmpty { candidates.append(explicit) }
        let starts = ([CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 } + Bundle.allBundles.map(\.bundlePath))
        for start in starts {
            var folder = URL(fileURLWithPath: start).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("kieumau").path)
                folder = folder.deletingLastPathComponent()
            }
        }
        for candidate in candidates {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ChildProcess.Failure(description: "the kieumau executable was not found (run `swift build` first, or set KIEUMAU_BINARY); looked at: \(candidates.joined(separator: ", "))")
    }
}

extension ChildProcess {
    /// Runs to the end; the exit status and both outputs.
    static func run(_ executable: String, _ arguments: [String], in folder: TemporaryFolder) throws -> (status: Int32, stdout: String, stderr: String) {
        let name = UUID().uuidString
        let out = folder.file("\(name).out"), err = folder.file("\(name).err")
        let status = try ChildProcess(executable, arguments, stdout: out, stderr: err).wait()
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (status, read(out), read(err))
    }
}
