import Testing
@testable import KieuMauTUI

@Suite struct ColorSteppingTests {

    // MARK: 256 colours

    @Test func everyCubeAndGreyEntryMapsToItself() {
        for index in 16...255 {
            guard let (r, g, b) = ColorStepping.rgbOfPalette256(index) else {
                Issue.record("no RGB for \(index)"); continue
            }
            // Grey 232+ with values equal to a cube level would tie; none do (8, 18, …, 238).
            #expect(ColorStepping.palette256(UInt8(r), UInt8(g), UInt8(b)) == index, "entry \(index)")
        }
    }

    @Test func blackAndWhiteUseTheCubeCorners() {
        #expect(ColorStepping.palette256(0, 0, 0) == 16)
        #expect(ColorStepping.palette256(255, 255, 255) == 231)
    }

    @Test func nearGreysUseTheGreyRamp() {
        // (128,128,128) is grey 244 exactly; the nearest cube grey is (135,135,135) = 102.
        #expect(ColorStepping.palette256(128, 128, 128) == 244)
        #expect(ColorStepping.palette256(30, 30, 46) == 235)    // a dark theme background
    }

    @Test func coloursStepToTheNearestCubeEntry() {
        // 0x89B4FA → levels (135, 175, 255) = 16 + 36*2 + 6*3 + 5.
        #expect(ColorStepping.palette256(0x89, 0xB4, 0xFA) == 111)
        #expect(ColorStepping.palette256(250, 10, 10) == 196)
    }

    @Test func noEntryBelow16IsChosen() {
        for v in stride(from: 0, through: 255, by: 17) {
            let i = ColorStepping.palette256(UInt8(v), UInt8(255 - v), UInt8(v / 2))
            #expect((16...255).contains(i))
        }
    }

    // MARK: 8 and 16 colours

    @Test func primariesKeepTheirHue() {
        let cases: [(UInt8, UInt8, UInt8, Int)] = [
            (255, 0, 0, 1), (0, 200, 0, 2), (230, 230, 0, 3), (0, 0, 255, 4),
            (200, 0, 200, 5), (0, 200, 200, 6),
        ]
        for (r, g, b, ansi) in cases {
            #expect(ColorStepping.basic(r, g, b, bright: false) == ansi, "\(r),\(g),\(b)")
        }
    }

    @Test func pastelsKeepTheirHueInsteadOfTurningWhite() {
        #expect(ColorStepping.basic(0xA6, 0xE3, 0xA1, bright: false) == 2)   // pale green
        #expect(ColorStepping.basic(0xF3, 0x8B, 0xA8, bright: false) == 1)   // pale red
        #expect(ColorStepping.basic(0xF9, 0xE2, 0xAF, bright: false) == 3)   // pale yellow
    }

    @Test func darkAndGreyColoursBecomeBlackOrWhite() {
        #expect(ColorStepping.basic(0x1E, 0x1E, 0x2E, bright: false) == 0)
        #expect(ColorStepping.basic(0x10, 0x10, 0x38, bright: false) == 0)   // too dark to tell
        #expect(ColorStepping.basic(0xCD, 0xD6, 0xF4, bright: false) == 7)
        #expect(ColorStepping.basic(128, 128, 128, bright: false) == 7)
        #expect(ColorStepping.basic(80, 80, 80, bright: false) == 0)
    }

    @Test func sixteenColoursUseBrightVariantsForLightColours() {
        #expect(ColorStepping.basic(255, 80, 80, bright: true) == 9)
        #expect(ColorStepping.basic(180, 0, 0, bright: true) == 1)
        #expect(ColorStepping.basic(255, 255, 255, bright: true) == 15)
        #expect(ColorStepping.basic(110, 110, 110, bright: true) == 8)
        #expect(ColorStepping.basic(190, 190, 190, bright: true) == 7)
    }

    // MARK: whole colours and pairs

    @Test func terminalDefaultIsMinusOneAtEveryDepth() {
        for depth in [ColorDepth.none, .eight, .sixteen, .palette256, .trueColor] {
            #expect(ColorStepping.terminalColor(.terminalDefault, depth: depth) == -1)
        }
        #expect(ColorStepping.terminalColor(.rgb(255, 0, 0), depth: .none) == -1)
    }

    @Test func directColourIsTheRGBValue() {
        #expect(ColorStepping.terminalColor(.rgb(0x12, 0x34, 0x56), depth: .trueColor) == 0x123456)
    }

    @Test func differentColoursThatCollideGetAReadableForeground() {
        // Two pale colours both become white (7) on 8 colours: the text turns black.
        let pale = ColorStepping.pair(fg: .rgb(0xCD, 0xD6, 0xF4), bg: .rgb(0xE0, 0xE0, 0xE0), depth: .eight)
        #expect(pale.fg == 0 && pale.bg == 7)
        // Two dark ones both become black: the text turns white.
        let dark = ColorStepping.pair(fg: .rgb(0x30, 0x30, 0x30), bg: .rgb(0x10, 0x10, 0x10), depth: .eight)
        #expect(dark.fg == 7 && dark.bg == 0)
    }

    @Test func blackTextOnTheTerminalBackgroundUsesTheTerminalForeground() {
        let border = ColorStepping.pair(fg: .rgb(0x58, 0x5B, 0x70), bg: .terminalDefault, depth: .eight)
        #expect(border.fg == -1 && border.bg == -1)
        // With 16 colours the same grey is bright black (8), visible on black, so it stays.
        #expect(ColorStepping.pair(fg: .rgb(0x58, 0x5B, 0x70), bg: .terminalDefault, depth: .sixteen).fg == 8)
        // Over an explicit background black is a choice and stays where it reads (on yellow)…
        #expect(ColorStepping.pair(fg: .rgb(0x10, 0x10, 0x10), bg: .rgb(0xF0, 0xE0, 0x40), depth: .eight).fg == 0)
        // …but a light blue steps to the basic blue, where black reads at 2.2:1, so white it is.
        #expect(ColorStepping.pair(fg: .rgb(0x10, 0x10, 0x10), bg: .rgb(0x89, 0xB4, 0xFA), depth: .eight).fg == 7)
        // 256 colours keep the dark grey as it is.
        #expect(ColorStepping.pair(fg: .rgb(0x58, 0x5B, 0x70), bg: .terminalDefault, depth: .palette256).fg == 241)   // grey 98
    }

    @Test func equalThemeColoursAreLeftAlone() {
        let same = ColorStepping.pair(fg: .rgb(0x45, 0x47, 0x5A), bg: .rgb(0x45, 0x47, 0x5A), depth: .eight)
        #expect(same.fg == same.bg)
    }

    // MARK: depth

    @Test func depthFollowsTheColourCount() {
        #expect(ColorStepping.depth(hasColors: true, colorCount: 256, noColor: nil) == .palette256)
        #expect(ColorStepping.depth(hasColors: true, colorCount: 16, noColor: nil) == .sixteen)
        #expect(ColorStepping.depth(hasColors: true, colorCount: 8, noColor: nil) == .eight)
        #expect(ColorStepping.depth(hasColors: true, colorCount: 88, noColor: nil) == .sixteen)
        #expect(ColorStepping.depth(hasColors: true, colorCount: 1 << 24, noColor: nil) == .trueColor)
        #expect(ColorStepping.depth(hasColors: false, colorCount: 256, noColor: nil) == .none)
    }

    @Test func noColorMeansNoneOnlyWhenNonEmpty() {
        #expect(ColorStepping.depth(hasColors: true, colorCount: 256, noColor: "1") == .none)
        #expect(ColorStepping.depth(hasColors: true, colorCount: 256, noColor: "") == .palette256)
    }

    /// Pairs the review found unreadable on 8 colours: white on cyan (1.6:1), black on blue (2.2:1).
    @Test func unreadableBasicPairsGetBlackOrWhite() {
        let header = ColorStepping.pair(fg: .rgb(0xFF, 0xFF, 0xFF), bg: .rgb(0x00, 0x87, 0xAF), depth: .eight)
        #expect(header.bg == 6 && header.fg == 0)
        #expect(ColorStepping.contrast(ColorStepping.basicRGB[header.fg], ColorStepping.basicRGB[header.bg]) >= 3)
        let selection = ColorStepping.pair(fg: .rgb(0x00, 0x00, 0x00), bg: .rgb(0x5F, 0x87, 0xFF), depth: .eight)
        #expect(selection.bg == 4 && selection.fg == 7)
    }
}
