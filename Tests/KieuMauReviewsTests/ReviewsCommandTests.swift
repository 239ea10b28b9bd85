import Foundation
import Testing
import KieuMauCore
@testable import KieuMauReviews
import KieuMauTestSupport

/// `kieumau reviews export|import` through the built binary.
struct ReviewsCommandTests {
    @Test func exportThenImportThroughTheCommandLine() throws {
        let binary = try BuiltBinary.kieumau().path
        let folder = try TemporaryFolder()
        let colleague = folder.file("colleague.sqlite"), mine = folder.file("mine.sqlite")
        try ReviewExchangeTests.fill(try ReviewStore.open(path: colleague))

        let csv = try runProcess(binary, ["reviews", "export", "--reviews", colleague])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("snapshot,ward,mark,marked_by,marked_at,note,noted_by,noted_at\n"))

        let file = folder.file("colleague.json")
        let json = try runProcess(binary, ["reviews", "export", "--reviews", colleague, "--out", file])
        #expect(json.status == 0 && json.stdout.isEmpty)
        #expect(json.stderr == "wrote 5 review(s) to \(file)\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("{\n  \"format\": \"kieumau.reviews\""))

        let first = try runProcess(binary, ["reviews", "import", file, "--reviews", mine])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "imported \(file) into \(mine): 5 added, 0 updated, 0 unchanged, 0 conflicts merged (both notes kept)\n")
        let again = try runProcess(binary, ["reviews", "import", file, "--reviews", mine])
        #expect(again.stdout == "imported \(file) into \(mine): 0 added, 0 updated, 5 unchanged, 0 conflicts merged (both notes kept)\n")
        #expect(try ReviewStore.open(path: mine).allReviews() == ReviewStore.open(path: colleague).allReviews())
    }

    @Test func aBrokenImportFailsWithWhereAndWhatAndWritesNothing() throws {
        let binary = try BuiltBinary.kieumau().path
        let folder = try TemporaryFolder()
        let store = folder.file("mine.sqlite")
        try ReviewStore.open(path: store).setMark(.ok, snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(1))
        let file = folder.file("broken.csv")
        try (ReviewExchangeTests.header + ReviewExchangeTests.goodRow.replacingOccurrences(of: ",1,", with: ",2,")
             + "2025-06-31,3,ok,Lan,2025-07-01T08:00:01.000Z,,,\n").write(toFile: file, atomically: true, encoding: .utf8)

        let result = try runProcess(binary, ["reviews", "import", file, "--reviews", store])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(file):3: snapshot: expected a date YYYY-MM-DD, found \"2025-06-31\"\nnothing imported"))
        #expect(try ReviewStore.open(path: store).allReviews().map(\.ward) == ["1"])
    }

    @Test func exportingAStoreThatDoesNotExistGivesAnEmptyExportAndCreatesNothing() throws {
        let binary = try BuiltBinary.kieumau().path
        let folder = try TemporaryFolder()
        let store = folder.file("new/reviews.sqlite")
        let result = try runProcess(binary, ["reviews", "export", "--reviews", store, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout == "{\n  \"format\": \"kieumau.reviews\",\n  \"version\": 1,\n  \"reviews\": []\n}\n")
        #expect(!FileManager.default.fileExists(atPath: folder.file("new")))
    }
}
