/// A colour in a theme: the terminal's own, or 24-bit, stepped down for terminals with fewer.
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case rgb(UInt8, UInt8, UInt8)
}

/// How one role looks.
public struct Style: Hashable, Sendable {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault,
                bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.dim = dim; self.underline = underline; self.reverse = reverse
    }
}

/// How many colours the terminal can show (or may use: NO_COLOR means none).
public enum ColorDepth: Int, Hashable, Sendable, Comparable {
    case none = 0, eight = 8, sixteen = 16, palette256 = 256, trueColor = 16_777_216
    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}

/// A named mapping from roles to styles. Roles a theme file leaves out fall back to the built-in default.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [StyleRole: Style]
    /// Attributes used for every role when colour is off (NO_COLOR, monochrome terminals).
    public var monochrome: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style], monochrome: [StyleRole: Style] = [:]) {
        self.name = name; self.styles = styles; self.monochrome = monochrome
    }

    public func style(for role: StyleRole, depth: ColorDepth) -> Style {
        if depth == .none {
            return monochrome[role] ?? Theme.monochromeDefault[role] ?? Style()
        }
        return styles[role] ?? Style()
    }

    /// Attributes only: meaning never rests on colour, so these only make the screen easier to scan.
    public static let monochromeDefault: [StyleRole: Style] = [
        .header: Style(bold: true, reverse: true),
        .headerBadge: Style(bold: true, reverse: true),
        .title: Style(bold: true),
        .selection: Style(reverse: true),
        .selectionDim: Style(underline: true),
        .muted: Style(dim: true),
        .emphasis: Style(bold: true),
        .barUnknown: Style(dim: true),
        .barEmpty: Style(dim: true),
        .bandBelow: Style(bold: true),
        .targetMarker: Style(bold: true),
        .warning: Style(bold: true),
        .error: Style(bold: true, underline: true),
        .statusLine: Style(reverse: true),
        .statusKey: Style(bold: true, reverse: true),
        .filter: Style(underline: true),
        .overlay: Style(),
    ]
}
