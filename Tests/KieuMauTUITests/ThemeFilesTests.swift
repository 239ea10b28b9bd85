import Foundation
import KieuMauCore
import Testing
@testable import KieuMauTUI

/// The files in Themes/ are the source of truth; the built-in copies must equal them byte for byte.
/// After editing a theme file, regenerate the copies with
/// `KIEUMAU_REGENERATE_THEMES=1 swift test --filter ThemeFilesTests`.
@Suite struct ThemeFilesTests {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()
    static let themesFolder = repository.appendingPathComponent("Themes")
    static let generatedFile = repository.appendingPathComponent("Sources/KieuMauTUI/Themes/BuiltInThemeFiles.swift")

    /// (name, text) of every Themes/*.toml, sorted by name.
    static func shippedFiles() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: themesFolder.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        return try names.map { fileName in
            let data = try Data(contentsOf: themesFolder.appendingPathComponent(fileName))
            let text = try #require(String(data: data, encoding: .utf8), "\(fileName) is not UTF-8")
            return (String(fileName.dropLast(5)), text)
        }
    }

    /// The Swift source that embeds `files` as raw string literals.
    static func generatedSource(_ files: [(name: String, text: String)]) -> String {
        var out = """
        // Generated from Themes/*.toml by Tests/KieuMauTUITests/ThemeFilesTests.swift. Do not edit:
        // edit the theme file, then run `KIEUMAU_REGENERATE_THEMES=1 swift test --filter ThemeFilesTests`.
        // A test fails while this file and Themes/ differ.

        /// The text of each file in Themes/, compiled in so the installed program needs no files.
        enum BuiltInThemeFiles {
            static let files: [(name: String, text: String)] = [

        """
        for file in files {
            // Enough #s that neither the closing delimiter nor an escape can occur in the text.
            var hashes = "#"
            while file.text.contains("\"\"\"" + hashes) || file.text.contains("\\" + hashes) { hashes += "#" }
            out += "        (\"\(file.name)\", \(hashes)\"\"\"\n\(file.text)\n\"\"\"\(hashes)),\n"
        }
        out += "    ]\n}\n"
        return out
    }

    @Test func builtInCopiesEqualTheFilesByteForByte() throws {
        let files = try Self.shippedFiles()
        #expect(files.count >= 4)
        let expected = Self.generatedSource(files)
        if ProcessInfo.processInfo.environment["KIEUMAU_REGENERATE_THEMES"] == "1" {
            try expected.write(to: Self.generatedFile, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        let upToDate = actual == expected
        #expect(upToDate, "BuiltInThemeFiles.swift is out of date: run KIEUMAU_REGENERATE_THEMES=1 swift test --filter ThemeFilesTests")
        for file in files {
            let same = BuiltInThemes.fileText(named: file.name).map { Array($0.utf8) == Array(file.text.utf8) } ?? false
            #expect(same, "built-in \(file.name) differs from Themes/\(file.name).toml")
        }
        #expect(Set(BuiltInThemes.names) == Set(files.map(\.name)))
    }

    @Test func requiredThemesShipInTheCycleOrder() {
        #expect(BuiltInThemes.names.first == "default")
        for name in ["default", "light", "high-contrast", "monochrome"] {
            #expect(BuiltInThemes.names.contains(name))
        }
        #expect(Array(BuiltInThemes.names.dropFirst()) == BuiltInThemes.names.dropFirst().sorted())
    }

    @Test func everyShippedFileParsesWithoutProblemsAndEqualsItsBuiltIn() throws {
        for file in try Self.shippedFiles() {
            let fromFile = ThemeParser.parse(text: file.text, file: "Themes/\(file.name).toml",
                                             fallback: file.name == "default" ? BuiltInThemes.bare : BuiltInThemes.default)
            #expect(fromFile.problems.isEmpty, "Themes/\(file.name).toml: \(fromFile.problems)")
            #expect(fromFile.theme.name == file.name)
            let equal = BuiltInThemes.theme(named: file.name) == fromFile.theme
            #expect(equal, "built-in \(file.name) differs from Themes/\(file.name).toml as parsed")
        }
    }

    /// A shipped theme must not lean on the fallback: read against a fallback whose every style is
    /// a marker, no role may come out as the marker.
    @Test func everyShippedThemeDefinesEveryRole() throws {
        let marker = Style(fg: .rgb(1, 2, 3), bg: .rgb(4, 5, 6), bold: true, dim: true, underline: true, reverse: true)
        let poisoned = Theme(name: "marker", styles: Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0, marker) }))
        for file in try Self.shippedFiles() {
            let theme = ThemeParser.parse(text: file.text, file: "\(file.name).toml", fallback: poisoned).theme
            for role in StyleRole.allCases {
                #expect(theme.style(for: role, depth: .trueColor) != marker, "\(file.name) leaves out \(role.key)")
            }
        }
    }

    @Test func defaultMonochromeSectionIsTheModelsMonochromeDefault() {
        for role in StyleRole.allCases {
            #expect(BuiltInThemes.default.style(for: role, depth: .none) == (Theme.monochromeDefault[role] ?? Style()),
                    "[monochrome] \(role.key)")
        }
    }

    @Test func monochromeThemeHasNoColours() throws {
        let theme = try #require(BuiltInThemes.theme(named: "monochrome"))
        for role in StyleRole.allCases {
            for depth in [ColorDepth.trueColor, .none] {
                let style = theme.style(for: role, depth: depth)
                #expect(style.fg == .terminalDefault && style.bg == .terminalDefault, "\(role.key)")
            }
        }
    }
}
