import CNcurses
import Foundation
import KieuMauCore
import KieuMauTUI

/// Copies a `Canvas` to the ncurses screen. Only rows that differ from the previous frame are
/// written; a new size or theme (or `invalidate()`) writes every row. One `doupdate` per frame.
final class NcursesRenderer {
    private let colors: ColorPairs
    private var previous: Canvas?
    private var previousTheme: Theme?
    /// Attributes and pair per style role (indexed by `StyleRole.rawValue`) for the current theme.
    private var roleLooks: [(attrs: attr_t, pair: Int32)] = []
    private var glyphs = GlyphCache()
    /// The characters of one run (runs longer than this are drawn in several).
    private var run = [wchar_t](repeating: 0, count: 4096)

    init(session: TerminalSession) {
        colors = ColorPairs(depth: session.colorDepth, hasDefaultColors: session.hasDefaultColors,
                            pairLimit: Int(kieumau_color_pairs()))
    }

    /// The next frame writes every row, whatever the previous one was.
    func invalidate() { previous = nil }

    /// Draws `canvas` at the top-left of the screen and flushes it to the terminal.
    func draw(_ canvas: Canvas, theme: Theme) {
        let window = kieumau_stdscr()
        let screenWidth = Int(getmaxx(window)), screenHeight = Int(getmaxy(window))
        if theme != previousTheme {
            roleLooks = StyleRole.allCases.map { colors.look(for: theme.style(for: $0, depth: colors.depth)) }
            previousTheme = theme
            previous = nil
        }
        let width = min(canvas.width, screenWidth), height = min(canvas.height, screenHeight)
        let full = previous.map { $0.width != canvas.width || $0.height != canvas.height } ?? true
        if full { werase(window) }      // clears what the canvas does not cover
        for y in 0..<height where full || canvas.row(y) != previous?.row(y) {
            drawRow(canvas.row(y), y: y, width: width)
        }
        previous = canvas
        // The (hidden) cursor rests on the last row, wherever the last change was drawn, so what
        // a shell prints after the program is killed lands at the bottom and scrolls the frame up.
        wmove(window, Int32(max(0, screenHeight - 1)), 0)
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes one row cell by cell. A wide character is drawn from its own cell and covers the
    /// continuation cell ("") after it. Cells that cannot be shown as the canvas says (a wide
    /// character without room, a stray continuation) become spaces, so the row never shifts.
    private func drawRow(_ row: ArraySlice<Cell>, y: Int, width: Int) {
        let base = row.startIndex
        var x = 0
        while x < width {
            let cell = row[base + x]
            // A run of one-column characters in one role goes out in one call.
            if Self.singleColumnScalar(cell.text) != nil {
                let role = cell.role
                var end = x
                while end < width, end - x < run.count, row[base + end].role == role, let v = Self.singleColumnScalar(row[base + end].text) {
                    run[end - x] = wchar_t(bitPattern: v)
                    end += 1
                }
                let look = roleLooks[Int(role.rawValue)]
                run.withUnsafeBufferPointer { text in
                    _ = kieumau_put_run(Int32(y), Int32(x), text.baseAddress, Int32(end - x), look.attrs, look.pair)
                }
                x = end
                continue
            }
            let look = roleLooks[Int(cell.role.rawValue)]
            let glyph = cell.text.isEmpty ? Glyph.space : glyphs.glyph(for: cell.text)
            if glyph.columns == 2 {
                if x + 1 < width, row[base + x + 1].text.isEmpty {
                    put(glyph, y: y, x: x, look: look)
                    x += 2
                } else {
                    put(.space, y: y, x: x, look: look)
                    x += 1
                }
                continue
            }
            put(glyph, y: y, x: x, look: look)
            x += 1
        }
    }

    /// The scalar of a cell that holds one character of one column needing no composing or
    /// cleaning (`TextWidth.isSingleColumn`), else nil.
    @inline(__always)
    private static func singleColumnScalar(_ text: String) -> UInt32? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let s = scalars.next(), scalars.next() == nil, TextWidth.isSingleColumn(s.value) else { return nil }
        return s.value
    }

    private func put(_ glyph: Glyph, y: Int, x: Int, look: (attrs: attr_t, pair: Int32)) {
        // In the bottom-right cell mvadd_wch returns ERR because the cursor cannot advance; the
        // cell is still stored and stdscr does not scroll (scrollok is off), so ERR is expected.
        glyph.wide.withUnsafeBufferPointer { text in
            _ = kieumau_put_cell(Int32(y), Int32(x), text.baseAddress, look.attrs, look.pair)
        }
    }
}

/// What one canvas cell becomes on screen: up to CCHARW_MAX wide characters (a spacing one, then
/// combining marks), NUL-terminated, and how many columns it takes.
struct Glyph {
    var wide: [wchar_t]
    var columns: Int

    static let space = Glyph(wide: [0x20, 0], columns: 1)
    static let replacement = Glyph(wide: [0x3F, 0], columns: 1)   // "?"

    /// Builds the glyph for a grapheme cluster. Decomposed text (NFD, as in some data files) is
    /// composed first so "ệ" is one precomposed character where one exists; whatever does not
    /// fit in a cell (a second spacing character, too many marks) is dropped rather than
    /// spilling into the next cell. Control and unprintable characters become "?".
    init(text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.count > 1 { scalars = Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) }
        guard let first = scalars.first else { self = .space; return }
        let firstWidth = Int(wcwidth(wchar_t(bitPattern: first.value)))
        guard firstWidth > 0 else { self = firstWidth == 0 ? .space : .replacement; return }
        var wide: [wchar_t] = [wchar_t(bitPattern: first.value)]
        let limit = Int(kieumau_ccharw_max())
        for scalar in scalars.dropFirst() where wide.count < limit {
            let c = wchar_t(bitPattern: scalar.value)
            if wcwidth(c) == 0 { wide.append(c) }   // combining marks, variation selectors, ZWJ
        }
        wide.append(0)
        self.wide = wide
        columns = min(firstWidth, 2)
    }

    private init(wide: [wchar_t], columns: Int) { self.wide = wide; self.columns = columns }
}

/// Glyphs keyed by cell text: a frame has few distinct texts and many repeats.
private struct GlyphCache {
    private var cache: [String: Glyph] = [:]

    mutating func glyph(for text: String) -> Glyph {
        if let hit = cache[text] { return hit }
        let glyph = Glyph(text: text)
        if cache.count > 4096 { cache.removeAll(keepingCapacity: true) }   // bound memory on odd data
        cache[text] = glyph
        return glyph
    }
}

/// ncurses colour pairs, allocated when a (foreground, background) combination is first used.
private final class ColorPairs {
    let depth: ColorDepth
    private let hasDefaultColors: Bool
    private let pairLimit: Int
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1

    private struct PairKey: Hashable { var fg: Int; var bg: Int }

    init(depth: ColorDepth, hasDefaultColors: Bool, pairLimit: Int) {
        self.depth = depth
        self.hasDefaultColors = hasDefaultColors
        self.pairLimit = pairLimit
    }

    func look(for style: Style) -> (attrs: attr_t, pair: Int32) {
        var attrs = kieumau_attr_normal()
        if style.bold { attrs |= kieumau_attr_bold() }
        if style.dim { attrs |= kieumau_attr_dim() }
        if style.underline { attrs |= kieumau_attr_underline() }
        if style.reverse { attrs |= kieumau_attr_reverse() }
        guard depth != .none else { return (attrs, 0) }
        var (fg, bg) = ColorStepping.pair(fg: style.fg, bg: style.bg, depth: depth)
        if !hasDefaultColors {
            // Without use_default_colors, -1 is not a colour: use the classic white on black.
            if fg == -1 { fg = 7 }
            if bg == -1 { bg = 0 }
        }
        return (attrs, pair(fg: fg, bg: bg))
    }

    /// Pair 0 is the terminal default; when pairs run out, new combinations fall back to it.
    private func pair(fg: Int, bg: Int) -> Int32 {
        if fg == -1 && bg == -1 { return 0 }
        let key = PairKey(fg: fg, bg: bg)
        if let known = pairs[key] { return known }
        guard Int(nextPair) < pairLimit, init_extended_pair(nextPair, Int32(fg), Int32(bg)) == OK else { return 0 }
        pairs[key] = nextPair
        nextPair += 1
        return pairs[key] ?? 0
    }
}
