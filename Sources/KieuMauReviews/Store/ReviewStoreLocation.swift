/// Where the review store lives: `--reviews PATH`, else `$XDG_DATA_HOME/kieumau/reviews.sqlite`,
/// else `~/.local/share/kieumau/reviews.sqlite` (the XDG base directory defaults).
public enum ReviewStoreLocation {
    public static let fileName = "reviews.sqlite"

    /// The store's path. Pure: the environment is passed in. XDG_DATA_HOME counts only when it is
    /// an absolute path (the XDG specification says to ignore a relative one).
    public static func resolve(flag: String?, environment: [String: String]) throws(ReviewStoreError) -> String {
        if let flag {
            guard !flag.isEmpty else { throw ReviewStoreError(.noLocation, path: "", "--reviews: expected a file path, found an empty string") }
            return flag
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return join(xdg, "kieumau", fileName)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return join(home, ".local", "share", "kieumau", fileName)
        }
        throw ReviewStoreError(.noLocation, path: "", "neither XDG_DATA_HOME nor HOME is set, so there is no default place for the review store; pass --reviews PATH")
    }

    private static func join(_ base: String, _ parts: String...) -> String {
        var path = base
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        for part in parts { path += (path.hasSuffix("/") ? "" : "/") + part }
        return path
    }
}

/// Who signs reviews: `--reviewer NAME`, else the login name from the environment.
public enum ReviewerName {
    /// Pure: the flag, else USER, else LOGNAME, else "unknown". Surrounding spaces are trimmed.
    public static func resolve(flag: String?, environment: [String: String]) -> String {
        for candidate in [flag, environment["USER"], environment["LOGNAME"]] {
            if let name = candidate?.trimmingSpaces, !name.isEmpty { return name }
        }
        return "unknown"
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
