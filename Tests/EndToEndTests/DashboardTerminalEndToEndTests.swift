import Foundation
import Testing
import KieuMauTestSupport

extension EndToEnd {
    /// The real dashboard against the terminal: resizing, language and themes, colour and its absence,
    /// a non-UTF-8 locale, quitting, and terminals it must refuse. One tmux server per test, in parallel.
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct DashboardTerminalEndToEndTests {

        // MARK: - Layout

        @Test func resizingSwitchesLayoutsAndNeverEndsTheProgram() async throws {
            let pane = try DashboardPane(width: 120, height: 40)
            let wide = DashboardPane.lines(try await pane.waitUntilRunning())
            #expect(Self.headingRow(wide)?.contains("│") == true, "120×40 shows list and detail side by side")

            // 80×24: one pane, every column of the province list.
            try pane.tmux.resize(width: 80, height: 24)
            // (tmux cuts the old lines at 80 columns at once; the program's own heading ends in "Need"
            // and, once the projection is known, the 2025 outlook column.)
            let single = try await pane.waitForLines("the 80×24 layout") {
                $0.count == 24 && Self.headingRow($0).map { $0.hasSuffix("Need") || $0.hasSuffix("Need 2025") } == true
            }
            let heading = try #require(Self.headingRow(single))
            #expect(!heading.contains("│"), "no detail pane at 80×24: \(heading)")
            #expect(heading.contains("Reg") && heading.contains("Share") && heading.contains("Need"))
            #expect(single.allSatisfy { displayColumns(Substring($0)) <= 80 })

            // 50×16: the compact layout (fewer columns, one summary line).
            try pane.tmux.resize(width: 50, height: 16)
            let compact = try await pane.waitForLines("the compact 50×16 layout") { lines in
                lines.count <= 16 && Self.headingRow(lines).map { !$0.contains("Reg") } == true
            }
            #expect(compact.allSatisfy { displayColumns(Substring($0)) <= 50 })
            #expect(compact.first?.contains("KieuMau") == true)
            #expect(DashboardPane.cursorRow(in: compact)?.contains("Tỉnh An Giang") == true)

            // 30×8: below the 40×10 minimum.
            try pane.tmux.resize(width: 30, height: 8)
            try await pane.waitForLines("the too-small message with the size") { lines in
                lines.contains { $0.contains("Terminal too small") } && lines.contains { $0.contains("have 30×8") }
            }

            // 1×1 cannot be read back (its only cell is the unwritable bottom-right corner): give the
            // program a moment to draw it, then grow and check it is alive and redrawing.
            try pane.tmux.resize(width: 1, height: 1)
            try await Task.sleep(for: .milliseconds(200))
            try pane.tmux.resize(width: 160, height: 48)
            let big = try await pane.waitForLines("list and detail side by side at 160×48") { lines in
                lines.count == 48 && Self.headingRow(lines)?.contains("│") == true
                    && lines.contains { $0.contains("│ Tỉnh An Giang") }
            }
            #expect(big.first?.contains("latest known on ") == true)
            #expect(try pane.isRunning(), "the program ended while resizing")
            try pane.press("j")
            try await pane.waitForCursor(on: "Tỉnh Bắc Ninh")
        }

        // MARK: - Language, theme, help

        @Test func languageKeyTogglesVietnameseAndEnglish() async throws {
            let pane = try DashboardPane()
            try await pane.waitUntilRunning()
            try pane.press("L")
            try await pane.waitForStatus("Toàn quốc")
            #expect(try pane.screenLines().first?.contains("34 tỉnh") == true)
            #expect(try pane.screenLines().first?.contains("mới nhất đến ") == true)
            try pane.press("L")
            try await pane.waitForStatus("Nationwide")
            #expect(try pane.screenLines().first?.contains("34 provinces") == true)
        }

        @Test func themeKeyCyclesThroughTheBuiltInThemes() async throws {
            let pane = try DashboardPane(environment: ["TERM": "xterm-256color"])
            // Wait for the frame after the deferred work (the observed pace needs the previous snapshot).
            let original = try await Self.stableColouredScreen(pane)
            #expect(Self.headingEscapes(original).contains("38;5;74m"), "default theme: headings in #5fafd7 (74)")

            try pane.press("t")
            try await pane.tmux.waitForScreen(escapes: true, "another theme's colours") {
                Self.listArea($0) != Self.listArea(original)
            }
            try await pane.waitForStatus("theme: high-contrast")
            try pane.press("t")
            // The light theme draws headings in #005f87 (256-colour 24).
            try await pane.tmux.waitForScreen(escapes: true, "the light theme's headings") {
                Self.headingEscapes($0).contains("38;5;24m")
            }
            try pane.press("t", "t")
            // Back to the default theme's colours after a full cycle.
        try await pane.tmux.waitForScreen(escapes: true, "the default theme again after a full cycle") {
            Self.headingEscapes($0).contains("38;5;74m")
        }
        }

        @Test func helpOpensAndCloses() async throws {
            let pane = try DashboardPane()
            try await pane.waitUntilRunning()
            try pane.press("?")
            let help = try await pane.waitForLines("the help overlay") { $0.contains { $0.contains("Help — KieuMau") } }
            #expect(help.contains { $0.contains(" q ") && $0.contains("quit") })
            #expect(help.contains { $0.contains("next ward") })
            try pane.press("?")
            try await pane.waitForLines("the help closed") { lines in
                !lines.contains { $0.contains("Help — KieuMau") } && DashboardPane.cursorRow(in: lines) != nil
            }
            try pane.press("F1")
            try await pane.tmux.waitFor("Help — KieuMau")
            try pane.press("Escape")
            try await pane.waitForLines("the help closed by Esc") { !$0.contains { $0.contains("Help — KieuMau") } }
            #expect(try pane.isRunning())
        }

        // MARK: - Colour

        @Test func noColorDrawsWithAttributesOnly() async throws {
            // The demo series: it has bands to show (the record has none it can carry).
            let pane = try DashboardPane(environment: ["NO_COLOR": "1", "TERM": "xterm-256color"], arguments: ["--series", "demo"])
            let screen = try await pane.tmux.waitForScreen(escapes: true, "the first frame") {
                $0.contains("KieuMau") && $0.contains("Tỉnh An Giang")
            }
            #expect(screen.firstMatch(of: TerminalChecks.colourSGR) == nil, "a colour escape appeared with NO_COLOR set")
            #expect(screen.firstMatch(of: TerminalChecks.attributeSGR) != nil, "no bold/reverse/dim/underline at all")
            #expect(screen.contains("▼"), "bands still carry their symbol")
        }

        @Test func a256ColourTerminalGetsColour() async throws {
            let pane = try DashboardPane(environment: ["TERM": "xterm-256color"])
            let screen = try await pane.tmux.waitForScreen(escapes: true, "a coloured first frame") {
                $0.contains("KieuMau") && $0.contains("Tỉnh An Giang")
            }
            #expect(screen.contains("38;5;") || screen.contains("48;5;"), "no 256-colour escape in the capture")
        }

        // MARK: - Locale

        @Test func asciiLocaleShowsNamesAndBarsInASCII() async throws {
            // The demo series: its provinces are counted, so they have bars (the record's are not).
            let pane = try DashboardPane(locale: "C", arguments: ["--series", "demo"])
            let lines = DashboardPane.lines(try await pane.waitUntilRunning())
            #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "non-ASCII on screen:\n\(lines.joined(separator: "\n"))")
            #expect(lines.contains { $0.contains("Thanh pho Ha Noi") })
            #expect(lines.contains { $0.contains("Tinh An Giang") })
            let provinceRows = lines.filter { $0.hasPrefix("  Tinh ") || $0.hasPrefix("> Tinh ") || $0.hasPrefix("  Thanh pho ") }
            #expect(provinceRows.count > 20)
            for row in provinceRows {
                let name = DashboardNavigationEndToEndTests.rowName(row) ?? ""
                #expect(!name.contains("?"), "mojibake in \(row)")
            }
            #expect(lines.last?.hasPrefix(" Nationwide ") == true)

            // Bắc Ninh has 19 of 33 units model in the demo: its bar has filled (#) and empty (-) cells.
            try pane.press("/")
            try pane.type("bac ninh")
            let lines2 = try await pane.waitForLines("Bắc Ninh's row under the cursor") {
                DashboardPane.cursorRow(in: $0, cursor: ">")?.contains("Tinh Bac Ninh") == true && ($0.last ?? "").contains("bac ninh")
            }
            let row = try #require(DashboardPane.cursorRow(in: lines2, cursor: ">"))
            #expect(row.contains("##") && row.contains("-"), "ASCII bar: \(row)")
            #expect(row.contains("57.6%"))
        }

        // MARK: - Leaving

        @Test func quitRestoresTheTerminalWithStatusZero() async throws {
            let pane = try DashboardPane(width: 80, height: 24)
            try await pane.waitUntilRunning()
            #expect(try pane.tmux.pane("#{alternate_on}") == "1")
            try pane.press("q")
            let (status, tty) = try await pane.waitForExit()
            #expect(status == 0)
            TerminalChecks.expectCookedTTY(tty)
            try TerminalChecks.expectScreenModesRestored(pane.tmux)
            #expect(try !pane.tmux.capture().contains("Tỉnh An Giang"), "the dashboard is still on screen")
        }

        @Test func ctrlCRestoresTheTerminal() async throws {
            let pane = try DashboardPane(width: 80, height: 24)
            try await pane.waitUntilRunning()
            try pane.press("/")
            try pane.type("ha")       // even while a filter is being typed
            try await pane.waitForStatus("Filter: ha")
            try pane.press("C-c")
            let (status, tty) = try await pane.waitForExit()
            #expect(status == 130, "expected death by SIGINT (128 + 2), as a shell expects of Ctrl-C")
            TerminalChecks.expectCookedTTY(tty)
            try TerminalChecks.expectScreenModesRestored(pane.tmux)
        }

        @Test func dumbTerminalIsRefusedWithTheWayOut() async throws {
            let pane = try DashboardPane(width: 120, height: 10, term: "dumb")
            let (status, tty) = try await pane.waitForExit()
            #expect(status == 1)
            let screen = try pane.tmux.capture()
            #expect(screen.contains("TERM=dumb"))
            #expect(screen.contains("kieumau report"))
            TerminalChecks.expectCookedTTY(tty)
        }

        /// `kieumau > file` typed at a terminal: input is a tty, output is not.
        @Test func outputToAFileIsRefusedWithTheWayOut() async throws {
            let binary = try BuiltBinary.kieumau()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kieumau-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("out.txt").path, err = folder.appendingPathComponent("err.txt").path
            let tmux = try TmuxSession(width: 100, height: 10, command: [
                "/bin/sh", "-c", #""$1" > "$2" 2> "$3"; echo "[exit=$?]"; exec sleep 600"#, "kieumau-e2e",
                binary.path, out, err,
            ])
            let screen = try await tmux.waitFor("[exit=")
            #expect(screen.contains("[exit=1]"))
            let stderr = try String(contentsOfFile: err, encoding: .utf8)
            #expect(stderr.contains("not a terminal"))
            #expect(stderr.contains("kieumau report"))
            #expect(try String(contentsOfFile: out, encoding: .utf8) == "", "nothing may reach the file")
        }

        // MARK: - Helpers

        /// The list's column headings ("  Province …", "  Ward …").
        static func headingRow(_ lines: [String]) -> String? {
            lines.first { $0.hasPrefix("  Province ") || $0.hasPrefix("    Ward ") }
        }

        /// The escapes of the heading row in a `capture -e` screen.
        static func headingEscapes(_ screen: String) -> String {
            screen.split(separator: "\n").first { $0.contains("Province") }.map(String.init) ?? ""
        }

        /// The rows from the separator under the summary to the one above the status line, escapes
        /// included. (The header's blank tail may change its invisible attributes after a repaint, and
        /// `capture -e` carries that into the next row, so the top rows are left out.)
        static func listArea(_ screen: String) -> String {
            let lines = DashboardPane.lines(screen)
            return lines.count > 6 ? lines[5..<(lines.count - 1)].joined(separator: "\n") : screen
        }

        /// A coloured screen of the latest-known picture that no longer changes by itself.
        static func stableColouredScreen(_ pane: DashboardPane) async throws -> String {
            var previous = ""
            return try await pane.tmux.waitForScreen(escapes: true, "a stable coloured frame") { screen in
                defer { previous = screen }
                return screen.contains("38;5;") && screen.contains("latest known on") && screen == previous
            }
        }
    }
}
