import Foundation
import Testing
@testable import KieuMauTUI

/// The shipped colour themes must stay readable: contrast by the WCAG 2 formula against the
/// backgrounds each theme is meant for, states that look different from each other, a visible
/// selection, and colours a 256-colour terminal (or tmux) shows without rounding.
@Suite struct ThemeReadabilityTests {
    /// Backgrounds a theme that leaves `bg = "default"` must read on.
    static let assumedBackgrounds: [String: [ThemeColor]] = [
        "default": [.rgb(0, 0, 0), .rgb(0x1c, 0x1c, 0x1c)],          // black, a typical dark grey
        "light": [.rgb(0xff, 0xff, 0xff), .rgb(0xfd, 0xf6, 0xe3)],   // white, solarized light
        "high-contrast": [],                                          // sets every background itself
    ]
    static let colourThemes = ["default", "light", "high-contrast"]
    /// Shapes rather than text: 3:1 is the WCAG minimum for graphics.
    static let graphicRoles: Set<StyleRole> = [.border, .barMet, .barNotMet, .barUnknown, .barEmpty,
                                               .targetMarker, .sparkline]

    @Test(arguments: colourThemes)
    func textAndGraphicsHaveEnoughContrast(name: String) throws {
        let theme = try #require(BuiltInThemes.theme(named: name))
        let minimumText = name == "high-contrast" ? 7.0 : 4.5
        for role in StyleRole.allCases {
            let style = theme.style(for: role, depth: .trueColor)
            guard case .rgb = style.fg else { continue }   // the terminal's own foreground
            let backgrounds = style.bg == .terminalDefault ? Self.assumedBackgrounds[name] ?? [] : [style.bg]
            #expect(!backgrounds.isEmpty, "\(name).\(role.key) needs a background")
            let minimum = Self.graphicRoles.contains(role) ? 3.0 : minimumText
            for bg in backgrounds {
                let ratio = contrast(style.fg, bg)
                #expect(ratio >= minimum, "\(name).\(role.key): \(style.fg.themeFileValue) on \(bg.themeFileValue) is \(ratio):1")
            }
        }
    }

    @Test(arguments: colourThemes)
    func barStatesAndBandsLookDifferent(name: String) throws {
        let theme = try #require(BuiltInThemes.theme(named: name))
        for group in [[StyleRole.barMet, .barNotMet, .barUnknown, .barEmpty], [.bandBelow, .bandWithin, .bandAbove]] {
            for (i, a) in group.enumerated() {
                for b in group[(i + 1)...] {
                    let d = deltaE(theme.style(for: a, depth: .trueColor).fg, theme.style(for: b, depth: .trueColor).fg)
                    #expect(d >= 30, "\(name): \(a.key) and \(b.key) differ by ΔE \(d)")
                }
            }
        }
    }

    @Test(arguments: BuiltInThemes.names)
    func selectionStandsOut(name: String) throws {
        let theme = try #require(BuiltInThemes.theme(named: name))
        for depth in [ColorDepth.trueColor, .none] {
            let normal = theme.style(for: .normal, depth: depth)
            let selection = theme.style(for: .selection, depth: depth)
            let dim = theme.style(for: .selectionDim, depth: depth)
            #expect(selection.reverse || selection.bg != normal.bg, "\(name): selection has no background of its own")
            #expect(dim.reverse || dim.underline || dim.bg != normal.bg, "\(name): unfocused selection is invisible")
            #expect(selection != dim, "\(name): focused and unfocused selections look the same")
        }
    }

    /// Exact xterm-256 colours (6×6×6 cube or grey ramp) step down to 256 colours unchanged, so a
    /// theme looks the same in tmux or a 256-colour terminal as in true colour.
    @Test(arguments: BuiltInThemes.names)
    func everyColourIsAnXterm256Colour(name: String) throws {
        let theme = try #require(BuiltInThemes.theme(named: name))
        let cube: Set<UInt8> = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff]
        for role in StyleRole.allCases {
            let style = theme.style(for: role, depth: .trueColor)
            for color in [style.fg, style.bg] {
                guard case let .rgb(r, g, b) = color else { continue }
                let inCube = cube.contains(r) && cube.contains(g) && cube.contains(b)
                let onRamp = r == g && g == b && r >= 8 && (Int(r) - 8) % 10 == 0 && r <= 238
                #expect(inCube || onRamp, "\(name).\(role.key): \(color.themeFileValue) is not in the 256-colour palette")
            }
        }
    }

    // MARK: - Colour arithmetic

    private func linear(_ c: ThemeColor) -> (Double, Double, Double) {
        guard case let .rgb(r, g, b) = c else { return (0, 0, 0) }
        func f(_ v: UInt8) -> Double {
            let x = Double(v) / 255
            return x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
        }
        return (f(r), f(g), f(b))
    }

    private func luminance(_ c: ThemeColor) -> Double {
        let (r, g, b) = linear(c)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    private func contrast(_ a: ThemeColor, _ b: ThemeColor) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// CIE76 colour difference in L*a*b* (D65); about 2 is just noticeable, 30 is clearly different.
    private func deltaE(_ a: ThemeColor, _ b: ThemeColor) -> Double {
        func lab(_ c: ThemeColor) -> (Double, Double, Double) {
            let (r, g, b) = linear(c)
            let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
            let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
            let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
            func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116.0 }
            return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
        }
        let p = lab(a), q = lab(b)
        return ((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1) + (p.2 - q.2) * (p.2 - q.2)).squareRoot()
    }
}
