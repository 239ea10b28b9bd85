import FuzzSupport
import Glibc
import KieuMauCore
import KieuMauTUI

/// `KIEUMAU_FUZZ_TRACE=1` prints each step and where it leaves the dashboard, to read a finding.
let tracing = getenv("KIEUMAU_FUZZ_TRACE") != nil
func trace(_ line: String) { let bytes = Array((line + "\n").utf8); _ = write(2, bytes, bytes.count) }

/// The dashboard driven by random keys over the real embedded data (both series, both maps, the
/// crosswalk, one snapshot that fails to load, a few hostile names), drawn at random sizes from 0×0 up.
/// Properties after every key: no trap; cursors and scroll offsets within their lists; the
/// frame has the size asked for, wide characters whole, and no control character in any cell.
func fuzzApp(_ bytes: [UInt8]) {
    var input = KeyInput(bytes)
    let setup = input.byte()
    let series = DataSource.shared.seriesNames
    let refs = DataSource.shared.snapshots(inSeries: series[Int(setup) % series.count])
    let index = Int(setup >> 1) % refs.count
    guard case .success(let dataset) = DataSource.shared.load(refs[index]) else { return }
    // On the last snapshot the dashboard opens: the latest-known picture (as of its day), as the
    // dashboard does before its first frame; elsewhere a snapshot as published.
    let opening = index == refs.count - 1
        ? refs.last.flatMap { LatestKnownView.read(on: $0.header.asOf, refs: refs, definition: .complete, source: DataSource.shared) } : nil
    // On some inputs a warm start: the first frame from the snapshot's digest on the map's
    // outline, its rows read after it (keys that need wards wait for them, in every order).
    let warm = setup & 0x08 != 0
    let digest = SnapshotDigest(dataset, summary: ProgressSummary(dataset))
    let shown = warm ? Dataset.outline(header: dataset.header, map: dataset.map, criteria: dataset.criteria) : dataset
    let state = AppState(dataset: shown, snapshots: refs, snapshotIndex: index, lang: setup & 0x40 == 0 ? .vi : .en,
                         glyphs: setup & 0x80 == 0 ? .unicodeSet : .asciiSet, seriesNames: series, latestKnown: opening,
                         outlineOf: warm ? digest : nil)
    var (width, height) = (80, 24)
    // A budget of full snapshots kept that is the default, or one that keeps a neighbour or two of
    // the national map, so that eviction and reading ahead are exercised. On half of the inputs the
    // effects are queued and carried out one job at a time between keys, so keys land between a
    // request (a step, a save, the digests) and its answer, in every order.
    let budget = setup & 0x10 == 0 ? AppRuntime.defaultRetainedWardEntries : 8_000
    let stepped = setup & 0x20 != 0
    let runtime = AppRuntime(state: state, themes: [Theme(name: "a", styles: [:]), Theme(name: "b", styles: [:])],
                             source: DataSource.shared, exports: ExportsInMemory(), execution: stepped ? .stepped : .inline,
                             retainedWardEntries: budget, width: width, height: height)
    if tracing { trace("start: series \(refs.first?.header.series ?? ""), snapshot \(index), budget \(budget), stepped \(stepped), warm \(warm)") }
    runtime.start()
    while let step = input.next() {
        switch step {
        case .key(let key): runtime.handle(key)
        case .resize(let w, let h):
            (width, height) = (w, h)
            runtime.handle(.resize)
        case .work(let jobs):
            for _ in 0..<jobs { runtime.runNextJob() }
        }
        if tracing {
            let s = runtime.state
            trace("\(step) → \(s.stack.map { "\($0.kind)" }.joined(separator: " › ")), snapshot \(s.snapshotIndex) (\(s.header.asOf.iso), map \(s.map.id)), loading \(s.loading.map { String($0.target) } ?? "–"), \(width)×\(height)")
        }
        checkState(runtime.state)
        checkCanvas(runtime.render(width: width, height: height), width: width, height: height)
    }
    // Whatever was left queued, done: the answers still find a consistent state.
    while runtime.runNextJob() {}
    checkState(runtime.state)
    checkCanvas(runtime.render(width: width, height: height), width: width, height: height)
}

func checkState(_ s: AppState) {
    // The figures on screen are of the map on screen, latest known or as published.
    require(s.picture.provinces.count == s.map.provinces.count && s.picture.mapID == s.map.id,
            "picture on map \(s.picture.mapID) (\(s.picture.provinces.count) provinces), screen on \(s.map.id)")
    func check(_ l: ListState, _ count: Int, _ name: String) {
        require(l.selected >= 0 && (l.selected < count || l.selected == 0), "\(name) selection \(l.selected) of \(count) rows")
        require(l.offset >= 0 && (l.offset < count || l.offset == 0), "\(name) offset \(l.offset) of \(count) rows")
    }
    guard case .provinces = s.stack[0] else { require(false, "the bottom of the stack is not the province list"); return }
    // A warm start's outline has no wards: nothing above the province list until they are read;
    // afterwards every ward of the map has its progress.
    require(!s.wardsPending || s.stack.count == 1, "a screen over the outline while the wards are read: \(s.stack.map { "\($0.kind)" })")
    require(s.wardsPending || s.summary.wards.count == s.map.wards.count, "\(s.summary.wards.count) wards' progress on a map of \(s.map.wards.count)")
    for (depth, screen) in s.stack.enumerated() {
        switch screen {
        case .provinces(let p):
            require(depth == 0, "a second province list at depth \(depth)")
            check(p.list, p.rows.count, "province")
            require(p.rows.allSatisfy { s.map.provinces.indices.contains($0) }, "a province row outside the map")
        case .wards(let w):
            check(w.list, w.rows.count, "ward")
            require(w.rows.allSatisfy { s.map.wards.indices.contains($0) }, "a ward row outside the map")
            if let p = w.province { require(s.map.provinces.indices.contains(p), "province \(p) outside the map") }
            // Only a list of the wards missing one criterion, opened from the national criteria view, has no province.
            require(w.province != nil || w.missingCriterion != nil, "a ward list without a province")
            if let n = w.missingCriterion { require(n <= s.dataset.criteria.count, "wards missing criterion \(n) of \(s.dataset.criteria.count)") }
        case .wardDetail(let d):
            require(depth > 0, "a ward detail at the bottom")
            if depth > 0, case .wards = s.stack[depth - 1] {} else { require(false, "a ward detail not above a ward list") }
            require(d.scroll.offset >= 0, "negative scroll")
        case .criteria(let c):
            check(c.list, c.analysis.criteria.count, "criteria")
            if let p = c.scope { require(s.map.provinces.indices.contains(p), "criteria scope \(p) outside the map") }
        case .compare(let c):
            require(s.snapshots.indices.contains(c.other) && c.other != s.snapshotIndex, "comparing with \(c.other)")
            require(c.scroll.offset >= 0, "negative scroll")
        }
    }
    require((s.help?.offset ?? 0) >= 0, "negative help scroll")
    require(s.snapshots.indices.contains(s.snapshotIndex), "snapshot index \(s.snapshotIndex) of \(s.snapshots.count)")
    if let l = s.loading { require(s.snapshots.indices.contains(l.target), "loading \(l.target) of \(s.snapshots.count)") }
}

func checkCanvas(_ canvas: Canvas, width: Int, height: Int) {
    require(canvas.width == width && canvas.height == height && canvas.cells.count == width * height,
            "a \(canvas.width)×\(canvas.height) frame for a \(width)×\(height) screen")
    for y in 0..<height {
        var x = 0
        while x < width {
            let text = canvas[x, y].text
            // Most cells are one printable ASCII character: checked without grapheme breaking.
            if text.utf8.count == 1, let b = text.utf8.first, (0x20..<0x7F).contains(b) { x += 1; continue }
            require(!text.unicodeScalars.contains(where: isUnsafe), "an unsafe character in cell \(x),\(y): \(text.unicodeScalars.map(\.value))")
            require(!text.isEmpty, "a continuation cell at \(x),\(y) without a wide character before it")
            require(text.count == 1, "cell \(x),\(y) holds \(text.count) characters")
            let w = TextWidth.of(text)
            if w == 2 {
                require(x + 1 < width && canvas[x + 1, y].text.isEmpty, "a wide character cut at \(x),\(y)")
                x += 2
            } else {
                require(w == 1, "cell \(x),\(y) \"\(text)\" is \(w) columns wide")
                x += 1
            }
        }
    }
}

/// C0 and C1 controls, DEL and the bidirectional overrides and isolates: none may reach the terminal.
func isUnsafe(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x20 || (0x7F..<0xA0).contains(s.value) || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
}

/// Turns fuzz bytes into keys: every bound key, text (Vietnamese, wide, combining), mouse events
/// and resizes, so the fuzzer need not discover the key table.
struct KeyInput {
    /// A key, a new size, or (stepped execution) some queued jobs carried out.
    enum Step { case key(Key), resize(Int, Int), work(Int) }
    let bytes: [UInt8]
    var k = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func byte() -> UInt8 {
        defer { k += 1 }
        return k < bytes.count ? bytes[k] : 0
    }

    static let keys: [Key] = KeyTable.defaults.bindings.filter { $0.command != .quit }.flatMap(\.keys) + [.tab, .backTab, .delete, .function(5), .ctrl("l")]
    static let text: [Character] = ["a", "n", "h", "ư", "ờ", "Đ", "đ", "1", "0", " ", "漢", "👮", "\u{0301}", "e\u{0301}", "?", "/", "-"]

    mutating func next() -> Step? {
        guard k < bytes.count else { return nil }
        let b = byte()
        switch b {
        case 0..<0xC0: return .key(Self.keys[Int(b) % Self.keys.count])
        case 0xC0..<0xE0: return .key(.char(Self.text[Int(b - 0xC0) % Self.text.count]))
        case 0xE0..<0xF0:
            let kinds: [MouseEvent.Kind] = [.click, .doubleClick, .wheelUp, .wheelDown]
            return .key(.mouse(MouseEvent(kind: kinds[Int(b) % 4], x: Int(byte()) - 8, y: Int(byte()) - 8)))
        case 0xF0..<0xF8:
            return .work(Int(b - 0xEF))
        default:
            return .resize(Int(byte()), Int(byte() % 128))
        }
    }
}

/// The embedded data as the dashboard sees it, cut to a few provinces (so each run is fast): both
/// series, every snapshot loaded once per process, the crosswalk, and one more reference in each
/// series whose file cannot be read. Rows of wards outside the small maps are left out; crosswalk
/// links may point outside the small new map, as a crosswalk file may.
final class DataSource: SnapshotSource, Sendable {
    static let shared = DataSource()

    let names: [String]
    let refs: [String: [SnapshotRef]]
    let datasets: [String: Dataset]
    let crosswalk: Crosswalk?

    private init() {
        let catalog = RealData.catalog
        let full = try? catalog.loadCrosswalk(from: "vn-2025-01", to: "vn-2025-07")?.get()
        let kept = RealData.smallMapProvinces
        var maps = RealData.maps.mapValues { $0.only(provinces: kept) }
        if let old = maps[RealData.oldMap.id] { maps[old.id] = Self.withHostileNames(old) }
        if let full, let newMap = RealData.maps[full.toMapID] {
            maps[full.toMapID] = newMap.only(provinces: Set(kept.compactMap { full.newProvince(of: $0) }))
        }
        var datasets: [String: Dataset] = [:]
        for entry in catalog.snapshots {
            guard let map = maps[entry.header.mapID], let criteria = catalog.criteriaSet(of: entry),
                  case .success(let snapshot) = catalog.loadSnapshot(entry, map: RealData.maps[entry.header.mapID] ?? map)
            else { fatalError("\(entry.file) does not load") }
            let reported = snapshot.reported.filter {
                if case .province(let code) = $0.scope { return map.province(code) != nil }
                return true
            }
            let small = Snapshot(header: snapshot.header, wards: snapshot.wards.filter { map.ward($0.wardCode) != nil }, reported: reported)
            datasets[entry.file] = Dataset(snapshot: small, map: map, criteria: criteria)
        }
        var refs: [String: [SnapshotRef]] = [:]
        for name in catalog.series() {
            var list = catalog.snapshots(inSeries: name).map { SnapshotRef(file: $0.file, header: $0.header) }
            if list.count > 2 { list.insert(SnapshotRef(file: name + "/broken.snapshot.json", header: list[1].header), at: 2) }
            refs[name] = list
        }
        guard !refs.isEmpty else { fatalError("the embedded data has no snapshots") }
        self.names = catalog.series(); self.refs = refs; self.datasets = datasets
        self.crosswalk = full.map { full in
            let oldMap = maps[full.fromMapID]
            return Crosswalk(id: full.id, fromMapID: full.fromMapID, toMapID: full.toMapID, title: full.title,
                             provinces: full.provinces.filter { kept.contains($0.oldCode) },
                             wards: full.wards.filter { oldMap?.ward($0.oldCode) != nil })
        }
    }

    /// Names no real ward has, to check that what reaches the screen is inert: escape sequences,
    /// bidirectional overrides, joiners, C1 controls, a name of 300 characters.
    static let hostileNames = [
        "Phường \u{1B}]0;title\u{07}Nhật Tân", "\u{202E}Phường đảo\u{202C}", "Phường \u{1B}[2J\u{1B}[31mĐỏ",
        "👮\u{200D}♀️ Phường\u{200D}Ghép\u{200B}", "Phường \u{9B}31m\u{85}Tab\tXuống\ndòng",
        "Phuo\u{301}ng Dấu Rời", String(repeating: "Phường Hà Huy Tập ", count: 17),
    ]

    static func withHostileNames(_ map: AdminMap) -> AdminMap {
        var wards = map.wards, provinces = map.provinces
        for (i, name) in hostileNames.enumerated() where i < wards.count { wards[i].name = name }
        if !provinces.isEmpty { provinces[0].name = "\u{1B}[2J" + provinces[0].name + "\u{9B}" }
        return AdminMap(id: map.id, title: map.title, effective: map.effective, hasDistricts: map.hasDistricts,
                        provinces: provinces, districts: map.districts, wards: wards)
    }

    var seriesNames: [String] { names }
    func snapshots(inSeries series: String) -> [SnapshotRef] { refs[series] ?? [] }
    func load(_ ref: SnapshotRef) -> Result<Dataset, Problems> {
        datasets[ref.file].map { .success($0) } ?? .failure(Problems([Problem(file: ref.file, message: "cannot read: fuzz")]))
    }
    func crosswalk(between a: String, and b: String) -> Crosswalk? {
        guard let crosswalk, Set([a, b]) == Set([crosswalk.fromMapID, crosswalk.toMapID]) else { return nil }
        return crosswalk
    }
}
