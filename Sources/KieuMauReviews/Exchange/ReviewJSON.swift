import Foundation
import KieuMauCore

/// Reviews as JSON: `{"format": "kieumau.reviews", "version": 1, "reviews": [{…}, …]}` with the
/// fields of `ReviewFields`; a missing mark or time is `null`.
enum ReviewJSON {
    static func write(_ reviews: [Review]) -> String {
        typealias V = JSONWriter.Value
        func optional(_ text: String?) -> V { text.map(V.string) ?? .null }
        let items: [V] = reviews.map { review in
            .object([(ReviewFields.snapshot, .string(review.snapshot.iso)), (ReviewFields.ward, .string(review.ward)),
                     (ReviewFields.mark, optional(review.mark?.rawValue)), (ReviewFields.markedBy, .string(review.markedBy)),
                     (ReviewFields.markedAt, optional(review.markedAt?.iso)), (ReviewFields.note, .string(review.note)),
                     (ReviewFields.notedBy, .string(review.notedBy)), (ReviewFields.notedAt, optional(review.notedAt?.iso))])
        }
        let document: V = .object([("format", .string(ReviewFields.formatName)), ("version", .int(ReviewFields.version)),
                                   ("reviews", .array(items))])
        return JSONWriter.write(document) + "\n"
    }

    static func read(_ bytes: [UInt8], file: String) throws(ReviewImportError) -> [(Review, line: Int?)] {
        let bytes = escapingZeroWidthNoBreakSpaces(bytes)
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            let detail = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)"
            throw ReviewImportError(file: file, line: lineOfCharacter(in: detail, bytes: bytes), "expected JSON: \(detail)")
        }
        guard let document = parsed as? [String: Any] else {
            throw ReviewImportError(file: file, "expected a JSON object with \"format\": \"\(ReviewFields.formatName)\"")
        }
        guard document["format"] as? String == ReviewFields.formatName else {
            throw ReviewImportError(file: file, field: "format", "expected \"\(ReviewFields.formatName)\" (an export of `kieumau reviews export --format json`)")
        }
        guard let version = document["version"] as? Int, version == ReviewFields.version else {
            throw ReviewImportError(file: file, field: "version", "expected \(ReviewFields.version)")
        }
        guard let items = document["reviews"] as? [Any] else {
            throw ReviewImportError(file: file, field: "reviews", "expected an array of reviews")
        }
        var reviews: [(Review, line: Int?)] = []
        for (index, item) in items.enumerated() {
            let path = "reviews[\(index)]"
            guard let object = item as? [String: Any] else {
                throw ReviewImportError(file: file, field: path, "expected an object")
            }
            for (key, value) in object {
                guard ReviewFields.all.contains(key) else {
                    throw ReviewImportError(file: file, field: "\(path).\(DisplaySafe.clean(key))", "unknown field; expected \(ReviewFields.all.joined(separator: ", "))")
                }
                guard value is String || value is NSNull else {
                    throw ReviewImportError(file: file, field: "\(path).\(key)", "expected a string or null")
                }
            }
            let reader = ReviewFieldReader(file: file, line: nil, fieldName: { "\(path).\($0)" })
            reviews.append((try reader.review { object[$0] as? String }, nil))
        }
        return reviews
    }

    /// Foundation's JSONSerialization (Linux) drops a U+FEFF that starts a string or follows an
    /// escape in it, as if it were a byte-order mark, so a note holding one would change on import
    /// (found by fuzzing). Written as the escape `\uFEFF`, which it keeps, the character survives;
    /// outside a string the escape is as much an error as the raw character. Lines do not move.
    static func escapingZeroWidthNoBreakSpaces(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF {
                out += Array(#"\uFEFF"#.utf8); i += 3
            } else {
                out.append(bytes[i]); i += 1
            }
        }
        return out
    }

    /// Foundation says where JSON broke as "around character N" (a byte offset): the line of
    /// that byte, or nil when the message has no such number.
    static func lineOfCharacter(in message: String, bytes: [UInt8]) -> Int? {
        guard let range = message.range(of: "character ") else { return nil }
        let digits = message[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard let offset = Int(digits) else { return nil }
        return 1 + bytes.prefix(min(offset, bytes.count)).count { $0 == UInt8(ascii: "\n") }
    }
}
