import Testing
@testable import KieuMauCore

/// The report's criteria, compare and projection sections on the embedded data, in every format.
@Suite struct AnalysisReportTests {
    func report(_ data: Dataset, _ sections: [Report.Section], province: Int? = nil,
                comparison: SnapshotComparison? = nil, projection: Projection? = nil) -> Report {
        Report(data: data, summary: ProgressSummary(data), previous: nil, province: province, sections: sections,
               comparison: comparison, projection: projection)
    }

    func isJSON(_ text: String) -> Bool {
        if case .parsed = JSONParser.parse(Array(text.utf8)) { return true }
        return false
    }

    @Test func defaultSectionsAreTheReportAsBefore() throws {
        let data = try Embedded.dataset("record", asOf: "2023-12-31")
        let plain = Report(data: data, summary: ProgressSummary(data), previous: nil)
        #expect(plain.sections == [.summary, .provinces])
        // Order given does not matter; sections print in their fixed order.
        let reordered = report(data, [.provinces, .summary])
        for format in Report.Format.allCases { #expect(plain.render(format) == reordered.render(format)) }
        let text = plain.render(.text)
        #expect(text.contains("Nationwide") && text.contains("Provinces"))
        #expect(!text.contains("Criteria holding wards back") && !text.contains("What changed") && !text.contains("Where it is heading"))
    }

    @Test func sectionsCanBeLeftOut() throws {
        let data = try Embedded.dataset("record", asOf: "2023-12-31")
        let onlyCriteria = report(data, [.criteria])
        let text = onlyCriteria.render(.text)
        #expect(text.contains("Criteria holding wards back") && !text.contains("2025 band:") && !text.contains("need 30%"))
        let json = onlyCriteria.render(.json)
        #expect(isJSON(json) && json.contains("\"criteriaAnalysis\"") && !json.contains("\"national\": {"))
        // Summary alone in CSV: the national row only.
        #expect(report(data, [.summary]).render(.csv).split(separator: "\n").count == 2)
    }

    @Test func criteriaOf2024NameCriterion6() throws {
        let data = try Embedded.dataset("record", asOf: "2024-03-27")
        let r = report(data, [.criteria])
        let text = r.render(.text)
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("criterion ") })
        #expect(lines[header + 1].hasPrefix("Criterion 6 (trụ sở làm việc, trang thiết bị)"), "its subject in the words of its source")
        #expect(lines[header + 1].hasSuffix("Phường Khuê Trung"))
        let md = r.render(.markdown)
        #expect(md.contains("## Criteria holding wards back — Nationwide"))
        #expect(md.contains("| Criterion 6 (trụ sở làm việc"))
        let csv = r.render(.csv).split(separator: "\n")
        #expect(csv.count == 1 + 20)
        #expect(csv[1].hasPrefix("2024-03-27,false,national,6,") && csv[1].hasSuffix(",20260,"))
        #expect(isJSON(r.render(.json)))
    }

    @Test func criteriaOfNgheAnSayWhatIsNotPublished() throws {
        let data = try Embedded.dataset("record", asOf: "2023-12-31")
        let ngheAn = try #require(data.map.provinceIndex["40"])
        let r = report(data, [.criteria], province: ngheAn)
        let text = r.render(.text)
        #expect(text.contains("Criteria holding wards back — Tỉnh Nghệ An"))
        #expect(text.contains("No registered ward has its criteria known one by one"))
        // Only the wards with a published score of their own; the province's 16 at 21/22 is reported apart.
        #expect(text.contains("3 wards miss criteria whose numbers are not published"))
        #expect(text.contains("- 1 ward at 19/22 misses 3 criteria: Phường Nghi Thu"))
        #expect(text.contains("- 2 wards at 18/22 miss 4 criteria: Phường Nghi Hòa, Phường Nghi Hương"))
        #expect(text.contains("[seed-01] 16 wards at 21/22, missing 1 criterion"))
        let csv = r.render(.csv)
        #expect(csv.contains(",40,unpublished,,,2,") && csv.contains("whose numbers are not published"))
    }

    @Test func projectionListsProvincesThatWillMiss2025() throws {
        let demo = try Embedded.series("demo").filter { $0.map.id == "vn-2025-01" }
        let data = try #require(demo.last)
        let projection = try #require(Projection(series: demo.map { ProgressSummary($0) }))
        let names = projection.provincesMissing2025.map { data.map.provinces[$0].name }
        let r = report(data, [.projection], projection: projection)
        let text = r.render(.text)
        #expect(text.contains("least-squares line through the model counts of the 9 snapshots on map vn-2025-01"))
        #expect(text.contains("Provinces that will miss 2025 (30%): \(names.count) — " + names.joined(separator: ", ")))
        let csv = r.render(.csv).split(separator: "\n")
        #expect(csv.count == 1 + 1 + 63)
        #expect(csv.filter { $0.contains(",will miss,") || $0.contains(",missed,") }.count >= names.count)
        let json = r.render(.json)
        #expect(isJSON(json) && json.contains("\"willMiss2025\": true"))
        // One province: its line only.
        let hanoi = try #require(data.map.provinceIndex["01"])
        let one = report(data, [.projection], province: hanoi, projection: projection)
        #expect(one.render(.text).contains("Thành phố Hà Nội: model"))
        #expect(one.render(.csv).split(separator: "\n").count == 2)
    }

    @Test func compareAcrossTheMapChangeSaysHowWardsAreCounted() throws {
        let demo = try Embedded.series("demo")
        let before = try #require(demo.last { $0.map.id == "vn-2025-01" })
        let now = try #require(demo.first { $0.map.id == "vn-2025-07" })
        let c = SnapshotComparison(now, before, crosswalk: try Embedded.crosswalk())
        let r = report(now, [.compare], comparison: c)
        let text = r.render(.text)
        #expect(text.contains("through crosswalk vn-2025-01-to-07"))
        #expect(text.contains("\(c.splitWardsCountedOnce) wards that were split counted once, in their default target"))
        #expect(text.contains("became model: \(c.becameModel.count) · fell back: \(c.fellBack.count)"))
        #expect(text.contains("Provinces that crossed 30% or 50%"))
        let csv = r.render(.csv)
        #expect(csv.contains(",map_change,vn-2025-01-to-07,"))
        #expect(csv.split(separator: "\n").filter { $0.contains(",became_model,") }.count == c.becameModel.count)
        let json = r.render(.json)
        #expect(isJSON(json) && json.contains("\"crossesMapChange\": true") && json.contains("\"crosswalk\": \"vn-2025-01-to-07\""))
        // One province of the new map: only its wards.
        let ngheAn = try #require(now.map.provinceIndex["40"])
        let one = report(now, [.compare], province: ngheAn, comparison: c).render(.csv)
        let wardRows = one.split(separator: "\n").filter { $0.contains(",became_model,") || $0.contains(",fell_back,") }
        let all = wardRows.allSatisfy { $0.split(separator: ",")[5] == "40" }
        #expect(all)
    }

    @Test func compareOnTheRecordShowsReportedFigures() throws {
        let a = try Embedded.dataset("record", asOf: "2023-12-31"), b = try Embedded.dataset("record", asOf: "2024-03-27")
        let text = report(b, [.compare], comparison: SnapshotComparison(b, a)).render(.text)
        #expect(text.contains("The criteria set changed (bca-5764-22 → bca-2024-20)"))
        #expect(text.contains("Phường Tân Chánh Hiệp") && text.contains("(criteria not known)"))
        #expect(text.contains("- Nationwide: registered 172 → not reported"))
        #expect(text.contains("registered not reported → 24"))
    }

    @Test func compareWithoutAnotherSnapshot() throws {
        let data = try Embedded.dataset("record", asOf: "2021-12-31")
        let r = report(data, [.compare, .projection])
        #expect(r.render(.text).contains("There is no other snapshot in the series to compare with."))
        #expect(r.render(.text).contains("No projection"))
        #expect(isJSON(r.render(.json)))
        // Two tables, each its header only, with a blank line between.
        let lines = r.render(.csv).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[0].hasPrefix("as_of,compared_with,kind") && lines[1].isEmpty && lines[2].hasPrefix("as_of,synthetic,code"))
    }

    @Test func everySectionInEveryFormat() throws {
        let demo = try Embedded.series("demo")
        let data = try #require(demo.last)
        let previous = demo[demo.count - 2]
        let r = report(data, Report.Section.allCases, comparison: SnapshotComparison(data, previous),
                       projection: Projection(series: demo.map { ProgressSummary($0) }))
        for format in Report.Format.allCases {
            let out = r.render(format)
            #expect(!out.isEmpty && out.hasSuffix("\n"))
            if format == .json { #expect(isJSON(out)) }
        }
        let md = r.render(.markdown)
        for title in ["## Nationwide", "## Provinces", "## Criteria holding wards back", "## What changed", "## Where it is heading"] {
            #expect(md.contains(title))
        }
        #expect(r.render(.text).contains("[DEMO — synthetic data]"))
    }
}
