/// Filling a catalog from the files of its directory.
extension Catalog {
    enum IndexMode {
        /// For the program: criteria sets loaded; map files listed; crosswalk and snapshot headers read.
        case listing
        /// For checking one file: criteria sets loaded and map files listed, nothing else read.
        case dependencies
        /// For `kieumau validate`: every file read and checked in full.
        case checkingEverything
    }

    mutating func index(mode: IndexMode) {
        let (files, walkProblems) = DirectoryWalker.walk(directory)
        problems += walkProblems
        var ids: [DataFileKind: [String: String]] = [:] // first file of each id, per kind

        for file in files where file.kind == .criteria && isFirst(file, &ids) {
            switch FileLoading.document(at: file.absolute, file: file.relative).flatMap({
                CriteriaSetDecoder.decode($0, file: file.relative, stem: file.stem)
            }) {
            case .success(let set): criteriaSets[set.id] = set
            case .failure(let failure): problems += failure.all; brokenIDs.insert(file.stem)
            }
        }
        for file in files where file.kind == .map && isFirst(file, &ids) { mapFiles[file.stem] = file.relative }
        var maps: [String: AdminMap] = [:]
        if mode == .checkingEverything {
            for (id, _) in mapFiles.sorted(by: { $0.value < $1.value }) {
                switch loadMap(id: id) {
                case .success(let map): maps[id] = map
                case .failure(let failure): problems += failure.all; brokenIDs.insert(id)
                }
            }
        }
        guard mode != .dependencies else { return }

        for file in files where file.kind == .crosswalk && isFirst(file, &ids) {
            if let entry = crosswalkEntry(file, checkingAgainst: mode == .checkingEverything ? maps : nil) { crosswalks.append(entry) }
        }
        var entries: [SnapshotEntry] = []
        for file in files where file.kind == .snapshot {
            if let entry = snapshotEntry(file, checkingAgainst: mode == .checkingEverything ? maps : nil) { entries.append(entry) }
        }
        snapshots = withoutDuplicateDays(entries).sorted {
            ($0.header.series, $0.header.asOf.ordinal, $0.file) < ($1.header.series, $1.header.asOf.ordinal, $1.file)
        }
        problems = Self.groupedByFile(problems)
    }

    /// Two files of one kind must not share an id; the first in name order is used.
    private mutating func isFirst(_ file: DataFile, _ ids: inout [DataFileKind: [String: String]]) -> Bool {
        if let first = ids[file.kind]?[file.stem] {
            problems.append(Problem(file: file.relative, message: "not read: \(first) has the same id `\(file.stem)`"))
            return false
        }
        ids[file.kind, default: [:]][file.stem] = file.relative
        return true
    }

    /// Reads a crosswalk's header, or all of it checked against the maps when `maps` is given.
    private mutating func crosswalkEntry(_ file: DataFile, checkingAgainst maps: [String: AdminMap]?) -> CrosswalkEntry? {
        let mapIDs = Set(mapFiles.keys)
        let result: Result<CrosswalkDecoder.Header, Problems>
        if let maps {
            result = FileLoading.document(at: file.absolute, file: file.relative).flatMap { document in
                let from = FileLoading.topLevelString(document, "from")
                return CrosswalkDecoder.decode(document, file: file.relative, stem: file.stem, maps: mapIDs,
                                               fromMap: from.flatMap { maps[$0] })
                    .map { CrosswalkDecoder.Header(id: $0.id, from: $0.fromMapID, to: $0.toMapID) }
            }
        } else {
            result = FileLoading.header(at: file.absolute, file: file.relative).flatMap {
                CrosswalkDecoder.decodeHeader($0, file: file.relative, stem: file.stem, maps: mapIDs)
            }
        }
        switch result {
        case .success(let h): return CrosswalkEntry(id: h.id, fromMapID: h.from, toMapID: h.to, file: file.relative, path: file.absolute)
        case .failure(let failure): problems += failure.all; return nil
        }
    }

    /// Reads a snapshot's header, or all of it checked against its map when `maps` is given.
    private mutating func snapshotEntry(_ file: DataFile, checkingAgainst maps: [String: AdminMap]?) -> SnapshotEntry? {
        let context = snapshotContext
        let result: Result<SnapshotHeader, Problems>
        if let maps {
            result = FileLoading.document(at: file.absolute, file: file.relative).flatMap { document in
                let map = FileLoading.topLevelString(document, "map").flatMap { maps[$0] }
                return SnapshotDecoder.decode(document, file: file.relative, context: context, map: map).map(\.header)
            }
        } else {
            result = FileLoading.header(at: file.absolute, file: file.relative).flatMap {
                SnapshotDecoder.decodeHeader($0, file: file.relative, context: context)
            }
        }
        switch result {
        case .success(let header): return SnapshotEntry(file: file.relative, path: file.absolute, header: header)
        case .failure(let failure): problems += failure.all; return nil
        }
    }

    /// One snapshot per series and day: the first in name order is kept, the others are warned about.
    private mutating func withoutDuplicateDays(_ entries: [SnapshotEntry]) -> [SnapshotEntry] {
        var firstFile: [String: String] = [:]
        var kept: [SnapshotEntry] = []
        for entry in entries {
            let key = entry.header.series + "\u{0}" + entry.header.asOf.iso
            if let first = firstFile[key] {
                problems.append(Problem(file: entry.file, message: "not used: \(first) is already the snapshot of series `\(entry.header.series)` for \(entry.header.asOf.iso) (a series has one snapshot a day)",
                                        severity: .warning))
                continue
            }
            firstFile[key] = entry.file
            kept.append(entry)
        }
        return kept
    }

    /// Problems of one file together, files in name order, each file's in the order found.
    static func groupedByFile(_ problems: [Problem]) -> [Problem] {
        problems.enumerated().sorted { ($0.element.file, $0.offset) < ($1.element.file, $1.offset) }.map(\.element)
    }
}
