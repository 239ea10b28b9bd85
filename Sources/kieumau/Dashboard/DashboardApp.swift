import KieuMauCore
import KieuMauTUI

/// Connects the app controller to the terminal main loop.
struct DashboardApp: TerminalApp {
    let controller: AppController
    /// True until the work deferred past the first frame (trend, previous snapshot) has run.
    private var deferredWorkPending = true

    init(controller: AppController) { self.controller = controller }

    var theme: Theme { controller.theme }

    /// Ask for one tick right after the first frame, then sleep until input (no CPU while idle).
    var wantsTick: Int32? { deferredWorkPending ? 0 : nil }

    mutating func start(colorDepth: ColorDepth, isUTF8: Bool) {
        controller.setGlyphs(isUTF8 ? .unicodeSet : .asciiSet)
    }

    mutating func handle(_ key: Key) -> LoopCommand {
        if key == .ctrl("l") { return .repaint }
        return controller.handle(key) ? .continue : .quit
    }

    mutating func tick() -> LoopCommand {
        if deferredWorkPending {
            deferredWorkPending = false
            controller.afterFirstFrame()
        }
        return .continue
    }

    func render(width: Int, height: Int) -> Canvas {
        controller.resize(width: width, height: height)
        return controller.render(width: width, height: height)
    }
}
