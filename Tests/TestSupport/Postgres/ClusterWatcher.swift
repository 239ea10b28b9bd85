import Foundation

/// Stops a cluster's server and removes its folder when told to (`finish`) or when this process
/// ends in any way, `kill -9` included: a small shell waits for the end of a pipe whose other
/// end only this process holds, then cleans up. No timers, no polling.
final class ClusterWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var writeEnd: Int32
    private let pid: pid_t

    init(folder: String, binaries: PostgresBinaries, hasServer: Bool = true) throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw ClusterFailure(description: "pipe: \(String(cString: strerror(errno)))") }
        // Only this process may hold the write end: no child (the server, a kieumau under test)
        // inherits it, or the watcher would wait for that child too.
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        let quote = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        var script = "cat >/dev/null; "
        if hasServer {
            let stop = (binaries.runAs + [binaries.path("pg_ctl"), "-D", folder + "/data", "-m", "immediate", "-w", "stop"]).map(quote)
            script += "[ -e \(quote(folder + "/data/postmaster.pid")) ] && \(stop.joined(separator: " ")) >/dev/null 2>&1; "
        }
        script += "rm -rf \(quote(folder))"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        // Its own process group: a Ctrl-C meant for `swift test` must not kill the cleaner first.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        let words: [String] = ["/bin/sh", "-c", script]
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, "/bin/sh", &actions, &attributes, &argv, environ)
        close(ends[0])
        guard spawned == 0 else {
            close(ends[1])
            throw ClusterFailure(description: "cannot start the cluster's watcher: \(String(cString: strerror(spawned)))")
        }
        writeEnd = ends[1]
        pid = child
    }

    /// Stops and removes now, and waits until that is done. Safe to call more than once.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard writeEnd >= 0 else { return }
        close(writeEnd)
        writeEnd = -1
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }
}

/// A fresh folder under the system's temporary folder, given to the server's user.
enum ScratchFolder {
    static func make(prefix: String, owner: (uid: uid_t, gid: gid_t)?) throws -> String {
        // A unix socket's path is limited to 107 bytes: a long TMPDIR falls back to /tmp.
        var base = FileManager.default.temporaryDirectory.path
        if base.utf8.count > 60 { base = "/tmp" }
        let folder = base + "/" + prefix + "-" + UUID().uuidString.prefix(8).lowercased()
        guard mkdir(folder, 0o700) == 0 else {
            throw ClusterFailure(description: "cannot create \(folder): \(String(cString: strerror(errno)))")
        }
        if let owner, chown(folder, owner.uid, owner.gid) != 0 {
            throw ClusterFailure(description: "cannot give \(folder) to the server's user: \(String(cString: strerror(errno)))")
        }
        return folder
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on now (the kernel's choice).
enum FreePort {
    static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClusterFailure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ClusterFailure(description: "cannot find a free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
