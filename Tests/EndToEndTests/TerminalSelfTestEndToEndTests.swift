import Foundation
import Testing
import KieuMauTestSupport

extension EndToEnd {
    /// The ncurses layer, driven through `kieumau --terminal-self-test` in a detached tmux.
    /// Serialized: each test starts a tmux server and the program, and the machine may be small.
    @Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct TerminalSelfTestEndToEndTests {

        /// The tty flags a restored terminal has (curses mode clears icanon and echo).
        private func expectCookedTTY(_ flags: [String], sourceLocation: SourceLocation = #_sourceLocation) {
            for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
                #expect(flags.contains(flag), "tty flag \(flag) not restored: \(flags)", sourceLocation: sourceLocation)
            }
        }

        private func expectScreenModesRestored(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
            #expect(try tmux.pane("#{alternate_on}") == "0", "still on the alternate screen", sourceLocation: sourceLocation)
            #expect(try tmux.pane("#{cursor_flag}") == "1", "cursor still hidden", sourceLocation: sourceLocation)
            #expect(try tmux.pane("#{mouse_any_flag}") == "0", "mouse reporting still on", sourceLocation: sourceLocation)
        }

        @Test func vietnameseAndWideTextLandInTheRightColumns() async throws {
            let pane = try SelfTestPane(width: 120, height: 40)
            let screen = try await pane.waitUntilRunning()
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let nfc = "Phường Hà Huy Tập"

            let precomposed = try #require(lines.first { $0.contains("Precomposed:") })
            let decomposed = try #require(lines.first { $0.contains("Decomposed:") })
            // Both rows must hold the same precomposed bytes: decomposed input is drawn one cell per letter.
            #expect(precomposed.unicodeScalars.elementsEqual((" Precomposed: " + nfc + "|").unicodeScalars))
            #expect(decomposed.unicodeScalars.elementsEqual((" Decomposed:  " + nfc + "|").unicodeScalars))
            #expect(column(of: "|", in: precomposed) == column(of: "|", in: decomposed))

            let wide = try #require(lines.first { $0.contains("Wide:") })
            let narrow = try #require(lines.first { $0.contains("Narrow:") })
            #expect(wide.contains("漢字|"))
            #expect(column(of: "|", in: wide) == column(of: "|", in: narrow), "a wide character did not take two cells")

            // The half-fitting wide character at the right edge of row 1 is blanked, not wrapped.
            #expect(!lines[1].contains("漢"))
            #expect(!lines[2].hasPrefix("漢"))

            // The status line fills the last row up to the bottom-right cell without scrolling.
            #expect(lines[0].contains("KieuMau terminal self-test"))
            #expect(lines[39].hasSuffix("#"))
            #expect(lines[39].hasPrefix(" q quit"))
            #expect(screen.contains("Size: 120x40"))
        }

        @Test func keysAreDecoded() async throws {
            let pane = try SelfTestPane(width: 100, height: 30)
            try await pane.waitUntilRunning()
            try pane.tmux.send("Up")
            try await pane.tmux.waitFor("Last key: up   keys: 1")
            try pane.tmux.send("Escape")
            try await pane.tmux.waitFor("Last key: escape   keys: 2")
            try pane.tmux.sendLiteral("ạ")
            try await pane.tmux.waitFor("Last key: char ạ   keys: 3")
            try pane.tmux.send("C-a")
            try await pane.tmux.waitFor("Last key: ctrl-a   keys: 4")
            try pane.tmux.send("F5")
            try await pane.tmux.waitFor("Last key: F5   keys: 5")
            try pane.tmux.send("BTab")
            try await pane.tmux.waitFor("Last key: backTab   keys: 6")
            try pane.tmux.send("Enter")
            try await pane.tmux.waitFor("Last key: enter   keys: 7")
            // X10 mouse report: wheel down (64+1) at column 4, row 5 (coordinates + 33).
            try pane.tmux.sendLiteral("\u{1B}[Ma%&")
            try await pane.tmux.waitFor("Last key: mouse wheelDown at 4,5")
        }

        @Test func resizeRedrawsAtTheNewSizeAndSurvivesOneByOne() async throws {
            let pane = try SelfTestPane(width: 120, height: 40)
            try await pane.waitUntilRunning()
            try pane.tmux.resize(width: 80, height: 24)
            let small = try await pane.tmux.waitFor("Size: 80x24")
            #expect(small.split(separator: "\n").count <= 24)
            #expect(small.contains("resizes: 1"))

            // Nothing can be read back from a 1×1 frame (its only cell is the bottom-right corner,
            // which ncurses cannot fill there), so give the program time to draw it; the resize
            // count below shows that it saw 1×1 as a separate size.
            try pane.tmux.resize(width: 1, height: 1)
            try await Task.sleep(for: .milliseconds(300))
            try pane.tmux.resize(width: 100, height: 30)
            let back = try await pane.tmux.waitFor("Size: 100x30")
            #expect(back.contains("resizes: 3"))
            #expect(back.contains("Phường Hà Huy Tập|"))
            #expect(!back.contains("[exit="), "the program ended while resizing")
            try pane.tmux.send("q")
            #expect(try await pane.waitForExit().status == 0)
        }

        @Test func quitRestoresTheTerminal() async throws {
            let pane = try SelfTestPane(width: 80, height: 24)
            try await pane.waitUntilRunning()
            #expect(try pane.tmux.pane("#{alternate_on}") == "1")
            try pane.tmux.send("q")
            let (status, tty) = try await pane.waitForExit()
            #expect(status == 0)
            expectCookedTTY(tty)
            try expectScreenModesRestored(pane.tmux)
            #expect(try !pane.tmux.capture().contains("KieuMau terminal self-test"), "the self-test is still on screen")
        }

        @Test func ctrlCQuitsAndRestoresTheTerminal() async throws {
            let pane = try SelfTestPane(width: 80, height: 24)
            try await pane.waitUntilRunning()
            try pane.tmux.send("C-c")
            let (status, tty) = try await pane.waitForExit()
            #expect(status == 130, "expected death by SIGINT (128 + 2)")
            expectCookedTTY(tty)
            try expectScreenModesRestored(pane.tmux)
        }

        @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "needs bash for job control"))
        func ctrlZSuspendsAndFgResumesAtTheNewSize() async throws {
            let binary = try BuiltBinary.kieumau()
            let tmux = try TmuxSession(width: 80, height: 24, command: [
                "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=/tmp", "LC_ALL=C.UTF-8", "TERM=tmux-256color",
                "PS1=$ ", "/bin/bash", "--norc", "--noprofile", "-i",
            ])
            try await tmux.waitFor("$")
            // Quoted for the shell: the checkout's path may hold spaces and diacritics.
            try tmux.sendLiteral("'" + binary.path.replacingOccurrences(of: "'", with: "'\\''") + "' --terminal-self-test")
            try tmux.send("Enter")
            try await tmux.waitFor("Size: 80x24")
            try tmux.send("C-z")
            try await tmux.waitFor("Stopped")
            #expect(try tmux.pane("#{alternate_on}") == "0", "suspended with the alternate screen still on")
            try tmux.resize(width: 100, height: 30)           // the size changes while it is stopped
            try tmux.sendLiteral("fg")
            try tmux.send("Enter")
            try await tmux.waitFor("Size: 100x30")
            try tmux.send("Up")
            try await tmux.waitFor("Last key: up")
            try tmux.send("q")
            try await tmux.waitForScreen("the shell prompt after quitting") {
                !$0.contains("KieuMau terminal self-test") && $0.contains("$ ")
            }
        }

        @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
        func terminatingSignalsRestoreTheTerminal(signal: Int32, status expected: Int) async throws {
            let pane = try SelfTestPane(width: 80, height: 24)
            try await pane.waitUntilRunning()
            let pid = try pane.programPID()
            #expect(kill(pid, signal) == 0)
            let (status, tty) = try await pane.waitForExit()
            #expect(status == expected)
            expectCookedTTY(tty)
            try expectScreenModesRestored(pane.tmux)
        }

        @Test func crashStillRestoresTheTerminal() async throws {
            let pane = try SelfTestPane(width: 80, height: 24,
                                        environment: ["KIEUMAU_SELF_TEST_CRASH_KEY": "1", "SWIFT_BACKTRACE": "enable=no"])
            try await pane.waitUntilRunning()
            try pane.tmux.sendLiteral("!")
            let (status, tty) = try await pane.waitForExit()
            #expect(status == 128 + Int(SIGILL) || status == 128 + Int(SIGTRAP), "expected a Swift trap, got \(status)")
            expectCookedTTY(tty)
            try expectScreenModesRestored(pane.tmux)
        }

        @Test func colourIsUsedOn256ColourTerminals() async throws {
            let pane = try SelfTestPane(width: 100, height: 30)
            let screen = try await pane.tmux.waitForScreen(escapes: true, "a coloured first frame") {
                $0.contains("KieuMau terminal self-test")
            }
            #expect(screen.contains("Colours: 256"))
            #expect(screen.contains("38;5;") || screen.contains("48;5;"), "no 256-colour escape in the capture")
        }

        @Test func noColorDrawsAttributesOnly() async throws {
            let pane = try SelfTestPane(width: 100, height: 30, environment: ["NO_COLOR": "1"])
            let screen = try await pane.tmux.waitForScreen(escapes: true, "the first frame") {
                $0.contains("KieuMau terminal self-test")
            }
            #expect(screen.contains("Colours: none"))
            // Any SGR that sets a colour: 30–37/40–47, 90–97/100–107, or 38;…/48;… forms.
            let colourSGR = try Regex(#"\x1B\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:[;m])"#)
            #expect(screen.firstMatch(of: colourSGR) == nil, "a colour escape appeared with NO_COLOR set")
            #expect(screen.contains("\u{1B}[1;7m") || screen.contains("\u{1B}[7m"), "the header should still be reverse video")
        }

        @Test(arguments: [("xterm", "Colours: 8"), ("vt100", "Colours: none")])
        func colourDepthFollowsTheTerminal(term: String, expected: String) async throws {
            let pane = try SelfTestPane(width: 100, height: 30, term: term)
            try await pane.tmux.waitFor(expected)
            try pane.tmux.send("q")
            #expect(try await pane.waitForExit().status == 0)
        }

        @Test(arguments: [
            ("dumb", "TERM=dumb cannot move the cursor"),
            ("nosuchterminal", "no terminfo description for TERM=nosuchterminal"),
        ])
        func unusableTermIsRefusedWithAMessage(term: String, message: String) async throws {
            let pane = try SelfTestPane(width: 120, height: 10, term: term)
            let (status, tty) = try await pane.waitForExit()
            #expect(status == 1)
            let screen = try pane.tmux.capture()
            #expect(screen.contains(message))
            #expect(screen.contains("kieumau report"))
            expectCookedTTY(tty)
        }

        @Test func unsetTermIsRefusedWithAMessage() async throws {
            let pane = try SelfTestPane(width: 120, height: 10, term: nil)
            let (status, _) = try await pane.waitForExit()
            #expect(status == 1)
            #expect(try pane.tmux.capture().contains("TERM environment variable is not set"))
        }

        @Test func exitAfterFirstFrameReturnsAtOnce() async throws {
            let pane = try SelfTestPane(width: 80, height: 24,
                                        arguments: ["--terminal-self-test", "--exit-after-first-frame"])
            let (status, tty) = try await pane.waitForExit()
            #expect(status == 0)
            expectCookedTTY(tty)
            try expectScreenModesRestored(pane.tmux)
        }
    }
}

extension EndToEnd {
    /// Needs no tmux: standard output or input that is not a terminal is refused.
    @Suite struct NonTerminalEndToEndTests {
        @Test func redirectedOutputIsRefusedWithAMessage() throws {
            let binary = try BuiltBinary.kieumau()
            var environment = ProcessInfo.processInfo.environment
            environment["TERM"] = "xterm-256color"
            let result = try runProcess(binary.path, ["--terminal-self-test"], environment: environment)
            #expect(result.status == 1)
            #expect(result.stderr.contains("is not a terminal"))
            #expect(result.stderr.contains("kieumau report"))
            #expect(result.stdout == "", "nothing may reach standard output")
        }
    }
}
