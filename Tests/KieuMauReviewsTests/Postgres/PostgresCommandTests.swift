import Foundation
import Testing
import KieuMauCore
import KieuMauReviews
@testable import KieuMauReviewsPostgres
import KieuMauTestSupport

/// `kieumau reviews init|grant|copy|export|import` on a shared store, through the built binary,
/// and `kill -9` of a writer mid-burst.
@Suite(needsPostgres)
struct PostgresCommandTests {
    @Test func initGrantCopyExportAndImportThroughTheCommandLine() throws {
        let binary = try BuiltBinary.kieumau().path
        let database = try TestDatabase(initialized: false)
        let uri = database.uri

        let initialized = try runProcess(binary, ["reviews", "init", "--reviews", uri])
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(initialized.stdout.contains("schema version 0 → \(PostgresSchema.currentVersion); ward → province tables loaded: vn-2025-01 (1726 wards), vn-2025-07 (687 wards)"))
        let again = try runProcess(binary, ["reviews", "init", "--reviews", uri])
        #expect(again.stdout.contains("already current"), "\(again.stderr)")

        let role = try database.makeRole("cli")
        let granted = try runProcess(binary, ["reviews", "grant", role, "--province", "40,01", "--reviews", uri])
        #expect(granted.status == 0, "\(granted.stderr)")
        #expect(granted.stdout.hasPrefix("role \(role) may now review wards of Hà Nội (01), Nghệ An (40) and read all"))

        let folder = try TemporaryFolder()
        let local = folder.file("mine.sqlite")
        try ReviewExchangeTests.fill(try ReviewStore.open(path: local))
        let copied = try runProcess(binary, ["reviews", "copy", "--from", local, "--to", uri])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout == "copied 5 review(s) from \(local) to \(ReviewStoreAddress.postgres(uri: uri).displayName): 5 added, 0 updated, 0 unchanged, 0 conflicts merged (both notes kept)\n")
        let recopied = try runProcess(binary, ["reviews", "copy", "--from", local, "--to", uri])
        #expect(recopied.stdout.hasSuffix("0 added, 0 updated, 5 unchanged, 0 conflicts merged (both notes kept)\n"), "\(recopied.stderr)")

        // The shared store exports what the file holds, byte for byte; and imports it unchanged.
        let fromFile = try runProcess(binary, ["reviews", "export", "--reviews", local])
        let fromShared = try runProcess(binary, ["reviews", "export", "--reviews", uri])
        #expect(fromShared.status == 0, "\(fromShared.stderr)")
        #expect(fromShared.stdout == fromFile.stdout)
        let exportFile = folder.file("shared.json")
        _ = try runProcess(binary, ["reviews", "export", "--reviews", uri, "--out", exportFile])
        let imported = try runProcess(binary, ["reviews", "import", exportFile], environment: ProcessInfo.processInfo.environment.merging(["KIEUMAU_REVIEWS": uri]) { $1 })
        #expect(imported.stdout.hasSuffix("0 added, 0 updated, 5 unchanged, 0 conflicts merged (both notes kept)\n"), "\(imported.stderr)")
    }

    @Test func commandLineFaultsAreOneLineAndAFailingExit() throws {
        let binary = try BuiltBinary.kieumau().path
        let cluster = try PostgresCluster.shared()
        let missing = try runProcess(binary, ["reviews", "export", "--reviews", cluster.uri(database: "no_such_database")])
        #expect(missing.status != 0)
        #expect(missing.stderr.split(separator: "\n").count == 1, "\(missing.stderr)")
        #expect(missing.stderr.contains("the server has no database \"no_such_database\""))
        let fileGrant = try runProcess(binary, ["reviews", "grant", "lan", "--province", "40", "--reviews", "/tmp/x.sqlite"])
        #expect(fileGrant.status != 0)
        #expect(fileGrant.stderr.contains("only a shared store has roles"))
    }

    /// The child (`kieumau reviews stress-write`) prints each mark and note only after the store
    /// returned; killed with SIGKILL at random moments, every printed line must be stored.
    @Test func everyWriteReportedBeforeAKillIsStored() async throws {
        let binary = try BuiltBinary.kieumau().path
        let database = try TestDatabase()
        let folder = try TemporaryFolder()
        var confirmed = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<4 {
            let out = folder.file("round\(round).out"), err = folder.file("round\(round).err")
            let child = try ChildProcess(binary, ["reviews", "stress-write", "--reviews", database.uri, "--count", "100000",
                                                  "--prefix", "R\(round)-", "--snapshot", Sample.q2.iso],
                                         stdout: out, stderr: err)
            try await Task.sleep(for: .milliseconds(UInt64.random(in: 300...(500 + 150 * UInt64(round)), using: &generator)))
            child.kill(SIGKILL)
            let status = try child.wait()
            #expect(status == 128 + SIGKILL, "round \(round): the child ended before the kill: \((try? String(contentsOfFile: err, encoding: .utf8)) ?? "")")
            let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let stored = try database.open().reviews(snapshot: Sample.q2)
            for line in lines {
                let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
                try #require(parts.count == 3, "round \(round): unexpected output line \(line)")
                switch parts[0] {
                case "mark": #expect(stored[parts[1]]?.mark?.rawValue == parts[2], "round \(round): mark of \(parts[1]) lost")
                case "note": #expect(stored[parts[1]]?.note == parts[2], "round \(round): note of \(parts[1]) lost")
                default: Issue.record("round \(round): unexpected output line \(line)")
                }
            }
            confirmed += lines.count
        }
        #expect(confirmed > 0, "no write was reported before the kills; the child may not start")
    }
}
