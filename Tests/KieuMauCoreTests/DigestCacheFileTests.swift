import Foundation
import Testing
@testable import KieuMauCore

/// The digest cache file: a decoded digest equals the one encoded in every field, for every
/// embedded snapshot, a generated 100,000-ward one and one holding every kind of field; the
/// encoding is canonical.
@Suite struct DigestCacheFileTests {
    func roundTrip(_ entry: DigestCacheEntry, _ label: String) {
        let bytes = DigestCacheFile.encode(entry)
        guard let back = DigestCacheFile.decoded(bytes) else { Issue.record("\(label) did not decode"); return }
        #expect(back == entry, "\(label)")
        // Field by field, so a failure says which.
        #expect(back.key == entry.key, "\(label): key")
        #expect(back.digest.header == entry.digest.header, "\(label): header")
        #expect(back.digest.totals == entry.digest.totals, "\(label): totals")
        #expect(back.digest.wards == entry.digest.wards, "\(label): wards")
        #expect(back.digest.hasRows == entry.digest.hasRows, "\(label): hasRows")
        #expect(DigestCacheFile.encode(back) == bytes, "\(label): re-encodes to the same bytes")
    }

    @Test func everyEmbeddedSnapshotsDigestRoundTrips() {
        let all = DigestFixtures.embedded
        #expect(all.count == 2 * DigestFixtures.catalog.snapshots.count, "every embedded snapshot digested")
        #expect(Set(all.map(\.entry.header.series)) == ["record", "demo"])
        for (entry, definition, digest) in all {
            roundTrip(DigestFixtures.entry(digest, path: entry.path), "\(entry.file) (\(definition))")
        }
    }

    @Test func aDigestOfEveryKindOfFieldRoundTrips() {
        let digest = DigestFixtures.everyField()
        // The fixture does hold what it claims to.
        #expect(digest.header.reported.contains { $0.round == 2024 } && digest.header.reported.contains { $0.scope == .province("02") })
        #expect(!digest.header.coverage.provinces.isEmpty && digest.header.sources.count == 2 && digest.header.notes.count == 2)
        #expect(digest.wards.outOfRangeMet.count == 2 && digest.totals.definition == .recognised)
        roundTrip(DigestFixtures.entry(digest), "every field")
    }

    @Test func aDigestWithoutRowsOrProvincesRoundTrips() {
        let data = makeDataset(units: [:], rows: [])
        let digest = SnapshotDigest(data, summary: ProgressSummary(data))
        #expect(!digest.hasRows && digest.wards.count == 0 && digest.totals.provinces.isEmpty)
        roundTrip(DigestFixtures.entry(digest, path: "/"), "empty")
    }

    /// The benchmark's stress map (`ScaleMap`, as `kieumau generate --scale stress` makes it) with
    /// rows for four wards in five, built in memory: the JSON of the scale takes half a minute to
    /// write and read in a debug build, and says nothing more about the cache.
    @Test func aGenerated100000WardSnapshotRoundTrips() throws {
        let inputs = try #require(BenchScaleTests.inputs)
        let scale = ScaleMap(id: "bench-stress", units: 100_000, provinceCount: 700, seed: 1, names: try ScaleData.baseMap(inputs.mapText))
        let map = AdminMap(id: scale.id, title: "stress", effective: nil, hasDistricts: false,
                           provinces: scale.provinces.map { Province(code: $0.code, name: $0.name, units: $0.phuong) }, districts: [],
                           wards: scale.wards.map { Ward(code: $0.code, name: $0.name, provinceCode: $0.provinceCode) })
        let stages: [Stage] = [.registered, .complete, .recognised, .registered]
        let rows = map.wards.indices.filter { $0 % 5 != 0 }.map { i in
            WardPolice(wardCode: map.wards[i].code, stage: stages[i % 4], marks: i % 3 == 0 ? .unknown : .count(i % 21))
        }
        let criteria = CriteriaSet(id: "bca-2024-20", title: "20", criteria: (1...20).map { Criterion(number: $0) })
        let header = SnapshotHeader(asOf: Day(year: 2025, month: 6, day: 30)!, title: "stress", series: "demo", synthetic: true,
                                    mapID: map.id, criteriaID: criteria.id)
        let data = Dataset(snapshot: Snapshot(header: header, wards: rows, reported: []), map: map, criteria: criteria)
        let digest = SnapshotDigest(data, summary: ProgressSummary(data))
        #expect(digest.wards.count == 100_000 && digest.totals.provinces.count == 700)
        #expect(digest.totals.national.registered == 80_000)
        let bytes = DigestCacheFile.encode(DigestFixtures.entry(digest))
        // Two bytes a ward and a few hundred a province (each tally counts wards by criteria met).
        #expect(bytes.count > 200_000 && bytes.count < 450_000, "\(bytes.count) bytes")
        roundTrip(DigestFixtures.entry(digest), "stress")
    }

    @Test func theFileStartsWithItsHeader() {
        let bytes = DigestCacheFile.encode(DigestFixtures.entry(DigestFixtures.everyField()))
        #expect(Array(bytes[0..<8]) == Array("KMDIGEST".utf8))
        #expect(bytes[8] == 1 && bytes[9] == 0, "version 1, little-endian")
        #expect(bytes[10] == 0 && bytes[11] == 0, "no flags")
        let length = Int(bytes[12]) | Int(bytes[13]) << 8 | Int(bytes[14]) << 16 | Int(bytes[15]) << 24
        #expect(length == bytes.count - 24)
        let checksum = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[16 + $1]) << (8 * UInt64($1)) }
        #expect(checksum == ContentHash.of(Array(bytes[24...])))
    }
}
