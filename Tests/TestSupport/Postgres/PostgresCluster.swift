import Foundation

/// A private PostgreSQL cluster for tests and benchmarks: its own data folder and unix socket in
/// a scratch folder under the system's temporary folder (never in the checkout), no TCP port
/// unless asked, removed when stopped — and, whatever happens to the process (a failed test, a
/// crash, `kill -9`), by a watcher that waits for the process to end (`ClusterWatcher`).
///
/// `shared` is one cluster for the whole test run; each test makes its own database in it.
/// Tests that stop or reconfigure the server start their own with `start`.
public final class PostgresCluster: Sendable {
    /// The scratch folder: data, socket, log.
    public let folder: String
    /// A TCP port on 127.0.0.1, when asked for; else 5432, which only names the socket.
    public let port: Int?
    var socketPort: Int { port ?? 5432 }
    let binaries: PostgresBinaries
    private let watcher: ClusterWatcher

    /// The cluster of this test run, started on first use.
    public static func shared() throws -> PostgresCluster { try sharedCluster.get() }

    private static let sharedCluster: Result<PostgresCluster, ClusterFailure> = {
        do { return .success(try PostgresCluster.start()) } catch let failure as ClusterFailure { return .failure(failure) } catch {
            return .failure(ClusterFailure(description: "\(error)"))
        }
    }()

    /// Starts a new cluster. `tcp`: also listen on 127.0.0.1 (a free port). `durable`: fsync
    /// as a production server does (benchmarks); tests turn it off, which only matters when the
    /// machine itself crashes.
    public static func start(tcp: Bool = false, durable: Bool = false) throws -> PostgresCluster {
        let binaries = try PostgresBinaries.located.get()
        let template = try ClusterTemplate.shared.get()
        let folder = try ScratchFolder.make(prefix: "kieumau-pg", owner: binaries.owner)
        let watcher = try ClusterWatcher(folder: folder, binaries: binaries)
        let port = tcp ? try FreePort.find() : nil
        do {
            try run("/bin/cp", ["-a", template.data, folder + "/data"])
            let settings = """

                # Written by the tests' PostgresCluster.
                listen_addresses = '\(port == nil ? "" : "127.0.0.1")'
                port = \(port ?? 5432)
                unix_socket_directories = '\(folder)'
                fsync = \(durable ? "on" : "off")
                full_page_writes = \(durable ? "on" : "off")
                max_connections = 200
                shared_buffers = 32MB
                lc_messages = 'C'
                log_min_messages = warning
                """
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/data/postgresql.conf"))
            handle.seekToEndOfFile()
            handle.write(Data(settings.utf8))
            try handle.close()
            let cluster = PostgresCluster(folder: folder, port: port, binaries: binaries, watcher: watcher)
            try cluster.startServer()
            try cluster.psql("CREATE ROLE kieumau_password_login NOLOGIN", database: "postgres")
            return cluster
        } catch {
            watcher.finish()
            throw error
        }
    }

    private init(folder: String, port: Int?, binaries: PostgresBinaries, watcher: ClusterWatcher) {
        self.folder = folder
        self.port = port
        self.binaries = binaries
        self.watcher = watcher
    }

    /// Stops the server and removes the folder (waits until both are done).
    public func stop() { watcher.finish() }

    /// Starts the server (again).
    public func startServer() throws {
        try run(binaries.path("pg_ctl"), ["-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "60", "start"], asServer: true)
    }

    /// Stops the server, leaving the data: clients lose their connections.
    public func stopServer() throws {
        try run(binaries.path("pg_ctl"), ["-D", folder + "/data", "-m", "fast", "-w", "-t", "60", "stop"], asServer: true)
    }

    /// A connection URI for `database` over the unix socket (`tcp`: over 127.0.0.1).
    public func uri(database: String, user: String = "postgres", password: String? = nil, tcp: Bool = false,
                    extra: String = "") -> String {
        let credentials = password.map { "\(user):\(Self.percentEncoded($0))@" } ?? "\(user)@"
        let base: String
        if tcp, let port {
            base = "postgresql://\(credentials)127.0.0.1:\(port)/\(database)?"
        } else {
            base = "postgresql://\(credentials)/\(database)?host=\(Self.percentEncoded(folder))&port=\(socketPort)&"
        }
        return base + (extra.isEmpty ? "sslmode=disable" : extra)
    }

    /// A new, empty database with a unique name; returns its name.
    public func createDatabase(prefix: String = "t") throws -> String {
        let name = prefix + "_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        try psql("CREATE DATABASE \(name)", database: "postgres")
        return name
    }

    /// Runs SQL as the superuser (creating roles and the like); fails with psql's message.
    @discardableResult
    public func psql(_ sql: String, database: String) throws -> String {
        try run(binaries.path("psql"), ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", String(socketPort), "-U", "postgres",
                                        "-d", database, "-c", sql])
    }

    @discardableResult
    private func run(_ program: String, _ arguments: [String], asServer: Bool = false) throws -> String {
        try Self.run(program, arguments, runAs: asServer ? binaries.runAs : [])
    }

    @discardableResult
    static func run(_ program: String, _ arguments: [String], runAs: [String] = []) throws -> String {
        let command = runAs + [program] + arguments
        let result = try runProcess(command[0], Array(command.dropFirst()))
        guard result.status == 0 else {
            throw ClusterFailure(description: "\(command.joined(separator: " ")) failed (\(result.status)): \(result.stderr)\(result.stdout)")
        }
        return result.stdout
    }

    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let safe = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/")].contains(byte)
            out += safe ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        return out
    }
}

public struct ClusterFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
}
