import Foundation
import Testing
@testable import KieuMauCore

/// Hostile text in data files (issue 5, "Hostile input"): escape sequences, C1 controls, bidi
/// overrides and zero-width characters in every text field are kept as data but leave the program
/// inert — in reports of every format and in problem messages — and are refused where a value is
/// an id printed bare. The screen side is in KieuMauTUITests/HostileScreenTests and, through a real
/// terminal, in EndToEndTests/HostileInputEndToEndTests. (DisplaySafe itself: SearchFoldingTests.)
@Suite struct HostileInputTests {
    let fm = FileManager.default

    // MARK: - Text fields

    /// Free text is made inert as it is read (`Decoder.displayText`): every name, title, note,
    /// source, decision and criterion name of the files reads as the text the payloads wrap.
    @Test func everyTextFieldIsReadAsTheTextItShows() throws {
        let folder = try Hostile.dataFolder()
        defer { try? fm.removeItem(atPath: folder) }
        let (catalog, data) = try Hostile.latest(in: folder)
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        let plainFolder = try Hostile.dataFolder(text: { $0 })
        defer { try? fm.removeItem(atPath: plainFolder) }
        let (_, plain) = try Hostile.latest(in: plainFolder)
        let m = data.map, c = data.criteria, h = data.snapshot.header
        #expect(m.provinces.map(\.name) == plain.map.provinces.map(\.name))
        #expect(m.districts.map(\.name) == plain.map.districts.map(\.name))
        #expect(m.wards.map(\.name) == plain.map.wards.map(\.name))
        #expect([m.title] + m.notes + m.sources.flatMap { [$0.publisher, $0.title, $0.url] }
                == [plain.map.title] + plain.map.notes + plain.map.sources.flatMap { [$0.publisher, $0.title, $0.url] })
        #expect([c.title, c.decision] + c.notes + c.groups.flatMap { [$0.nameVi, $0.nameEn] } + c.criteria.flatMap { [$0.nameVi, $0.nameEn, $0.subject] }
                == [plain.criteria.title, plain.criteria.decision] + plain.criteria.notes + plain.criteria.groups.flatMap { [$0.nameVi, $0.nameEn] }
                + plain.criteria.criteria.flatMap { [$0.nameVi, $0.nameEn, $0.subject] })
        #expect([h.title] + h.notes + h.sources.flatMap { [$0.publisher, $0.title, $0.url] }
                == [plain.header.title] + plain.header.notes + plain.header.sources.flatMap { [$0.publisher, $0.title, $0.url] })
        #expect(data.snapshot.wards.map(\.note) == plain.snapshot.wards.map(\.note))
        #expect(data.snapshot.wards.map { $0.recognition?.decision } == plain.snapshot.wards.map { $0.recognition?.decision })
        #expect(data.snapshot.reported.map(\.note) == plain.snapshot.reported.map(\.note))
        #expect(m.provinces[1].name == "Tỉnh Nghệ An" && c.criteria[0].nameVi == "Tiêu chí một")
    }

    /// An escape left open at the end of a name (no terminator) takes nothing after it: the name
    /// is cleaned on its own, before anything is joined to it.
    @Test(arguments: ["\u{1B}]0;", "\u{1B}[", "\u{9D}", "\u{1B}", "\u{1B}P"])
    func anEscapeLeftOpenEndsWithItsField(tail: String) throws {
        let folder = try Hostile.dataFolder(text: { $0 + tail })
        defer { try? fm.removeItem(atPath: folder) }
        let (_, data) = try Hostile.latest(in: folder)
        #expect(data.map.wards.map(\.name).contains("Phường Hà Huy Tập"))
        let line = data.map.wards[3].name + " · " + data.map.districts[1].name
        #expect(DisplaySafe.clean(line) == "Phường Hà Huy Tập · Thành phố Vinh")
    }

    @Test(arguments: Report.Format.allCases)
    func reportsOfEveryFormatAreInert(format: Report.Format) throws {
        let folder = try Hostile.dataFolder()
        defer { try? fm.removeItem(atPath: folder) }
        let (_, data) = try Hostile.latest(in: folder)
        let summary = ProgressSummary(data)
        for province in [nil] + data.map.provinces.indices.map(Optional.some) {
            let report = Report(data: data, summary: summary, previous: nil, province: province,
                                sections: [.summary, .provinces, .criteria])
            let text = report.render(format)
            #expect(Hostile.isInert(text), "\(format), province \(province.map(String.init) ?? "none"): \(Hostile.firstUnsafe(in: text))")
            #expect(!text.contains("PWNED") && !text.contains("38;2;1;2;3") && !text.contains(#"\u001B"#),
                    "a payload's body is printed as text")
            let names = ["Tỉnh Nghệ An", "Thành phố Hà Nội", "Phường Phúc Xá", "Phường Hà Huy Tập"]
            #expect(names.contains { text.contains($0) }, "\(format), province \(province.map(String.init) ?? "none"): names lost")
        }
    }

    /// String sequences lose their bodies too, not only their introducers: what ESC k, DCS (tmux
    /// passthrough), SOS, PM and APC carry is not shown as text.
    @Test func stringSequencesAreDroppedWithTheirBodies() {
        for payload in ["\u{1B}kname\u{1B}\\", "\u{1B}Ptmux;\u{1B}\u{1B}]0;t\u{07}\u{1B}\\", "\u{1B}X sos \u{1B}\\",
                        "\u{1B}^ pm \u{07}", "\u{1B}_ apc \u{1B}\\", "\u{90}dcs\u{9C}", "\u{9F}apc\u{9C}"] {
            #expect(DisplaySafe.clean("Hà" + payload + "Nội") == "HàNội", "\(payload.debugDescription)")
        }
    }

    /// JSON output (reports, review exports) escapes what a terminal would act on or that reorders
    /// text, so `kieumau report --format json` printed to a terminal is inert and still exact.
    @Test func jsonOutputEscapesControlsBidiAndZeroWidthCharacters() {
        #expect(JSONWriter.string("a\u{1B}[2J\u{9B}1m\u{202E}\u{200D}\u{FEFF}\u{7F}b") == #""a\u001B[2J\u009B1m\u202E\u200D\uFEFF\u007Fb""#)
        #expect(JSONWriter.string("Phường Hà Huy Tập – “số 1”") == #""Phường Hà Huy Tập – “số 1”""#)
    }

    // MARK: - Ids and codes

    /// Ids, codes and series names are printed bare (snapshot lists, report headers, conflicts):
    /// one that holds an escape is refused with its place, and the file's other data is untouched.
    @Test(arguments: [
        ("hx.map.json", #""provinces": [["01""#, #""provinces": [["0\u001b[2J1""#, "provinces[0][0]", "a province code", "U+001B at character 2"),
        ("hx.map.json", #"["00004", "#, "[\"0\u{202E}0004\", ", "wards[1][0]", "a ward code", "U+202E at character 2"),
        ("record/2023-12-31.snapshot.json", #""series": "record""#, #""series": "rec\u009b2Jord""#, "series", "a series name", "U+009B at character 4"),
        ("record/2023-12-31.snapshot.json", #"{"id": "s1""#, #"{"id": "s\u200d1""#, "sources[1].id", "a source id", "U+200D at character 2"),
    ])
    func anIdWithAnEscapeIsRefusedByName(file: String, original: String, replacement: String, path: String,
                                         what: String, found: String) throws {
        let folder = try Hostile.dataFolder(text: { $0 })
        defer { try? fm.removeItem(atPath: folder) }
        let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: replacement).write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
        let problems = Catalog.validate(paths: [folder], today: Fixtures.today)
        let problem = try #require(problems.first { $0.path == path }, "\(problems)")
        #expect(problem.message == "expected \(what) without control, bidi or invisible characters, found \(found)")
        #expect(problems.allSatisfy { Hostile.isInert($0.description) })
        // The other snapshot still lists when only the newest file was touched.
        if file.hasPrefix("record/") {
            let catalog = Catalog.scan(directory: folder, today: Fixtures.today)
            #expect(catalog.snapshots.map(\.file) == ["record/2023-06-30.snapshot.json"])
        }
    }

    // MARK: - Problem messages

    /// A message quotes keys and values of the file and names the file; it goes to a terminal
    /// (`kieumau validate`, the dashboard's notice), so it is made inert whatever they hold.
    @Test func problemMessagesQuotingTheFileAreInert() throws {
        let folder = try Hostile.dataFolder(text: { $0 })
        defer { try? fm.removeItem(atPath: folder) }
        let path = folder + "/record/2024-01-01.snapshot.json"
        // An unknown key with an OSC, a date that is a raw C1 CSI, a title that is a number.
        try """
            {"format": "kieumau.snapshot", "version": 1, "asOf": "\u{9B}2J", "series": "record", "map": "hx",
             "criteria": "hc", "\\u001b]0;PWNED\\u0007": 1, "title": 5, "wards": []}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let problems = Catalog.validate(paths: [path], today: Fixtures.today)
        #expect(problems.count == 3, "\(problems)")
        for problem in problems {
            #expect(Hostile.isInert(problem.description), "\(Hostile.firstUnsafe(in: problem.description))")
            #expect(!problem.description.contains("PWNED"))
        }
        #expect(problems.contains { $0.path == "asOf" && $0.description.contains("expected a date YYYY-MM-DD") })
        #expect(problems.contains { $0.description.contains("unknown key") })
    }

    /// Names of files come from the folder listing: one with an escape or one that is not UTF-8 is
    /// named (inertly) and left out; the others load.
    @Test func dataFilesWithHostileNamesAreNamedAndLeftOut() throws {
        let folder = try Hostile.dataFolder(text: { $0 })
        defer { try? fm.removeItem(atPath: folder) }
        let good = try Data(contentsOf: URL(fileURLWithPath: folder + "/record/2023-12-31.snapshot.json"))
        let escaped = folder + "/record/x\u{1B}]0;PWNED\u{07}.snapshot.json"
        #expect(fm.createFile(atPath: escaped, contents: good))
        // A name with the byte 0xFF, made through the C API (Swift strings are always UTF-8).
        let invalid: [UInt8] = Array((folder + "/record/bad-").utf8) + [0xFF] + Array(".snapshot.json".utf8) + [0]
        let fd = invalid.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)
        let catalog = Catalog.scan(directory: folder, today: Fixtures.today)
        #expect(catalog.snapshots.map(\.file) == ["record/2023-06-30.snapshot.json", "record/2023-12-31.snapshot.json"])
        let messages = catalog.problems.map(\.description)
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.allSatisfy(Hostile.isInert))
        #expect(messages.contains { $0.contains("record/bad-\u{FFFD}.snapshot.json") && $0.contains("not valid UTF-8") })
        #expect(messages.contains { $0.contains("has control, bidi or invisible characters") && !$0.contains("PWNED") })
    }

    // MARK: - Long names

    /// 10,000-character names (and a 10,000-mark combining pile-up) load and report promptly.
    @Test(.timeLimit(.minutes(1)))
    func tenThousandCharacterNamesLoadAndReport() throws {
        let long = String(repeating: "Phường Hà Huy Tập ", count: 556).prefix(10_000)
        let zalgo = "Z" + String(repeating: "\u{0301}", count: 10_000)
        let folder = try Hostile.dataFolder(text: { $0 == "Tỉnh Nghệ An" ? String(long) : $0 == "Phường Lê Lợi" ? zalgo : $0 })
        defer { try? fm.removeItem(atPath: folder) }
        let clock = ContinuousClock()
        let start = clock.now
        let (_, data) = try Hostile.latest(in: folder)
        #expect(data.map.provinces[1].name.count == 10_000)
        let text = Report(data: data, summary: ProgressSummary(data), previous: nil, province: 1).render(.text)
        #expect(text.contains(String(long)))
        #expect(clock.now - start < .seconds(5), "a hang-like slowdown on long names")
    }

    // MARK: - Normalisation

    /// NFD, NFC and marks out of canonical order name the same ward: all are stored in NFC, and
    /// search folding finds them whichever form the query has.
    @Test func decomposedAndMixedNamesAreStoredComposedAndFound() throws {
        let nfc = "Phường Hà Huy Tập"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        // "ậ" as a + circumflex + dot below: not the canonical order (dot below, 220, goes first).
        let misordered = "Phường Hà Huy T" + "a\u{0302}\u{0323}" + "p"
        #expect(Array(misordered.utf8) != Array(nfc.utf8) && Array(misordered.utf8) != Array(nfd.utf8))
        let folder = try Hostile.dataFolder(text: { original in
            switch original {
            case "Phường Hà Huy Tập": return nfd
            case "Phường Lê Lợi": return misordered
            case "Tỉnh Nghệ An": return "Tỉnh " + "Nghệ".decomposedStringWithCanonicalMapping + " An"   // half NFD
            default: return original
            }
        })
        defer { try? fm.removeItem(atPath: folder) }
        let (_, data) = try Hostile.latest(in: folder)
        let names = data.map.wards.map(\.name)
        #expect(names.contains { Array($0.utf8) == Array(nfc.utf8) }, "NFD was not composed")
        #expect(names.contains { Array($0.utf8) == Array("Phường Hà Huy Tập".utf8) })
        #expect(Array(data.map.provinces[1].name.utf8) == Array("Tỉnh Nghệ An".utf8))
        for query in ["ha huy tap", "Hà Huy", nfd, "HÀ HUY TẬP", "tap"] {
            let hits = names.filter { SearchFolding.matches(folded: SearchFolding.fold($0), query: query) }
            #expect(hits.count == 2, "query \(query): \(hits)")   // Hà Huy Tập, and the misordered "Tập"
        }
    }

    /// What is not shown does not hide a name from search either: "thanh pho ha noi" finds the name
    /// the screen shows as "Thành phố Hà Nội", whatever invisible characters or escapes it holds.
    @Test func hiddenCharactersDoNotHideANameFromSearch() {
        for name in [Hostile.wrap("Thành phố Hà Nội"), "Thành phố Hà\u{200B} Nội", "Thành \u{1B}[1mphố Hà\u{202E} Nội",
                     "Thành phố\u{9B}0m Hà Nội"] {
            #expect(SearchFolding.fold(name) == "thanh pho ha noi", "\(name.debugDescription)")
            #expect(SearchFolding.matches(folded: SearchFolding.fold(name), query: "thanh pho ha noi"))
        }
    }
}

// MARK: - Hostile data

/// Text that tries to take over a terminal, and small data folders that carry it in every free-text
/// field. (The end-to-end tests have their own copy of the payloads, in EndToEndTests/Support/
/// HostileData.swift: test targets share no code.)
enum Hostile {
    /// Each is removed whole by `DisplaySafe.clean`, so `clean(wrap(s)) == s`.
    static let payloads = [
        "\u{1B}]0;PWNED\u{07}",          // OSC 0: set the window title
        "\u{1B}[2J",                      // erase the screen
        "\u{1B}[38;2;1;2;3m",             // a colour of its own
        "\u{9B}38;2;4;5;6m",              // the same through the 8-bit C1 CSI
        "\u{9D}2;PWNED\u{9C}",            // C1 OSC with a C1 string terminator
        "\u{1B}]52;c;cHduZWQ=\u{1B}\\",   // OSC 52: write the clipboard, ended by ESC \
        "\u{1B}kPWNED\u{1B}\\",           // screen/tmux: rename the window
        "\u{1B}Ptmux;\u{1B}\u{1B}]0;PWNED\u{07}\u{1B}\\", // DCS: tmux passthrough to the outer terminal
        "\u{98}PWNED\u{9C}",              // C1 SOS string
        "\u{202E}",                       // right-to-left override
        "\u{2066}",                       // left-to-right isolate
        "\u{200D}",                       // zero-width joiner
        "\u{200B}",                       // zero-width space
        "\u{FEFF}",                       // zero-width no-break space
    ]

    /// `text` with payloads before, inside (after the first character) and after it.
    static func wrap(_ text: String) -> String {
        guard let first = text.first else { return payloads.joined() }
        let middle = payloads.reversed().joined()
        return payloads.joined() + String(first) + middle + text.dropFirst() + payloads.joined()
    }

    /// True when `text` holds nothing a terminal would act on or that reorders or hides text.
    static func isInert(_ text: String) -> Bool {
        !text.unicodeScalars.contains { DisplaySafe.isUnsafe($0) && $0 != "\n" }
    }

    /// The first unsafe scalar of `text` with some context, for failure messages.
    static func firstUnsafe(in text: String) -> String {
        guard let i = text.unicodeScalars.firstIndex(where: { DisplaySafe.isUnsafe($0) && $0 != "\n" }) else { return "none" }
        let hex = String(text.unicodeScalars[i].value, radix: 16, uppercase: true)
        let start = text.unicodeScalars.index(i, offsetBy: -20, limitedBy: text.unicodeScalars.startIndex) ?? text.unicodeScalars.startIndex
        return "U+\(hex) after \"\(String(text.unicodeScalars[start..<i]))\""
    }

    /// A JSON string literal. `raw` leaves C1, bidi and zero-width characters as UTF-8 bytes in the
    /// file (valid JSON) instead of `\u` escapes, so both ways in are read.
    static func json(_ text: String, raw: Bool) -> String {
        guard raw else { return JSONWriter.string(text) }
        var out = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04X", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    /// A data folder (temporary) of one map, one criteria set and two record snapshots, whose every
    /// free-text field is `text(original)`: names, titles, notes, sources, decisions, criteria names.
    /// Ids, codes and series stay plain (they may not hold such characters; see the tests).
    static func dataFolder(text: (String) -> String = wrap) throws -> String {
        let folder = NSTemporaryDirectory() + "kieumau-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/record", withIntermediateDirectories: true)
        var flip = false
        // Alternate escaped and raw strings so both reach every kind of field over the files.
        func s(_ original: String) -> String { flip.toggle(); return json(text(original), raw: flip) }
        func source(_ id: String) -> String {
            #"{"id": "\#(id)", "publisher": \#(s("Công an Nghệ An")), "title": \#(s("Hội nghị sơ kết")), "date": "2023-12", "url": \#(s("https://example.vn/a"))}"#
        }
        let map = """
            {"format": "kieumau.map", "version": 1, "id": "hx", "title": \(s("Bản đồ thử")), "effective": "2025-01-01",
             "sources": [\(source("gso"))], "notes": [\(s("Ghi chú bản đồ"))],
             "provinces": [["01", \(s("Thành phố Hà Nội")), 3], ["40", \(s("Tỉnh Nghệ An")), 2]],
             "districts": [["001", \(s("Quận Ba Đình")), "01"], ["412", \(s("Thành phố Vinh")), "40"]],
             "wards": [["00001", \(s("Phường Phúc Xá")), "01", "001"], ["00004", \(s("Phường Trúc Bạch")), "01", "001"],
                       ["00007", \(s("Phường Vĩnh Phúc")), "01", "001"],
                       ["16666", \(s("Phường Hà Huy Tập")), "40", "412"], ["16690", \(s("Phường Lê Lợi")), "40", "412"]]}
            """
        let criteria = """
            {"format": "kieumau.criteria", "version": 1, "id": "hc", "title": \(s("Bốn tiêu chí")),
             "decision": \(s("QĐ 1/TEST")), "issued": "2021-07-13", "count": 4,
             "groups": [{"number": 1, "vi": \(s("Nhóm một")), "en": \(s("Group one"))}],
             "criteria": [{"number": 1, "group": 1, "vi": \(s("Tiêu chí một")), "en": \(s("Criterion one")), "subject": \(s("trụ sở"))},
                          {"number": 2, "group": null, "vi": \(s("Tiêu chí hai")), "en": \(s("Criterion two")), "subject": \(s("trang bị"))}],
             "sources": [\(source("bca"))], "notes": [\(s("Ghi chú tiêu chí"))]}
            """
        func snapshot(_ asOf: String, _ rows: String) -> String {
            """
            {"format": "kieumau.snapshot", "version": 1, "asOf": "\(asOf)", "title": \(s("Sơ kết \(asOf)")),
             "series": "record", "synthetic": false, "map": "hx", "criteria": "hc",
             "sources": [\(source("s0")), \(source("s1"))], "notes": [\(s("Ghi chú ảnh chụp"))],
             "reported": [{"scope": "national", "source": "s0", "registered": 4, "note": \(s("dự kiến"))},
                          {"scope": "national", "source": "s1", "registered": 3},
                          {"scope": "40", "source": "s1", "registered": 2, "byCriteriaMet": {"3": 2}, "note": \(s("theo báo"))}],
             "wards": [\(rows)]}
            """
        }
        let older = snapshot("2023-06-30", #"["16666", "registered", "2/4", {"year": 2021, "sources": ["s0"], "note": \#(s("thiếu"))}]"#)
        let newer = snapshot("2023-12-31", """
            ["16666", "registered", "3/4", {"year": 2021, "sources": ["s0", "s1"], "note": \(s("thiếu tiêu chí thi đua"))}],
            ["16690", "registered", "10?1", {"note": \(s("đang xét"))}],
            ["00001", "recognised", "1111", {"decision": \(s("QĐ 2878")), "recognisedOn": "2023-04-22"}],
            ["00004", "complete", "1111"]
            """)
        try map.write(toFile: folder + "/hx.map.json", atomically: true, encoding: .utf8)
        try criteria.write(toFile: folder + "/hc.criteria.json", atomically: true, encoding: .utf8)
        try older.write(toFile: folder + "/record/2023-06-30.snapshot.json", atomically: true, encoding: .utf8)
        try newer.write(toFile: folder + "/record/2023-12-31.snapshot.json", atomically: true, encoding: .utf8)
        return folder
    }

    /// The catalog of `folder` and the dataset of its latest snapshot.
    static func latest(in folder: String) throws -> (Catalog, Dataset) {
        let catalog = Catalog.scan(directory: folder, today: Fixtures.today)
        struct NoSnapshot: Error, CustomStringConvertible { var description: String }
        guard let entry = catalog.snapshots.last, let criteria = catalog.criteriaSet(of: entry) else {
            throw NoSnapshot(description: "no loadable snapshot: \(catalog.problems)")
        }
        let map = try catalog.loadMap(id: entry.header.mapID).get()
        let snapshot = try catalog.loadSnapshot(entry, map: map).get()
        return (catalog, Dataset(snapshot: snapshot, map: map, criteria: criteria))
    }
}
