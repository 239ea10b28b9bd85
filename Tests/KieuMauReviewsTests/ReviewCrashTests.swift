import Foundation
import Testing
import KieuMauCore
@testable import KieuMauReviews
import KieuMauTestSupport

/// A mark or note the program reported as saved survives `kill -9` at any moment.
///
/// The child (`kieumau reviews stress-write`, hidden) marks and annotates wards in a loop and
/// prints each one only after the store returned; it is killed with SIGKILL at a random moment,
/// several times over one store. Every line it printed must then be in the store, and the store
/// must pass SQLite's integrity check.
struct ReviewCrashTests {
    @Test func everyReportedWriteSurvivesSIGKILL() async throws {
        let binary = try BuiltBinary.kieumau().path
        let folder = try TemporaryFolder()
        let store = folder.file("reviews.sqlite")
        var confirmed = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<8 {
            let out = folder.file("round\(round).out")
            let child = try ChildProcess(binary, ["reviews", "stress-write", "--reviews", store, "--count", "100000",
                                                  "--prefix", "R\(round)-", "--snapshot", Sample.q2.iso],
                                         stdout: out, stderr: folder.file("round\(round).err"))
            // Let the first rounds die early (during start-up and the first writes), later ones later.
            let delay = UInt64.random(in: 20...(150 + 60 * UInt64(round)), using: &generator)
            try await Task.sleep(for: .milliseconds(delay))
            child.kill(SIGKILL)
            let status = try child.wait()
            let errors = (try? String(contentsOfFile: folder.file("round\(round).err"), encoding: .utf8)) ?? ""
            #expect(status == 128 + SIGKILL, "round \(round): the child ended before the kill: \(errors)")

            let printed = try String(contentsOfFile: out, encoding: .utf8)
            // A line cut off by the kill has no newline yet: it was never reported as saved.
            let lines = printed.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let reopened = try ReviewStore.open(path: store)
            let reviews = try reopened.reviews(snapshot: Sample.q2)
            for line in lines {
                let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
                try #require(parts.count == 3, "round \(round): unexpected output line \(line)")
                let review = reviews[parts[1]]
                switch parts[0] {
                case "mark": #expect(review?.mark?.rawValue == parts[2], "round \(round): mark of \(parts[1]) lost")
                case "note": #expect(review?.note == parts[2], "round \(round): note of \(parts[1]) lost")
                default: Issue.record("round \(round): unexpected output line \(line)")
                }
            }
            #expect(try reopened.pragma("integrity_check") == "ok")
            confirmed += lines.count
        }
        // The kills must have landed among the writes, or the test proved nothing.
        #expect(confirmed > 0, "no write was reported before the kills; the child may not start")
    }
}
