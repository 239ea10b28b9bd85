import Foundation

/// Where the PostgreSQL server programs are (`initdb`, `pg_ctl`, `psql`), and who runs them.
///
/// The server refuses to run as root, and CI runs as root: there it runs as the `postgres` user
/// that Debian's package creates (`runuser -u postgres --`); anyone else runs it as themselves.
public struct PostgresBinaries: Sendable {
    public let folder: String
    /// The command prefix that runs a program as the server's user; empty when not root.
    public let runAs: [String]
    /// The server user's ids, to give it the scratch folder (nil: ourselves).
    public let owner: (uid: uid_t, gid: gid_t)?

    /// Found once per process; the error says why the PostgreSQL tests cannot run here.
    public static let located: Result<PostgresBinaries, PostgresUnavailable> = locate()

    /// Why the tests that need a server are skipped, or nil when they run.
    public static var unavailableReason: String? {
        if case .failure(let reason) = located { return reason.description }
        return nil
    }

    public static var isAvailable: Bool { unavailableReason == nil }

    public func path(_ program: String) -> String { folder + "/" + program }

    static func locate() -> Result<PostgresBinaries, PostgresUnavailable> {
        let fileManager = FileManager.default
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["KIEUMAU_PG_BIN"], !explicit.isEmpty { candidates.append(explicit) }
        // Debian and Ubuntu: /usr/lib/postgresql/<major>/bin, newest first.
        let versions = ((try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >)
        candidates += versions.map { "/usr/lib/postgresql/\($0)/bin" }
        candidates += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let folder = candidates.first(where: { fileManager.isExecutableFile(atPath: $0 + "/initdb") && fileManager.isExecutableFile(atPath: $0 + "/pg_ctl") }) else {
            return .failure(PostgresUnavailable(description: "PostgreSQL's server programs (initdb, pg_ctl) are not installed: apt-get install postgresql (.ci/run does), or set KIEUMAU_PG_BIN"))
        }
        guard geteuid() == 0 else { return .success(PostgresBinaries(folder: folder, runAs: [], owner: nil)) }
        guard let user = getpwnam("postgres") else {
            return .failure(PostgresUnavailable(description: "running as root, and there is no 'postgres' user to run the PostgreSQL server as (the server refuses root)"))
        }
        guard let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first(where: fileManager.isExecutableFile(atPath:)) else {
            return .failure(PostgresUnavailable(description: "running as root, and runuser (util-linux) is missing to run the PostgreSQL server as 'postgres'"))
        }
        // From /, since the server's programs fail when they cannot read their working folder,
        // and the checkout may be private to root.
        return .success(PostgresBinaries(folder: folder, runAs: [runuser, "-u", "postgres", "--", "/usr/bin/env", "-C", "/"],
                                         owner: (user.pointee.pw_uid, user.pointee.pw_gid)))
    }
}

public struct PostgresUnavailable: Error, Sendable, CustomStringConvertible {
    public var description: String
}
