import Foundation
import Testing
@testable import KieuMauCore

/// A digest cache file is untrusted input: any bytes give an entry or a clear reason — truncated
/// anywhere, any byte flipped, huge counts, other versions and magic, values no digest has.
@Suite struct DigestCacheHostileFileTests {
    static let entry = DigestFixtures.entry(DigestFixtures.everyField())
    static let bytes = DigestCacheFile.encode(entry)

    /// Where each section starts in `bytes`, written one at a time.
    static let sections: [(name: String, start: Int)] = {
        var w = DigestByteWriter(capacity: 0)
        var starts: [(String, Int)] = []
        starts.append(("key", DigestCacheFile.headerSize + w.bytes.count)); w.key(entry.key)
        starts.append(("header", DigestCacheFile.headerSize + w.bytes.count)); w.header(entry.digest.header)
        starts.append(("totals", DigestCacheFile.headerSize + w.bytes.count)); w.totals(entry.digest.totals)
        starts.append(("wards", DigestCacheFile.headerSize + w.bytes.count)); w.wards(entry.digest.wards, hasRows: entry.digest.hasRows)
        return starts
    }()

    func section(at offset: Int) -> String { Self.sections.last { $0.start <= offset }?.name ?? "file header" }

    /// `payload` after a file header that matches it, so that decoding reaches the sections.
    func sealed(_ payload: [UInt8]) -> [UInt8] {
        var bytes = Array(Self.bytes[0..<DigestCacheFile.headerSize]) + payload
        DigestCacheFile.seal(&bytes)
        return bytes
    }

    @Test func truncatedAnywhereSaysSo() {
        #expect(Self.sections.map(\.name) == ["key", "header", "totals", "wards"])
        for cut in 0..<Self.bytes.count {
            let error = DigestCacheFile.failure(Array(Self.bytes[0..<cut]))
            switch error {
            case .tooShort?: #expect(cut < 24 && cut >= 0)
            case .payloadLength(let declared, let found)?:
                #expect(declared == Self.bytes.count - 24 && found == cut - 24)
                #expect(error?.description.hasPrefix("truncated: the header says") == true)
            default: Issue.record("cut at \(cut): \(String(describing: error))")
            }
        }
    }

    /// Truncated inside each section with a header that agrees: the reason names the section.
    @Test func truncatedInsideEachSectionNamesIt() {
        var seen: Set<String> = []
        for cut in DigestCacheFile.headerSize..<Self.bytes.count {
            let error = DigestCacheFile.failure(sealed(Array(Self.bytes[DigestCacheFile.headerSize..<cut])))
            let expected = section(at: cut)
            switch error {
            case .truncated(let field, let offset)?:
                #expect(field.hasPrefix(expected + "."), "cut at \(cut) in \(expected): \(field)")
                #expect(offset <= cut)
                seen.insert(expected)
            case .countTooLarge(let field, _, _)?:
                #expect(field.hasPrefix(expected + "."), "cut at \(cut) in \(expected): \(field)")
            default: Issue.record("cut at \(cut): \(String(describing: error))")
            }
        }
        #expect(seen == ["key", "header", "totals", "wards"])
    }

    @Test func anyFlippedByteIsCaught() {
        for i in Self.bytes.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var bytes = Self.bytes
                bytes[i] ^= mask
                let error = DigestCacheFile.failure(bytes)
                switch (i, error) {
                case (0..<8, .badMagic?), (8..<10, .unsupportedVersion?), (10..<12, .unsupportedFlags?),
                     (12..<16, .payloadLength?), (16..., .checksumMismatch?):
                    break
                default: Issue.record("byte \(i) ^ \(mask): \(String(describing: error))")
                }
            }
        }
    }

    @Test func otherVersionsAndMagicAreRefusedByName() {
        var version2 = Self.bytes
        version2[8] = 2
        #expect(DigestCacheFile.failure(version2)?.description == "version 2 not supported (this program reads version 1)")
        var big = Self.bytes
        big[9] = 1
        #expect(DigestCacheFile.failure(big) == .unsupportedVersion(257))
        #expect(DigestCacheFile.failure(Array("{\"format\": \"kieumau.snapshot\"}".utf8)) == .badMagic)
        #expect(DigestCacheFile.failure(Array("KMDIG".utf8))?.description == "truncated: 5 bytes, fewer than the 24 of the file header")
        #expect(DigestCacheFile.failure([]) == .tooShort(size: 0))
        #expect(DigestCacheFile.failure(Self.bytes + [0])?.description.contains("1 bytes after the payload") == true)
        var wrongSum = Self.bytes
        wrongSum[16] ^= 1
        #expect(DigestCacheFile.failure(wrongSum)?.description.hasPrefix("checksum mismatch") == true)
        let huge = [UInt8](repeating: 0, count: DigestCacheFile.sizeLimit + 1)
        #expect(DigestCacheFile.failure(huge) == .tooLarge(size: DigestCacheFile.sizeLimit + 1, limit: DigestCacheFile.sizeLimit))
    }

    /// Counts of 2³²−1 where a file of a few KB follows: refused before anything is allocated.
    @Test func hugeCountsExceedWhatTheFileCanHold() throws {
        let digest = Self.entry.digest
        func payload(_ build: (inout DigestByteWriter) -> Void) -> [UInt8] {
            var w = DigestByteWriter(capacity: 0)
            w.key(Self.entry.key)
            build(&w)
            w.raw([UInt8](repeating: 0, count: 100))
            return sealed(w.bytes)
        }
        let cases: [(String, [UInt8])] = [
            ("header.sources", payload { w in
                w.day(digest.header.asOf); w.string("t"); w.string("s"); w.bool(false); w.string("m"); w.string("c"); w.u32(.max)
            }),
            ("totals.provinces", payload { w in
                w.header(digest.header)
                w.day(digest.totals.asOf); w.string("m"); w.definition(.complete); w.i64(22)
                for _ in 0..<5 { w.i64(0) }
                w.count(0); w.coverage(.complete); w.u32(.max)
            }),
            ("wards.count", payload { w in w.header(digest.header); w.totals(digest.totals); w.bool(true); w.u32(.max) }),
            ("key.snapshotPath", sealed([0xFF, 0xFF, 0xFF, 0xFF])),
        ]
        for (field, bytes) in cases {
            let error = DigestCacheFile.failure(bytes)
            guard case .countTooLarge(let named, let count, let room)? = error else {
                Issue.record("\(field): \(String(describing: error))"); continue
            }
            #expect(named == field && count == 4_294_967_295 && room < 200)
            #expect(error?.description.contains("count 4294967295 exceeds what the file can hold") == true)
        }
    }

    /// Values a digest never holds, each in a file whose header and checksum are right.
    @Test func valuesNoDigestHoldsAreRefusedByField() {
        let digest = Self.entry.digest
        func with(_ build: (inout DigestByteWriter) -> Void) -> DigestFileError? {
            var w = DigestByteWriter(capacity: 0)
            build(&w)
            return DigestCacheFile.failure(sealed(w.bytes))
        }
        let key = Self.entry.key
        func header(title: String = "t", day: (Int, Int, Int) = (2024, 6, 30), synthetic: UInt8 = 0) -> (inout DigestByteWriter) -> Void {
            { w in
                w.key(key)
                w.u16(UInt16(day.0)); w.u8(UInt8(day.1)); w.u8(UInt8(day.2))
                w.string(title); w.string("s"); w.u8(synthetic); w.string("m"); w.string("c")
                w.count(0); w.count(0); w.coverage(.complete); w.count(0); w.count(0)
            }
        }
        #expect(with(header(day: (2023, 2, 29)))?.description == "header.asOf at byte \(Self.sections[1].start): 2023-2-29 is not a day")
        #expect(with(header(synthetic: 2))?.field == "header.synthetic")
        #expect(with(header(title: "a\u{1B}[31mred"))?.description.contains("control, bidi or zero-width") == true)
        #expect(with(header(title: "\u{202E}gnp.exe"))?.field == "header.title")
        let badUTF8 = with { w in w.key(key); w.u16(2024); w.u8(6); w.u8(30); w.count(2); w.raw([0xC3, 0x28]) }
        #expect(badUTF8 == .invalid(field: "header.title", offset: Self.sections[1].start + 8, detail: "not valid UTF-8"))
        // An unknown definition in the key.
        #expect(with { w in w.string("/p"); w.u8(7) }?.field == "key.definition")
        #expect(with { w in
            w.string("/p"); w.definition(.complete); w.u64(1); w.u64(2); w.u64(3); w.i64(4); w.u32(1_000_000_000)
        }?.field == "key.modifiedNanoseconds")
        // Coverage listed out of order, or repeating the default.
        let coverage: ([(String, Coverage)]) -> DigestFileError? = { provinces in
            with { w in
                w.key(key); w.day(digest.header.asOf); w.string("t"); w.string("s"); w.bool(false); w.string("m"); w.string("c")
                w.count(0); w.count(0); w.coverage(.named); w.count(provinces.count)
                for (code, value) in provinces { w.string(code); w.coverage(value) }
                w.count(0)
            }
        }
        #expect(coverage([("02", .complete), ("01", .complete)])?.field == "header.coverage.provinces[1].code")
        #expect(coverage([("01", .complete), ("01", .complete)])?.field == "header.coverage.provinces[1].code")
        #expect(coverage([("01", .named)])?.field == "header.coverage.provinces[0].coverage")
        // A negative count in the totals, a stage that does not exist, a byte count kept apart.
        #expect(with { w in w.key(key); w.header(digest.header); w.day(digest.totals.asOf); w.string("m"); w.definition(.complete); w.i64(22); w.i64(-1); for _ in 0..<4 { w.i64(0) } }?
            .field == "totals.national.units")
        #expect(with { w in w.key(key); w.header(digest.header); w.day(digest.totals.asOf); w.string("m"); w.definition(.complete); w.i64(65) }?
            .field == "totals.criteriaCount")
        // Counts beyond 2³¹−1, which sums and percentages of them could overflow.
        let huge = with { w in w.key(key); w.header(digest.header); w.day(digest.totals.asOf); w.string("m"); w.definition(.complete); w.i64(22); w.i64(5); w.i64(1 << 40); for _ in 0..<3 { w.i64(0) } }
        #expect(huge?.field == "totals.national.registered")
        #expect(huge?.description.contains("expected 0…2147483647, found 1099511627776") == true)
        let wards: ([UInt8], [UInt8], [(UInt32, Int)]) -> DigestFileError? = { stages, met, apart in
            with { w in
                w.key(key); w.header(digest.header); w.totals(digest.totals)
                w.bool(true); w.count(stages.count); w.raw(stages); w.raw(met); w.count(apart.count)
                for (i, m) in apart { w.u32(i); w.i64(m) }
            }
        }
        #expect(wards([0, 4], [1, 2], [])?.description.contains("wards.stages[1]") == true)
        #expect(wards([0, 1], [1, 254], [])?.field == "wards.outOfRangeMet")
        #expect(wards([0, 1], [1, 254], [(0, 300)])?.field == "wards.outOfRangeMet[0].ward")
        #expect(wards([0, 1], [1, 254], [(1, 7)])?.field == "wards.outOfRangeMet[0].met")
        #expect(wards([0, 1], [254, 254], [(1, 300), (0, -2)])?.field == "wards.outOfRangeMet[1].ward")
        #expect(wards([0, 1], [1, 254], [(1, 300)]) == nil, "the same section, well formed, decodes")
        // A reported figure below zero, a round that is not a year, a mask with unknown bits.
        let report: (UInt8, [Int]) -> DigestFileError? = { mask, values in
            with { w in
                w.key(key); w.day(digest.header.asOf); w.string("t"); w.string("s"); w.bool(false); w.string("m"); w.string("c")
                w.count(0); w.count(0); w.coverage(.complete); w.count(0); w.count(1)
                w.u8(0); w.string("s1"); w.u8(mask); for v in values { w.i64(v) }; w.count(0); w.string("")
            }
        }
        #expect(report(1, [-5])?.field == "header.reported[0].registered")
        #expect(report(16, [1899])?.field == "header.reported[0].round")
        #expect(report(32, [])?.field == "header.reported[0].present")
        #expect(DigestCacheFile.failure(sealed(Array(Self.bytes[24...]) + [1, 2, 3])) ==
            .trailingBytes(count: 3, offset: Self.bytes.count))
    }
}
