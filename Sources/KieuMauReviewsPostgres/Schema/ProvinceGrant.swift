import KieuMauCore
import KieuMauReviews

/// A province a role was granted, with its name on the newest map that has it.
public struct GrantedProvince: Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var name: String
    public var description: String { "\(Province.shortName(name)) (\(code))" }
}

extension PostgresReviewStore {
    /// Lets `role` read every review and write marks and notes for wards of `provinces` only
    /// (replacing what it was granted before). Run by the schema's owner. The role must exist:
    /// creating logins and their passwords is the database administrator's business.
    public static func grant(role: String, provinces: [String], uri: String) throws(ReviewStoreError) -> [GrantedProvince] {
        let name = ReviewStoreAddress.postgres(uri: uri).displayName
        guard !provinces.isEmpty else {
            throw ReviewStoreError(.failed, path: name, "--province: expected one or more province codes (e.g. 40 or 01,40)")
        }
        let connection = try connect(uri, store: name)
        do throws(PGFailure) {
            return try connection.transaction { () throws(PGFailure) -> [GrantedProvince] in
                guard try connection.execute("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]).rowCount == 1 else {
                    throw PGFailure(sqlState: "KM002", message: "the server has no role \"\(role)\"; create it first (CREATE ROLE \"\(role)\" LOGIN PASSWORD '…')", connectionLost: false)
                }
                let known = try connection.execute("""
                    SELECT DISTINCT ON (code) code, name FROM kieumau.province JOIN kieumau.admin_map m ON m.id = map_id
                    WHERE code = ANY($1::text[]) ORDER BY code, m.effective DESC
                    """, [PGArray.literal(provinces)])
                var granted: [GrantedProvince] = []
                for row in 0..<known.rowCount {
                    granted.append(GrantedProvince(code: known.text(row, 0) ?? "", name: known.text(row, 1) ?? ""))
                }
                let unknown = provinces.filter { code in !granted.contains { $0.code == code } }
                guard unknown.isEmpty else {
                    throw PGFailure(sqlState: "KM002", message: "--province: no province with code \(unknown.joined(separator: ", ")) on the maps the store knows; expected codes such as 01 (Hà Nội) or 40 (Nghệ An)", connectionLost: false)
                }
                let quoted = try connection.quotedIdentifier(role)
                try connection.execute("GRANT USAGE ON SCHEMA kieumau TO \(quoted)")
                try connection.execute("GRANT SELECT ON ALL TABLES IN SCHEMA kieumau TO \(quoted)")
                try connection.execute("GRANT INSERT, UPDATE ON kieumau.review TO \(quoted)")
                try connection.execute("DELETE FROM kieumau.reviewer_province WHERE role = $1", [role])
                try connection.execute("INSERT INTO kieumau.reviewer_province (role, province) SELECT $1, unnest($2::text[])",
                                       [role, PGArray.literal(granted.map(\.code))])
                return granted
            }
        } catch where error.sqlState == "KM002" {
            throw ReviewStoreError(.failed, path: name, error.message)
        } catch where error.sqlState == "42501" && !error.connectionLost {
            throw ReviewStoreError(.refused, path: name, "role \(connection.user) may not grant (\(error.message)); run `reviews grant` as the schema's owner")
        } catch {
            throw queryError(error, store: name, role: connection.user, doing: "granting provinces to \(role)")
        }
    }
}
