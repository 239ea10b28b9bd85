import Glibc
import KieuMauCore
import KieuMauTUI
import KieuMauTerminal

/// Connects the app runtime to the terminal main loop: keys in, answers of carried-out effects
/// in (their pipe is one of the loop's descriptors), frames out.
public struct DashboardApp: TerminalApp {
    let runtime: AppRuntime

    /// The data directory's watcher, for live reload; nil when not watching.
    let watcher: DirectoryWatcher?

    public init(runtime: AppRuntime, watcher: DirectoryWatcher? = nil) {
        self.runtime = runtime
        self.watcher = watcher
    }

    /// The loop sleeps in `poll` on these besides the keyboard: answers from the runner, and
    /// the data directory. No timers: no CPU while idle.
    public var watchDescriptors: [Int32] {
        [runtime.wakeDescriptor] + (watcher.map { [$0.descriptor] } ?? []) + (runtime.reviewChangeDescriptor.map { [$0] } ?? [])
    }

    /// Asleep until a key, an answer or a file event, except when a timer is set (a reconnection
    /// to try): then until it is due.
    public var wantsTick: Int32? { runtime.millisecondsToNextTimer }

    public var theme: Theme { runtime.theme }

    public mutating func start(colorDepth: ColorDepth, isUTF8: Bool) {
        runtime.send(.glyphs(isUTF8 ? .unicodeSet : .asciiSet))
    }

    public mutating func firstFrameShown() {
        runtime.start()
    }

    public mutating func handle(_ key: Key) -> LoopCommand {
        guard runtime.handle(key) else { return .quit }
        return runtime.takeRepaintRequest() ? .repaint : .continue
    }

    public mutating func tick() -> LoopCommand {
        runtime.drainAnswers()
        runtime.fireTimers()
        // Another dashboard wrote to the shared review store: read what changed (without a key).
        if let fd = runtime.reviewChangeDescriptor, Self.isReadable(fd) { runtime.reviewChangesReady() }
        // A snapshot was added or changed: read the folder again, keeping the user's place.
        // Editors often write a file in several steps, so events that arrive together are one.
        if let watcher, watcher.drain() {
            usleep(100_000)
            _ = watcher.drain()
            runtime.send(.dataChanged)
        }
        if runtime.takeRepaintRequest() { return .repaint }
        return runtime.shouldQuit ? .quit : .continue
    }

    private static func isReadable(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) > 0 && p.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0
    }

    public func render(width: Int, height: Int) -> Canvas {
        runtime.render(width: width, height: height)
    }
}
