import Testing
import KieuMauReviews

/// `--reviews` / `KIEUMAU_REVIEWS`: a URI means the shared store, a path a file, nothing the default.
struct ReviewStoreAddressTests {
    @Test func aURIIsASharedStoreAPathAFileAndNothingTheDefault() throws {
        let home = ["HOME": "/home/lan"]
        #expect(try ReviewStoreAddress.resolve(flag: "postgresql://lan@db/kieumau?sslmode=require", environment: home)
                == .postgres(uri: "postgresql://lan@db/kieumau?sslmode=require"))
        #expect(try ReviewStoreAddress.resolve(flag: "POSTGRES:///kieumau?host=/run/postgresql", environment: home)
                == .postgres(uri: "POSTGRES:///kieumau?host=/run/postgresql"))
        #expect(try ReviewStoreAddress.resolve(flag: "postgresql.sqlite", environment: home) == .file(path: "postgresql.sqlite"))
        #expect(try ReviewStoreAddress.resolve(flag: nil, environment: home) == .file(path: "/home/lan/.local/share/kieumau/reviews.sqlite"))
        #expect(try ReviewStoreAddress.resolve(flag: nil, environment: home.merging(["KIEUMAU_REVIEWS": "postgresql:///k"]) { $1 })
                == .postgres(uri: "postgresql:///k"))
        // The flag wins over the variable; an empty variable is no choice.
        #expect(try ReviewStoreAddress.resolve(flag: "/tmp/r.sqlite", environment: ["KIEUMAU_REVIEWS": "postgresql:///k"]) == .file(path: "/tmp/r.sqlite"))
        #expect(try ReviewStoreAddress.resolve(flag: nil, environment: home.merging(["KIEUMAU_REVIEWS": ""]) { $1 })
                == .file(path: "/home/lan/.local/share/kieumau/reviews.sqlite"))
        let empty = #expect(throws: ReviewStoreError.self) { try ReviewStoreAddress.resolve(flag: "", environment: home) }
        #expect(empty?.message.contains("expected a file path or a postgresql:// URI") == true)
    }

    @Test func passwordsNeverReachAMessage() {
        #expect(ReviewStoreAddress.postgres(uri: "postgresql://lan:bí-mật@db:5432/kieumau?sslmode=require").displayName
                == "postgresql://lan:***@db:5432/kieumau?sslmode=require")
        #expect(ReviewStoreAddress.postgres(uri: "postgresql:///kieumau?user=lan&password=x&host=/run").displayName
                == "postgresql:///kieumau?user=lan&password=***&host=/run")
        #expect(ReviewStoreAddress.postgres(uri: "postgresql://lan@db/kieumau").displayName == "postgresql://lan@db/kieumau")
        #expect(ReviewStoreAddress.file(path: "/a b/r.sqlite").displayName == "/a b/r.sqlite")
    }
}
