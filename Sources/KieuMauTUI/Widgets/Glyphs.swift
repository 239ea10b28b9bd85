import KieuMauCore

/// The characters used for bars, borders and symbols: Unicode, or plain ASCII when the locale is
/// not UTF-8 (`LANG=C`), so nothing turns into mojibake.
public struct Glyphs: Hashable, Sendable {
    public var unicode: Bool
    public var full: String, empty: String, marker: String, endMarker: String
    /// Eighth blocks from 1/8 to 7/8 for sub-cell bar resolution (empty in ASCII).
    public var partials: [String]
    public var hline: String, vline: String, tee: String, teeUp: String
    public var cursor: String, ellipsis: String, breadcrumb: String
    public var met: String, notMet: String, unknown: String
    public var spark: [String]
    public var below: String, within: String, above: String
    public var arrow: String, left: String, right: String

    public static let unicodeSet = Glyphs(
        unicode: true, full: "█", empty: "░", marker: "┃", endMarker: "│",
        partials: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"],
        hline: "─", vline: "│", tee: "┬", teeUp: "┴",
        cursor: "▸", ellipsis: "…", breadcrumb: " › ",
        met: "✔", notMet: "✘", unknown: "?",
        spark: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        below: "▼", within: "◆", above: "▲", arrow: "→", left: "◂", right: "▸")

    public static let asciiSet = Glyphs(
        unicode: false, full: "#", empty: "-", marker: "|", endMarker: "|",
        partials: [],
        hline: "-", vline: "|", tee: "+", teeUp: "+",
        cursor: ">", ellipsis: "~", breadcrumb: " > ",
        met: "+", notMet: "x", unknown: "?",
        spark: ["_", ".", "-", "=", "*", "#", "#", "#"],
        below: "v", within: "+", above: "^", arrow: "->", left: "<", right: ">")

    public func band(_ b: TargetBand) -> String {
        switch b {
        case .below: return below
        case .within: return within
        case .above: return above
        }
    }
}
