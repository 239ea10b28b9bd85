import CNcurses
import Foundation
import KieuMauTUI

/// A small full-screen program that exercises the terminal layer on its own: Vietnamese text
/// precomposed and decomposed, a wide character, every style role, the last key and the size.
/// The end-to-end tests drive it through tmux; it is also handy to check a terminal by hand.
/// q quits, Ctrl-L repaints.
struct TerminalSelfTestApp: TerminalApp {
    var theme = TerminalSelfTestApp.sampleTheme
    private(set) var lastKey = "none"
    private(set) var keyCount = 0
    private(set) var resizeCount = 0
    private var colorDepth = ColorDepth.none
    private var isUTF8 = false
    /// Lets the end-to-end test check that a crash leaves the terminal usable (key "!").
    private let crashKeyEnabled: Bool

    init(crashKeyEnabled: Bool = false) { self.crashKeyEnabled = crashKeyEnabled }

    mutating func start(colorDepth: ColorDepth, isUTF8: Bool) {
        self.colorDepth = colorDepth
        self.isUTF8 = isUTF8
    }

    mutating func handle(_ key: Key) -> LoopCommand {
        keyCount += 1
        lastKey = Self.describe(key)
        switch key {
        case .char("q"): return .quit
        case .ctrl("l"): return .repaint
        case .resize: resizeCount += 1
        case .char("!") where crashKeyEnabled: fatalError("deliberate crash from the terminal self-test")
        default: break
        }
        return .continue
    }

    func render(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        canvas.fill(x: 0, y: 0, width: width, height: 1, with: Cell(" ", role: .header))
        write(" KieuMau terminal self-test ", x: 0, y: 0, role: .header, on: &canvas)
        let nfd = "Phường Hà Huy Tập".decomposedStringWithCanonicalMapping
        let lines: [(String, StyleRole)] = [
            ("Precomposed: Phường Hà Huy Tập|", .normal),
            ("Decomposed:  \(nfd)|", .normal),
            ("Wide:        漢字|", .emphasis),
            ("Narrow:      abcd|", .emphasis),
            ("Last key: \(lastKey)   keys: \(keyCount)", .normal),
            ("Size: \(width)x\(height)   resizes: \(resizeCount)", .normal),
            ("Colours: \(Self.describe(colorDepth))   UTF-8: \(isUTF8 ? "yes" : "no")", .muted),
        ]
        for (i, line) in lines.enumerated() { write(line.0, x: 1, y: 2 + i, role: line.1, on: &canvas) }

        // Every role once, in its own style, wrapped across lines.
        var x = 1, y = 2 + lines.count + 1
        for role in StyleRole.allCases {
            let label = " \(role.key) "
            if x + label.count > width - 1 { x = 1; y += 1 }
            write(label, x: x, y: y, role: role, on: &canvas)
            x += label.count + 1
        }

        // A wide character that only half fits at the right edge: the renderer must blank it.
        write("漢", x: width - 1, y: 1, role: .warning, on: &canvas)

        // The status line fills the last row up to the bottom-right cell, which must not scroll.
        canvas.fill(x: 0, y: height - 1, width: width, height: 1, with: Cell(" ", role: .statusLine))
        write(" q quit  Ctrl-L repaint", x: 0, y: height - 1, role: .statusLine, on: &canvas)
        canvas.set(width - 1, height - 1, Cell("#", role: .statusKey))
        return canvas
    }

    /// Writes `text` one grapheme per cell (two for wide ones), clipped at the canvas edge.
    private func write(_ text: String, x: Int, y: Int, role: StyleRole, on canvas: inout Canvas) {
        var column = x
        for character in text {
            guard let first = character.unicodeScalars.first else { continue }
            let columns = max(1, Int(wcwidth(wchar_t(bitPattern: first.value))))
            canvas.set(column, y, Cell(String(character), role: role))
            if columns == 2 { canvas.set(column + 1, y, Cell("", role: role)) }
            column += columns
        }
    }

    private static func describe(_ key: Key) -> String {
        switch key {
        case .char(let c): return "char \(c)"
        case .ctrl(let c): return "ctrl-\(c)"
        case .function(let n): return "F\(n)"
        case .mouse(let event): return "mouse \(event.kind) at \(event.x),\(event.y)"
        default: return "\(key)"
        }
    }

    private static func describe(_ depth: ColorDepth) -> String {
        switch depth {
        case .none: return "none"
        case .eight: return "8"
        case .sixteen: return "16"
        case .palette256: return "256"
        case .trueColor: return "direct RGB"
        }
    }

    /// A dark theme with a distinct look per role, enough to see colour stepping at work.
    static let sampleTheme: Theme = {
        func rgb(_ hex: UInt32) -> ThemeColor { .rgb(UInt8(hex >> 16 & 0xFF), UInt8(hex >> 8 & 0xFF), UInt8(hex & 0xFF)) }
        let styles: [StyleRole: Style] = [
            .header: Style(fg: rgb(0x1E1E2E), bg: rgb(0x89B4FA), bold: true),
            .headerBadge: Style(fg: rgb(0x1E1E2E), bg: rgb(0xF9E2AF), bold: true),
            .title: Style(fg: rgb(0x89B4FA), bold: true),
            .border: Style(fg: rgb(0x585B70)),
            .selection: Style(fg: rgb(0x1E1E2E), bg: rgb(0xB4BEFE)),
            .selectionDim: Style(bg: rgb(0x45475A)),
            .muted: Style(fg: rgb(0x7F849C)),
            .emphasis: Style(fg: rgb(0xF5C2E7), bold: true),
            .barMet: Style(fg: rgb(0xA6E3A1)),
            .barNotMet: Style(fg: rgb(0xF38BA8)),
            .barUnknown: Style(fg: rgb(0x9399B2), dim: true),
            .barEmpty: Style(fg: rgb(0x45475A)),
            .bandBelow: Style(fg: rgb(0xF38BA8), bold: true),
            .bandWithin: Style(fg: rgb(0xF9E2AF)),
            .bandAbove: Style(fg: rgb(0xA6E3A1)),
            .targetMarker: Style(fg: rgb(0xFAB387), bold: true),
            .warning: Style(fg: rgb(0xFAB387)),
            .error: Style(fg: rgb(0xF38BA8), bold: true, underline: true),
            .statusLine: Style(fg: rgb(0xCDD6F4), bg: rgb(0x313244)),
            .statusKey: Style(fg: rgb(0x1E1E2E), bg: rgb(0x94E2D5), bold: true),
            .filter: Style(fg: rgb(0xF9E2AF), underline: true),
            .sparkline: Style(fg: rgb(0x74C7EC)),
            .overlay: Style(fg: rgb(0xCDD6F4), bg: rgb(0x181825)),
        ]
        return Theme(name: "self-test", styles: styles)
    }()
}

/// Runs the self-test until q, a signal, or (with `exitAfterFirstFrame`) the first frame.
public func runTerminalSelfTest(options: TerminalOptions, exitAfterFirstFrame: Bool,
                         crashKeyEnabled: Bool) throws(TerminalError) -> LoopExit {
    var app = TerminalSelfTestApp(crashKeyEnabled: crashKeyEnabled)
    return try MainLoop.run(app: &app, options: options, exitAfterFirstFrame: exitAfterFirstFrame)
}
