import KieuMauCore

/// Bars drawn with eighth blocks (sub-cell resolution) or ASCII, with target markers on them.
public enum Bars {
    /// A share bar from 0 to 100% with markers at 30% and 50% (the 2025 band) and the end at 100%.
    public static func share(_ canvas: inout Canvas, x: Int, y: Int, width: Int, share: Double,
                             fillRole: StyleRole, glyphs: Glyphs, markers: [Int] = [Targets.floorPercent, Targets.stretchPercent]) {
        guard width > 0 else { return }
        fill(&canvas, x: x, y: y, width: width, fraction: share, role: fillRole, emptyRole: .barEmpty, glyphs: glyphs)
        for m in markers {
            let col = x + min(width - 1, Int((Double(m) / 100.0 * Double(width)).rounded(.down)))
            let filled = Double(col - x) < share * Double(width)
            canvas.set(col, y, Cell(glyphs.marker, role: filled ? fillRole : .targetMarker))
        }
    }

    /// A proportional fill: `fraction` of `width` in full and partial blocks, the rest empty.
    public static func fill(_ canvas: inout Canvas, x: Int, y: Int, width: Int, fraction: Double,
                            role: StyleRole, emptyRole: StyleRole, glyphs: Glyphs) {
        guard width > 0 else { return }
        let f = max(0, min(1, fraction.isFinite ? fraction : 0))
        let eighths = Int((f * Double(width * 8)).rounded())
        let full = eighths / 8, part = eighths % 8
        for i in 0..<width {
            let cell: Cell
            if i < full { cell = Cell(glyphs.full, role: role) }
            else if i == full && part > 0 && !glyphs.partials.isEmpty { cell = Cell(glyphs.partials[part - 1], role: role) }
            else { cell = Cell(glyphs.empty, role: emptyRole) }
            canvas.set(x + i, y, cell)
        }
    }

    /// A criteria bar: met, then not met, then unknown, in proportion to M.
    public static func criteria(_ canvas: inout Canvas, x: Int, y: Int, width: Int,
                                met: Int, notMet: Int, total: Int, glyphs: Glyphs) {
        guard width > 0, total > 0 else { return }
        let metCols = Int((Double(met) / Double(total) * Double(width)).rounded(.down))
        var notCols = Int((Double(notMet) / Double(total) * Double(width)).rounded(.up))
        if metCols + notCols > width { notCols = width - metCols }
        for i in 0..<width {
            if i < metCols { canvas.set(x + i, y, Cell(glyphs.full, role: .barMet)) }
            else if i < metCols + notCols { canvas.set(x + i, y, Cell(glyphs.notMetFill, role: .barNotMet)) }
            else { canvas.set(x + i, y, Cell(glyphs.empty, role: .barUnknown)) }
        }
    }

    /// A sparkline of values 0...1 (nil drawn as a gap).
    public static func sparkline(_ values: [Double?], glyphs: Glyphs) -> String {
        var s = ""
        for v in values {
            guard let v else { s += " "; continue }
            let i = max(0, min(glyphs.spark.count - 1, Int((v * Double(glyphs.spark.count - 1)).rounded())))
            s += glyphs.spark[i]
        }
        return s
    }
}

extension Glyphs {
    /// Fill for criteria not met: a distinct texture so the bar reads without colour.
    public var notMetFill: String { unicode ? "▒" : "x" }
}
