import KieuMauCore
import KieuMauTUI

/// Key → frame in process: `AppRuntime.handle(key)`, the answers of its effects, then
/// `render(width:height:)`, timed together, on the loaded data, for each kind of key the issue
/// names. The runtime is warmed up first as the dashboard is once its deferred work is done
/// (every snapshot of the series digested for the trend), so a figure is the steady cost of a key.
struct KeyBench {
    let controller: AppRuntime
    let width: Int
    let height: Int
    let samples: Int

    /// Named figures in the order measured.
    private(set) var results: [(name: String, kind: KeyKind, samples: Samples)] = []

    enum KeyKind { case navigation, heavy, reference }

    init(controller: AppRuntime, width: Int, height: Int, samples: Int) {
        self.controller = controller; self.width = width; self.height = height; self.samples = samples
    }

    private var state: AppState { controller.state }

    /// One key and the frame it leads to (after any snapshot it asks for has been read). What the
    /// key sets going after that frame — reading the next snapshot ahead — runs untimed before the
    /// next key, as while the user reads the screen (the dashboard does it on its snapshot queue).
    private func timed(_ key: Key) -> Double {
        let start = now()
        controller.handle(key)
        controller.waitUntil { $0.loading == nil }
        _ = controller.render(width: width, height: height)
        let elapsed = milliseconds(start, now())
        controller.waitUntilIdle()
        return elapsed
    }

    private mutating func record(_ name: String, _ kind: KeyKind, _ s: Samples) { results.append((name, kind, s)) }

    mutating func run() {
        var render = Samples()
        for _ in 0..<samples {
            let start = now()
            _ = controller.render(width: width, height: height)
            render.append(milliseconds(start, now()))
        }
        record("render alone (no key)", .reference, render)

        toProvinces()
        record("cursor move (provinces)", .navigation, alternating(.down, .up, every: 20))
        record("page (provinces)", .navigation, alternating(.pageDown, .pageUp, every: 3))
        measureDrill()
        measureFilter(name: "filter keystroke (provinces)")
        measureSort(name: "sort (provinces)")

        enterLargestProvince()
        record("cursor move (wards)", .navigation, alternating(.down, .up, every: 20))
        record("page (wards)", .navigation, alternating(.pageDown, .pageUp, every: 3))
        measureFilter(name: "filter keystroke (wards)")
        measureSort(name: "sort (wards)")

        toProvinces()
        record("snapshot step", .heavy, alternating(.char("<"), .char(">"), every: 1))
        record("snapshot step, walking the series (read ahead between keys)", .heavy, walkingTheSeries(readAhead: true))
        record("snapshot step, walking the series, no pause (file read on the key)", .heavy, walkingTheSeries(readAhead: false))
    }

    /// Steps to one end of the series and back, again and again. With `readAhead`, the work the
    /// dashboard does while no key is waiting runs (untimed) between keys, as when the user pauses
    /// to read the screen; without it each step to a snapshot not kept decodes its file on the key.
    private func walkingTheSeries(readAhead: Bool) -> Samples {
        var s = Samples()
        var forward = false
        for _ in 0..<samples {
            if state.snapshotIndex == 0 { forward = true }
            if state.snapshotIndex == state.snapshots.count - 1 { forward = false }
            controller.readsAhead = readAhead
            s.append(timed(.char(forward ? ">" : "<")))
            controller.readsAhead = true
        }
        return s
    }

    /// `first` for `every` samples, then `second` as many, and so on.
    private func alternating(_ first: Key, _ second: Key, every n: Int) -> Samples {
        var s = Samples()
        for i in 0..<samples { s.append(timed((i / n) % 2 == 0 ? first : second)) }
        return s
    }

    /// Province → its wards and back, a different province each time.
    private mutating func measureDrill() {
        var into = Samples(), out = Samples()
        for _ in 0..<samples {
            into.append(timed(.enter))
            out.append(timed(.escape))
            controller.handle(state.provinceList.list.selected + 1 < state.provinceList.rows.count ? .down : .home)
        }
        controller.handle(.home)
        record("drill in (province → wards)", .heavy, into)
        record("drill out (wards → provinces)", .heavy, out)
    }

    /// Typing "thanh" into the filter of the current list and deleting it again, one keystroke a sample.
    private mutating func measureFilter(name: String) {
        let word = Array("thanh")
        var s = Samples()
        controller.handle(.char("/"))
        for i in 0..<samples {
            let step = i % (2 * word.count)
            s.append(timed(step < word.count ? .char(word[step]) : .backspace))
        }
        while state.typingFilter || !(state.currentFilter ?? "").isEmpty {
            controller.handle(.escape)
        }
        record(name, .heavy, s)
    }

    /// `s` cycles the sort of the current list; left at the first sort afterwards.
    private mutating func measureSort(name: String) {
        var s = Samples()
        for _ in 0..<samples { s.append(timed(.char("s"))) }
        let atProvinces = state.isProvinceListOnTop
        for _ in 0..<8 where atProvinces ? state.provinceSort != .name : state.wardSort != .name {
            controller.handle(.char("s"))
        }
        record(name, .heavy, s)
    }

    private func toProvinces() {
        for _ in 0..<4 where !state.isProvinceListOnTop || state.typingFilter { controller.handle(.escape) }
        controller.handle(.home)
    }

    /// The province with the most units, so the ward-list figures are the worst case.
    private func enterLargestProvince() {
        toProvinces()
        let provinces = state.summary.provinces
        guard let largest = provinces.indices.max(by: { provinces[$0].tally.units < provinces[$1].tally.units }),
              let row = state.provinceList.rows.firstIndex(of: largest) else { return }
        for _ in 0..<row { controller.handle(.down) }
        controller.handle(.enter)
    }
}
