import KieuMauCore

/// The two export formats, and what both share: field names and the problem type for imports.
public enum ReviewFileFormat: String, Sendable, CaseIterable {
    case csv, json

    /// By the file name's extension (case-insensitive), else by content: JSON starts with `{`.
    public static func detect(fileName: String, bytes: [UInt8]) -> ReviewFileFormat {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".json") { return .json }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == UInt8(ascii: "{") ? .json : .csv
    }
}

/// A problem in an import file: the file, where in it (line, and a column or JSON path) and
/// what was expected. Nothing is written when an import has one.
public struct ReviewImportError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// CSV column name or JSON path (`reviews[3].markedAt`).
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, field: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "\(field): " }
        return text + message
    }
}

/// Field names, in export order. CSV headers use them as they are; JSON objects too.
enum ReviewFields {
    static let snapshot = "snapshot"
    static let ward = "ward"
    static let mark = "mark"
    static let markedBy = "marked_by"
    static let markedAt = "marked_at"
    static let note = "note"
    static let notedBy = "noted_by"
    static let notedAt = "noted_at"
    static let all = [snapshot, ward, mark, markedBy, markedAt, note, notedBy, notedAt]

    /// The JSON document's `format` value and version.
    static let formatName = "kieumau.reviews"
    static let version = 1
}

/// Builds a review from the text of its fields (as exported), checking each, or says what is
/// wrong with which field. Shared by the CSV and JSON readers.
struct ReviewFieldReader {
    var file: String
    var line: Int?
    /// How to name a field in a problem (CSV: the column; JSON: `reviews[3].field`).
    var fieldName: (String) -> String

    func review(_ value: (String) -> String?) throws(ReviewImportError) -> Review {
        func problem(_ field: String, _ message: String) -> ReviewImportError {
            ReviewImportError(file: file, line: line, field: fieldName(field), message)
        }
        let snapshotText = value(ReviewFields.snapshot) ?? ""
        guard let snapshot = Day(iso: snapshotText) else {
            throw problem(ReviewFields.snapshot, "expected a date YYYY-MM-DD, found \(quoted(snapshotText))")
        }
        let ward = value(ReviewFields.ward) ?? ""
        guard !ward.isEmpty, !ward.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw problem(ReviewFields.ward, "expected a ward code, found \(quoted(ward))")
        }
        let markText = value(ReviewFields.mark) ?? ""
        var mark: ReviewMark?
        if !markText.isEmpty {
            guard let parsed = ReviewMark(rawValue: markText) else {
                throw problem(ReviewFields.mark, "expected ok, follow-up or nothing, found \(quoted(markText))")
            }
            mark = parsed
        }
        func time(_ field: String, requiredBecause reason: String?) throws(ReviewImportError) -> ReviewTime? {
            let text = value(field) ?? ""
            if text.isEmpty {
                if let reason { throw problem(field, "expected a UTC time like 2025-07-01T08:30:00.000Z \(reason), found nothing") }
                return nil
            }
            guard let time = ReviewTime(iso: text) else {
                throw problem(field, "expected a UTC time like 2025-07-01T08:30:00.000Z, found \(quoted(text))")
            }
            return time
        }
        let note = value(ReviewFields.note) ?? ""
        return Review(key: ReviewKey(snapshot: snapshot, ward: ward),
                      mark: mark, markedBy: value(ReviewFields.markedBy) ?? "",
                      markedAt: try time(ReviewFields.markedAt, requiredBecause: mark == nil ? nil : "for a mark"),
                      note: note, notedBy: value(ReviewFields.notedBy) ?? "",
                      notedAt: try time(ReviewFields.notedAt, requiredBecause: note.isEmpty ? nil : "for a note"))
    }

    private func quoted(_ text: String) -> String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "\"" + DisplaySafe.clean(shown) + "\""
    }
}
