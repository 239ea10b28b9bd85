import Foundation
import KieuMauCore
import Testing
@testable import KieuMauTUI

/// An in-memory file system: files by absolute path; folders are implied by the paths.
struct FakeThemeFileSystem: ThemeFileSystem {
    var files: [String: [UInt8]] = [:]
    /// Files that report this size on disk and are never read.
    var hugeFiles: [String: Int] = [:]

    init(_ texts: [String: String] = [:]) {
        files = texts.mapValues { Array($0.utf8) }
    }

    private var allPaths: [String] { Array(files.keys) + Array(hugeFiles.keys) }

    func contentsOfDirectory(atPath path: String) -> [String]? {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let children = Set(allPaths.filter { $0.hasPrefix(prefix) }.compactMap {
            $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
        })
        return children.isEmpty ? nil : Array(children)
    }

    func exists(atPath path: String) -> Bool {
        allPaths.contains(path) || contentsOfDirectory(atPath: path) != nil
    }

    func readRegularFile(atPath path: String, limit: Int) -> ThemeFileRead {
        if let size = hugeFiles[path] { return .tooLarge(size: size) }
        if let bytes = files[path] { return bytes.count > limit ? .tooLarge(size: bytes.count) : .bytes(bytes) }
        return contentsOfDirectory(atPath: path) != nil ? .notARegularFile : .missing
    }
}

@Suite struct ThemeLocatorTests {
    static let user = ThemeDirectory(path: "/home/an/.config/kieumau/themes", kind: .user)
    static let installed = ThemeDirectory(path: "/opt/kieumau/bin/Themes", kind: .installed)
    static let repository = ThemeDirectory(path: "/src/kieumau/Themes", kind: .repository)

    func locator(_ files: [String: String]) -> ThemeLocator {
        ThemeLocator(directories: [Self.user, Self.installed, Self.repository], fileSystem: FakeThemeFileSystem(files))
    }

    static func themeText(_ name: String, headerFG: String) -> String {
        "name = \"\(name)\"\nheader = { fg = \"\(headerFG)\" }\n"
    }

    func headerFG(_ resolution: ThemeResolution) -> ThemeColor {
        resolution.theme.style(for: .header, depth: .trueColor).fg
    }

    // MARK: - Precedence

    @Test func argumentBeatsEnvironmentBeatsDefault() throws {
        let l = locator([:])
        let env = [ThemeLocator.environmentVariable: "light"]
        #expect(l.resolve(argument: "high-contrast", environment: env).theme == BuiltInThemes.theme(named: "high-contrast"))
        #expect(l.resolve(argument: nil, environment: env).theme == BuiltInThemes.theme(named: "light"))
        let plain = l.resolve(argument: nil, environment: [:])
        #expect(plain.theme == BuiltInThemes.default)
        #expect(plain.origin == .builtIn(name: "default"))
        #expect(plain.problems.isEmpty)
        let empty = l.resolve(argument: nil, environment: [ThemeLocator.environmentVariable: ""])
        #expect(empty.theme == BuiltInThemes.default && empty.problems.isEmpty, "an empty variable counts as unset")
    }

    @Test func directoriesAreSearchedInOrderBeforeTheBuiltIns() {
        let l = locator([
            "/opt/kieumau/bin/Themes/ocean.toml": Self.themeText("ocean", headerFG: "#000002"),
            "/src/kieumau/Themes/ocean.toml": Self.themeText("ocean", headerFG: "#000003"),
            "/src/kieumau/Themes/light.toml": Self.themeText("light", headerFG: "#000004"),
            "/home/an/.config/kieumau/themes/light.toml": Self.themeText("light", headerFG: "#000001"),
        ])
        let ocean = l.load(request: "ocean", source: "--theme")
        #expect(headerFG(ocean) == .rgb(0, 0, 2), "installed comes before repository")
        #expect(ocean.origin == .file(path: "/opt/kieumau/bin/Themes/ocean.toml"))
        let light = l.load(request: "light", source: "--theme")
        #expect(headerFG(light) == .rgb(0, 0, 1), "the user's file replaces the built-in")
        #expect(light.problems.isEmpty)
        #expect(light.name == "light")
        #expect(l.load(request: "monochrome", source: "--theme").origin == .builtIn(name: "monochrome"))
    }

    @Test func pathArgumentReadsThatFile() {
        let l = locator(["/tmp/mine.toml": Self.themeText("mine", headerFG: "#0000aa")])
        let r = l.resolve(argument: "/tmp/mine.toml", environment: [ThemeLocator.environmentVariable: "light"])
        #expect(r.origin == .file(path: "/tmp/mine.toml"))
        #expect(r.name == "mine")
        #expect(headerFG(r) == .rgb(0, 0, 0xaa))
        #expect(r.problems.isEmpty)
    }

    // MARK: - Failures

    @Test func missingNameIsReportedWithASuggestionAndTheDefaultIsUsed() throws {
        let l = locator(["/home/an/.config/kieumau/themes/ocean.toml": Self.themeText("ocean", headerFG: "#000001")])
        let r = l.resolve(argument: nil, environment: [ThemeLocator.environmentVariable: "ocaen"])
        #expect(r.theme == BuiltInThemes.default)
        #expect(r.name == "default")
        let problem = try #require(r.problems.first)
        #expect(r.problems.count == 1)
        #expect(problem.file == "KIEUMAU_THEME")
        #expect(problem.severity == .error)
        #expect(problem.message.contains("no theme named \"ocaen\""))
        #expect(problem.message.contains("did you mean \"ocean\"?"))
        #expect(problem.message.contains("looked for ocaen.toml in \(Self.user.path), \(Self.installed.path), "
                                         + "\(Self.repository.path), and it is not a built-in theme"))
        #expect(problem.message.contains("using the default theme"))
    }

    @Test func fallbackIsTheUsersOwnDefaultWhenThereIsOne() {
        let l = locator(["/home/an/.config/kieumau/themes/default.toml": Self.themeText("default", headerFG: "#000009")])
        #expect(headerFG(l.resolve(argument: nil, environment: [:])) == .rgb(0, 0, 9))
        let missing = l.resolve(argument: "nope", environment: [:])
        #expect(headerFG(missing) == .rgb(0, 0, 9))
        #expect(missing.problems.count == 1)
    }

    @Test func missingPathIsReported() throws {
        let r = locator([:]).resolve(argument: "./nowhere.toml", environment: [:])
        #expect(r.theme == BuiltInThemes.default)
        let problem = try #require(r.problems.first)
        #expect(problem.file == "./nowhere.toml")
        #expect(problem.message.contains("no such file"))
    }

    @Test func brokenUserThemeKeepsItsGoodRolesAndReportsFileAndLine() throws {
        let path = "/home/an/.config/kieumau/themes/ocean.toml"
        let l = locator([path: "name = \"ocean\"\ntitle = { bold = true }\nheader = { fg = \"#12345\" }\n"])
        let r = l.resolve(argument: "ocean", environment: [:])
        #expect(r.origin == .file(path: path))
        #expect(r.theme.style(for: .title, depth: .trueColor) == Style(bold: true))
        #expect(r.theme.style(for: .header, depth: .trueColor) == BuiltInThemes.default.style(for: .header, depth: .trueColor))
        let problem = try #require(r.problems.first)
        #expect(problem.file == path)
        #expect(problem.line == 3)
        #expect(problem.path == "header.fg")
    }

    @Test func oversizedOrSpecialFilesAreNotRead() throws {
        var fs = FakeThemeFileSystem(["/home/an/.config/kieumau/themes/folder.toml/inner": "x"])
        fs.hugeFiles["/home/an/.config/kieumau/themes/huge.toml"] = 100 * 1024 * 1024
        let l = ThemeLocator(directories: [Self.user], fileSystem: fs)
        let huge = l.resolve(argument: "huge", environment: [:])
        #expect(huge.theme == BuiltInThemes.default)
        #expect(huge.problems.first?.message.contains("104857600 bytes") == true)
        let folder = l.resolve(argument: "folder", environment: [:])
        #expect(folder.problems.first?.message.contains("found a directory or device") == true)
    }

    // MARK: - Names

    @Test func decomposedFileNameIsFoundByAComposedName() {
        let nfdFile = "Su\u{031B}o\u{031B}ng.toml"   // "Sương", decomposed as macOS file systems store it
        let l = locator(["/home/an/.config/kieumau/themes/\(nfdFile)": "header = { fg = \"#000005\" }"])
        let r = l.resolve(argument: "S\u{01B0}\u{01A1}ng", environment: [:])
        #expect(r.problems.isEmpty, "\(r.problems)")
        #expect(headerFG(r) == .rgb(0, 0, 5))
        #expect(Array(r.name.unicodeScalars) == Array("S\u{01B0}\u{01A1}ng".unicodeScalars))
        #expect(Array(l.availableNames().last?.unicodeScalars ?? "".unicodeScalars) == Array("S\u{01B0}\u{01A1}ng".unicodeScalars))
    }

    @Test func availableNamesListBuiltInsFirstThenOthersSortedOnce() {
        let l = locator([
            "/home/an/.config/kieumau/themes/zebra.toml": "",
            "/home/an/.config/kieumau/themes/light.toml": "",
            "/home/an/.config/kieumau/themes/.hidden.toml": "",
            "/home/an/.config/kieumau/themes/notes.txt": "",
            "/opt/kieumau/bin/Themes/apple.toml": "",
            "/src/kieumau/Themes/default.toml": "",
            "/src/kieumau/Themes/zebra.toml": "",
        ])
        #expect(l.availableNames() == BuiltInThemes.names + ["apple", "zebra"])
        #expect(BuiltInThemes.names == ["default", "high-contrast", "light", "monochrome"])
    }

    @Test func cyclingWrapsAroundAndStartsOverFromAnUnknownName() {
        let names = ["default", "high-contrast", "light"]
        #expect(ThemeLocator.name(after: "default", in: names) == "high-contrast")
        #expect(ThemeLocator.name(after: "light", in: names) == "default")
        #expect(ThemeLocator.name(after: "gone", in: names) == "default")
        #expect(ThemeLocator.name(after: "x", in: []) == nil)
    }

    // MARK: - Standard directories

    @Test func standardDirectoriesFollowXDGThenTheExecutableThenTheCheckout() {
        let fs = FakeThemeFileSystem(["/src/km/Package.swift": "", "/src/km/Themes/default.toml": ""])
        let source = "/src/km/Sources/KieuMauTUI/Themes/ThemeLocator.swift"
        let xdg = ThemeLocator.standard(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/an"],
                                        executablePath: "/opt/km/bin/kieumau", sourceFilePath: source, fileSystem: fs)
        #expect(xdg.directories == [
            ThemeDirectory(path: "/cfg/kieumau/themes", kind: .user),
            ThemeDirectory(path: "/opt/km/bin/Themes", kind: .installed),
            ThemeDirectory(path: "/opt/km/share/kieumau/Themes", kind: .installed),
            ThemeDirectory(path: "/src/km/Themes", kind: .repository),
        ])
        let home = ThemeLocator.standard(environment: ["XDG_CONFIG_HOME": "relative/cfg", "HOME": "/home/an"],
                                         executablePath: nil, sourceFilePath: "/elsewhere/x.swift", fileSystem: fs)
        #expect(home.directories == [ThemeDirectory(path: "/home/an/.config/kieumau/themes", kind: .user)])
        let bare = ThemeLocator.standard(environment: [:], executablePath: nil, sourceFilePath: "x.swift", fileSystem: fs)
        #expect(bare.directories.isEmpty)
    }

    @Test func standardLocatorFindsThisCheckoutsThemesFolder() {
        let l = ThemeLocator.standard(environment: [:], executablePath: nil)
        let repository = l.directories.first { $0.kind == .repository }
        #expect(repository?.path == ThemeFilesTests.themesFolder.path)
        let light = l.load(name: "light")
        #expect(light.origin == .file(path: ThemeFilesTests.themesFolder.appendingPathComponent("light.toml").path))
        #expect(light.problems.isEmpty)
        #expect(light.theme == BuiltInThemes.theme(named: "light"))
    }

    // MARK: - The real file system

    @Test func localFileSystemRefusesHugeAndSpecialFilesWithoutReadingThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kieumau-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let huge = folder.appendingPathComponent("huge.toml")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 100 * 1024 * 1024)   // sparse: 100 MB on paper, nothing on disk
        try handle.close()
        let small = folder.appendingPathComponent("small.toml")
        try Data("name = \"small\"\n".utf8).write(to: small)

        let fs = LocalThemeFileSystem()
        #expect(fs.readRegularFile(atPath: huge.path, limit: ThemeParser.maxBytes) == .tooLarge(size: 100 * 1024 * 1024))
        #expect(fs.readRegularFile(atPath: small.path, limit: ThemeParser.maxBytes) == .bytes(Array("name = \"small\"\n".utf8)))
        #expect(fs.readRegularFile(atPath: folder.path, limit: ThemeParser.maxBytes) == .notARegularFile)
        #expect(fs.readRegularFile(atPath: folder.appendingPathComponent("none.toml").path, limit: 10) == .missing)
        if FileManager.default.fileExists(atPath: "/dev/zero") {
            #expect(fs.readRegularFile(atPath: "/dev/zero", limit: 10) == .notARegularFile)
        }
        let link = folder.appendingPathComponent("link.toml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: small.path)
        #expect(fs.readRegularFile(atPath: link.path, limit: ThemeParser.maxBytes) == .bytes(Array("name = \"small\"\n".utf8)))
        let hugeLink = folder.appendingPathComponent("huge-link.toml")
        try FileManager.default.createSymbolicLink(atPath: hugeLink.path, withDestinationPath: huge.path)
        #expect(fs.readRegularFile(atPath: hugeLink.path, limit: ThemeParser.maxBytes) == .tooLarge(size: 100 * 1024 * 1024))
        let dangling = folder.appendingPathComponent("dangling.toml")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: folder.appendingPathComponent("gone").path)
        if case .bytes = fs.readRegularFile(atPath: dangling.path, limit: 10) { Issue.record("a dangling link was read") }
        #expect(Set(fs.contentsOfDirectory(atPath: folder.path) ?? [])
                == ["huge.toml", "small.toml", "link.toml", "huge-link.toml", "dangling.toml"])

        let l = ThemeLocator(directories: [ThemeDirectory(path: folder.path, kind: .user)], fileSystem: fs)
        #expect(l.resolve(argument: "huge", environment: [:]).problems.first?.message.contains("at most") == true)
        #expect(l.resolve(argument: "small", environment: [:]).theme.name == "small")
    }
}
