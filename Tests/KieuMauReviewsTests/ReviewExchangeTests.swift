import Foundation
import Testing
import KieuMauCore
@testable import KieuMauReviews

struct ReviewExchangeTests {
    /// Reviews with everything an export must carry: both marks, a cleared mark, notes with
    /// quotes, commas, line breaks, Vietnamese, and text a spreadsheet would run as a formula.
    static func fill(_ store: ReviewStore) throws {
        try store.setMark(.ok, snapshot: Sample.q1, ward: "26776", reviewer: "Nguyễn Lan", at: Sample.time(1, milliseconds: 5))
        try store.setNote("Đạt 22/22, \"mẫu\"\nvề an ninh", snapshot: Sample.q1, ward: "26776", reviewer: "Nguyễn Lan", at: Sample.time(2))
        try store.setMark(.followUp, snapshot: Sample.q2, ward: "16666", reviewer: "=HYPERLINK(\"x\")", at: Sample.time(3))
        try store.setNote("=1+1", snapshot: Sample.q2, ward: "16666", reviewer: "@Minh", at: Sample.time(4))
        try store.setNote("'quoted already", snapshot: Sample.q2, ward: "-5", reviewer: "+Ba", at: Sample.time(5))
        try store.setMark(.ok, snapshot: Sample.q2, ward: "26777", reviewer: "Lan", at: Sample.time(6))
        try store.setMark(nil, snapshot: Sample.q2, ward: "26777", reviewer: "Lan", at: Sample.time(7))
        try store.setNote("\ttab first", snapshot: Sample.q3, ward: "1", reviewer: "Lan", at: Sample.time(8))
    }

    @Test(arguments: ReviewFileFormat.allCases)
    func exportThenImportIntoAnEmptyStoreGivesEverythingBack(_ format: ReviewFileFormat) throws {
        let folder = try TemporaryFolder()
        let source = try ReviewStore.open(path: folder.file("a.sqlite"))
        try Self.fill(source)
        let original = try source.allReviews()
        let text = ReviewExport.render(original, as: format)

        let parsed = try ReviewImport.parse(Array(text.utf8), file: "export.\(format.rawValue)")
        #expect(parsed == original)
        let target = try ReviewStore.open(path: folder.file("b.sqlite"))
        let counts = try target.merge(parsed)
        #expect(counts.added == original.count && counts.total == original.count)
        #expect(try target.allReviews() == original)
    }

    @Test func importingTheSameFileTwiceChangesNothing() throws {
        let folder = try TemporaryFolder()
        let colleague = try ReviewStore.open(path: folder.file("colleague.sqlite"))
        try Self.fill(colleague)
        let file = folder.file("colleague.csv")
        try ReviewExport.render(try colleague.allReviews(), as: .csv).write(toFile: file, atomically: true, encoding: .utf8)

        let mine = try ReviewStore.open(path: folder.file("mine.sqlite"))
        try mine.setNote("ghi chú của tôi", snapshot: Sample.q1, ward: "26776", reviewer: "Ba", at: Sample.time(9))
        let first = try mine.merge(try ReviewImport.read(path: file))
        let afterFirst = try mine.allReviews()
        let second = try mine.merge(try ReviewImport.read(path: file))
        #expect(first.notesMerged == 1 && first.added == 4 && first.total == 5)
        #expect(second.unchanged == 5 && second.total == 5)
        #expect(try mine.allReviews() == afterFirst)
    }

    @Test func mergingKeepsTheNewestMarkAndBothNotes() throws {
        let folder = try TemporaryFolder()
        let mine = try ReviewStore.open(path: folder.file("mine.sqlite"))
        let theirs = try ReviewStore.open(path: folder.file("theirs.sqlite"))
        try mine.setMark(.followUp, snapshot: Sample.q2, ward: "16666", reviewer: "Lan", at: Sample.time(1))
        try mine.setNote("thiếu tiêu chí 6", snapshot: Sample.q2, ward: "16666", reviewer: "Lan", at: Sample.time(4))
        try theirs.setMark(.ok, snapshot: Sample.q2, ward: "16666", reviewer: "Minh", at: Sample.time(3))
        try theirs.setNote("đã bổ sung", snapshot: Sample.q2, ward: "16666", reviewer: "Minh", at: Sample.time(2))
        try mine.setMark(.ok, snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(9))
        try theirs.setMark(.followUp, snapshot: Sample.q2, ward: "1", reviewer: "Minh", at: Sample.time(8))

        let exported = ReviewExport.render(try theirs.allReviews(), as: .json)
        let counts = try mine.merge(try ReviewImport.parse(Array(exported.utf8), file: "theirs.json"))
        #expect(counts == { var c = ReviewStore.MergeCounts(); c.notesMerged = 1; c.unchanged = 1; return c }())
        let merged = try #require(try mine.review(snapshot: Sample.q2, ward: "16666"))
        #expect(merged.mark == .ok && merged.markedBy == "Minh")
        #expect(merged.note == "thiếu tiêu chí 6\n\n[Minh, 2025-07-01T08:00:02.000Z] đã bổ sung")
        #expect(try mine.review(snapshot: Sample.q2, ward: "1")?.mark == .ok)
    }

    @Test func csvQuotesAndGuardsTextCells() throws {
        let review = Review(key: ReviewKey(snapshot: Sample.q2, ward: "16666"), mark: .followUp, markedBy: "=cmd|' /C calc'!A0",
                            markedAt: Sample.time(1), note: "a, \"b\"\nc", notedBy: "-Lan", notedAt: Sample.time(2))
        let text = ReviewExport.render([review], as: .csv)
        #expect(text == """
            snapshot,ward,mark,marked_by,marked_at,note,noted_by,noted_at
            2025-06-30,16666,follow-up,'=cmd|' /C calc'!A0,2025-07-01T08:00:01.000Z,"a, ""b""
            c",'-Lan,2025-07-01T08:00:02.000Z

            """)
        #expect(try ReviewImport.parse(Array(text.utf8), file: "x.csv") == [review])
    }

    @Test func csvFromASpreadsheetWithBOMAndCRLFIsRead() throws {
        let text = "\u{FEFF}ward,snapshot,mark,marked_by,marked_at,note,noted_by,noted_at\r\n"
            + "16666,2025-06-30,ok,Lan,2025-07-01T08:00:01Z,\"một, hai\",Lan,2025-07-01T08:00:02.000Z\r\n"
        let reviews = try ReviewImport.parse(Array(text.utf8), file: "from-excel.csv")
        #expect(reviews == [Review(key: ReviewKey(snapshot: Sample.q2, ward: "16666"), mark: .ok, markedBy: "Lan",
                                   markedAt: Sample.time(1), note: "một, hai", notedBy: "Lan", notedAt: Sample.time(2))])
    }

    static let header = "snapshot,ward,mark,marked_by,marked_at,note,noted_by,noted_at\n"
    static let goodRow = "2025-06-30,1,ok,Lan,2025-07-01T08:00:01.000Z,,,\n"

    /// Broken files, and the message each must give (file, line, field, expectation).
    static let broken: [(name: String, bytes: [UInt8], message: String)] = [
        ("wrong-columns.csv", Array("snapshot,ward,verdict\n2025-06-30,1,ok\n".utf8),
         "wrong-columns.csv:1: expected the columns snapshot,ward,mark,marked_by,marked_at,note,noted_by,noted_at, found an unknown column \"verdict\""),
        ("missing-column.csv", Array("snapshot,ward,mark\n".utf8),
         "missing-column.csv:1: expected the columns snapshot,ward,mark,marked_by,marked_at,note,noted_by,noted_at, missing marked_by, marked_at, note, noted_by, noted_at"),
        ("bad-date.csv", Array((header + goodRow + "2025-13-01,2,ok,Lan,2025-07-01T08:00:01.000Z,,,\n").utf8),
         "bad-date.csv:3: snapshot: expected a date YYYY-MM-DD, found \"2025-13-01\""),
        ("bad-mark.csv", Array((header + "2025-06-30,2,done,Lan,2025-07-01T08:00:01.000Z,,,\n").utf8),
         "bad-mark.csv:2: mark: expected ok, follow-up or nothing, found \"done\""),
        ("bad-time.csv", Array((header + "2025-06-30,2,ok,Lan,01/07/2025 08:00,,,\n").utf8),
         "bad-time.csv:2: marked_at: expected a UTC time like 2025-07-01T08:30:00.000Z, found \"01/07/2025 08:00\""),
        ("note-without-time.csv", Array((header + "2025-06-30,2,,,,ghi chú,Lan,\n").utf8),
         "note-without-time.csv:2: noted_at: expected a UTC time like 2025-07-01T08:30:00.000Z for a note, found nothing"),
        ("short-row.csv", Array((header + "2025-06-30,2,ok\n").utf8),
         "short-row.csv:2: expected 8 fields as in the header, found 3"),
        ("twice.csv", Array((header + goodRow + goodRow).utf8),
         "twice.csv:3: the review of ward 1 for 2025-06-30 is already given at line 2; expected one per snapshot and ward"),
        ("latin1.csv", Array((header + goodRow).utf8) + Array("2025-06-30,3,,,,Ph".utf8) + [0xF9] + Array("ng,Lan,2025-07-01T08:00:01.000Z\n".utf8),
         "latin1.csv:3: expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)"),
        ("open-quote.csv", Array((header + "2025-06-30,2,ok,Lan,2025-07-01T08:00:01.000Z,\"never closed,,\n").utf8),
         "open-quote.csv:2: expected a closing quote before the end of the file"),
        ("wrong-format.json", Array(#"{"format": "kieumau.snapshot", "version": 1, "reviews": []}"#.utf8),
         "wrong-format.json: format: expected \"kieumau.reviews\" (an export of `kieumau reviews export --format json`)"),
        ("number-ward.json", Array(#"{"format": "kieumau.reviews", "version": 1, "reviews": [{"snapshot": "2025-06-30", "ward": 1}]}"#.utf8),
         "number-ward.json: reviews[0].ward: expected a string or null"),
        ("bad-date.json", Array(#"{"format": "kieumau.reviews", "version": 1, "reviews": [{"snapshot": "30/06/2025", "ward": "1"}]}"#.utf8),
         "bad-date.json: reviews[0].snapshot: expected a date YYYY-MM-DD, found \"30/06/2025\""),
        ("extra-field.json", Array(#"{"format": "kieumau.reviews", "version": 1, "reviews": [{"snapshot": "2025-06-30", "ward": "1", "score": "9"}]}"#.utf8),
         "extra-field.json: reviews[0].score: unknown field; expected snapshot, ward, mark, marked_by, marked_at, note, noted_by, noted_at"),
    ]

    @Test(arguments: broken.indices)
    func aBrokenFileSaysWhereAndWhat(_ index: Int) {
        let (name, bytes, message) = Self.broken[index]
        let error = #expect(throws: ReviewImportError.self) { try ReviewImport.parse(bytes, file: name) }
        #expect(error?.description == message)
    }

    @Test func brokenJSONSyntaxNamesTheLine() {
        let text = "{\"format\": \"kieumau.reviews\",\n\"version\": 1,\n\"reviews\": [x]}"
        let error = #expect(throws: ReviewImportError.self) { try ReviewImport.parse(Array(text.utf8), file: "syntax.json") }
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("syntax.json:3: expected JSON") == true)
    }

    @Test func aBrokenFileLeavesTheStoreUntouched() throws {
        let folder = try TemporaryFolder()
        let store = try ReviewStore.open(path: folder.file("r.sqlite"))
        try store.setMark(.followUp, snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(0))
        let before = try store.allReviews()
        for (name, bytes, _) in Self.broken {
            let file = folder.file(name)
            #expect(FileManager.default.createFile(atPath: file, contents: Data(bytes)))
            #expect(throws: ReviewImportError.self) { _ = try store.merge(try ReviewImport.read(path: file)) }
        }
        #expect(try store.allReviews() == before)
    }

    @Test func aFailingMergeWritesNothing() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("r.sqlite")
        let store = try ReviewStore.open(path: path)
        try store.setMark(.followUp, snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(0))
        let incoming = (0..<50).map { i in
            Review(key: ReviewKey(snapshot: Sample.q2, ward: "\(i)"), mark: .ok, markedBy: "Minh", markedAt: Sample.time(5))
        }
        // Another process holds the write lock: the whole import fails and nothing is half-written.
        let holder = try ReviewStore.open(path: path)
        try holder.connection.execute("BEGIN IMMEDIATE")
        let waiter = try ReviewStore.open(path: path, busyTimeoutMilliseconds: 20)
        let error = #expect(throws: ReviewStoreError.self) { try waiter.merge(incoming) }
        #expect(error?.kind == .locked)
        try holder.connection.execute("ROLLBACK")
        #expect(try store.allReviews().count == 1)
        #expect(try waiter.merge(incoming).added == 49)
    }

    @Test func formatIsDetectedByExtensionThenContent() {
        #expect(ReviewFileFormat.detect(fileName: "a.JSON", bytes: []) == .json)
        #expect(ReviewFileFormat.detect(fileName: "a.csv", bytes: Array("{".utf8)) == .csv)
        #expect(ReviewFileFormat.detect(fileName: "export", bytes: [0xEF, 0xBB, 0xBF] + Array(" \n{".utf8)) == .json)
        #expect(ReviewFileFormat.detect(fileName: "export.txt", bytes: Array("snapshot,ward".utf8)) == .csv)
    }

    @Test func theFormulaGuardIsUndoneExactly() {
        for text in ["=1+1", "+84 912", "-5", "@x", "\tx", "\rx", "'", "'=x", "''", "plain", "", "'plain"] {
            #expect(FormulaGuard.unguarded(FormulaGuard.guarded(text)) == text, "\(text.debugDescription)")
        }
        #expect(FormulaGuard.guarded("=1+1") == "'=1+1")
        #expect(FormulaGuard.unguarded("'plain") == "'plain")
    }
}
