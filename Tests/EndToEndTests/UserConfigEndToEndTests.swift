import Foundation
import Testing

extension EndToEnd {
    /// config.toml in the real dashboard: rebound keys act and are shown as bound; a broken file
    /// is named on the status line and the dashboard opens on the defaults.
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct UserConfigEndToEndTests {
        @Test func quitReboundToCapitalQQuitsAndShowsQ() async throws {
            let folder = try ScratchFolder("config-quit")
            defer { folder.remove() }
            let config = folder.path("config.toml")
            try "# mine\nlang = \"en\"\n[keys]\nquit = \"Q\"\n".write(toFile: config, atomically: false, encoding: .utf8)
            let pane = try DashboardPane(width: 160, height: 40, environment: ["LANG": "vi_VN.UTF-8"], arguments: ["--config", config])
            let first = DashboardPane.lines(try await pane.waitUntilRunning())
            let status = first.last ?? ""
            #expect(status.contains("Q quit") && !status.contains("q quit"), "the status line: \(status)")
            try pane.press("?")
            let help = try await pane.waitForLines("help with Q for quit") { lines in
                lines.contains { $0.contains("Q ") && $0.contains("quit") }
            }
            #expect(!help.contains { $0.contains("q Ctrl-C") }, "help still shows q:\n\(help.joined(separator: "\n"))")
            try pane.press("Escape")
            try await pane.waitForLines("help closed") { !$0.contains { $0.contains("Help — KieuMau") } }
            try pane.press("q")
            try await Task.sleep(for: .milliseconds(300))
            #expect(try pane.isRunning(), "q quit although config.toml gave quit to Q")
            try pane.press("Q")
            #expect(try await pane.waitForExit().status == 0)
        }

        @Test func aBrokenConfigIsNamedAndTheDefaultsAreUsed() async throws {
            let folder = try ScratchFolder("config-broken")
            defer { folder.remove() }
            let config = folder.path("config.toml")
            try "theme = \"light\"\n[keys]\nqiut = \"Q\"\n".write(toFile: config, atomically: false, encoding: .utf8)
            let pane = try DashboardPane(width: 160, height: 40, arguments: ["--config", config])
            try await pane.waitUntilRunning()
            let status = try await pane.waitForStatus("config:")
            #expect(status.contains("config.toml:3:1: keys.qiut: unknown command; did you mean 'quit'?"), "\(status)")
            try pane.press("q")
            #expect(try await pane.waitForExit().status == 0, "the default q still quits")
        }

        @Test func aMissingConfigNamedOnTheCommandLineIsRefused() throws {
            let result = try runKieumau(["keys", "--config", "/nonexistent/config.toml"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--config /nonexistent/config.toml: no such file"), "\(result.stderr)")
        }

        /// `kieumau keys --format markdown` is what the README shows, and follows the config.
        @Test func theKeysCommandPrintsTheTableAsConfigured() throws {
            let folder = try ScratchFolder("config-keys")
            defer { folder.remove() }
            let config = folder.path("config.toml")
            try "[keys]\nquit = \"Q\"\n".write(toFile: config, atomically: false, encoding: .utf8)
            let mine = try runKieumau(["keys", "--format", "markdown", "--config", config])
            #expect(mine.status == 0, "\(mine.stderr)")
            #expect(mine.stdout.contains("| `Q` | `quit` |"), "\(mine.stdout)")
            let defaults = try runKieumau(["keys", "--format", "markdown", "--defaults"])
            let readme = try String(contentsOf: RepositoryFiles.root().appendingPathComponent("README.md"), encoding: .utf8)
            #expect(readme.contains(defaults.stdout), "README.md's key section is not `kieumau keys --format markdown --defaults`")
        }
    }
}
