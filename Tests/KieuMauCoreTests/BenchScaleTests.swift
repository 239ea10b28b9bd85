import Foundation
import Testing
@testable import KieuMauCore

/// `kieumau generate --scale`: the benchmark data directories are valid data, of the sizes the issue
/// names, the same bytes every run, and leave the embedded demo alone (GenerateOutputTests checks
/// its bytes).
@Suite struct BenchScaleTests {
    static let inputs: ScaleInputs? = try? ScaleInputs.read(dataDirectory: GenerateSupport.dataDirectory.path)

    /// Writes a scale into a fresh folder and scans it.
    static func written(_ scale: DataScale) throws -> (files: [String: String], catalog: Catalog, folder: String) {
        let inputs = try #require(inputs, "the embedded data should hold the scale inputs")
        let files = try ScaleData.generate(scale, inputs: inputs)
        let folder = NSTemporaryDirectory() + "kieumau-scale-" + UUID().uuidString
        for (path, text) in files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let today = try #require(Day(iso: "2026-01-01"))
        return (files, Catalog.scan(directory: folder, today: today), folder)
    }

    @Test func nationalUsesTheRealMapAndLoadsWithoutProblems() throws {
        let (files, catalog, folder) = try Self.written(.national)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(catalog.problems.isEmpty, "\(catalog.problems.prefix(3))")
        #expect(files[ScaleInputs.mapPath] == Self.inputs?.mapText)
        #expect(files[ScaleInputs.licencePath] == Self.inputs?.licence)
        let entries = catalog.snapshots(inSeries: "demo")
        #expect(entries.map(\.header.asOf.iso) == ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31", "2025-03-31", "2025-06-30"])
        #expect(entries.allSatisfy { $0.header.synthetic && $0.header.mapID == "vn-2025-01" })
        let map = try catalog.loadMap(id: "vn-2025-01").get()
        #expect(map.wards.count == 1_726 && map.provinces.count == 63)
        // Every snapshot loads in full, and the series grows: the last one has a row for most wards.
        var counts: [Int] = []
        for entry in entries { counts.append(try catalog.loadSnapshot(entry, map: map).get().wards.count) }
        #expect(counts == counts.sorted() && counts.first ?? 0 > 0)
        #expect(Double(counts.last ?? 0) > 0.7 * Double(map.wards.count))
    }

    @Test func communesHas10600UnitsIn63ProvincesWithDistricts() throws {
        let (_, catalog, folder) = try Self.written(.communes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(catalog.problems.isEmpty, "\(catalog.problems.prefix(3))")
        let map = try catalog.loadMap(id: "bench-communes").get()
        #expect(map.wards.count == 10_600 && map.provinces.count == 63)
        #expect(map.provinces.reduce(0) { $0 + $1.units } == 10_600)
        #expect(map.hasDistricts && map.districts.count > 63)
        // Real names, numbered once they run out, so names keep their lengths and diacritics.
        #expect(map.provinces[0].name == "Thành phố Hà Nội")
        #expect(map.wards.contains { $0.name.hasSuffix(" (2)") })
        let last = try #require(catalog.snapshots(inSeries: "demo").last)
        #expect(try catalog.loadSnapshot(last, map: map).get().wards.count > 7_000)
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let inputs = try #require(Self.inputs)
        #expect(try ScaleData.generate(.national, inputs: inputs) == ScaleData.generate(.national, inputs: inputs))
    }

    @Test func provinceSizesAddUpExactlyAndAreUneven() {
        for (total, count) in [(100_000, 700), (10_600, 63), (63, 63), (1_000, 7)] {
            let sizes = ScaleMap.apportion(total, among: count, seed: 42, key: "t")
            #expect(sizes.count == count)
            #expect(sizes.reduce(0, +) == total)
            #expect(sizes.allSatisfy { $0 >= 1 })
            if total > 10 * count { #expect((sizes.max() ?? 0) > 3 * (sizes.min() ?? 0), "provinces should differ in size") }
        }
    }

    @Test func aStressMapHas100000WardsIn700Provinces() throws {
        let base = try ScaleData.baseMap(try #require(Self.inputs).mapText)
        let map = ScaleMap(id: "bench-stress", units: 100_000, provinceCount: 700, seed: 1, names: base)
        #expect(map.provinces.count == 700 && map.wards.count == 100_000)
        #expect(Set(map.wards.map(\.code)).count == 100_000)
        #expect(map.provinces.map(\.code).first == "001" && map.provinces.map(\.code).last == "700")
        // Each province lists exactly its units.
        var perProvince: [String: Int] = [:]
        for w in map.wards { perProvince[w.provinceCode, default: 0] += 1 }
        #expect(map.provinces.allSatisfy { perProvince[$0.code] == $0.phuong })
    }

    @Test func unreadableInputsAreProblemsNamingTheFiles() {
        #expect(throws: Problems.self) { try ScaleInputs.read(dataDirectory: "/nonexistent-kieumau") }
        do {
            _ = try ScaleInputs.read(dataDirectory: "/nonexistent-kieumau")
        } catch {
            #expect(error.all.count == 3)
            #expect(error.all.contains { $0.file.hasSuffix(ScaleInputs.mapPath) })
        }
    }
}
