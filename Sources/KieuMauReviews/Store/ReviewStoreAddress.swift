/// Which store `--reviews` (else `KIEUMAU_REVIEWS`) names: a PostgreSQL connection URI
/// (`postgresql://…` or `postgres://…`) means a shared store; anything else is the path of an
/// SQLite file; with neither, the embedded SQLite default (`ReviewStoreLocation`).
public enum ReviewStoreAddress: Hashable, Sendable {
    case file(path: String)
    case postgres(uri: String)

    public static let environmentVariable = "KIEUMAU_REVIEWS"

    /// Pure: the environment is passed in.
    public static func resolve(flag: String?, environment: [String: String]) throws(ReviewStoreError) -> ReviewStoreAddress {
        if let flag {
            guard !flag.isEmpty else {
                throw ReviewStoreError(.noLocation, path: "", "--reviews: expected a file path or a postgresql:// URI, found an empty string")
            }
            return parse(flag)
        }
        if let variable = environment[environmentVariable], !variable.isEmpty { return parse(variable) }
        return .file(path: try ReviewStoreLocation.resolve(flag: nil, environment: environment))
    }

    public static func parse(_ text: String) -> ReviewStoreAddress {
        isConnectionURI(text) ? .postgres(uri: text) : .file(path: text)
    }

    public static func isConnectionURI(_ text: String) -> Bool {
        let lower = text.prefix(16).lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    /// For messages and headers: the path, or the URI with any password replaced by `***`.
    public var displayName: String {
        switch self {
        case .file(let path): return path
        case .postgres(let uri): return Self.withoutPassword(uri)
        }
    }

    /// `postgresql://lan:secret@host/db?password=x` → `postgresql://lan:***@host/db?password=***`.
    static func withoutPassword(_ uri: String) -> String {
        guard let schemeEnd = uri.range(of: "://") else { return uri }
        let rest = uri[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = String(rest[..<authorityEnd])
        if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
            authority = String(authority[...colon]) + "***" + String(authority[at...])
        }
        var tail = String(rest[authorityEnd...])
        if let question = tail.firstIndex(of: "?") {
            let query = tail[tail.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { pair in
                pair.lowercased().hasPrefix("password=") ? "password=***" : String(pair)
            }
            tail = String(tail[...question]) + query.joined(separator: "&")
        }
        return String(uri[..<schemeEnd.upperBound]) + authority + tail
    }
}
