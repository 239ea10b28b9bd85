import Foundation
import Testing
@testable import KieuMauCore

/// Hostile files in a data directory (issue 5, "Hostile input"), one per case, each beside the good
/// fixtures: it is refused with a message that names it and says what the limit or the expectation
/// is, promptly (no hang, no stack overflow), the good snapshots still list and load, and nothing in
/// the folder changes. Cases already covered elsewhere are not repeated: the parser's own depth and
/// UTF-8 checks (FormatJSONParserTests), a FIFO snapshot, a map linked to /dev/zero and a sparse map
/// through `validate` (LoaderCatalogTests). Here the other kinds of file take those places, through
/// the catalog a dashboard uses.
@Suite struct HostileFileTests {
    /// How a case plants its file in the copy of the good folder.
    enum Plant: Sendable {
        case text(String)
        case sparse(bytes: Int)
        case symlink(to: String)
        case fifo
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var plant: Plant
        /// Words the problem about `file` must hold.
        var phrase: String
        /// Where the problem shows: listing the folder, or only when the map or snapshot is loaded.
        var atLoad = false
        var testDescription: String { file }
    }

    static let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    static let deepObjects = String(repeating: #"{"a": "#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)
    static let header = #""format": "kieumau.snapshot", "version": 1, "series": "record", "map": "tiny-a", "criteria": "tiny-8""#

    static let cases: [Case] = [
        // Over the size limit, from its size: a sparse file costs no disk.
        .init(file: "record/huge.snapshot.json", plant: .sparse(bytes: FileReader.sizeLimit + 1),
              phrase: "file is 268435457 bytes, above the limit of 268435456 bytes (256 MiB) for a data file"),
        .init(file: "huge.criteria.json", plant: .sparse(bytes: FileReader.sizeLimit + 1), phrase: "above the limit of 268435456 bytes"),
        // 100,000 deep, in the header (read when listing), in the rows (read when shown), in a criteria set.
        .init(file: "record/deep-header.snapshot.json", plant: .text(#"{\#(header), "asOf": "2024-01-01", "notes": \#(deep), "wards": []}"#),
              phrase: "nested deeper than 64 levels"),
        .init(file: "record/deep-rows.snapshot.json",
              plant: .text(#"{\#(header), "asOf": "2024-01-02", "wards": [["16666", "registered", "", \#(deepObjects)]]}"#),
              phrase: "nested deeper than 64 levels", atLoad: true),
        .init(file: "deep.criteria.json", plant: .text(#"{"format": "kieumau.criteria", "version": 1, "id": "deep", "count": 1, "notes": \#(deep)}"#),
              phrase: "nested deeper than 64 levels"),
        .init(file: "deep.map.json", plant: .text(#"{"format": "kieumau.map", "version": 1, "id": "deep", "provinces": \#(deep), "wards": []}"#),
              phrase: "nested deeper than 64 levels", atLoad: true),
        // Not plain files: a device (endless zeros), a FIFO nobody writes to (would block a reader).
        .init(file: "record/zero.snapshot.json", plant: .symlink(to: "/dev/zero"), phrase: "not a regular file (a character device)"),
        .init(file: "record/random.snapshot.json", plant: .symlink(to: "/dev/urandom"), phrase: "not a regular file (a character device)"),
        .init(file: "fifo.map.json", plant: .fifo, phrase: "not a regular file (a FIFO)", atLoad: true),
        .init(file: "fifo.criteria.json", plant: .fifo, phrase: "not a regular file (a FIFO)"),
        // Invalid UTF-8 in a snapshot's title: the offset of the bad byte.
        .init(file: "record/latin1.snapshot.json", plant: .text(#"{\#(header), "asOf": "2024-01-03", "title": "Ph\#u{FFFD}ng", "wards": []}"#),
              phrase: "invalid UTF-8 at byte offset"),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: cases)
    func refusedWithAMessageAndTheRestStillLoads(_ c: Case) throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try plant(c, in: folder)
        let before = try TreeDigest(folder)

        let catalog = Catalog.scan(directory: folder, today: Fixtures.today)
        var problems = catalog.problems
        if c.atLoad {
            #expect(problems.isEmpty, "found only when loaded: \(problems)")
            if c.file.hasSuffix(".map.json") {
                if case .failure(let p) = catalog.loadMap(id: String(c.file.dropLast(".map.json".count))) { problems = p.all }
            } else if let entry = catalog.snapshots.first(where: { $0.file == c.file }) {
                let map = try catalog.loadMap(id: entry.header.mapID).get()
                if case .failure(let p) = catalog.loadSnapshot(entry, map: map) { problems = p.all }
            }
        }
        let problem = try #require(problems.first { $0.file == c.file }, "no problem names \(c.file): \(problems)")
        #expect(problem.message.contains(c.phrase), "\(problem)")

        // The good snapshots are all there and load.
        let good = ["demo/2024-06-30.snapshot.json", "record/2023-12-31.snapshot.json", "record/2024-06-30.snapshot.json"]
        #expect(Set(good).isSubset(of: Set(catalog.snapshots.map(\.file))))
        for entry in catalog.snapshots where good.contains(entry.file) {
            let map = try catalog.loadMap(id: entry.header.mapID).get()
            #expect(throws: Never.self) { try catalog.loadSnapshot(entry, map: map).get() }
        }
        #expect(try TreeDigest(folder) == before, "reading the folder changed it")
    }

    /// The hostile copy of a real file: the `validate` command reads whole files and meets the same
    /// limits, file by file, without stopping at the first.
    @Test(.timeLimit(.minutes(1)))
    func validateNamesEveryHostileFileAndStillChecksTheRest() throws {
        let folder = try Fixtures.copyOfGood()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for c in Self.cases { try plant(c, in: folder) }
        let problems = Catalog.validate(paths: [folder], today: Fixtures.today)
        for c in Self.cases {
            #expect(problems.contains { $0.file == folder + "/" + c.file && $0.message.contains(c.phrase) }, "\(c.file)")
        }
        // The good files have no problem of their own.
        #expect(!problems.contains { $0.file.hasSuffix("/record/2023-12-31.snapshot.json") || $0.file.hasSuffix("/tiny-a.map.json") })
    }

    private func plant(_ c: Case, in folder: String) throws {
        let path = folder + "/" + c.file
        switch c.plant {
        case .text(let text):
            // U+FFFD stands for a byte that is not UTF-8: written as 0xFF.
            var bytes: [UInt8] = []
            for scalar in text.unicodeScalars {
                if scalar == "\u{FFFD}" { bytes.append(0xFF) } else { bytes += Array(String(scalar).utf8) }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        case .sparse(let size):
            #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
            #expect(truncate(path, off_t(size)) == 0)
        case .symlink(let target):
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        case .fifo:
            #expect(mkfifo(path, 0o600) == 0)
        }
    }
}

/// Names, kinds, sizes, modification times and contents (of small plain files) of everything under
/// a folder, to show that reading it wrote nothing. FIFOs and devices are not opened.
struct TreeDigest: Equatable, CustomStringConvertible {
    var entries: [String]

    init(_ root: String) throws {
        var out: [String] = []
        let fm = FileManager.default
        let names = try fm.subpathsOfDirectory(atPath: root).sorted()
        for name in names {
            let path = root + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { out.append("\(name) ?"); continue }
            var line = "\(name) mode=\(String(info.st_mode, radix: 8)) size=\(info.st_size) mtime=\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            if info.st_mode & S_IFMT == S_IFREG, info.st_size < 1 << 20, let data = fm.contents(atPath: path) {
                line += " hash=\(data.reduce(into: UInt64(14695981039346656037)) { $0 = ($0 ^ UInt64($1)) &* 1099511628211 })"
            }
            out.append(line)
        }
        entries = out
    }

    var description: String { entries.joined(separator: "\n") }
}
