import Glibc
import KieuMauCore
import KieuMauTUI

/// Connects the app controller to the terminal main loop.
struct DashboardApp: TerminalApp {
    let controller: AppController

    /// The data directory's watcher, for live reload; nil when not watching.
    let watcher: DirectoryWatcher?

    init(controller: AppController, watcher: DirectoryWatcher? = nil) {
        self.controller = controller
        self.watcher = watcher
    }

    var watchDescriptor: Int32? { watcher?.descriptor }

    var theme: Theme { controller.theme }

    /// A tick at once while there is work for a moment without keys (after the first frame, the
    /// snapshots of the series one at a time, then read-ahead), then sleep until input: no CPU while idle.
    var wantsTick: Int32? { controller.hasIdleWork ? 0 : nil }

    mutating func start(colorDepth: ColorDepth, isUTF8: Bool) {
        controller.setGlyphs(isUTF8 ? .unicodeSet : .asciiSet)
    }

    mutating func handle(_ key: Key) -> LoopCommand {
        guard controller.handle(key) else { return .quit }
        return controller.takeRepaintRequest() ? .repaint : .continue
    }

    mutating func tick() -> LoopCommand {
        if controller.hasIdleWork { controller.doIdleWork() }
        // A snapshot was added or changed: rescan, keeping the user's place. Editors often write a
        // file in several steps, so events that arrive together are taken as one.
        if let watcher, watcher.drain() {
            usleep(100_000)
            _ = watcher.drain()
            controller.dataChanged()
        }
        return .continue
    }

    func render(width: Int, height: Int) -> Canvas {
        controller.resize(width: width, height: height)
        return controller.render(width: width, height: height)
    }
}
