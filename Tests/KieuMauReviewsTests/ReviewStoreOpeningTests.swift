import Foundation
import Testing
import KieuMauCore
@testable import KieuMauReviews

struct ReviewStoreOpeningTests {
    @Test func anUnwritablePlaceIsAClearError() throws {
        let folder = try TemporaryFolder()
        #expect(FileManager.default.createFile(atPath: folder.file("plain"), contents: Data("x".utf8)))
        let path = folder.file("plain/kieumau/reviews.sqlite")
        let error = #expect(throws: ReviewStoreError.self) { try ReviewStore.open(path: path) }
        #expect(error?.kind == .cannotCreateFolder)
        #expect(error?.description == "review store \(path): cannot create the folder \(folder.file("plain")): a file of that name is in the way")
    }

    @Test(.enabled(if: geteuid() != 0, "root may write in any folder"))
    func aFolderWithoutWritePermissionIsAClearError() throws {
        let folder = try TemporaryFolder()
        let locked = folder.file("locked")
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        chmod(locked, 0o555)
        let error = #expect(throws: ReviewStoreError.self) { try ReviewStore.open(path: "\(locked)/reviews.sqlite") }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.message.contains("no permission to write in the folder \(locked)") == true)
    }

    @Test func aWriteProtectedFileOpensReadOnly() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("r.sqlite")
        try ReviewStore.open(path: path).setMark(.ok, snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(1))
        chmod(path, 0o444)

        let store = try ReviewStore.open(path: path)
        #expect(store.isReadOnly)
        #expect(store.readOnlyReason == "the file is write-protected")
        #expect(try store.reviews(snapshot: Sample.q2)["1"]?.mark == .ok)
        let error = #expect(throws: ReviewStoreError.self) {
            try store.setMark(.followUp, snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(2))
        }
        #expect(error?.kind == .readOnly)
        #expect(error?.description.contains("not saved") == true)
        #expect(try store.reviews(snapshot: Sample.q2)["1"]?.mark == .ok)
    }

    @Test func aReadOnlyFileInAReadOnlyFolderIsStillRead() throws {
        let folder = try TemporaryFolder()
        let inner = folder.file("inner")
        let path = "\(inner)/r.sqlite"
        try ReviewStore.open(path: path).setNote("giữ", snapshot: Sample.q2, ward: "1", reviewer: "Lan", at: Sample.time(1))
        chmod(path, 0o444)
        chmod(inner, 0o555)
        let store = try ReviewStore.open(path: path)
        #expect(store.isReadOnly)
        #expect(try store.allReviews().map(\.note) == ["giữ"])
    }

    @Test func readOnlyModeNeedsAnExistingStore() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("nothing/here.sqlite")
        let error = #expect(throws: ReviewStoreError.self) { try ReviewStore.open(path: path, mode: .readOnly) }
        #expect(error?.kind == .notFound)
        #expect(!FileManager.default.fileExists(atPath: folder.file("nothing")))
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("notes.txt")
        let text = String(repeating: "Ghi chú của tôi, không phải cơ sở dữ liệu.\n", count: 40)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        let error = #expect(throws: ReviewStoreError.self) { try ReviewStore.open(path: path) }
        #expect(error?.kind == .notADatabase)
        #expect(error?.description.hasPrefix("review store \(path): is not an SQLite database") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("other.db")
        do {
            let other = try SQLiteConnection(filename: path, flags: 0x6, path: path)
            try other.execute("CREATE TABLE things (a)")
        }
        let error = #expect(throws: ReviewStoreError.self) { try ReviewStore.open(path: path) }
        #expect(error?.kind == .notAReviewStore)
    }

    @Test func aNewerSchemaIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("r.sqlite")
        do {
            let store = try ReviewStore.open(path: path)
            try store.connection.execute("PRAGMA user_version = \(ReviewSchema.currentVersion + 1)")
        }
        let error = #expect(throws: ReviewStoreError.self) { try ReviewStore.open(path: path) }
        #expect(error?.kind == .newerSchema)
        #expect(error?.message.contains("newer KieuMau") == true)
    }

    @Test func aFolderIsNotAStore() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: ReviewStoreError.self) { try ReviewStore.open(path: folder.path) }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.message.contains("is a folder") == true)
    }

    @Test func theLocationFollowsFlagThenXDGThenHome() throws {
        #expect(try ReviewStoreLocation.resolve(flag: "my.sqlite", environment: ["HOME": "/home/lan"]) == "my.sqlite")
        #expect(try ReviewStoreLocation.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/data/", "HOME": "/home/lan"])
                == "/data/kieumau/reviews.sqlite")
        #expect(try ReviewStoreLocation.resolve(flag: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/lan"])
                == "/home/lan/.local/share/kieumau/reviews.sqlite")
        #expect(try ReviewStoreLocation.resolve(flag: nil, environment: ["HOME": "/home/lan"]) == "/home/lan/.local/share/kieumau/reviews.sqlite")
        #expect(throws: ReviewStoreError.self) { try ReviewStoreLocation.resolve(flag: nil, environment: [:]) }
        #expect(throws: ReviewStoreError.self) { try ReviewStoreLocation.resolve(flag: "", environment: ["HOME": "/h"]) }
    }

    @Test func theReviewerIsTheFlagElseTheLoginName() {
        #expect(ReviewerName.resolve(flag: " Nguyễn Lan ", environment: ["USER": "lan"]) == "Nguyễn Lan")
        #expect(ReviewerName.resolve(flag: nil, environment: ["USER": "lan", "LOGNAME": "x"]) == "lan")
        #expect(ReviewerName.resolve(flag: "", environment: ["LOGNAME": "minh"]) == "minh")
        #expect(ReviewerName.resolve(flag: nil, environment: [:]) == "unknown")
    }
}
