import Foundation
import Testing

extension EndToEnd {
    /// The digest cache as a user meets it (issue 14): the second start of the dashboard draws from
    /// digests and a province opens at once (the key waits for the wards if it must); a cache that
    /// is damaged, or cannot be written, costs the start nothing but its speed.
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct DigestCacheEndToEndTests {
        /// Starts the dashboard on the demo series with `cache` as XDG_CACHE_HOME, presses Enter at
        /// once, and checks the first province's wards are listed; then quits.
        private static func startAndOpen(cache: String) async throws {
            let pane = try DashboardPane(width: 120, height: 40, environment: ["XDG_CACHE_HOME": cache], arguments: ["--series", "demo"])
            try await pane.waitUntilRunning()
            try pane.press("Enter")
            // The ward list's header row and a ward of the first province (by name: An Giang).
            let lines = try await pane.waitForLines("the first province's ward list") { lines in
                (lines.last ?? "").contains("An Giang") && lines.contains { $0.contains("Ward") && $0.contains("Stage") }
            }
            #expect(!lines.joined().contains("Loading wards"), "\(lines.joined(separator: "\n"))")
            try pane.press("q")
            #expect(try await pane.waitForExit().status == 0)
        }

        @Test func theSecondStartDrawsFromDigestsAndAProvinceOpensAtOnce() async throws {
            let cache = try ScratchFolder("cache")
            defer { cache.remove() }
            try await Self.startAndOpen(cache: cache.path)
            let folder = cache.path("kieumau/digests")
            let entries = try FileManager.default.contentsOfDirectory(atPath: folder)
            // The opening snapshot's digest at least (the others are made after the first frame,
            // as long as the dashboard runs).
            #expect(!entries.isEmpty && entries.allSatisfy { $0.hasSuffix(".complete.digest") }, "\(entries)")
            try await Self.startAndOpen(cache: cache.path)

            // Damaged entries (cut short, garbage) are passed over and written again.
            var damaged: [String: Data] = [:]
            for (n, entry) in entries.enumerated() {
                let url = URL(fileURLWithPath: folder + "/" + entry)
                let bytes = try Data(contentsOf: url)
                damaged[entry] = n % 2 == 0 ? Data("not a digest".utf8) : bytes.prefix(bytes.count / 2)
                try damaged[entry]!.write(to: url)
            }
            try await Self.startAndOpen(cache: cache.path)
            // The opening snapshot's entry is made again before the first frame; the others as the
            // series is digested after it (the dashboard may quit before it reaches them all).
            let remade = try damaged.filter { entry, bad in try Data(contentsOf: URL(fileURLWithPath: folder + "/" + entry)) != bad }
            #expect(!remade.isEmpty, "no damaged entry was made again")

            // A cache folder that cannot be made (a file in its place) is no cache: the start works.
            let blocked = cache.path("blocked")
            try Data().write(to: URL(fileURLWithPath: blocked))
            try await Self.startAndOpen(cache: blocked)
        }
    }
}
