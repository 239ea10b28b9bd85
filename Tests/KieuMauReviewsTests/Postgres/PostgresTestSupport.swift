import Foundation
import Testing
import KieuMauCore
import KieuMauReviews
@testable import KieuMauReviewsPostgres
import KieuMauTestSupport

/// Skips a test that needs a PostgreSQL server when the server programs are not installed,
/// with the reason; CI installs them (.ci/run), so there every such test runs.
let needsPostgres = ConditionTrait.enabled(if: PostgresBinaries.isAvailable,
                                           Comment(rawValue: PostgresBinaries.unavailableReason ?? "PostgreSQL is installed"))

/// A fresh database of its own in the run's shared cluster, with the schema set up by
/// `reviews init` (as the owner, the superuser `postgres`).
struct TestDatabase {
    let cluster: PostgresCluster
    let name: String

    init(cluster: PostgresCluster? = nil, initialized: Bool = true) throws {
        self.cluster = try cluster ?? PostgresCluster.shared()
        name = try self.cluster.createDatabase()
        if initialized { _ = try PostgresReviewStore.initialize(uri: uri) }
    }

    /// The owner's URI (the superuser).
    var uri: String { cluster.uri(database: name) }

    func uri(user: String, password: String? = nil) -> String { cluster.uri(database: name, user: user, password: password) }

    func open(listening: Bool = false) throws -> PostgresReviewStore {
        try PostgresReviewStore.open(uri: uri, listening: listening)
    }

    /// A login role unique to this test (roles are cluster-wide); returns its name.
    func makeRole(_ stem: String, password: String? = nil) throws -> String {
        let role = "\(stem)_\(name.suffix(8))"
        try cluster.psql("CREATE ROLE \(role) LOGIN" + (password.map { " PASSWORD '\($0)'" } ?? ""), database: "postgres")
        if password != nil { try cluster.psql("GRANT kieumau_password_login TO \(role)", database: "postgres") }
        return role
    }
}

/// Ward codes of the embedded maps used in the access tests.
enum Wards {
    /// Phường Phúc Xá, Hà Nội (01), on the map before July 2025.
    static let haNoi = "00001"
    /// Phường Hà Huy Tập, Nghệ An (40), on the map before July 2025.
    static let ngheAn = "16666"
    /// Phường Thành Vinh, Nghệ An (40), on the map from July 2025.
    static let ngheAnAfterJuly = "16681"
}
