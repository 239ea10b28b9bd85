import Foundation
import Testing
@testable import KieuMauCore

/// A province's full sheet, imported into the record's series: that province is counted and gets
/// its share, band and gaps; every other province stays known only by the wards the press named.
@Suite struct LatestKnownImportTests {
    @Test func aProvinceImportedCompleteBesideTheNamedRecord() throws {
        let data = try ImportSupport.dataDirectory(withRecord: true)
        defer { try? FileManager.default.removeItem(atPath: data) }
        var request = ImportSupport.request("nghe-an-2023.csv", data: data)
        request.series = "record"
        request.asOf = Day(year: 2024, month: 1, day: 15)!
        let report = ImportRunner.run(request)
        #expect(report.succeeded, "\(report.problems)")
        let written = try #require(report.outcome?.snapshot)
        #expect(written.header.coverage == SnapshotCoverage(default: .named, provinces: ["40": .complete]))

        var reader = CatalogPictureReader(catalog: Catalog.scan(directory: data, today: ImportSupport.today))
        let day = try #require(Day(iso: "2024-02-01"))
        let picture = reader.picture(series: "record", asOf: day)
        let p = try #require(picture)
        let ngheAn = try #require(p.province(code: "40"))
        let count = try #require(ngheAn.count, "a province's full sheet is a count: \(ngheAn.verdict)")
        #expect(count.units == 33 && count.model.fromRows && count.model.asOf == Day(iso: "2024-01-15"))
        #expect(count.modelCount == written.wards.filter { $0.stage >= .complete }.count)
        #expect(p.bandCounts.values.reduce(0, +) == 1, "Nghệ An alone is in a band")
        #expect(p.uncountedProvinces == 62)
        // Beside it, Hà Nội is known by its reported 15 and its named wards only.
        let haNoi = try #require(p.province(code: "01"))
        #expect(haNoi.count == nil && haNoi.figure(.registered)?.single?.value == .count(15))
        if case .unknown(.namedOnly(let named, let units)) = haNoi.verdict {
            #expect(named > 0 && units == 160)
        } else {
            Issue.record("Hà Nội: \(haNoi.verdict)")
        }
        // The nation is not counted: most provinces are not.
        #expect(p.national.count == nil && p.national.figure(.registered)?.single?.value == .count(172))
    }

    @Test func aListOfSomeWardsIsImportedNamed() throws {
        var options = ImportSupport.options()
        options.coverage = .named
        let outcome = try ImportSupport.convert("nghe-an-2023.csv", options: options)
        let snapshot = try #require(outcome.snapshot)
        #expect(snapshot.header.coverage == SnapshotCoverage(default: .named))
        #expect(snapshot.header.notes.last?.contains("not every ward of a province (named)") == true)
        let text = try #require(outcome.text)
        #expect(text.contains(#""coverage": {"default": "named"}"#))
    }
}
