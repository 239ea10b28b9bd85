import Foundation
import Testing
@testable import KieuMauCore

/// Digests of real data and scratch folders for the digest cache tests.
enum DigestFixtures {
    static let embeddedDirectory = GenerateSupport.dataDirectory.path
    static let catalog = Catalog.scan(directory: embeddedDirectory, today: Day(year: 2030, month: 1, day: 1)!)

    /// Every embedded snapshot (record and demo) with its digest, for each model definition.
    static let embedded: [(entry: SnapshotEntry, definition: ModelDefinition, digest: SnapshotDigest)] = {
        var reader = CatalogPictureReader(catalog: catalog)
        var out: [(SnapshotEntry, ModelDefinition, SnapshotDigest)] = []
        for entry in catalog.snapshots {
            guard case .success(let data) = reader.dataset(entry) else { continue }
            for definition in ModelDefinition.allCases {
                out.append((entry, definition, SnapshotDigest(data, summary: ProgressSummary(data, definition: definition))))
            }
        }
        return out
    }()

    /// The digest of one embedded snapshot (definition `complete`).
    static func digest(_ file: String, definition: ModelDefinition = .complete) throws -> (entry: SnapshotEntry, digest: SnapshotDigest) {
        let found = try #require(embedded.first { $0.entry.file == file && $0.definition == definition }, "no embedded snapshot \(file)")
        return (found.entry, found.digest)
    }

    /// A digest holding every kind of field: sources, notes, coverage that differs by province,
    /// reported figures for the nation and a province with and without a round, counts of criteria
    /// met that do not fit in a byte (300 and −2), a snapshot with rows.
    static func everyField() -> SnapshotDigest {
        let rows = SnapshotDigestTests.rows
        var data = makeDataset(units: ["01": 7, "02": 4], rows: rows, reported: [
            ReportedFigures(scope: .national, sourceID: "s1", registered: 172, quota: 200, complete: 144, recognised: 3,
                            byCriteriaMet: [CriteriaMetCount(met: 22, wards: 144), CriteriaMetCount(met: 21, wards: 25)],
                            note: "expected — đợt 2", round: 2024),
            ReportedFigures(scope: .province("02"), sourceID: "s2", registered: 4, note: ""),
        ])
        var header = data.snapshot.header
        header.title = "Cuối năm 2023: sơ kết"
        header.sources = [Source(id: "s1", publisher: "Bộ Công an", title: "Tin", date: "2023-12", url: "https://bocongan.gov.vn/x"),
                          Source(id: "s2", publisher: "", title: "", date: "")]
        header.notes = ["một", "hai — with an em dash"]
        header.coverage = SnapshotCoverage(default: .named, provinces: ["02": .complete])
        data = Dataset(snapshot: Snapshot(header: header, wards: rows, reported: data.snapshot.reported), map: data.map, criteria: data.criteria)
        return SnapshotDigest(data, summary: ProgressSummary(data, definition: .recognised))
    }

    static let sampleStamp = SnapshotStamp(
        identity: SnapshotFileIdentity(device: 2049, inode: 1_234_567, size: 52_000, modifiedSeconds: 1_732_500_000, modifiedNanoseconds: 123_456_789),
        contentHash: 0x0123_4567_89AB_CDEF)

    static func entry(_ digest: SnapshotDigest, path: String = "/data/thử nghiệm/a b.snapshot.json") -> DigestCacheEntry {
        DigestCacheEntry(key: DigestCacheKey(snapshotPath: path, definition: digest.totals.definition, stamp: sampleStamp,
                                             dependencies: 42), digest: digest)
    }
}

/// A fresh folder under the system's temporary directory, with a space and diacritics in its name;
/// `remove()` takes it away (tests call it in a `defer`).
struct ScratchFolder {
    let path: String

    init(_ label: String, base: String = NSTemporaryDirectory()) throws {
        path = (base.hasSuffix("/") ? base : base + "/") + "kieumau digest-cache thử \(label) \(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        // Put permissions back first, in case a test left a folder read-only.
        if let e = FileManager.default.enumerator(atPath: path) {
            for case let name as String in e { chmod(path + "/" + name, 0o755) }
        }
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to a file in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func names(in folder: String? = nil) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder ?? path)) ?? []).sorted()
    }
}

extension DigestCacheFile {
    /// Decodes or records why not.
    static func decoded(_ bytes: [UInt8]) -> DigestCacheEntry? {
        switch decode(bytes) {
        case .success(let entry): return entry
        case .failure(let error): Issue.record("did not decode: \(error)"); return nil
        }
    }

    static func failure(_ bytes: [UInt8]) -> DigestFileError? {
        if case .failure(let error) = decode(bytes) { return error }
        return nil
    }
}

extension DigestFileError {
    /// The field named by a truncation, a count or a value.
    var field: String? {
        switch self {
        case .truncated(let field, _), .countTooLarge(let field, _, _), .invalid(let field, _, _): return field
        default: return nil
        }
    }
}
