import Foundation
import KieuMauCore

/// A folder searched for `NAME.toml` theme files.
public struct ThemeDirectory: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// `$XDG_CONFIG_HOME/kieumau/themes` (or `~/.config/kieumau/themes`): the user's own.
        case user
        /// `Themes/` beside the executable, or `../share/kieumau/Themes`: installed with it.
        case installed
        /// `Themes/` of the source checkout the program was built from.
        case repository
    }
    public var path: String
    public var kind: Kind
    public init(path: String, kind: Kind) { self.path = path; self.kind = kind }
}

/// Where a resolved theme came from.
public enum ThemeOrigin: Hashable, Sendable {
    case builtIn(name: String)
    case file(path: String)
}

/// The theme to use, where it came from, and everything worth telling the user about it.
public struct ThemeResolution: Sendable {
    public var theme: Theme
    /// The name `availableNames()` lists it under (file name without `.toml`), for the `t` key.
    public var name: String
    public var origin: ThemeOrigin
    /// Errors (a theme not found or unreadable, broken values) and warnings (unknown keys).
    public var problems: [Problem]
}

/// Finds themes: `--theme NAME|PATH`, then `$KIEUMAU_THEME`, then `default`. A name is looked up
/// as `NAME.toml` in each directory in order, then among the built-ins; anything that cannot be
/// used is reported and the default theme is used instead.
public struct ThemeLocator: Sendable {
    public static let environmentVariable = "KIEUMAU_THEME"

    /// Searched in this order; the built-ins come after all of them.
    public var directories: [ThemeDirectory]
    public var fileSystem: any ThemeFileSystem

    public init(directories: [ThemeDirectory], fileSystem: any ThemeFileSystem = LocalThemeFileSystem()) {
        self.directories = directories
        self.fileSystem = fileSystem
    }

    /// The locator the program uses: the real environment, executable and file system.
    public static func system(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeLocator {
        let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().path
        return standard(environment: environment, executablePath: executable)
    }

    /// The standard search directories for an environment and executable path, checked on `fileSystem`.
    public static func standard(environment: [String: String], executablePath: String?,
                                sourceFilePath: String = #filePath,
                                fileSystem: any ThemeFileSystem = LocalThemeFileSystem()) -> ThemeLocator {
        var found: [ThemeDirectory] = []
        func add(_ path: String, _ kind: ThemeDirectory.Kind) {
            if !found.contains(where: { $0.path == path }) { found.append(ThemeDirectory(path: path, kind: kind)) }
        }
        if let user = userThemeDirectory(environment: environment) { add(user, .user) }
        if let executablePath, let binDirectory = parent(of: executablePath) {
            add(binDirectory + "/Themes", .installed)
            if let prefix = parent(of: binDirectory) { add(join(prefix, "share/kieumau/Themes"), .installed) }
        }
        if let repository = repositoryThemeDirectory(sourceFilePath: sourceFilePath, fileSystem: fileSystem) {
            add(repository, .repository)
        }
        return ThemeLocator(directories: found, fileSystem: fileSystem)
    }

    /// `$XDG_CONFIG_HOME/kieumau/themes`, else `$HOME/.config/kieumau/themes`; the XDG base
    /// directory rules ignore an empty or relative `XDG_CONFIG_HOME`.
    public static func userThemeDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return join(xdg, "kieumau/themes") }
        if let home = environment["HOME"], home.hasPrefix("/") { return join(home, ".config/kieumau/themes") }
        return nil
    }

    /// The `Themes/` folder of the checkout this file was compiled from: the first folder above
    /// `sourceFilePath` holding both `Package.swift` and `Themes`. Absent once installed elsewhere.
    public static func repositoryThemeDirectory(sourceFilePath: String, fileSystem: any ThemeFileSystem) -> String? {
        var current = parent(of: sourceFilePath)
        while let folder = current {
            if fileSystem.exists(atPath: join(folder, "Package.swift")), fileSystem.exists(atPath: join(folder, "Themes")) {
                return join(folder, "Themes")
            }
            current = parent(of: folder)
        }
        return nil
    }

    // MARK: - Resolving

    /// The theme to start with: `argument` (`--theme`), else `$KIEUMAU_THEME` when set and not
    /// empty, else `default`.
    public func resolve(argument: String?, environment: [String: String]) -> ThemeResolution {
        if let argument { return load(request: argument, source: "--theme") }
        if let value = environment[Self.environmentVariable], !value.isEmpty {
            return load(request: value, source: Self.environmentVariable)
        }
        return load(name: BuiltInThemes.defaultName, source: "theme")
    }

    /// A theme named or pointed to by `request`: a path when it contains `/` or ends in `.toml`,
    /// otherwise a name. `source` (`--theme`, `KIEUMAU_THEME`) names the request in messages.
    public func load(request: String, source: String) -> ThemeResolution {
        if request.contains("/") || request.hasSuffix(".toml") {
            return loadFile(atPath: request, name: ThemeParser.themeName(fromFile: request), source: source)
        }
        return load(name: request, source: source)
    }

    /// A theme by name (as `availableNames()` lists it): the first `NAME.toml` in the search
    /// directories, else the built-in of that name, else the default with a message.
    public func load(name rawName: String, source: String = "theme") -> ThemeResolution {
        // NFC (a name typed on macOS comes decomposed); an ASCII name is already.
        let name = rawName.utf8.allSatisfy { $0 < 0x80 } ? rawName : rawName.precomposedStringWithCanonicalMapping
        guard !name.isEmpty else {
            return fallback(after: [Problem(file: source, message: "expected a theme name or a path to a .toml file, "
                                            + "found an empty string; using the default theme")])
        }
        for directory in directories {
            if let fileName = themeFiles(in: directory.path).first(where: { $0.name == name })?.fileName {
                return loadFile(atPath: join(directory.path, fileName), name: name, source: source)
            }
        }
        if let builtIn = BuiltInThemes.theme(named: name) {
            return ThemeResolution(theme: builtIn, name: name, origin: .builtIn(name: name), problems: [])
        }
        let available = availableNames()
        let hint = NearestKey.nearest(to: name, among: available).map { " (did you mean \"\($0)\"?)" } ?? ""
        let searched = directories.isEmpty ? "" : "looked for \(name).toml in "
            + directories.map(\.path).joined(separator: ", ") + ", and "
        let message = "no theme named \"\(name)\"\(hint); \(searched)it is not a built-in theme; "
            + "available: " + available.joined(separator: ", ") + "; using the default theme"
        return fallback(after: [Problem(file: source, message: message)])
    }

    /// Theme names for the `t` key: the built-ins in their order, then the others found in the
    /// search directories, sorted. A user file with a built-in's name replaces it in place.
    public func availableNames() -> [String] {
        var names = BuiltInThemes.names
        var seen = Set(names)
        var others: [String] = []
        for directory in directories {
            for file in themeFiles(in: directory.path) where seen.insert(file.name).inserted {
                others.append(file.name)
            }
        }
        names += others.sorted()
        return names
    }

    /// The name after `current` in `names`, wrapping around; the first name when `current` is absent.
    public static func name(after current: String, in names: [String]) -> String? {
        guard let index = names.firstIndex(of: current) else { return names.first }
        return names[(index + 1) % names.count]
    }

    // MARK: - Files

    private func loadFile(atPath path: String, name: String, source: String) -> ThemeResolution {
        let failure: String
        switch fileSystem.readRegularFile(atPath: path, limit: ThemeParser.maxBytes) {
        case .bytes(let bytes):
            // An unchanged copy of the default theme (the checkout's `Themes/`, an installed copy)
            // is the built-in default, already read: the start does not parse it twice.
            if name == BuiltInThemes.defaultName, let text = BuiltInThemes.fileText(named: name),
               bytes.elementsEqual(text.utf8) {
                return ThemeResolution(theme: BuiltInThemes.default, name: name, origin: .file(path: path), problems: [])
            }
            let (theme, problems) = ThemeParser.parse(bytes: bytes, file: path)
            return ThemeResolution(theme: theme, name: name, origin: .file(path: path), problems: problems)
        case .missing:
            failure = "no such file (asked for by \(source))"
        case .notARegularFile:
            failure = "expected a theme file, found a directory or device (asked for by \(source))"
        case .tooLarge(let size):
            let measured = size.map { "the file is \($0) bytes; " } ?? "the file grew while being read; "
            failure = measured + "a theme file may be at most \(ThemeParser.maxBytes) bytes (256 KiB), so it was not read"
        case .unreadable(let reason):
            failure = "could not read the file: \(reason)"
        }
        return fallback(after: [Problem(file: path, message: failure + "; using the default theme")])
    }

    /// The default theme (the user's `default.toml` when there is one), after `problems`.
    private func fallback(after problems: [Problem]) -> ThemeResolution {
        var resolution = ThemeResolution(theme: BuiltInThemes.default, name: BuiltInThemes.defaultName,
                                         origin: .builtIn(name: BuiltInThemes.defaultName), problems: [])
        for directory in directories {
            if let fileName = themeFiles(in: directory.path).first(where: { $0.name == BuiltInThemes.defaultName })?.fileName {
                let path = join(directory.path, fileName)
                // Read it directly, not through loadFile, so a broken default cannot loop back here.
                if case .bytes(let bytes) = fileSystem.readRegularFile(atPath: path, limit: ThemeParser.maxBytes) {
                    let (theme, parseProblems) = ThemeParser.parse(bytes: bytes, file: path)
                    resolution = ThemeResolution(theme: theme, name: BuiltInThemes.defaultName,
                                                 origin: .file(path: path), problems: parseProblems)
                }
                break
            }
        }
        resolution.problems = problems + resolution.problems
        return resolution
    }

    /// The `*.toml` files in a folder, as (name without `.toml`, in NFC; file name on disk),
    /// in a stable order. Hidden files are skipped.
    private func themeFiles(in directory: String) -> [(name: String, fileName: String)] {
        guard let entries = fileSystem.contentsOfDirectory(atPath: directory) else { return [] }
        return entries.sorted().compactMap { fileName in
            guard fileName.hasSuffix(".toml"), !fileName.hasPrefix(".") else { return nil }
            let name = String(fileName.dropLast(5)).precomposedStringWithCanonicalMapping
            return name.isEmpty ? nil : (name, fileName)
        }
    }
}

// MARK: - Path helpers (plain strings, so tests can use any fake layout)

private func join(_ folder: String, _ child: String) -> String {
    folder.hasSuffix("/") ? folder + child : folder + "/" + child
}

/// The folder holding `path`, or nil at the root.
private func parent(of path: String) -> String? {
    var trimmed = path
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return nil }
    if slash == trimmed.startIndex { return trimmed == "/" ? nil : "/" }
    return String(trimmed[..<slash])
}
