import ArgumentParser
import Foundation
import KieuMauCore
import KieuMauTUI

/// `--config PATH`, shared by the commands that read the user's config.toml.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Your settings and keys (default: $XDG_CONFIG_HOME/kieumau/config.toml, else ~/.config/kieumau/config.toml).", valueName: "path"))
    var config: String?

    /// The config file in force, read: the one named, else the default one if it exists. A file
    /// named with --config must exist; the default one may be absent (no settings). What is
    /// wrong inside a file is in `problems`, never thrown.
    func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LoadedConfig {
        try Self.load(config, environment: environment)
    }

    /// The config file `config` (`--config`), else the default one; see `load(environment:)`.
    static func load(_ config: String?, environment: [String: String]) throws -> LoadedConfig {
        let path: String
        if let config {
            path = config
        } else if let found = Self.defaultPath(environment: environment), FileManager.default.fileExists(atPath: found) {
            path = found
        } else {
            return LoadedConfig(path: nil, config: UserConfig())
        }
        func unusable(_ why: String) throws -> LoadedConfig {
            if config != nil { throw CLIError("--config \(path): \(why)") }
            var c = UserConfig()
            c.problems = [Problem(file: path, message: why + "; the defaults are used")]
            return LoadedConfig(path: path, config: c)
        }
        // The same careful reading as theme files: a regular file only, at most 1 MiB.
        switch LocalThemeFileSystem().readRegularFile(atPath: path, limit: 1 << 20) {
        case .bytes(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return try unusable("expected UTF-8 text")
            }
            var read = UserConfig.read(text, file: path)
            read.expandHome(environment["HOME"])
            return LoadedConfig(path: path, config: read)
        case .missing: return try unusable("no such file")
        case .notARegularFile: return try unusable("not a regular file")
        case .tooLarge: return try unusable("larger than 1 MiB; not a config file")
        case .unreadable(let reason): return try unusable("cannot be read: \(reason)")
        }
    }

    /// `$XDG_CONFIG_HOME/kieumau/config.toml`, else `$HOME/.config/kieumau/config.toml`.
    static func defaultPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/kieumau/config.toml" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.config/kieumau/config.toml" }
        return nil
    }
}

/// A config file as read, with where it came from (nil: none).
struct LoadedConfig {
    var path: String?
    var config: UserConfig

    /// The key table with the file's rebindings, and every problem of the file (its entries and
    /// keys claimed twice).
    var keys: (table: KeyTable, problems: [Problem]) {
        guard let path else { return (.defaults, []) }
        let (table, conflicts) = config.keyTable(file: path)
        return (table, config.problems + conflicts)
    }
}

extension UserConfig {
    /// `~/…` in the settings that name files and folders means the home folder, as in a shell.
    mutating func expandHome(_ home: String?) {
        guard let home, home.hasPrefix("/") else { return }
        func expand(_ value: String?) -> String? {
            guard let value, value == "~" || value.hasPrefix("~/") else { return value }
            return home + value.dropFirst()
        }
        data = expand(data)
        exportDir = expand(exportDir)
        reviews = expand(reviews)
        theme = expand(theme)
    }
}
