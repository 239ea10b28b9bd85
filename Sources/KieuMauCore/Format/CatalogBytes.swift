/// Decoding a data file from bytes already in memory, as if it were the file `file` of this data
/// directory: the same parser, checks and messages as loading it from disk, checked against this
/// catalog's criteria sets and maps. For fuzzing and tests; `file`'s name gives the kind and the
/// stem an id must equal.
extension Catalog {
    public func decodeCriteriaSet(bytes: [UInt8], file: String) -> Result<CriteriaSet, Problems> {
        Self.stem(of: file, .criteria).flatMap { stem in
            Self.parsed(bytes, file: file).flatMap { CriteriaSetDecoder.decode($0, file: file, stem: stem) }
        }
    }

    public func decodeMap(bytes: [UInt8], file: String) -> Result<AdminMap, Problems> {
        Self.stem(of: file, .map).flatMap { stem in
            Self.parsed(bytes, file: file).flatMap { AdminMapDecoder.decode($0, file: file, stem: stem) }
        }
    }

    /// The whole crosswalk; old codes are checked against `fromMap` when it is given.
    public func decodeCrosswalk(bytes: [UInt8], file: String, fromMap: AdminMap? = nil) -> Result<Crosswalk, Problems> {
        Self.stem(of: file, .crosswalk).flatMap { stem in
            Self.parsed(bytes, file: file).flatMap {
                CrosswalkDecoder.decode($0, file: file, stem: stem, maps: Set(mapFiles.keys), fromMap: fromMap)
            }
        }
    }

    /// A snapshot's header read as a directory listing reads it: from the first `firstChunk`
    /// bytes, then twice as many, until the parse no longer needs more (the rows are not parsed).
    public func decodeSnapshotHeader(bytes: [UInt8], file: String, firstChunk: Int = 16 << 10) -> Result<SnapshotHeader, Problems> {
        var want = max(1, firstChunk)
        while true {
            let isComplete = want >= bytes.count
            let outcome = JSONParser.parse(isComplete ? bytes : Array(bytes[..<want]), stopAtTopLevelKey: "wards",
                                           isComplete: isComplete)
            if case .needsMoreInput = outcome, !isComplete { want = want > bytes.count / 2 ? bytes.count : want * 2; continue }
            return FileLoading.parsed(outcome, file: file).flatMap {
                SnapshotDecoder.decodeHeader($0, file: file, context: snapshotContext)
            }
        }
    }

    /// The whole snapshot, checked against `map` (nil: ward codes and provinces are not checked).
    public func decodeSnapshot(bytes: [UInt8], file: String, map: AdminMap?) -> Result<Snapshot, Problems> {
        Self.parsed(bytes, file: file).flatMap {
            SnapshotDecoder.decode($0, file: file, context: snapshotContext, map: map)
        }
    }

    private static func parsed(_ bytes: [UInt8], file: String) -> Result<JSONDocument, Problems> {
        FileLoading.parsed(JSONParser.parse(bytes), file: file)
    }

    private static func stem(of file: String, _ kind: DataFileKind) -> Result<String, Problems> {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let (found, stem) = DataFileKind.of(fileName: name), found == kind else {
            return .failure(Problems([Problem(file: file, message: "not a \(kind.format) file: the name must end in \(kind.suffix)")]))
        }
        return .success(stem)
    }
}
