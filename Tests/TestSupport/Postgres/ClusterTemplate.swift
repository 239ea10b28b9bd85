import Foundation

/// One `initdb` per process (~2 s), copied for each cluster (~0.1 s). Its pg_hba.conf lets the
/// superuser and most roles in without a password over the socket, and members of
/// `kieumau_password_login` only with their password (the wrong-password test).
struct ClusterTemplate: Sendable {
    let data: String
    private let watcher: ClusterWatcher

    static let shared: Result<ClusterTemplate, ClusterFailure> = {
        do { return .success(try make()) } catch let failure as ClusterFailure { return .failure(failure) } catch {
            return .failure(ClusterFailure(description: "\(error)"))
        }
    }()

    private static func make() throws -> ClusterTemplate {
        let binaries = try PostgresBinaries.located.get()
        let folder = try ScratchFolder.make(prefix: "kieumau-pg-template", owner: binaries.owner)
        let watcher = try ClusterWatcher(folder: folder, binaries: binaries, hasServer: false)
        let data = folder + "/data"
        do {
            try PostgresCluster.run(binaries.path("initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync",
                                                              "-E", "UTF8", "--no-locale", "--no-instructions"],
                                    runAs: binaries.runAs)
            let rules = """
                # Written by the tests' ClusterTemplate.
                local all postgres trust
                local all +kieumau_password_login scram-sha-256
                local all all trust
                host all +kieumau_password_login 127.0.0.1/32 scram-sha-256
                host all all 127.0.0.1/32 trust

                """
            try rules.write(toFile: data + "/pg_hba.conf", atomically: false, encoding: .utf8)
        } catch {
            watcher.finish()
            throw error
        }
        return ClusterTemplate(data: data, watcher: watcher)
    }
}
