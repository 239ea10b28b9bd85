import KieuMauCore
import KieuMauTUI

/// The dashboard's window on the data directory: snapshot lists per series and loading on demand,
/// each map decoded once, and digests of snapshots kept in the digest cache (issue 14) so that a
/// start draws its first frame without decoding ward rows.
public final class CatalogSource: SnapshotSource {
    private var loader: DatasetLoader
    private(set) var catalog: Catalog
    /// Where digests are kept between runs; nil: no cache (every digest is made from the rows).
    public let digestCache: DigestCache?
    /// Digests found or made in this run, by file and definition, with the identity of the file
    /// they were checked against (a start reads the same digest for the screen and for the
    /// latest-known picture: the file is hashed once).
    private var digestsSeen: [String: (identity: SnapshotFileIdentity, digest: SnapshotDigest)] = [:]
    /// Rows decoded by this source (every snapshot read in full adds its rows): the work-count
    /// tests hold a warm start to none before its first frame.
    public private(set) var wardRowsDecoded = 0

    /// Bumped when the counting rules change (what a digest's figures mean), so older digests go stale.
    static let rulesTag = "kieumau-progress-rules-1"

    public init(catalog: Catalog, digestCache: DigestCache? = nil) {
        self.catalog = catalog
        self.loader = DatasetLoader(catalog: catalog)
        self.digestCache = digestCache
    }

    public func load(_ ref: SnapshotRef) -> Result<Dataset, Problems> {
        guard let entry = entry(ref) else {
            return .failure(Problems([Problem(file: ref.file, message: "snapshot is no longer in the catalog")]))
        }
        let result = loader.load(entry)
        if case .success(let data) = result { wardRowsDecoded += data.snapshot.wards.count }
        return result
    }

    private func entry(_ ref: SnapshotRef) -> SnapshotEntry? { catalog.snapshots.first { $0.file == ref.file } }

    public var seriesNames: [String] { catalog.series() }

    /// Scans the directory again (live reload); returns the problems that are new.
    public func reload() -> [Problem] {
        let old = Set(catalog.problems.map(\.description))
        catalog = Catalog.scan(directory: catalog.directory, today: catalog.today)
        loader = DatasetLoader(catalog: catalog)
        crosswalks = [:]
        digestsSeen = [:]
        return catalog.problems.filter { !old.contains($0.description) }
    }

    private var crosswalks: [String: Crosswalk] = [:]

    public func crosswalk(between a: String, and b: String) -> Crosswalk? {
        let key = [a, b].sorted().joined(separator: "|")
        if let c = crosswalks[key] { return c }
        for (from, to) in [(a, b), (b, a)] {
            if case .success(let c)? = catalog.loadCrosswalk(from: from, to: to) {
                crosswalks[key] = c
                return c
            }
        }
        return nil
    }

    public func snapshots(inSeries series: String) -> [SnapshotRef] {
        catalog.snapshots(inSeries: series).map { SnapshotRef(file: $0.file, header: $0.header) }
    }

    // MARK: Digests

    public var hasDigestCache: Bool { digestCache != nil }

    public func map(id: String) -> AdminMap? { try? loader.map(id).get() }

    /// From the cache when it holds a digest of exactly this file (and map, criteria, rules);
    /// otherwise the snapshot is read in full, and its digest stored for the next time.
    public func digest(_ ref: SnapshotRef, definition: ModelDefinition) -> Result<SnapshotDigest, Problems> {
        guard let entry = entry(ref) else { return .failure(Problems([Problem(file: ref.file, message: "snapshot is no longer in the catalog")])) }
        let found = lookup(entry, definition: definition)
        if let digest = found.digest { return .success(digest) }
        return load(ref).map { data in
            let digest = SnapshotDigest(data, summary: ProgressSummary(data, definition: definition))
            remember(digest, entry: entry, definition: definition, stamp: found.stamp)
            return digest
        }
    }

    /// The snapshot a dashboard opens on, as its first frame needs it: warm (a usable digest in the
    /// cache) its outline and digest, no row read; cold, read in full, its digest stored for the
    /// next start.
    public func open(_ entry: SnapshotEntry, definition: ModelDefinition) -> Result<OpenedSnapshot, Problems> {
        let found = lookup(entry, definition: definition)
        if let digest = found.digest, let dataset = outline(entry, digest: digest) {
            return .success(OpenedSnapshot(dataset: dataset, summary: ProgressSummary(digest: digest), outline: digest))
        }
        // A digest whose map head cannot be read has no miss's stamp: the file is stamped now.
        let stamp = found.digest == nil ? found.stamp : digestCache.flatMap { _ in try? SnapshotStamp.read(entry.path).get() }
        return load(SnapshotRef(file: entry.file, header: entry.header)).map { data in
            let summary = ProgressSummary(data, definition: definition)
            remember(SnapshotDigest(data, summary: summary), entry: entry, definition: definition, stamp: stamp)
            return OpenedSnapshot(dataset: data, summary: summary, outline: nil)
        }
    }

    /// A digest of the snapshot if the cache (or this run) has one for exactly this file, else
    /// the stamp the lookup took of the file (hashed once), to store a new digest under.
    private func lookup(_ entry: SnapshotEntry, definition: ModelDefinition) -> (digest: SnapshotDigest?, stamp: SnapshotStamp?) {
        guard let cache = digestCache else { return (nil, nil) }
        let seenKey = key(entry.file, definition)
        if let seen = digestsSeen[seenKey], SnapshotFileIdentity.of(entry.path) == seen.identity { return (seen.digest, nil) }
        switch cache.digest(forSnapshotAt: entry.path, definition: definition, dependencies: dependencies(of: entry)) {
        case .hit(let digest):
            // A digest is untrusted input: it must be of this snapshot as the catalog read its header.
            guard digest.header == entry.header, digest.totals.definition == definition else {
                return (nil, try? SnapshotStamp.read(entry.path).get())
            }
            if let identity = SnapshotFileIdentity.of(entry.path) { digestsSeen[seenKey] = (identity, digest) }
            return (digest, nil)
        case .miss(_, let stamp):
            return (nil, stamp)
        }
    }

    /// Keeps the digest of a snapshot just read in full for the next start; `stamp` is the file
    /// as it was before it was read.
    private func remember(_ digest: SnapshotDigest, entry: SnapshotEntry, definition: ModelDefinition, stamp: SnapshotStamp?) {
        guard let cache = digestCache, let stamp else { return }
        cache.store(digest, forSnapshotAt: entry.path, definition: definition, stamp: stamp, dependencies: dependencies(of: entry))
        digestsSeen[key(entry.file, definition)] = (stamp.identity, digest)
    }

    /// The snapshot's header on the map's outline (its head and the digest's provinces, no wards),
    /// or nil when the criteria set or the map's head do not go with the digest.
    private func outline(_ entry: SnapshotEntry, digest: SnapshotDigest) -> Dataset? {
        guard let criteria = catalog.criteriaSet(of: entry), criteria.count == digest.totals.criteriaCount,
              // The provinces are the digest's: it was counted on this very map file (its identity
              // is among the digest's dependencies), so only the map's head is read.
              case .success(let head) = catalog.loadMapHead(id: entry.header.mapID, provinces: digest.totals.provinces.map(\.province)),
              head.id == digest.totals.mapID else { return nil }
        return Dataset.outline(header: entry.header, map: head, criteria: criteria)
    }

    /// What a digest depends on besides its snapshot: the map file, the criteria set, the rules.
    private func dependencies(of entry: SnapshotEntry) -> UInt64 {
        let criteria = catalog.criteriaSet(of: entry).map { "\($0.id):\($0.count)" } ?? "-"
        return DigestDependencies.fingerprint(files: catalog.mapPath(id: entry.header.mapID).map { [$0] } ?? [],
                                              tags: [Self.rulesTag, criteria])
    }

    private func key(_ file: String, _ definition: ModelDefinition) -> String { file + "\u{0}" + definition.rawValue }

}

/// The snapshot a dashboard opens on (`CatalogSource.open`).
public struct OpenedSnapshot: Sendable {
    /// The snapshot in full, or (warm) its header on the map's outline, without rows.
    public var dataset: Dataset
    public var summary: ProgressSummary
    /// The digest the first frame is drawn from, when it is (then the rows are read after it).
    public var outline: SnapshotDigest?
}
