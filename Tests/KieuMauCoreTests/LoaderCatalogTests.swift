import Foundation
import Testing
@testable import KieuMauCore

@Suite struct LoaderCatalogTests {
    let fm = FileManager.default

    func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func scansTheGoodDirectory() {
        let catalog = Fixtures.goodCatalog
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        #expect(catalog.directory.hasSuffix("/Fixtures/good"))
        #expect(Set(catalog.criteriaSets.keys) == ["tiny-8"])
        #expect(catalog.mapFiles == ["tiny-a": "tiny-a.map.json", "tiny-b": "tiny-b.map.json"])
        #expect(catalog.crosswalks.map(\.id) == ["tiny-a-to-b"])
        #expect(catalog.series() == ["demo", "record"])
        #expect(catalog.snapshots.map(\.file) == ["demo/2024-06-30.snapshot.json", "record/2023-12-31.snapshot.json",
                                                  "record/2024-06-30.snapshot.json", "record/2024-12-31.snapshot.json"])
        #expect(catalog.snapshots(inSeries: "record").map(\.header.asOf.iso) == ["2023-12-31", "2024-06-30", "2024-12-31"])
        #expect(catalog.snapshots.allSatisfy { $0.path == catalog.directory + "/" + $0.file })
        #expect(catalog.criteriaSet(of: catalog.snapshots[0])?.id == "tiny-8")
    }

    @Test func listingReadsOnlyTheHeaderOfASnapshot() throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? fm.removeItem(atPath: folder) }
        // Rows that are not even JSON, after a 40 KB header note: listed from the header alone.
        let note = String(repeating: "n", count: 40_000)
        try write("""
        {"format": "kieumau.snapshot", "version": 1, "asOf": "2024-01-01", "series": "record", "map": "tiny-a",
         "criteria": "tiny-8", "notes": ["\(note)"], "wards": [[ this is not JSON
        """, to: folder + "/record/2024-01-01.snapshot.json")
        let catalog = Catalog.scan(directory: folder, today: Fixtures.today)
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        let entry = try #require(catalog.snapshots.first { $0.file == "record/2024-01-01.snapshot.json" })
        #expect(entry.header.notes == [note])
        let map = try catalog.loadMap(id: "tiny-a").get()
        guard case .failure(let problems) = catalog.loadSnapshot(entry, map: map) else { Issue.record("rows are broken"); return }
        #expect(problems.all.first?.path == "wards[0][0]")
    }

    @Test func oneBrokenFileLeavesTheOthersLoaded() throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? fm.removeItem(atPath: folder) }
        try fm.copyItem(atPath: Fixtures.broken + "/snapshot-future.snapshot.json", toPath: folder + "/record/future.snapshot.json")
        try fm.copyItem(atPath: Fixtures.broken + "/json-nan.criteria.json", toPath: folder + "/json-nan.criteria.json")
        let catalog = Catalog.scan(directory: folder, today: Fixtures.today)
        #expect(Set(catalog.problems.map(\.file)) == ["json-nan.criteria.json", "record/future.snapshot.json"])
        #expect(catalog.snapshots.count == 4)
        #expect(catalog.criteriaSets.keys.sorted() == ["tiny-8"])
        #expect(throws: Never.self) { try catalog.loadMap(id: "tiny-a").get() }
    }

    @Test func aSnapshotOfABrokenCriteriaSetSaysSo() throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? fm.removeItem(atPath: folder) }
        try write(#"{"format": "kieumau.criteria", "version": 1, "id": "tiny-8", "count": "eight"}"#, to: folder + "/tiny-8.criteria.json")
        let catalog = Catalog.scan(directory: folder, today: Fixtures.today)
        #expect(catalog.snapshots.isEmpty)
        let problem = catalog.problems.first { $0.file == "record/2023-12-31.snapshot.json" }
        #expect(problem?.path == "criteria")
        #expect(problem?.message.contains("criteria set `tiny-8` has errors (see tiny-8.criteria.json)") == true)
    }

    @Test func keepsTheFirstOfTwoSnapshotsOfOneDay() throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? fm.removeItem(atPath: folder) }
        try fm.copyItem(atPath: folder + "/record/2023-12-31.snapshot.json", toPath: folder + "/record/z-copy.snapshot.json")
        let catalog = Catalog.scan(directory: folder, today: Fixtures.today)
        #expect(catalog.snapshots(inSeries: "record").map(\.file) == ["record/2023-12-31.snapshot.json", "record/2024-06-30.snapshot.json",
                                                                       "record/2024-12-31.snapshot.json"])
        let warning = try #require(catalog.problems.first)
        #expect(catalog.problems.count == 1)
        #expect(warning.file == "record/z-copy.snapshot.json")
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("record/2023-12-31.snapshot.json is already the snapshot of series `record` for 2023-12-31"))
    }

    @Test func twoFilesWithOneIdAreAProblem() throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? fm.removeItem(atPath: folder) }
        try fm.copyItem(atPath: folder + "/tiny-a.map.json", toPath: folder + "/record/tiny-a.map.json")
        let catalog = Catalog.scan(directory: folder, today: Fixtures.today)
        #expect(catalog.mapFiles["tiny-a"] == "record/tiny-a.map.json" || catalog.mapFiles["tiny-a"] == "tiny-a.map.json")
        #expect(catalog.problems.count == 1)
        #expect(catalog.problems.first?.message.contains("has the same id `tiny-a`") == true)
    }

    @Test func refusesWhatIsNotAPlainFileWithoutHanging() throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? fm.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/fifo.snapshot.json", 0o600) == 0)
        try fm.createSymbolicLink(atPath: folder + "/zero.map.json", withDestinationPath: "/dev/zero")
        try fm.createSymbolicLink(atPath: folder + "/loop", withDestinationPath: folder)
        try fm.createSymbolicLink(atPath: folder + "/gone.criteria.json", withDestinationPath: folder + "/nowhere")
        let catalog = Catalog.scan(directory: folder, today: Fixtures.today)
        func message(_ file: String) -> String? { catalog.problems.first { $0.file == file }?.message }
        #expect(message("fifo.snapshot.json")?.contains("not a regular file (a FIFO)") == true)
        #expect(message("loop")?.contains("symbolic links to folders are not followed") == true)
        #expect(message("gone.criteria.json")?.contains("cannot read") == true)
        guard case .failure(let problems) = catalog.loadMap(id: "zero") else { Issue.record("/dev/zero loaded"); return }
        #expect(problems.all.first?.message.contains("not a regular file (a character device)") == true)
        #expect(catalog.snapshots.count == 4)
    }

    @Test func refusesAHugeFileFromItsSize() throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? fm.removeItem(atPath: folder) }
        let path = folder + "/huge.map.json"
        #expect(fm.createFile(atPath: path, contents: Data("{".utf8)))
        #expect(truncate(path, off_t(FileReader.sizeLimit) + 1) == 0) // sparse: costs no disk
        let problems = Catalog.validate(paths: [path], today: Fixtures.today)
        #expect(problems.first?.message == "file is 268435457 bytes, above the limit of 268435456 bytes (256 MiB) for a data file")
    }

    @Test func readsUpToTheLimitOnly() throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? fm.removeItem(atPath: folder) }
        let path = folder + "/f.json"
        try write(String(repeating: "x", count: 100), to: path)
        guard case .failure(let failure) = FileReader.readAll(path, limit: 99) else { Issue.record("read past the limit"); return }
        #expect(failure.message.contains("limit"))
        #expect((try? FileReader.readAll(path, limit: 100).get())?.count == 100)
    }

    @Test func walksTwoLevelsAndWarnsOfWhatItSkips() throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? fm.removeItem(atPath: folder) }
        try fm.createDirectory(atPath: folder + "/a/b/c", withIntermediateDirectories: true)
        let demo = try String(contentsOfFile: folder + "/demo/2024-06-30.snapshot.json", encoding: .utf8)
        try write(demo.replacingOccurrences(of: "2024-06-30", with: "2024-07-01"), to: folder + "/a/b/2024-07-01.snapshot.json")
        try write(demo.replacingOccurrences(of: "2024-06-30", with: "2024-07-02"), to: folder + "/a/b/c/2024-07-02.snapshot.json")
        try write("{}", to: folder + "/notes.json")
        try write("{}", to: folder + "/.hidden.snapshot.json")
        let catalog = Catalog.scan(directory: folder, today: Fixtures.today)
        #expect(catalog.snapshots.map(\.file).contains("a/b/2024-07-01.snapshot.json"))
        #expect(!catalog.snapshots.map(\.file).contains("a/b/c/2024-07-02.snapshot.json"))
        #expect(catalog.problems.map(\.file) == ["a/b/c/", "notes.json"])
        #expect(catalog.problems.allSatisfy { $0.severity == .warning })
    }

    @Test func anUnreadableFolderIsAProblem() throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? fm.removeItem(atPath: folder) }
        let missing = Catalog.scan(directory: folder + "/nope", today: Fixtures.today)
        #expect(missing.problems.first?.message.contains("cannot read folder") == true)
        #expect(missing.snapshots.isEmpty)
        // Permissions do not stop root, so only check them as another user.
        if getuid() != 0 {
            try fm.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder + "/record")
            defer { try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/record") }
            let catalog = Catalog.scan(directory: folder, today: Fixtures.today)
            #expect(catalog.problems.first?.file == "record/")
            #expect(catalog.snapshots.count == 1)
        }
    }

    @Test func loadFailuresAreProblemsNotCrashes() throws {
        let catalog = Fixtures.goodCatalog
        guard case .failure(let missing) = catalog.loadMap(id: "nope") else { Issue.record("loaded a missing map"); return }
        #expect(missing.all.first?.file == "nope.map.json")
        let entry = try #require(catalog.snapshots.first { $0.header.mapID == "tiny-a" })
        let otherMap = try catalog.loadMap(id: "tiny-b").get()
        guard case .failure(let wrong) = catalog.loadSnapshot(entry, map: otherMap) else { Issue.record("loaded with the wrong map"); return }
        #expect(wrong.all.contains { $0.path == "map" && $0.message.contains("expected map `tiny-b`") })
    }

    @Test func validatesADirectoryNamingFilesAsGiven() throws {
        #expect(Catalog.validate(paths: [Fixtures.good], today: Fixtures.today).isEmpty)
        let folder = try Fixtures.copyOfGood()
        defer { try? fm.removeItem(atPath: folder) }
        try fm.copyItem(atPath: Fixtures.broken + "/snapshot-unknown-ward.snapshot.json", toPath: folder + "/record/x.snapshot.json")
        try fm.copyItem(atPath: Fixtures.broken + "/map-duplicate-ward.map.json", toPath: folder + "/map-duplicate-ward.map.json")
        try fm.copyItem(atPath: Fixtures.broken + "/crosswalk-unknown-old-ward.crosswalk.json", toPath: folder + "/crosswalk-unknown-old-ward.crosswalk.json")
        let problems = Catalog.validate(paths: [folder], today: Fixtures.today)
        #expect(problems.map(\.file) == [folder + "/crosswalk-unknown-old-ward.crosswalk.json", folder + "/map-duplicate-ward.map.json",
                                        folder + "/record/x.snapshot.json"])
        #expect(problems.map(\.path) == ["wards[0][0]", "wards[3][0]", "wards[1][0]"])
    }

    @Test func validatesALoneSnapshotAgainstTheMapAroundIt() throws {
        #expect(Catalog.validate(paths: [Fixtures.good + "/record/2023-12-31.snapshot.json"], today: Fixtures.today).isEmpty)
        let folder = try Fixtures.copyOfGood()
        defer { try? fm.removeItem(atPath: folder) }
        let path = folder + "/record/x.snapshot.json"
        try fm.copyItem(atPath: Fixtures.broken + "/snapshot-unknown-ward.snapshot.json", toPath: path)
        let problems = Catalog.validate(paths: [path, folder + "/missing.snapshot.json", folder + "/tiny-a.map.json"], today: Fixtures.today)
        #expect(problems.map(\.path) == ["wards[1][0]", ""])
        #expect(problems.first?.file == path)
        #expect(problems.last?.message.contains("cannot read") == true)
        // A map with errors is named, not reported as unknown.
        try fm.copyItem(atPath: Fixtures.broken + "/map-duplicate-ward.map.json", toPath: folder + "/tiny-a.map.json.tmp")
        try fm.removeItem(atPath: folder + "/tiny-a.map.json")
        try write(try String(contentsOfFile: folder + "/tiny-a.map.json.tmp", encoding: .utf8)
            .replacingOccurrences(of: "\"map-duplicate-ward\"", with: "\"tiny-a\""), to: folder + "/tiny-a.map.json")
        let withBrokenMap = Catalog.validate(paths: [folder + "/record/2023-12-31.snapshot.json"], today: Fixtures.today)
        #expect(withBrokenMap.map(\.path) == ["map"])
        #expect(withBrokenMap.first?.message.contains("map `tiny-a` has errors") == true)
    }

    @Test func refusesFilesWithOtherNames() {
        let problems = Catalog.validate(paths: [Fixtures.root + "/../FormatBrokenFileTests.swift"], today: Fixtures.today)
        #expect(problems.first?.message.contains("not a data file") == true)
    }

    @Test func findsTheEmbeddedData() throws {
        let directory = try #require(EmbeddedData.directory())
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(directory.hasSuffix("/Data"))
        // Whatever it holds scans without a crash.
        _ = Catalog.scan(directory: directory, today: Fixtures.today)
    }
}
