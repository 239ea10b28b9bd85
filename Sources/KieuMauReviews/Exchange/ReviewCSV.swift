import KieuMauCore

/// Reviews as CSV: a header of `ReviewFields.all`, one line per review, written by Core's
/// `CSVWriter` like every CSV the program writes (cells guarded against formula injection).
enum ReviewCSV {
    static let textFields: Set<String> = [ReviewFields.ward, ReviewFields.markedBy, ReviewFields.note, ReviewFields.notedBy]

    static func write(_ reviews: [Review]) -> String {
        CSVWriter.table([ReviewFields.all] + reviews.map { review in
            [review.snapshot.iso, review.ward, review.mark?.rawValue ?? "", review.markedBy, review.markedAt?.iso ?? "",
             review.note, review.notedBy, review.notedAt?.iso ?? ""]
        })
    }

    /// Every column of `ReviewFields.all` must be in the header, in any order, and no other.
    static func read(_ text: String, file: String) throws(ReviewImportError) -> [(Review, line: Int)] {
        var records = try CSVRecords.parse(text, file: file)
        guard !records.isEmpty else {
            throw ReviewImportError(file: file, line: 1, "expected a header line \(ReviewFields.all.joined(separator: ",")), found an empty file")
        }
        let header = records.removeFirst()
        var column: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let name = name.trimmingSpaces
            guard ReviewFields.all.contains(name) else {
                throw ReviewImportError(file: file, line: header.line, "expected the columns \(ReviewFields.all.joined(separator: ",")), found an unknown column \"\(DisplaySafe.clean(name))\"")
            }
            guard column[name] == nil else {
                throw ReviewImportError(file: file, line: header.line, "column \"\(name)\" appears twice")
            }
            column[name] = index
        }
        let missing = ReviewFields.all.filter { column[$0] == nil }
        guard missing.isEmpty else {
            throw ReviewImportError(file: file, line: header.line, "expected the columns \(ReviewFields.all.joined(separator: ",")), missing \(missing.joined(separator: ", "))")
        }
        var reviews: [(Review, line: Int)] = []
        for record in records {
            guard record.fields.count == header.fields.count else {
                throw ReviewImportError(file: file, line: record.line, "expected \(header.fields.count) fields as in the header, found \(record.fields.count)")
            }
            let reader = ReviewFieldReader(file: file, line: record.line, fieldName: { $0 })
            let review = try reader.review { name in
                guard let index = column[name] else { return nil }
                let cell = record.fields[index]
                let text = FormulaGuard.unguarded(cell)
                return textFields.contains(name) ? text : text.trimmingSpaces
            }
            reviews.append((review, record.line))
        }
        return reviews
    }
}
