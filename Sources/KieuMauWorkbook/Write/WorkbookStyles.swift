/// The styles part: one cell format per `WorkbookDocument.CellStyle`, in its order.
enum WorkbookStyles {
    private static let border = "<left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
        + "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/>"

    /// Cell formats by style: font 0 regular, 1 bold, 2 large bold; fill 2 header blue, 3 fixed
    /// grey; border 1 thin; number format 49 is text ("@"), so codes keep their leading zeros.
    private static func format(_ style: WorkbookDocument.CellStyle) -> String {
        switch style {
        case .plain:
            return "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        case .title:
            return "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        case .header:
            return "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\">"
                + "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        case .fixed:
            return "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" applyBorder=\"1\"/>"
        case .input:
            return "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyProtection=\"1\">"
                + "<protection locked=\"0\"/></xf>"
        case .label:
            return "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"
        case .wrapped:
            return "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        }
    }

    static let part: String = {
        let font = { (extra: String, size: Int) in "<font>\(extra)<sz val=\"\(size)\"/><name val=\"Calibri\"/><family val=\"2\"/></font>" }
        let fill = { (rgb: String) in "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(rgb)\"/><bgColor indexed=\"64\"/></patternFill></fill>" }
        let formats = WorkbookDocument.CellStyle.allCases.map(format)
        return WorkbookWriter.declaration
            + "<styleSheet xmlns=\"\(WorkbookWriter.mainNamespace)\">"
            + "<fonts count=\"3\">" + font("", 11) + font("<b/>", 11) + font("<b/>", 14) + "</fonts>"
            + "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + fill("FFD9E1F2") + fill("FFF2F2F2") + "</fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>\(border)</border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(formats.count)\">" + formats.joined() + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }()
}
