import Foundation
import Testing
import KieuMauTestSupport

extension EndToEnd {
    /// Hostile input through the real program and a real terminal (issue 5, "Hostile input"): data
    /// whose text fields try to take over the terminal, 10,000-character and decomposed names, a data
    /// folder full of hostile files, one that cannot be read, a theme of 10,000 keys. Each case: a
    /// clear message, the rest of the data still usable, nothing written outside the program's own
    /// files. Unit-level twins: KieuMauCoreTests/HostileInputTests and HostileFileTests,
    /// KieuMauTUITests/HostileScreenTests.
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct HostileInputEndToEndTests {

        // MARK: - Escape sequences in every text field

        /// The detectors themselves: the same payloads printed raw into a pane do change its title and
        /// window name, fill a paste buffer and colour the capture. Without this, the test below could
        /// pass on a tmux that ignores them all.
        @Test func theChecksSeeAPayloadThatReachesThePane() async throws {
            let tmux = try TmuxSession(width: 80, height: 10, command: [
                "/bin/sh", "-c", #"sleep 0.3; printf '%s' "$1"; exec sleep 600"#, "x", HostileData.wrap("visible"),
            ])
            try Self.allowTitlesNamesAndClipboard(tmux)
            let screen = try await tmux.waitForScreen(escapes: true, "the colour payload") { $0.contains("38;2;1;2;3") }
            #expect(try tmux.pane("#{pane_title}").contains("PWNED"))
            #expect(try tmux.pane("#{window_name}").contains("PWNED"))
            #expect(try !tmux.command(["list-buffers"]).isEmpty, "OSC 52 made no paste buffer")
            #expect(!HostileData.injections(in: screen).isEmpty)
        }

        /// Every view, with every free-text field of the map, criteria and snapshots wrapped in the
        /// payloads: nothing reaches the pane (title, window name, paste buffers, colours, the alternate
        /// screen, the header never erased), and the wrapped text is shown.
        @Test func escapeSequencesInEveryTextFieldReachTheScreenInert() async throws {
            let folder = try HostileData.textFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let pane = try DashboardPane(width: 160, height: 40, environment: ["TERM": "xterm-256color"],
                                         arguments: ["--data", folder.path])
            try Self.allowTitlesNamesAndClipboard(pane.tmux)
            let title = try pane.tmux.pane("#{pane_title}")
            try await pane.waitUntilRunning()
            try pane.press("C-l")   // a full repaint, now that tmux would act on every payload

            func expectInert(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
                let screen = try pane.tmux.capture(escapes: true)
                #expect(HostileData.injections(in: screen).isEmpty, "\(step): \(HostileData.injections(in: screen))",
                        sourceLocation: sourceLocation)
                let lines = DashboardPane.lines(try pane.tmux.capture())
                #expect(lines.first?.contains("KieuMau") == true, "\(step): the header was erased", sourceLocation: sourceLocation)
                #expect(lines.count == 40 && !(lines.last ?? "").trimmingCharacters(in: .whitespaces).isEmpty,
                        "\(step): the status line is gone", sourceLocation: sourceLocation)
                #expect(try pane.tmux.pane("#{pane_title}") == title, "\(step): the pane title changed", sourceLocation: sourceLocation)
                #expect(try !pane.tmux.pane("#{window_name}").contains("PWNED"), "\(step): the window was renamed", sourceLocation: sourceLocation)
                #expect(try pane.tmux.command(["list-buffers"]).isEmpty, "\(step): a paste buffer appeared", sourceLocation: sourceLocation)
                #expect(try pane.tmux.pane("#{alternate_on}") == "1", "\(step): left the alternate screen", sourceLocation: sourceLocation)
            }

            try await pane.waitForLines("the provinces, named") { $0.contains { $0.contains("Tỉnh Nghệ An") } }
            try expectInert("province list")
            try pane.press("/")
            try pane.type("nghe")
            try await pane.waitForCursor(on: "Tỉnh Nghệ An")
            try pane.press("Enter", "Enter")
            try await pane.waitForLines("the wards of Nghệ An") { $0.contains { $0.contains("Phường Hà Huy Tập") } }
            try expectInert("ward list")
            try pane.press("Enter")
            try await pane.waitForLines("a ward's detail with its criteria") { $0.contains { $0.contains("Criterion one") } }
            try expectInert("ward detail")
            try pane.press("G")
            try await pane.waitForLines("the sources at the end of the detail") { $0.contains { $0.contains("Hội nghị sơ kết") } }
            try expectInert("ward detail, end")
            // From the latest known, `<` shows its snapshot as published, then the one before.
            try pane.press("<", "<")
            try await pane.waitForHeader("2023-06-30")
            try expectInert("previous snapshot")
            try pane.press("L", "?")
            try await pane.waitForLines("the help in Vietnamese") { $0.contains { $0.contains("Trợ giúp") } }
            try expectInert("help")
            try pane.press("Escape", "q")
            let (status, tty) = try await pane.waitForExit()
            #expect(status == 0)
            TerminalChecks.expectCookedTTY(tty)
            #expect(try pane.tmux.pane("#{pane_title}") == title)
        }

        /// `report` (every format), `snapshots` and `validate` print names, titles, ids and problems
        /// straight to a terminal: all of it inert. An id with an escape is refused by name, a file
        /// named with one is named inertly; the report still prints the rest.
        @Test func commandLineOutputIsInert() throws {
            let folder = try HostileData.textFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let good = try String(contentsOf: folder.appendingPathComponent("record/2023-12-31.snapshot.json"), encoding: .utf8)
            try good.replacingOccurrences(of: #""series": "record""#, with: #""series": "re\u001b]0;PWNED\u0007cord""#)
                .replacingOccurrences(of: "2023-12-31", with: "2024-01-01")
                .write(to: folder.appendingPathComponent("record/2024-01-01.snapshot.json"), atomically: false, encoding: .utf8)
            try good.replacingOccurrences(of: "2023-12-31", with: "2024-02-01")
                .write(to: folder.appendingPathComponent("record/x\u{1B}]0;PWNED\u{7}.snapshot.json"), atomically: false, encoding: .utf8)
            let binary = try BuiltBinary.kieumau().path
            var runs: [(String, ProcessResult)] = []
            for format in ["text", "markdown", "csv", "json"] {
                runs.append(("report \(format)", try runProcess(binary, ["report", "--data", folder.path, "--format", format, "--section", "all"])))
            }
            runs.append(("report --province", try runProcess(binary, ["report", "--data", folder.path, "--province", "nghe an"])))
            runs.append(("snapshots", try runProcess(binary, ["snapshots", "--data", folder.path])))
            runs.append(("validate", try runProcess(binary, ["validate", folder.path])))
            for (name, run) in runs {
                let output = run.stdout + run.stderr
                #expect(!output.unicodeScalars.contains("\u{1B}"), "\(name): an ESC was printed")
                #expect(HostileData.injections(in: output).isEmpty, "\(name): \(HostileData.injections(in: output))")
            }
            let text = runs[0].1
            #expect(text.status == 0 && text.stdout.contains("Tỉnh Nghệ An") && text.stdout.contains("as of 2023-12-31"))
            let validate = runs[6].1
            #expect(validate.status == 1)
            #expect(validate.stdout.contains("series: expected a series name without control, bidi or invisible characters, found U+001B"))
            #expect(validate.stdout.contains("warning: not read: the name has control, bidi or invisible characters"))
        }

        // MARK: - Long and decomposed names

        /// 10,000-character names in every field: clipped to the screen, the layout intact, keys
        /// answered (filter, drill in, detail) without a hang.
        @Test func tenThousandCharacterNamesAreClippedAndTheLayoutHolds() async throws {
            let folder = try HostileData.textFolder { original in
                String((original + " " + String(repeating: "Phường Hà Huy Tập ", count: 600)).prefix(10_000))
            }
            defer { try? FileManager.default.removeItem(at: folder) }
            let pane = try DashboardPane(width: 100, height: 30, arguments: ["--data", folder.path])
            func expectLayout(_ lines: [String], _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
                #expect(lines.count == 30, "\(step): \(lines.count) rows", sourceLocation: sourceLocation)
                #expect(lines.allSatisfy { displayColumns(Substring($0)) <= 100 }, "\(step): a row overflows", sourceLocation: sourceLocation)
                #expect(lines.first?.contains("KieuMau") == true, "\(step): header", sourceLocation: sourceLocation)
            }
            let first = DashboardPane.lines(try await pane.waitUntilRunning())
            expectLayout(first, "first frame")
            #expect(first.contains { $0.contains("Tỉnh Nghệ An Phường Hà Huy") && $0.contains("…") }, "names are clipped with an ellipsis")
            try pane.press("/")
            try pane.type("nghe")
            try await pane.waitForCursor(on: "Tỉnh Nghệ An")
            try pane.press("Enter", "Enter")
            let wards = try await pane.waitForLines("the wards") { $0.contains { $0.hasPrefix("    Ward ") } }
            expectLayout(wards, "ward list")
            try pane.press("Enter", "G")
            let detail = try await pane.waitForLines("the end of the detail") { $0.contains { $0.hasPrefix(" Sources") } }
            expectLayout(detail, "ward detail")
            #expect(try pane.isRunning())
        }

        /// Names written decomposed (NFD), half decomposed, and with marks out of canonical order are
        /// shown composed and found by the filter, whichever form is typed.
        @Test func decomposedNamesAreShownComposedAndFound() async throws {
            let folder = try HostileData.textFolder { original in
                switch original {
                case "Phường Hà Huy Tập": return original.decomposedStringWithCanonicalMapping
                case "Phường Lê Lợi": return "Phường Le\u{0302} " + "Lợi".decomposedStringWithCanonicalMapping   // half decomposed
                case "Phường Trường Thi": return "Phường Tru\u{031B}o\u{031B}\u{0300}ng Thi"   // ư, ờ from marks
                default: return original
                }
            }
            defer { try? FileManager.default.removeItem(at: folder) }
            let pane = try DashboardPane(width: 100, height: 30, arguments: ["--data", folder.path])
            try await pane.waitUntilRunning()
            try pane.press("/")
            try pane.type("nghe")
            try await pane.waitForCursor(on: "Tỉnh Nghệ An")
            try pane.press("Enter", "Enter")
            let wards = try await pane.waitForLines("the wards") { $0.contains { $0.hasPrefix("    Ward ") } }
            // Composed on screen (the bytes of NFC, one cell per letter), so the columns after the names line up.
            let rows = wards.filter { $0.contains("Phường") }
            for name in ["Phường Hà Huy Tập", "Phường Lê Lợi", "Phường Trường Thi"] {
                let nfc = Array(name.precomposedStringWithCanonicalMapping.utf8)
                #expect(rows.contains { row in Array(row.utf8).indices.contains { Array(row.utf8).dropFirst($0).starts(with: nfc) } },
                        "\(name) is not shown composed:\n\(rows.joined(separator: "\n"))")
            }
            let stageColumns = Set(rows.compactMap { column(of: "◐", in: $0) ?? column(of: "·", in: $0) })
            #expect(stageColumns.count == 1, "stage columns do not line up:\n\(rows.joined(separator: "\n"))")
            for query in ["ha huy tap", "Hà Huy", "Ha\u{0300} Huy", "HÀ HUY TẬP"] {
                try pane.press("/")
                try pane.type(query)
                try await pane.waitForLines("\(query.debugDescription) finds Hà Huy Tập alone") { lines in
                    DashboardPane.cursorRow(in: lines)?.contains("Phường Hà Huy Tập") == true
                        && !lines.contains { $0.hasPrefix("    Phường ") }
                }
                try pane.press("Escape")
                try await pane.waitForLines("the filter cleared") { $0.contains { $0.hasPrefix("    Phường ") } }
            }
        }

        // MARK: - Hostile files

        /// Beside the real record: a snapshot over the size limit (sparse), one nested 100,000 deep,
        /// links to /dev/zero, a FIFO, invalid UTF-8, a second snapshot for one date, a file named with
        /// an escape, a criteria set nested 100,000 deep, and a newest snapshot whose rows are broken.
        /// The dashboard opens at once on the newest snapshot it can read, says which it could not, and
        /// steps through the others; the data folder, the working folder and HOME are left unchanged
        /// (digests go to XDG_CACHE_HOME, elsewhere here).
        @Test(.timeLimit(.minutes(1)))
        func hostileFilesAreNamedAndTheRestOfTheDataIsUsable() async throws {
            let folder = try HostileData.embeddedCopy()
            let cwd = HostileData.temporaryFolder("cwd"), home = HostileData.temporaryFolder("home")
            let cache = HostileData.temporaryFolder("cache")
            defer { for f in [folder, cwd, home, cache] { try? FileManager.default.removeItem(at: f) } }
            for f in [cwd, home] { try FileManager.default.createDirectory(at: f, withIntermediateDirectories: true) }
            let record = folder.appendingPathComponent("record")
            let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            let header = #""format": "kieumau.snapshot", "version": 1, "series": "record", "map": "vn-2025-07", "criteria": "bca-2024-20""#
            try #"{\#(header), "asOf": "2025-08-01", "wards": [["nope", "registered", "1"]]}"#
                .write(to: record.appendingPathComponent("2025-08-01.snapshot.json"), atomically: false, encoding: .utf8)
            try #"{\#(header), "asOf": "2025-01-01", "notes": \#(deep), "wards": []}"#
                .write(to: record.appendingPathComponent("deep.snapshot.json"), atomically: false, encoding: .utf8)
            try Data(#"{\#(header), "asOf": "2025-01-02", "title": "Ph"#.utf8 + [0xFF] + #"ng", "wards": []}"#.utf8)
                .write(to: record.appendingPathComponent("latin1.snapshot.json"))
            try #"{"format": "kieumau.criteria", "version": 1, "id": "deep", "count": 1, "notes": \#(deep)}"#
                .write(to: folder.appendingPathComponent("criteria/deep.criteria.json"), atomically: false, encoding: .utf8)
            let huge = record.appendingPathComponent("huge.snapshot.json").path
            #expect(FileManager.default.createFile(atPath: huge, contents: Data("{".utf8)) && truncate(huge, 300 << 20) == 0)
            try FileManager.default.createSymbolicLink(atPath: record.appendingPathComponent("zero.snapshot.json").path, withDestinationPath: "/dev/zero")
            #expect(mkfifo(record.appendingPathComponent("fifo.snapshot.json").path, 0o600) == 0)
            try FileManager.default.copyItem(at: record.appendingPathComponent("2023-12-31.snapshot.json"),
                                             to: record.appendingPathComponent("z-again-2023-12-31.snapshot.json"))
            try FileManager.default.copyItem(at: record.appendingPathComponent("2024-03-27.snapshot.json"),
                                             to: record.appendingPathComponent("x\u{1B}]0;PWNED\u{7}.snapshot.json"))
            let before = try (TreeDigest(folder), TreeDigest(cwd), TreeDigest(home))

            let pane = try DashboardPane(width: 160, height: 40, environment: ["HOME": home.path, "XDG_DATA_HOME": home.path + "/data",
                                                                              "XDG_STATE_HOME": home.path + "/state", "XDG_CACHE_HOME": cache.path],
                                         arguments: ["--data", folder.path], directory: cwd.path)
            let title = try pane.tmux.pane("#{pane_title}")
            let first = DashboardPane.lines(try await pane.waitUntilRunning(timeout: .seconds(5)))
            // The latest known, on the newest readable snapshot, among the 9 the series lists (the 8
            // embedded and the broken newest; the others are refused when listing).
            #expect(first.first?.contains("latest known on ") == true, "\(first.first ?? "")")
            #expect(first.last?.contains("Could not load record/2025-08-01.snapshot.json") == true, "\(first.last ?? "")")
            try pane.press("<")
            try await pane.waitForHeader("2025-07-01 as published ▸ (8 of 9)")
            try pane.press("<", "<", "<", "<")
            try await pane.waitForHeader("2023-12-31 as published ▸ (4 of 9)")
            try pane.press(">", ">", ">", ">")
            try await pane.waitForHeader("2025-07-01")
            try pane.press(">")
            try await pane.waitForStatus("Could not load record/2025-08-01.snapshot.json")
            // Past the last readable snapshot: the latest known (read off the main thread).
            try await pane.waitForHeader("latest known on ")
            try pane.press("q")
            let (status, tty) = try await pane.waitForExit()
            #expect(status == 0)
            TerminalChecks.expectCookedTTY(tty)
            #expect(try pane.tmux.pane("#{pane_title}") == title)

            // Every hostile file is named by `validate`, with its limit or expectation.
            let validate = try runProcess(try BuiltBinary.kieumau().path, ["validate", folder.path])
            for phrase in ["huge.snapshot.json: file is 314572800 bytes, above the limit of 268435456 bytes",
                           "deep.snapshot.json:1:", "nested deeper than 64 levels", "zero.snapshot.json: not a regular file (a character device)",
                           "fifo.snapshot.json: not a regular file (a FIFO)", "latin1.snapshot.json:1:", "invalid UTF-8 at byte offset",
                           "z-again-2023-12-31.snapshot.json: warning:", "already the snapshot of series `record` for 2023-12-31",
                           "criteria/deep.criteria.json:1:", "not read: the name has control, bidi or invisible characters",
                           "2025-08-01.snapshot.json:1:"] {
                #expect(validate.stdout.contains(phrase), "validate does not say \"\(phrase)\":\n\(validate.stdout)")
            }
            #expect(HostileData.injections(in: validate.stdout).isEmpty && !validate.stdout.contains("\u{1B}"))

            let after = try (TreeDigest(folder), TreeDigest(cwd), TreeDigest(home))
            #expect(after.0 == before.0, "the data folder changed")
            #expect(after.1 == before.1, "something was written to the working folder:\n\(after.1)")
            #expect(after.2 == before.2, "something was written to HOME:\n\(after.2)")
            // The digest cache holds digests of the snapshots that could be read, and nothing else.
            let digests = try FileManager.default.contentsOfDirectory(atPath: cache.path + "/kieumau/digests")
            #expect(!digests.isEmpty && digests.allSatisfy { $0.hasSuffix(".complete.digest") }, "\(digests)")
        }

        /// A data folder another user cannot read (root reads everything, so the program runs as
        /// `nobody`): a sub-folder that cannot be read is named and the other series opens; a whole
        /// folder that cannot be read is refused with the reason.
        @Test(.enabled(if: OtherUser.isAvailable, "needs root and setpriv to run the program as another user"))
        func anUnreadableDataFolderIsNamedAndTheRestOpens() async throws {
            // The program and the data go where `nobody` can reach them, whatever folder the
            // checkout is in (a private home of mode 700 kept it out: "Permission denied").
            let reachable = try OtherUser.Copy()
            defer { reachable.remove() }
            let original = try HostileData.embeddedCopy(withDemo: true)
            let folder = try reachable.place(original)
            try? FileManager.default.removeItem(at: original)
            defer {
                chmod(folder.path, 0o755); chmod(folder.appendingPathComponent("record").path, 0o755)
            }
            #expect(chmod(folder.appendingPathComponent("record").path, 0o000) == 0)
            let before = try TreeDigest(folder)
            let pane = try DashboardPane(width: 120, height: 30, arguments: ["--data", folder.path], launcher: OtherUser.launcher,
                                         binary: reachable.binary)
            let lines = DashboardPane.lines(try await pane.waitUntilRunning())
            #expect(lines.first?.contains("DEMO") == true, "the demo series opens when the record cannot be read: \(lines.first ?? "")")
            #expect(lines.last?.contains("1 data problem") == true, "\(lines.last ?? "")")
            try pane.press("<", "<")
            try await pane.waitForHeader("2025-09-30")
            try pane.press("q")
            #expect(try await pane.waitForExit().status == 0)

            let asNobody = { (arguments: [String]) in
                try runProcess(OtherUser.launcher[0], Array(OtherUser.launcher.dropFirst()) + [reachable.binary] + arguments)
            }
            let report = try asNobody(["report", "--data", folder.path])
            #expect(report.status == 0 && report.stdout.contains("DEMO"), "\(report.stderr)")
            let validate = try asNobody(["validate", folder.path])
            #expect(validate.status == 1 && validate.stdout.contains("record/: cannot read folder: Permission denied"), "\(validate.stdout)")

            #expect(chmod(folder.path, 0o000) == 0)
            let refused = try asNobody(["report", "--data", folder.path])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("no loadable snapshot") && refused.stderr.contains("cannot read folder: Permission denied"), "\(refused.stderr)")
            chmod(folder.path, 0o755)
            #expect(try TreeDigest(folder) == before)
        }

        // MARK: - Theme

        /// A theme file of 10,000 keys (under the size limit) and one whose keys hold escapes: the
        /// dashboard opens with the built-in default, says why on its status line, and its messages on
        /// standard error (left on the screen after quitting) are inert.
        @Test func aThemeOfTenThousandKeysFallsBackToTheDefault() async throws {
            let folder = HostileData.temporaryFolder("theme")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let many = folder.appendingPathComponent("many.toml")
            try (0..<10_000).map { "k\($0) = 1" }.joined(separator: "\n")
                .write(to: many, atomically: false, encoding: .utf8)
            let pane = try DashboardPane(width: 160, height: 30, environment: ["TERM": "xterm-256color"], arguments: ["--theme", many.path])
            try await pane.waitUntilRunning()
            let status = try await pane.waitForStatus("theme:")
            #expect(status.contains("more than") && status.contains("keys"), "\(status)")
            try await pane.tmux.waitForScreen(escapes: true, "the default theme's headings (#5fafd7, 256-colour 74)") { $0.contains("38;5;74m") }
            try pane.press("q")
            #expect(try await pane.waitForExit().status == 0)

            let hostile = folder.appendingPathComponent("hostile.toml")
            try #"""
                "\u001b]0;PWNED\u0007x" = { fg = "#112233" }
                name = "a\u001b]2;PWNED\u0007b"
                bar_met = { fg = "\u009b38;2;1;2;3m" }
                """#.write(to: hostile, atomically: false, encoding: .utf8)
            let second = try DashboardPane(width: 160, height: 30, arguments: ["--theme", hostile.path])
            try Self.allowTitlesNamesAndClipboard(second.tmux)
            let title = try second.tmux.pane("#{pane_title}")
            try await second.waitUntilRunning()
            try second.press("q")
            _ = try await second.waitForExit()
            let screen = try second.tmux.capture(escapes: true)
            #expect(screen.contains("kieumau: theme:"), "the theme's problems are not on standard error:\n\(screen)")
            #expect(HostileData.injections(in: screen).isEmpty, "\(HostileData.injections(in: screen))")
            #expect(try second.tmux.pane("#{pane_title}") == title)
        }

        // MARK: - Helpers

        /// Lets tmux act on every payload: OSC 52 makes paste buffers, ESC k renames windows.
        static func allowTitlesNamesAndClipboard(_ tmux: TmuxSession) throws {
            try tmux.command(["set-option", "-g", "set-clipboard", "on"])
            try tmux.command(["set-window-option", "-g", "allow-rename", "on"])
        }
    }
}
