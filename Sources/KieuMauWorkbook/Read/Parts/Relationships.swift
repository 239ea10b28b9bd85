/// A part's relationships (`_rels/*.rels`): which part is the workbook, which are its sheets,
/// shared strings and styles.
enum Relationships {
    struct Relation: Sendable {
        var id: String
        var type: String
        /// The target part's name from the archive's root ("xl/worksheets/sheet1.xml").
        var target: String
    }

    static func read(_ bytes: [UInt8], part: String, base: String) throws(WorkbookError) -> [Relation] {
        var reader = try XMLPullReader(bytes, part: part)
        var relations: [Relation] = []
        while true {
            switch try reader.next() {
            case .done: return relations
            case .start where reader.isElement("Relationship"):
                if try reader.attribute("TargetMode") == "External" { continue }
                guard let id = try reader.attribute("Id"), let type = try reader.attribute("Type"),
                      let target = try reader.attribute("Target") else {
                    throw WorkbookError(part, "a relationship without Id, Type or Target")
                }
                relations.append(Relation(id: id, type: type, target: resolve(target, base: base)))
            default: continue
            }
        }
    }

    /// A target relative to the folder of the part that names it ("worksheets/sheet1.xml" from
    /// "xl"), or absolute ("/xl/worksheets/sheet1.xml"); "." and ".." are followed.
    static func resolve(_ target: String, base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." { _ = parts.popLast(); continue }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }
}
