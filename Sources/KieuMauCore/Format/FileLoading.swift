/// Reading and parsing one data file into a document, with failures as problems naming the file.
enum FileLoading {
    /// The whole file.
    static func document(at path: String, file: String) -> Result<JSONDocument, Problems> {
        switch FileReader.readAll(path) {
        case .failure(let failure): return .failure(Problems([Problem(file: file, message: failure.message)]))
        case .success(let bytes): return parsed(JSONParser.parse(bytes), file: file)
        }
    }

    /// Only what comes before the top-level `wards` key, reading no more of the file than that needs.
    /// - Parameter orAt: a top-level key where the header ends too, if it comes first (a map's
    ///   outline ends at its districts).
    static func header(at path: String, file: String, orAt otherKey: StaticString? = nil) -> Result<JSONDocument, Problems> {
        let read = FileReader.readPrefix(path) { bytes, isComplete -> JSONParser.Outcome? in
            let outcome = JSONParser.parse(bytes, stopAtTopLevelKey: "wards", orAt: otherKey, isComplete: isComplete)
            if case .needsMoreInput = outcome { return nil }
            return outcome
        }
        switch read {
        case .failure(let failure): return .failure(Problems([Problem(file: file, message: failure.message)]))
        case .success(let outcome): return parsed(outcome, file: file)
        }
    }

    static func parsed(_ outcome: JSONParser.Outcome, file: String) -> Result<JSONDocument, Problems> {
        switch outcome {
        case .parsed(let document): return .success(document)
        case .failed(let e):
            return .failure(Problems([Problem(file: file, path: e.path, line: e.line, column: e.column, message: e.message)]))
        case .needsMoreInput:
            return .failure(Problems([Problem(file: file, message: "the file ends too early")]))
        }
    }

    /// The string value of a top-level key (e.g. a snapshot's `map`), to find what to check it against.
    static func topLevelString(_ document: JSONDocument, _ key: String) -> String? {
        guard document.kind(JSONDocument.root) == .object else { return nil }
        for keyNode in document.keys(of: JSONDocument.root) where document.string(keyNode) == key {
            return document.kind(keyNode + 1) == .string ? document.string(keyNode + 1) : nil
        }
        return nil
    }
}
