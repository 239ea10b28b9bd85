import Foundation

/// Steps 24-bit theme colours down to what a terminal can show. Pure: the ncurses backend asks
/// it for colour numbers, tests check it without a terminal.
///
/// Colour numbers follow ncurses: -1 is the terminal's own colour (`use_default_colors`),
/// 0–7 the basic colours (black, red, green, yellow, blue, magenta, cyan, white), 8–15 their
/// bright variants, 16–231 the 6×6×6 cube, 232–255 the grey ramp, and on a direct-colour
/// terminal (`COLORS` = 2^24) the number is the RGB value itself.
public enum ColorStepping {

    /// The colour number for `color` on a terminal with `depth` colours; -1 for the terminal default
    /// and when colours are off.
    public static func terminalColor(_ color: ThemeColor, depth: ColorDepth) -> Int {
        guard case let .rgb(r, g, b) = color else { return -1 }
        switch depth {
        case .none: return -1
        case .eight: return basic(r, g, b, bright: false)
        case .sixteen: return basic(r, g, b, bright: true)
        case .palette256: return palette256(r, g, b)
        case .trueColor: return Int(r) << 16 | Int(g) << 8 | Int(b)
        }
    }

    /// Foreground and background numbers for one style. When two different theme colours land on
    /// the same terminal colour the text would vanish, so the foreground then becomes black or
    /// white, whichever stands out against the background. Equal theme colours are left alone
    /// (a theme may draw blocks in the colour of their background on purpose).
    ///
    /// On 8 and 16 colours a foreground that becomes black over the terminal's own background uses
    /// the terminal's own foreground instead: dark greys (borders, empty bar cells) would otherwise
    /// vanish on the usual dark background, and the default foreground is readable on any.
    public static func pair(fg: ThemeColor, bg: ThemeColor, depth: ColorDepth) -> (fg: Int, bg: Int) {
        let f = terminalColor(fg, depth: depth), b = terminalColor(bg, depth: depth)
        if b == -1, f == 0, depth == .eight || depth == .sixteen { return (-1, -1) }
        // Hue stepping can pair colours that were readable in 24 bits but are not in the basic
        // palette (white on cyan, black on blue): then black or white, whichever reads better.
        if depth == .eight || depth == .sixteen, f != b, (0...15).contains(f), (0...15).contains(b),
           contrast(basicRGB[f], basicRGB[b]) < 3 {
            let white = depth == .eight ? 7 : 15
            return (contrast(basicRGB[0], basicRGB[b]) >= contrast(basicRGB[white], basicRGB[b]) ? 0 : white, b)
        }
        guard f == b, f != -1, fg != bg, case let .rgb(r, g, bl) = bg else { return (f, b) }
        let light = luminance(r, g, bl) >= 128
        switch depth {
        case .none: return (f, b)
        case .eight: return (light ? 0 : 7, b)
        case .sixteen: return (light ? 0 : 15, b)
        case .palette256: return (light ? 16 : 231, b)
        case .trueColor: return (light ? 0 : 0xFFFFFF, b)
        }
    }

    /// How many colours to use: none when `NO_COLOR` is set to anything non-empty
    /// (https://no-color.org) or the terminal has no colours; otherwise what `COLORS` reports,
    /// stepped down to the nearest depth we draw with.
    public static func depth(hasColors: Bool, colorCount: Int, noColor: String?) -> ColorDepth {
        if let noColor, !noColor.isEmpty { return .none }
        guard hasColors else { return .none }
        switch colorCount {
        case (1 << 24)...: return .trueColor
        case 256...: return .palette256
        case 16...: return .sixteen
        case 8...: return .eight
        default: return .none
        }
    }

    // MARK: 256 colours

    /// Channel values of the 6×6×6 cube in xterm's 256-colour palette.
    public static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The nearest entry of xterm's cube (16–231) or grey ramp (232–255) by squared RGB distance.
    /// Entries 0–15 are skipped: terminals and themes redefine them, so their RGB is unknown.
    public static func palette256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let (ri, gi, bi) = (nearestCubeIndex(Int(r)), nearestCubeIndex(Int(g)), nearestCubeIndex(Int(b)))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeDistance = distance(Int(r), Int(g), Int(b), cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])

        // Grey ramp: 8, 18, …, 238.
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = min(23, max(0, (average - 3) / 10))
        let grey = 8 + 10 * greyIndex
        let greyDistance = distance(Int(r), Int(g), Int(b), grey, grey, grey)
        return greyDistance < cubeDistance ? 232 + greyIndex : cube
    }

    /// The RGB value xterm gives entry `index` (16–255) of its palette.
    public static func rgbOfPalette256(_ index: Int) -> (r: Int, g: Int, b: Int)? {
        switch index {
        case 16...231:
            let i = index - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        case 232...255:
            let v = 8 + 10 * (index - 232)
            return (v, v, v)
        default:
            return nil
        }
    }

    private static func nearestCubeIndex(_ v: Int) -> Int {
        var best = 0
        for i in 1..<cubeLevels.count where abs(cubeLevels[i] - v) < abs(cubeLevels[best] - v) { best = i }
        return best
    }

    // MARK: 8 and 16 colours

    /// The basic colour for an RGB value, chosen by hue rather than by distance: the eight basic
    /// colours are far apart, and nearest-by-distance turns most pastel theme colours into white
    /// (a pale green "met" bar and a pale red "not met" bar would look the same).
    /// Dark colours become black, unsaturated ones a grey step, the rest the nearest of the six hues
    /// (red, yellow, green, cyan, blue, magenta); with `bright`, light ones use the bright variant.
    public static func basic(_ r: UInt8, _ g: UInt8, _ b: UInt8, bright: Bool) -> Int {
        let (ri, gi, bi) = (Int(r), Int(g), Int(b))
        let maxC = max(ri, gi, bi), minC = min(ri, gi, bi)
        let chroma = maxC - minC

        if maxC < 64 { return 0 }                                   // near black
        if chroma < 48 || chroma * 100 < maxC * 20 {                // greys
            let l = luminance(r, g, b)
            if !bright { return l >= 100 ? 7 : 0 }
            switch l {
            case ..<64: return 0
            case ..<150: return 8
            case ..<215: return 7
            default: return 15
            }
        }

        // Hue in degrees, 0 = red.
        let c = Double(chroma)
        var hue: Double
        if maxC == ri { hue = 60 * (Double(gi - bi) / c) }
        else if maxC == gi { hue = 60 * (Double(bi - ri) / c + 2) }
        else { hue = 60 * (Double(ri - gi) / c + 4) }
        if hue < 0 { hue += 360 }
        // Sextants centred on red 0°, yellow 60°, green 120°, cyan 180°, blue 240°, magenta 300°.
        let sextant = Int((hue + 30).truncatingRemainder(dividingBy: 360) / 60)
        let ansi = [1, 3, 2, 6, 4, 5][sextant]
        return bright && maxC > 215 ? ansi + 8 : ansi
    }

    // MARK: helpers

    /// xterm's default RGB for the 16 basic colours (terminals may redefine them; this is the usual set).
    public static let basicRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// WCAG contrast ratio of two colours (1 to 21).
    public static func contrast(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        func channel(_ v: Int) -> Double {
            let c = Double(v) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        func lum(_ x: (Int, Int, Int)) -> Double { 0.2126 * channel(x.0) + 0.7152 * channel(x.1) + 0.0722 * channel(x.2) }
        let la = lum(a), lb = lum(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// Approximate perceived brightness, 0–255 (Rec. 709 weights).
    public static func luminance(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        (2126 * Int(r) + 7152 * Int(g) + 722 * Int(b)) / 10_000
    }

    private static func distance(_ r1: Int, _ g1: Int, _ b1: Int, _ r2: Int, _ g2: Int, _ b2: Int) -> Int {
        (r1 - r2) * (r1 - r2) + (g1 - g2) * (g1 - g2) + (b1 - b2) * (b1 - b2)
    }
}
