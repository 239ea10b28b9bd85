import Foundation

/// Reads a colleague's export (CSV or JSON) into reviews, checking everything before the store
/// is touched: invalid UTF-8, wrong columns, bad dates or times, unknown marks and a key given
/// twice are `ReviewImportError`s naming the file, the line or path, and what was expected.
public enum ReviewImport {
    /// Exports are small (a few hundred bytes a review); this refuses a wrong file before reading it.
    public static let sizeLimit = 64 << 20

    /// Reads and parses the file at `path`.
    public static func read(path: String, format: ReviewFileFormat? = nil) throws(ReviewImportError) -> [Review] {
        switch FileStatus(path) {
        case .missing: throw ReviewImportError(file: path, "no such file")
        case .folder: throw ReviewImportError(file: path, "is a folder; expected an export file (.csv or .json)")
        case .other: throw ReviewImportError(file: path, "is not a regular file")
        case .regular: break
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= sizeLimit else {
            throw ReviewImportError(file: path, "is \(size) bytes; expected an export of at most \(sizeLimit) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReviewImportError(file: path, "cannot be read (permission?)")
        }
        return try parse(Array(data), file: path, format: format)
    }

    /// Parses export bytes; `file` names them in problems. The format is detected when nil.
    public static func parse(_ bytes: [UInt8], file: String, format: ReviewFileFormat? = nil) throws(ReviewImportError) -> [Review] {
        if let line = firstInvalidUTF8Line(bytes) {
            throw ReviewImportError(file: file, line: line, "expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let rows: [(Review, line: Int?)]
        switch format ?? ReviewFileFormat.detect(fileName: file, bytes: bytes) {
        case .csv: rows = try ReviewCSV.read(String(decoding: body, as: UTF8.self), file: file).map { ($0.0, $0.line) }
        case .json: rows = try ReviewJSON.read(body, file: file)
        }
        var firstSeen: [ReviewKey: Int] = [:]
        for (index, (review, line)) in rows.enumerated() {
            if let earlier = firstSeen[review.key] {
                let whereEarlier = rows[earlier].line.map { "line \($0)" } ?? "reviews[\(earlier)]"
                throw ReviewImportError(file: file, line: line, field: line == nil ? "reviews[\(index)]" : nil,
                                        "the review of ward \(review.ward) for \(review.snapshot.iso) is already given at \(whereEarlier); expected one per snapshot and ward")
            }
            firstSeen[review.key] = index
        }
        return rows.map(\.0)
    }

    /// The 1-based line of the first byte sequence that is not UTF-8, or nil when all is UTF-8.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") { line += 1 }
            case .emptyInput:
                return nil
            case .error:
                return line
            }
        }
    }
}

/// Writes reviews in an export format.
public enum ReviewExport {
    public static func render(_ reviews: [Review], as format: ReviewFileFormat) -> String {
        switch format {
        case .csv: return ReviewCSV.write(reviews)
        case .json: return ReviewJSON.write(reviews)
        }
    }
}
