import Foundation
import KieuMauTestSupport

/// Hostile data folders for the end-to-end tests of issue 5: text that tries to take over the
/// terminal in every free-text field, copies of the embedded data with hostile files beside them,
/// and the checks that reading them wrote nothing. (KieuMauCoreTests has the unit-level twin,
/// `Hostile` in HostileInputTests.swift; test targets share no code.)
enum HostileData {
    /// Escape sequences a terminal (or tmux) acts on, and characters that reorder or hide text.
    /// Each leaves a trace tmux can report if it ever reaches the pane: the title, the window name,
    /// a paste buffer, a colour in `capture-pane -e`, a cleared screen.
    static let payloads = [
        "\u{1B}]0;PWNED-TITLE\u{07}",       // OSC 0: the pane title
        "\u{1B}]2;PWNED-TITLE\u{1B}\\",     // OSC 2 ended by ST
        "\u{1B}kPWNED-WINDOW\u{1B}\\",      // screen/tmux: the window name
        "\u{1B}]52;c;UFdORUQtQ0xJUA==\u{07}", // OSC 52: the clipboard (a tmux paste buffer)
        "\u{1B}[2J\u{1B}[H",                // erase the screen, cursor home
        "\u{1B}[38;2;1;2;3m",               // a colour no theme uses
        "\u{9B}38;2;4;5;6m",                // the same through the 8-bit C1 CSI
        "\u{9D}0;PWNED-TITLE\u{9C}",        // C1 OSC, C1 string terminator
        "\u{1B}[?1049l",                    // leave the alternate screen
        "\u{202E}", "\u{2066}",             // right-to-left override, isolate
        "\u{200D}", "\u{200B}", "\u{FEFF}", // zero-width joiner, space, no-break space
    ]

    static func wrap(_ text: String) -> String {
        guard let first = text.first else { return payloads.joined() }
        return payloads.joined() + String(first) + payloads.reversed().joined() + text.dropFirst() + payloads.joined()
    }

    /// What must never be in a capture of a pane showing hostile data (with `-e`, colours too).
    static func injections(in capture: String) -> [String] {
        var found: [String] = []
        for marker in ["PWNED", "38;2;1;2;3", "38;2;4;5;6"] where capture.contains(marker) { found.append(marker) }
        for scalar in capture.unicodeScalars {
            let v = scalar.value
            if (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                || (0x200B...0x200F).contains(v) || v == 0xFEFF {
                found.append("U+" + String(v, radix: 16, uppercase: true))
            }
        }
        return found
    }

    /// A JSON string literal; `raw` leaves C1, bidi and zero-width characters as UTF-8 in the file.
    static func json(_ text: String, raw: Bool) -> String {
        var out = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if u.value < 0x20 || (!raw && u.value >= 0x7F && (u.value < 0xA0 || u.value >= 0x2000)) {
                    out += String(format: "\\u%04X", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A temporary data folder: one map of two provinces, a criteria set, two record snapshots, every
    /// free-text field passed through `text`.
    static func textFolder(text: (String) -> String = wrap) throws -> URL {
        let folder = temporaryFolder("text")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("record"), withIntermediateDirectories: true)
        var flip = false
        func s(_ original: String) -> String { flip.toggle(); return json(text(original), raw: flip) }
        func source(_ id: String) -> String {
            #"{"id": "\#(id)", "publisher": \#(s("Công an Nghệ An")), "title": \#(s("Hội nghị sơ kết")), "date": "2023-12", "url": \#(s("https://example.vn/a"))}"#
        }
        let files = [
            "hx.map.json": """
                {"format": "kieumau.map", "version": 1, "id": "hx", "title": \(s("Bản đồ thử")), "effective": "2025-01-01",
                 "sources": [\(source("gso"))], "notes": [\(s("Ghi chú bản đồ"))],
                 "provinces": [["01", \(s("Thành phố Hà Nội")), 3], ["40", \(s("Tỉnh Nghệ An")), 3]],
                 "districts": [["001", \(s("Quận Ba Đình")), "01"], ["412", \(s("Thành phố Vinh")), "40"]],
                 "wards": [["00001", \(s("Phường Phúc Xá")), "01", "001"], ["00004", \(s("Phường Trúc Bạch")), "01", "001"],
                           ["00007", \(s("Phường Vĩnh Phúc")), "01", "001"], ["16666", \(s("Phường Hà Huy Tập")), "40", "412"],
                           ["16690", \(s("Phường Lê Lợi")), "40", "412"], ["16693", \(s("Phường Trường Thi")), "40", "412"]]}
                """,
            "hc.criteria.json": """
                {"format": "kieumau.criteria", "version": 1, "id": "hc", "title": \(s("Bốn tiêu chí")),
                 "decision": \(s("QĐ 1/TEST")), "issued": "2021-07-13", "count": 4,
                 "groups": [{"number": 1, "vi": \(s("Nhóm một")), "en": \(s("Group one"))}],
                 "criteria": [{"number": 1, "group": 1, "vi": \(s("Tiêu chí một")), "en": \(s("Criterion one")), "subject": \(s("trụ sở"))},
                              {"number": 2, "group": null, "vi": \(s("Tiêu chí hai")), "en": \(s("Criterion two")), "subject": \(s("trang bị"))}],
                 "sources": [\(source("bca"))], "notes": [\(s("Ghi chú tiêu chí"))]}
                """,
            "record/2023-06-30.snapshot.json": snapshot("2023-06-30", s, source, rows: """
                ["16666", "registered", "2/4", {"year": 2021, "sources": ["s0"], "note": \(s("thiếu"))}]
                """),
            "record/2023-12-31.snapshot.json": snapshot("2023-12-31", s, source, rows: """
                ["16666", "registered", "3/4", {"year": 2021, "sources": ["s0", "s1"], "note": \(s("thiếu tiêu chí thi đua"))}],
                ["16690", "registered", "10?1", {"note": \(s("đang xét"))}],
                ["00001", "recognised", "1111", {"decision": \(s("QĐ 2878")), "recognisedOn": "2023-04-22"}],
                ["00004", "complete", "1111"]
                """),
        ]
        for (name, content) in files {
            try content.write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        return folder
    }

    private static func snapshot(_ asOf: String, _ s: (String) -> String, _ source: (String) -> String, rows: String) -> String {
        """
        {"format": "kieumau.snapshot", "version": 1, "asOf": "\(asOf)", "title": \(s("Sơ kết \(asOf)")),
         "series": "record", "synthetic": false, "map": "hx", "criteria": "hc",
         "sources": [\(source("s0")), \(source("s1"))], "notes": [\(s("Ghi chú ảnh chụp"))],
         "reported": [{"scope": "national", "source": "s0", "registered": 4, "note": \(s("dự kiến"))},
                      {"scope": "national", "source": "s1", "registered": 3},
                      {"scope": "40", "source": "s1", "registered": 2, "note": \(s("theo báo"))}],
         "wards": [\(rows)]}
        """
    }

    /// A temporary copy of the embedded maps, criteria and record (and demo, if asked).
    static func embeddedCopy(withDemo: Bool = false) throws -> URL {
        // Tests/EndToEndTests/Support/HostileData.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let embedded = root.appendingPathComponent("Sources/KieuMauCore/Resources/Data")
        let folder = temporaryFolder("data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            for part in ["maps", "criteria", "record"] + (withDemo ? ["demo"] : []) {
                try FileManager.default.copyItem(at: embedded.appendingPathComponent(part), to: folder.appendingPathComponent(part))
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)   // the caller's cleanup is not set up yet
            throw error
        }
        return folder
    }

    static func temporaryFolder(_ kind: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kieumau-e2e-hostile-\(kind)-\(UUID().uuidString)")
    }
}

/// Names, kinds, sizes, modification times and contents (of plain files under 1 MiB) of everything
/// under a folder: equal before and after a run shows the run wrote nothing there. FIFOs and
/// devices are not opened.
struct TreeDigest: Equatable, CustomStringConvertible {
    var entries: [String]

    init(_ root: URL) throws {
        let fm = FileManager.default
        var out: [String] = []
        for name in try fm.subpathsOfDirectory(atPath: root.path).sorted() {
            let path = root.path + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { out.append("\(name) ?"); continue }
            var line = "\(name) mode=\(String(info.st_mode, radix: 8)) size=\(info.st_size) mtime=\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            if info.st_mode & S_IFMT == S_IFREG, info.st_size < 1 << 20, let data = fm.contents(atPath: path) {
                line += " fnv=\(data.reduce(into: UInt64(14695981039346656037)) { $0 = ($0 ^ UInt64($1)) &* 1099511628211 })"
            }
            out.append(line)
        }
        entries = out
    }

    var description: String { entries.joined(separator: "\n") }
}

/// Running the program as another user: root reads any folder, so an unreadable data directory is
/// only unreadable to someone else. Needs root and `setpriv` (util-linux).
///
/// `nobody` cannot reach a checkout in a private folder (a home of mode 700, `mktemp -d`), so the
/// program, its resource bundle and the data it reads are copied into a folder that user can
/// reach (`Copy`), and the copy is removed afterwards.
enum OtherUser {
    static let setpriv: String? = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { getuid() == 0 && setpriv != nil }

    /// The words that run a command as `nobody` (65534) with no supplementary groups.
    static var launcher: [String] {
        [setpriv ?? "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    }

    /// True when someone who is neither the owner nor in the group can enter every folder on the way.
    static func canReach(_ path: String) -> Bool {
        var folder = URL(fileURLWithPath: path).standardizedFileURL
        while true {
            var info = stat()
            guard stat(folder.path, &info) == 0, info.st_mode & S_IXOTH != 0 else { return false }
            if folder.path == "/" { return true }
            folder.deleteLastPathComponent()
        }
    }

    /// Where folders that `nobody` must enter go: the system's temporary directory when that user
    /// can reach it, else /tmp.
    static var scratchBase: URL {
        let temporary = FileManager.default.temporaryDirectory
        return canReach(temporary.path) ? temporary : URL(fileURLWithPath: "/tmp")
    }

    /// A folder of its own that `nobody` can enter, holding a copy of the program.
    struct Copy {
        let root: URL
        /// The copied `kieumau`, with its resource bundles beside it.
        let binary: String

        init() throws {
            let fileManager = FileManager.default
            root = OtherUser.scratchBase.appendingPathComponent("kieumau-e2e-other-user-\(UUID().uuidString)")
            try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
            chmod(root.path, 0o755)
            let built = try BuiltBinary.kieumau()
            let folder = built.deletingLastPathComponent()
            binary = root.appendingPathComponent("kieumau").path
            do {
                try fileManager.copyItem(atPath: built.path, toPath: binary)
                for name in try fileManager.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".resources") {
                    try fileManager.copyItem(at: folder.appendingPathComponent(name), to: root.appendingPathComponent(name))
                }
                try Self.openToOthers(root)
            } catch {
                try? fileManager.removeItem(at: root)
                throw error
            }
        }

        /// Copies a folder (e.g. a data folder) into this one, readable by others; returns the copy.
        func place(_ folder: URL) throws -> URL {
            let target = root.appendingPathComponent(folder.lastPathComponent)
            try FileManager.default.copyItem(at: folder, to: target)
            try Self.openToOthers(target)
            return target
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        /// Folders 755, files 644 (755 when the owner may run them).
        private static func openToOthers(_ folder: URL) throws {
            chmod(folder.path, 0o755)
            for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
                let path = folder.path + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                let isFolder = info.st_mode & S_IFMT == S_IFDIR
                chmod(path, isFolder || info.st_mode & S_IXUSR != 0 ? 0o755 : 0o644)
            }
        }
    }
}
