import Foundation
import Testing
@testable import KieuMauCore
@testable import KieuMauTUI

/// Hostile text on the screen (issue 5, "Hostile input"), without a terminal: every view drawn from
/// data whose every text field carries escape sequences, C1 controls, bidi overrides and zero-width
/// characters holds none of them in any cell, and shows the text they wrap; 10,000-character names
/// are clipped to the screen, promptly, with the layout intact. Through a real terminal (tmux): see
/// EndToEndTests/HostileInputEndToEndTests.
@Suite struct HostileScreenTests {
    static let payloads = [
        "\u{1B}]0;PWNED\u{07}", "\u{1B}[2J", "\u{1B}[38;2;1;2;3m", "\u{9B}38;2;4;5;6m", "\u{9D}2;PWNED\u{9C}",
        "\u{1B}]52;c;cHduZWQ=\u{1B}\\", "\u{202E}", "\u{2066}", "\u{200D}", "\u{200B}", "\u{FEFF}",
    ]

    /// Payloads around and inside `text` (after its first character).
    static func wrap(_ text: String) -> String {
        guard let first = text.first else { return payloads.joined() }
        return payloads.joined() + String(first) + payloads.reversed().joined() + text.dropFirst() + payloads.joined()
    }

    /// The fixture's provinces, wards and figures with every text field passed through `t`.
    static func dataset(_ t: (String) -> String) -> Dataset {
        let base = Fixture.second
        let m = base.map
        let map = AdminMap(id: m.id, title: t("Bản đồ"), effective: nil, hasDistricts: true,
                           provinces: m.provinces.map { Province(code: $0.code, name: t($0.name), units: $0.units) },
                           districts: m.districts.map { District(code: $0.code, name: t($0.name), provinceCode: $0.provinceCode) },
                           wards: m.wards.map { Ward(code: $0.code, name: t($0.name), provinceCode: $0.provinceCode, districtCode: $0.districtCode) },
                           sources: [Source(id: "gso", publisher: t("GSO"), title: t("Danh mục"), date: "2025")], notes: [t("Ghi chú")])
        let criteria = CriteriaSet(id: "c22", title: t("22 tiêu chí"), decision: t("QĐ 5764"),
                                   groups: (1...6).map { CriterionGroup(number: $0, nameVi: t("Nhóm \($0)"), nameEn: t("Group \($0)")) },
                                   criteria: (1...22).map { Criterion(number: $0, group: ($0 - 1) / 4 + 1, nameVi: t("Tiêu chí \($0)"),
                                                                      nameEn: t("Criterion name \($0)"), subject: t("chủ đề \($0)")) },
                                   notes: [t("Ghi chú bộ tiêu chí")])
        let h = base.header
        let header = SnapshotHeader(asOf: h.asOf, title: t("Sơ kết cuối năm"), series: h.series, synthetic: h.synthetic,
                                    mapID: h.mapID, criteriaID: h.criteriaID,
                                    sources: [Source(id: "seed-01", publisher: t("Công an Nghệ An"), title: t("Hội nghị"), date: "2023-12",
                                                     url: t("https://example.vn/x")),
                                              Source(id: "seed-02", publisher: t("Báo"), title: t("Bài"), date: "2023")],
                                    notes: [t("Ghi chú ảnh chụp")])
        let rows = base.snapshot.wards.map { row -> WardPolice in
            var r = row
            r.note = t("Thiếu tiêu chí thi đua")
            r.sourceIDs = ["seed-01", "seed-02"]
            if r.recognition != nil { r.recognition = Recognition(decision: t("QĐ 1"), date: r.recognition?.date) }
            return r
        }
        let reported = base.snapshot.reported.map { figures -> ReportedFigures in
            var f = figures
            f.note = t("báo cáo")
            return f
        }
        return Dataset(snapshot: Snapshot(header: header, wards: rows, reported: reported), map: map, criteria: criteria)
    }

    final class Source2: SnapshotSource {
        let data: Dataset
        init(data: Dataset) { self.data = data }
        func load(_ ref: SnapshotRef) -> Result<Dataset, Problems> { .success(data) }
        var seriesNames: [String] { ["test"] }
        func snapshots(inSeries series: String) -> [SnapshotRef] { [SnapshotRef(file: "x.snapshot.json", header: data.header)] }
    }

    static func controller(_ data: Dataset, width: Int, height: Int, glyphs: Glyphs = .unicodeSet, lang: Language = .en) -> AppRuntime {
        let state = AppState(dataset: data, snapshots: Source2(data: data).snapshots(inSeries: "test"), snapshotIndex: 0,
                             lang: lang, glyphs: glyphs)
        let c = AppRuntime(state: state, themes: [Theme(name: "default", styles: [:])], source: Source2(data: data), exports: ExportsInMemory(), width: width, height: height)
        c.start()
        return c
    }

    /// Every view: provinces, a province's wards, a ward's detail from top to end, the filter, help.
    static func tour(_ c: AppRuntime, width: Int, height: Int) -> [(String, Canvas)] {
        var frames: [(String, Canvas)] = []
        func frame(_ name: String) { frames.append((name, c.render(width: width, height: height))) }
        frame("provinces")
        c.handle(.down); frame("provinces, second row")
        c.handle(.char("/"))
        for ch in "nghe" { c.handle(.char(ch)) }
        frame("province filter")
        c.handle(.enter); c.handle(.enter); frame("wards")
        c.handle(.enter); frame("ward detail")
        c.handle(.end); frame("ward detail, end")
        c.handle(.escape); c.handle(.char("/"))
        for ch in "tap" { c.handle(.char(ch)) }
        frame("ward filter")
        c.handle(.escape); c.handle(.char("?")); frame("help")
        return frames
    }

    static let sizes = [(80, 24), (160, 48), (50, 16), (40, 10), (200, 60), (30, 8), (1, 1)]

    @Test(arguments: [false, true], [Language.en, Language.vi])
    func noCellHoldsAnythingATerminalWouldActOn(ascii: Bool, lang: Language) {
        let glyphs = ascii ? Glyphs.asciiSet : Glyphs.unicodeSet
        let data = Self.dataset(Self.wrap)
        var seen = Set<String>()
        for (w, h) in Self.sizes {
            for (name, canvas) in Self.tour(Self.controller(data, width: w, height: h, glyphs: glyphs, lang: lang), width: w, height: h) {
                for y in 0..<canvas.height {
                    let line = canvas.line(y)
                    if let bad = line.unicodeScalars.first(where: DisplaySafe.isUnsafe) {
                        Issue.record("\(w)×\(h) \(name), row \(y): U+\(String(bad.value, radix: 16, uppercase: true)) in \(line.debugDescription)")
                    }
                    #expect(!line.contains("PWNED") && !line.contains("38;2;"), "\(w)×\(h) \(name), row \(y): \(line)")
                    #expect(TextWidth.of(line) <= w, "\(w)×\(h) \(name), row \(y) is wider than the screen")
                    seen.insert(line)
                }
            }
        }
        // The wrapped text itself is shown (in ASCII: without its marks).
        let expected = ascii ? ["Tinh Nghe An", "Phuong Ha Huy Tap"] : ["Tỉnh Nghệ An", "Phường Hà Huy Tập"]
        for text in expected { #expect(seen.contains { $0.contains(text) }, "\(text) is never shown") }
        if ascii {
            #expect(seen.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "non-ASCII on an ASCII screen")
        }
    }

    /// 10,000-character names everywhere, and a letter under 10,000 combining marks: every frame
    /// fits the screen, the header and status line are in place. (The time limit guards against a
    /// hang; how long a frame takes is the benchmark's to measure.)
    @Test(.timeLimit(.minutes(1)))
    func tenThousandCharacterNamesAreClippedWithTheLayoutIntact() {
        let long = { (text: String) in String((text + " " + String(repeating: "Phường Hà Huy Tập ", count: 600)).prefix(10_000)) }
        let zalgo = { (text: String) in text + "Z" + String(repeating: "\u{0301}", count: 10_000) }
        let cases: [(String, (String) -> String, [(Int, Int)])] = [("long", long, [(50, 16), (80, 24), (400, 120)]),
                                                                   ("combining", zalgo, [(80, 24), (160, 48)])]
        for (label, transform, sizes) in cases {
            let data = Self.dataset(transform)
            for (w, h) in sizes {
                let frames = Self.tour(Self.controller(data, width: w, height: h), width: w, height: h)
                for (name, canvas) in frames {
                    let lines = (0..<canvas.height).map(canvas.line)
                    #expect(lines.allSatisfy { TextWidth.of($0) <= w }, "\(label) \(w)×\(h) \(name): a row is wider than the screen")
                    #expect(lines.first?.contains("KieuMau") == true, "\(label) \(w)×\(h) \(name): header lost\n\(canvas.text)")
                    if name != "help" {
                        #expect(lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == false, "\(label) \(w)×\(h) \(name): no status line")
                    }
                    if label == "long", name == "provinces", w >= 80 {
                        #expect(lines.contains { $0.contains("…") }, "\(w)×\(h): a clipped name shows an ellipsis")
                    }
                }
            }
        }
    }
}
