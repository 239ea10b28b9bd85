#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `kieumau validate [PATH…]`: every file read and checked in full.
extension Catalog {
    /// Checks files and data directories. Problems name files as the paths were given
    /// (`data/record/x.snapshot.json` for `validate data`).
    ///
    /// A lone snapshot or crosswalk is checked against the map it names and (for a snapshot) its
    /// criteria set, looked for in the nearest data directory around the file: its own folder, then
    /// up to two levels above it (as deep as a scan reaches), the first whose data tree holds that
    /// map file; failing that, the embedded data.
    public static func validate(paths: [String], today: Day) -> [Problem] {
        var problems: [Problem] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                problems.append(Problem(file: path, message: "cannot read: \(FileReader.errorText())")); continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                var catalog = Catalog(directory: absolutePath(path), today: today)
                catalog.index(mode: .checkingEverything)
                problems += catalog.problems.map { rebased($0, onto: path) }
            } else {
                problems += validateFile(path, today: today)
            }
        }
        return problems
    }

    static func rebased(_ problem: Problem, onto directory: String) -> Problem {
        guard !problem.file.hasPrefix("/"), directory != "." else { return problem }
        var p = problem
        p.file = (directory.hasSuffix("/") ? directory : directory + "/") + problem.file
        return p
    }

    /// Checks one file, named as given, against `catalog` (by default: the one around it).
    static func validateFile(_ path: String, today: Day, against catalog: Catalog? = nil) -> [Problem] {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let (kind, stem) = DataFileKind.of(fileName: name) else {
            return [Problem(file: path, message: "not a data file: the name must end in \(DataFileKind.suffixList)")]
        }
        let parsed = FileLoading.document(at: path, file: path)
        guard case .success(let document) = parsed else { return (parsed.failureValue?.all ?? []) }
        switch kind {
        case .criteria:
            return CriteriaSetDecoder.decode(document, file: path, stem: stem).failureValue?.all ?? []
        case .map:
            return AdminMapDecoder.decode(document, file: path, stem: stem).failureValue?.all ?? []
        case .crosswalk:
            let from = FileLoading.topLevelString(document, "from")
            let (context, extra) = catalog.map { ($0, []) } ?? surroundings(of: path, needingMap: from, today: today)
            let fromMap = from.flatMap { try? context.loadMap(id: $0).get() }
            var problems = CrosswalkDecoder.decode(document, file: path, stem: stem, maps: Set(context.mapFiles.keys),
                                                   fromMap: fromMap).failureValue?.all ?? []
            if let from, fromMap == nil, context.mapFiles[from] != nil {
                problems.append(Problem(file: path, path: "from", message: "map `\(from)` has errors, so ward codes were not checked against it", severity: .warning))
            }
            return extra + problems
        case .snapshot:
            let mapID = FileLoading.topLevelString(document, "map")
            var (context, extra) = catalog.map { ($0, []) } ?? surroundings(of: path, needingMap: mapID, today: today)
            var map: AdminMap?
            if let mapID, context.mapFiles[mapID] != nil {
                if case .success(let loaded) = context.loadMap(id: mapID) { map = loaded } else { context.brokenIDs.insert(mapID) }
            }
            return extra + (SnapshotDecoder.decode(document, file: path, context: context.snapshotContext, map: map).failureValue?.all ?? [])
        }
    }

    /// The catalog a lone file is checked against, and a note saying which it is when not obvious.
    private static func surroundings(of path: String, needingMap mapID: String?, today: Day) -> (Catalog, [Problem]) {
        var folder = absolutePath(path)
        for _ in 0...DirectoryWalker.maximumDepth {
            guard let slash = folder.lastIndex(of: "/") else { break }
            // Never the file system's root: that would walk all of it.
            guard slash != folder.startIndex else { break }
            folder = String(folder[..<slash])
            var catalog = Catalog(directory: folder, today: today)
            catalog.index(mode: .dependencies)
            if let mapID, catalog.mapFiles[mapID] != nil { return (catalog, []) }
        }
        if let embedded = EmbeddedData.directory() {
            var catalog = Catalog(directory: embedded, today: today)
            catalog.index(mode: .dependencies)
            return (catalog, [])
        }
        return (Catalog(directory: folder, today: today),
                [Problem(file: path, message: "no data directory with its map was found near it, and the embedded data is missing", severity: .warning)])
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
