import Foundation
import Testing
import KieuMauCore
@testable import KieuMauTUI

/// Whole screens compared with golden files in `Golden/`: the text (`NAME.txt`) and the style
/// role of every cell (`NAME.roles.txt`, one letter a cell; `StyleRoleLetters` says which), so a
/// change of colour meaning shows as a diff too.
/// Regenerate after an intended change: `KIEUMAU_UPDATE_GOLDEN=1 swift test --filter ScreenTests`,
/// then read the diff before committing.
@Suite struct ScreenTests {
    static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func check(_ name: String, _ canvas: Canvas, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try compare(name, canvas.text + "\n", sourceLocation: sourceLocation)
        try compare(name + ".roles", StyleRoleLetters.map(of: canvas) + "\n", sourceLocation: sourceLocation)
    }

    private func compare(_ name: String, _ text: String, sourceLocation: SourceLocation) throws {
        let url = Self.goldenDir.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["KIEUMAU_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        if golden != text {
            let a = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
            let line = (first?.offset ?? min(a.count, b.count)) + 1
            let expected = first.map { String($0.element.0) } ?? ""
            let actual = first.map { String($0.element.1) } ?? ""
            Issue.record("\(name) differs from its golden file at line \(line):\ngolden: \(expected)\nactual: \(actual)\n--- actual screen ---\n\(text)",
                         sourceLocation: sourceLocation)
        }
    }

    func screen(_ c: AppRuntime, _ w: Int, _ h: Int) -> Canvas {
        return c.render(width: w, height: h)
    }

    @Test func provinces80x24() throws {
        try check("provinces-80x24", screen(Fixture.controller(), 80, 24))
    }
    @Test func provinces160x48() throws {
        try check("provinces-160x48", screen(Fixture.controller(width: 160, height: 48), 160, 48))
    }
    @Test func wardsVietnamese160x48() throws {
        let c = Fixture.controller(lang: .vi, width: 160, height: 48)
        c.handle(.down); c.handle(.down); c.handle(.enter)
        try check("wards-vi-160x48", screen(c, 160, 48))
    }
    @Test func wardDetail80x24() throws {
        let c = Fixture.controller()
        c.handle(.down); c.handle(.down); c.handle(.enter); c.handle(.down); c.handle(.enter)
        try check("ward-detail-80x24", screen(c, 80, 24))
    }
    @Test func wards80x24() throws {
        let c = Fixture.controller()
        c.handle(.down); c.handle(.down); c.handle(.enter)
        try check("wards-80x24", screen(c, 80, 24))
    }
    @Test func compact50x16() throws {
        let c = Fixture.controller(width: 50, height: 16)
        try check("provinces-50x16", screen(c, 50, 16))
    }
    @Test func asciiFallback80x24() throws {
        let c = Fixture.controller(glyphs: .asciiSet)
        try check("provinces-ascii-80x24", screen(c, 80, 24))
    }
    @Test func help80x24() throws {
        let c = Fixture.controller()
        c.handle(.char("?"))
        try check("help-80x24", screen(c, 80, 24))
        c.handle(.char("L"))
        try check("help-vi-80x24", screen(c, 80, 24))
    }
    @Test func tooSmall() throws {
        try check("too-small-30x8", screen(Fixture.controller(), 30, 8))
    }
    @Test func filterPrompt() throws {
        let c = Fixture.controller()
        c.handle(.down); c.handle(.down); c.handle(.enter); c.handle(.char("/"))
        for ch in "ha huy tap" { c.handle(.char(ch)) }
        try check("filter-80x24", screen(c, 80, 24))
    }

    @Test func criteriaView80x24() throws {
        let c = Fixture.controller()
        c.handle(.char("c"))
        try check("criteria-80x24", screen(c, 80, 24))
    }
    @Test func compareView80x24() throws {
        let c = Fixture.controller()
        c.handle(.char("d"))
        try check("compare-80x24", screen(c, 80, 24))
    }
    @Test func reviewMarksAndNoteEditor160x48() throws {
        let reviews = MemoryReviews()
        let state = AppState(dataset: Fixture.second, snapshots: Fixture.refs, snapshotIndex: 1, lang: .vi)
        let c = AppRuntime(state: state, themes: [Theme(name: "default", styles: [:])], source: Fixture.MemorySource(), reviews: reviews, exports: ExportsInMemory(), width: 160, height: 48)
        c.start()
        for k: Key in [.down, .down, .enter, .char("o"), .down, .char("x"), .down, .char("a")] { c.handle(k) }
        for ch in "Chờ quyết định công nhận" { c.handle(.char(ch)) }
        try check("reviews-vi-160x48", screen(c, 160, 48))
    }

    // The opening view: the latest-known picture of the embedded record on a fixed day.
    @Test func openingRecord80x24() throws {
        try check("opening-record-80x24", screen(try EmbeddedRecord.controller(), 80, 24))
    }
    @Test func openingRecordVietnamese80x24() throws {
        try check("opening-record-vi-80x24", screen(try EmbeddedRecord.controller(lang: .vi), 80, 24))
    }
    @Test func openingRecord160x48() throws {
        try check("opening-record-160x48", screen(try EmbeddedRecord.controller(width: 160, height: 48), 160, 48))
    }
    @Test func openingRecordVietnamese160x48() throws {
        try check("opening-record-vi-160x48", screen(try EmbeddedRecord.controller(lang: .vi, width: 160, height: 48), 160, 48))
    }
    /// The demo series keeps its bands, and from 2026 its 2025 column is the result at 31/12/2025.
    @Test func openingDemo160x48() throws {
        try check("opening-demo-160x48", screen(try EmbeddedRecord.controller(series: "demo", width: 160, height: 48), 160, 48))
    }

    /// Every size from 1×1 to 200×60 renders without trapping, and nothing is drawn past the edge.
    @Test func everySizeRenders() {
        let c = Fixture.controller()
        for w in stride(from: 1, through: 200, by: 7) {
            for h in stride(from: 1, through: 60, by: 5) {
                let canvas = screen(c, w, h)
                #expect(canvas.width == w && canvas.height == h)
            }
        }
    }
}

/// One letter per style role, for the golden role maps: `.` normal, `H` header, `B` the DEMO badge,
/// `T` title, `|` border, `S` selection, `s` dim selection, `m` muted, `E` emphasis, `M` `N` `U` `_`
/// bar met / not met / unknown / empty, `<` `~` `>` band below / within / above, `+` target marker,
/// `W` warning, `X` error, `l` status line, `k` status key, `f` filter, `^` sparkline, `o` overlay.
enum StyleRoleLetters {
    static func letter(_ role: StyleRole) -> Character {
        switch role {
        case .normal: return "."
        case .header: return "H"
        case .headerBadge: return "B"
        case .title: return "T"
        case .border: return "|"
        case .selection: return "S"
        case .selectionDim: return "s"
        case .muted: return "m"
        case .emphasis: return "E"
        case .barMet: return "M"
        case .barNotMet: return "N"
        case .barUnknown: return "U"
        case .barEmpty: return "_"
        case .bandBelow: return "<"
        case .bandWithin: return "~"
        case .bandAbove: return ">"
        case .targetMarker: return "+"
        case .warning: return "W"
        case .error: return "X"
        case .statusLine: return "l"
        case .statusKey: return "k"
        case .filter: return "f"
        case .sparkline: return "^"
        case .overlay: return "o"
        }
    }

    /// A line of letters per row; trailing normal cells trimmed, as the text's trailing spaces are.
    static func map(of canvas: Canvas) -> String {
        (0..<canvas.height).map { y -> String in
            var line = String(canvas.row(y).map { letter($0.role) })
            while line.hasSuffix(".") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
