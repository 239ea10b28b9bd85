import Foundation
import Testing
@testable import KieuMauCore

/// The import as the command runs it: output file, --force, --dry-run, refusals.
@Suite struct ImportRunnerTests {
    let fm = FileManager.default

    @Test func refusesToReplaceASnapshotWithoutForce() throws {
        let data = try ImportSupport.dataDirectory()
        defer { try? fm.removeItem(atPath: data) }
        let first = ImportRunner.run(ImportSupport.request("nghe-an-2023.csv", data: data))
        #expect(first.wrote)
        let path = first.outputPath
        let before = try String(contentsOfFile: path, encoding: .utf8)

        let again = ImportRunner.run(ImportSupport.request("nghe-an-counts.csv", data: data))
        #expect(!again.succeeded && !again.wrote)
        #expect(again.requestProblems.map(\.description) == ["\(path): \(SnapshotFileWriter.existsMessage)"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)

        var forced = ImportSupport.request("nghe-an-counts.csv", data: data)
        forced.force = true
        let replaced = ImportRunner.run(forced)
        #expect(replaced.succeeded && replaced.wrote, "\(replaced.problems)")
        let catalog = Catalog.scan(directory: data, today: ImportSupport.today)
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        let entry = try #require(catalog.snapshots(inSeries: "imported").first)
        let snapshot = try catalog.loadSnapshot(entry, map: catalog.loadMap(id: "vn-2025-01").get()).get()
        #expect(snapshot.wards.count == 4)
        // No temporary file is left behind.
        #expect(try fm.contentsOfDirectory(atPath: data + "/imported") == ["2023-12-31.snapshot.json"])
    }

    @Test func theWriterNeverReplacesEvenWhenRacing() throws {
        let folder = NSTemporaryDirectory() + "kieumau-writer-" + UUID().uuidString
        defer { try? fm.removeItem(atPath: folder) }
        let path = folder + "/s/2023-12-31.snapshot.json"
        #expect(SnapshotFileWriter.store("one\n", to: path, replace: false) == nil)
        #expect(SnapshotFileWriter.store("two\n", to: path, replace: false) == SnapshotFileWriter.existsMessage)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
        #expect(SnapshotFileWriter.store("three\n", to: path, replace: true) == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "three\n")
        #expect(try fm.contentsOfDirectory(atPath: folder + "/s") == ["2023-12-31.snapshot.json"])
    }

    @Test func dryRunWritesNothing() throws {
        let data = try ImportSupport.dataDirectory()
        defer { try? fm.removeItem(atPath: data) }
        var request = ImportSupport.request("nghe-an-2023.csv", data: data)
        request.dryRun = true
        let report = ImportRunner.run(request)
        #expect(report.succeeded && !report.wrote)
        #expect(report.outcome?.snapshot?.wards.count == 7)
        #expect(report.summaryLines == ["rows read: 7", "wards matched: 7", "rows in error: 0", "problems: 0 errors, 0 warnings"])
        #expect(!fm.fileExists(atPath: data + "/imported"))
    }

    @Test func aRowInErrorWritesNothing() throws {
        let data = try ImportSupport.dataDirectory()
        defer { try? fm.removeItem(atPath: data) }
        let report = ImportRunner.run(ImportSupport.request("broken-duplicate.csv", data: data))
        #expect(!report.succeeded && !report.wrote)
        #expect(report.summaryLines == ["rows read: 3", "wards matched: 2", "rows in error: 1", "problems: 1 error, 0 warnings"])
        #expect(!fm.fileExists(atPath: data + "/imported"))

        var skipping = ImportSupport.request("broken-duplicate.csv", data: data)
        skipping.skipBadRows = true
        let written = ImportRunner.run(skipping)
        #expect(written.succeeded && written.wrote)
        #expect(Catalog.scan(directory: data, today: ImportSupport.today).problems.isEmpty)
    }

    @Test func anotherFileOfTheSameSeriesAndDayIsAConflict() throws {
        let data = try ImportSupport.dataDirectory(withRecord: true)
        let elsewhere = NSTemporaryDirectory() + "kieumau-out-" + UUID().uuidString
        defer { try? fm.removeItem(atPath: data); try? fm.removeItem(atPath: elsewhere) }
        var request = ImportSupport.request("nghe-an-counts.csv", data: data)
        request.series = "record"
        request.outDirectory = elsewhere
        // Written outside the data directory: no conflict with record/2023-12-31.snapshot.json.
        #expect(ImportRunner.run(request).wrote)
        #expect(fm.fileExists(atPath: elsewhere + "/record/2023-12-31.snapshot.json"))
        request.outDirectory = data
        request.force = true
        try fm.moveItem(atPath: data + "/record/2023-12-31.snapshot.json", toPath: data + "/record/end-2023.snapshot.json")
        let report = ImportRunner.run(request)
        #expect(!report.wrote)
        #expect(report.requestProblems.first?.message.hasPrefix("series record already has a snapshot for 2023-12-31 in record/end-2023.snapshot.json") == true)
    }

    @Test func optionsAreCheckedFirst() throws {
        let data = try ImportSupport.dataDirectory()
        defer { try? fm.removeItem(atPath: data) }
        var request = ImportSupport.request("nghe-an-counts.csv", data: data)
        request.series = "../up"
        #expect(ImportRunner.run(request).requestProblems.first?.path == "--series")
        request.series = "imported"
        request.asOf = Day(year: 2026, month: 1, day: 1)!
        #expect(ImportRunner.run(request).requestProblems.first?.message == "expected a day no later than today (2025-11-24), found 2026-01-01")
        request.asOf = ImportSupport.endOf2023
        request.sourceDate = "12/2023"
        #expect(ImportRunner.run(request).requestProblems.first?.path == "--source-date")
        request.sourceDate = nil
        request.mapID = "vn-1999"
        let unknownMap = ImportRunner.run(request)
        #expect(unknownMap.requestProblems.first?.message.hasPrefix("unknown map \"vn-1999\"") == true)
        request.mapID = nil
        request.file = ImportSupport.fixtures + "/no-such.csv"
        let missing = ImportRunner.run(request)
        #expect(missing.requestProblems.first?.message.hasPrefix("cannot read") == true)
    }

    @Test func sourceIDFromTheFileName() {
        #expect(ImportRequest.generatedSourceID("Nghệ An – quý 4.csv") == "import-nghe-an-quy-4")
        #expect(ImportRequest.generatedSourceID("Đà Nẵng.CSV") == "import-da-nang")
        #expect(ImportRequest.generatedSourceID("宁.csv") == "import")
    }
}
