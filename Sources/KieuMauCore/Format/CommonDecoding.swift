/// Parts every kind of data file shares: the top-level object with `format` and `version`, the
/// id that must equal the file name stem, `wards` last, sources and notes.
extension Decoding {
    /// Checks the top-level object. Returns its fields when the file is of `kind` and a version this
    /// program reads; nil otherwise (then nothing else in it is worth checking).
    mutating func root(_ kind: DataFileKind, required: [String], optional: [String]) -> Fields? {
        root(kind) { _ in (required, optional) }?.fields
    }

    /// The same for a kind whose keys depend on the version: `keys` gives the required and optional
    /// keys of a version. Returns the fields and the version.
    mutating func root(_ kind: DataFileKind, keys: (Int) -> (required: [String], optional: [String])) -> (fields: Fields, version: Int)? {
        let root = JSONDocument.root
        guard document.kind(root) == .object else {
            report(root, "", "expected an object at the top level, found \(document.describe(root))"); return nil
        }
        var format: Int?, version: Int?
        for key in document.keys(of: root) {
            if document.stringEquals(key, "format") { format = format ?? key + 1 }
            if document.stringEquals(key, "version") { version = version ?? key + 1 }
        }
        guard let format else { report(root, "format", "missing required key `format` (expected \"\(kind.format)\")"); return nil }
        guard document.kind(format) == .string, document.string(format) == kind.format else {
            report(format, "format", "expected \"\(kind.format)\" (the file name ends in \(kind.suffix)), found \(document.describe(format))")
            return nil
        }
        let readable = kind.versions.map(String.init).joined(separator: " or ")
        guard let version else { report(root, "version", "missing required key `version` (expected \(readable))"); return nil }
        guard let number = document.integer(version), kind.versions.contains(number) else {
            report(version, "version", "unsupported version: this program reads version \(readable) of \(kind.format), found \(document.describe(version))")
            return nil
        }
        let (required, optional) = keys(number)
        // A header parsed without the rows has no `wards` to find.
        let needed = document.stoppedAtKey == nil ? required : required.filter { $0 != "wards" }
        let fields = object(root, "", required: ["format", "version"] + needed, optional: optional)
        checkWardsLast()
        return fields.map { ($0, number) }
    }

    /// `wards` must be the last top-level key, so a header is everything before it.
    private mutating func checkWardsLast() {
        guard document.stoppedAtKey == nil else { return }
        var seenWards = false
        for key in document.keys(of: JSONDocument.root) {
            if seenWards {
                let name = document.string(key)
                report(key, name, "`wards` must be the last key of the file (the header before it is read without the rows); move `\(name)` above it")
                return
            }
            if document.stringEquals(key, "wards") { seenWards = true }
        }
    }

    /// The `id` key, which must equal the file name stem.
    mutating func id(_ fields: Fields, stem: String, kind: DataFileKind) -> String? {
        guard let node = fields["id"], let id = identifier(node, "id", what: "an id") else { return nil }
        if id != stem {
            report(node, "id", "expected \"\(stem)\" (the file is named \(stem)\(kind.suffix)), found \"\(id)\"")
            return nil
        }
        return id
    }

    /// A string key that may be absent (then empty).
    mutating func text(_ fields: Fields, _ key: String, in path: String = "") -> String {
        guard let node = fields[key] else { return "" }
        return displayText(node, Self.join(path, key)) ?? ""
    }

    /// `notes`: an array of strings; empty when absent.
    mutating func notes(_ fields: Fields) -> [String] {
        guard let node = fields["notes"] else { return [] }
        return (strings(node, "notes") ?? []).map(DisplaySafe.clean)   // free text: see `displayText`
    }

    /// `sources`: objects with a unique `id`; the others default to empty.
    mutating func sources(_ fields: Fields) -> [Source] {
        guard let node = fields["sources"], isArray(node, "sources", of: "source objects") else { return [] }
        var result: [Source] = []
        var firstIndex: [String: Int] = [:]
        for (index, element) in document.elements(of: node).enumerated() {
            let path = "sources[\(index)]"
            guard let f = object(element, path, required: ["id"], optional: ["publisher", "title", "date", "url"]),
                  let idNode = f["id"], let id = identifier(idNode, path + ".id", what: "a source id") else { continue }
            if let first = firstIndex[id] {
                report(idNode, path + ".id", "duplicate source id `\(id)` (first at sources[\(first)])"); continue
            }
            firstIndex[id] = index
            let date = text(f, "date", in: path)
            if !date.isEmpty && !Self.isSourceDate(date) {
                report(f["date"] ?? element, path + ".date", "expected a date YYYY, YYYY-MM or YYYY-MM-DD, found \"\(date)\"")
            }
            result.append(Source(id: id, publisher: text(f, "publisher", in: path), title: text(f, "title", in: path),
                                 date: date, url: text(f, "url", in: path)))
        }
        return result
    }

    static func isSourceDate(_ text: String) -> Bool {
        switch text.count {
        case 4: return Int(text).map { (1900...9999).contains($0) } ?? false
        case 7: return Day(iso: text + "-01") != nil
        case 10: return Day(iso: text) != nil
        default: return false
        }
    }
}
