import Foundation
import Testing
@testable import KieuMauCore

/// The `digest-cache` fuzz target's seeds (Fuzz/Corpus/digest-cache, written by the target from real
/// digests) still decode, so that fuzzing starts from files that reach every section; and what
/// fuzzing that target found, kept here.
@Suite struct DigestCacheFuzzTests {
    static let corpus = GenerateSupport.packageRoot.appendingPathComponent("Fuzz/Corpus/digest-cache").path

    @Test func everySeedIsARealEntryThatDecodes() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).filter { $0.hasSuffix(".digest") }.sorted()
        #expect(names.count >= 4)
        for name in names {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.corpus + "/" + name)))
            #expect(bytes.count < 8192, "\(name): a seed should stay small")
            guard let entry = DigestCacheFile.decoded(bytes) else { continue }
            #expect(DigestCacheFile.encode(entry) == bytes, "\(name) re-encodes to itself")
            #expect(entry.digest.totals.provinces.count == 3 && entry.digest.wards.count > 0, "\(name): three provinces' wards")
            #expect(!entry.digest.header.sources.isEmpty || entry.digest.header.series == "demo", "\(name)")
        }
    }
}
