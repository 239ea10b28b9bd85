import KieuMauCore

extension LatestKnownView {
    /// The latest-known picture of a series as of `day` (and, after 2025, the picture at
    /// 31/12/2025), reading the snapshots it needs through `dataset`. Used before the first frame
    /// (the command line), by the runner (through its cache) and by fuzzing.
    /// - Returns: the view (nil when no snapshot on or before `day` can be read) and the files that
    ///   could not be read for it.
    public static func read(on day: Day, refs: [SnapshotRef], definition: ModelDefinition,
                            dataset: (SnapshotRef) -> Dataset?,
                            summary: (Dataset, SnapshotRef) -> ProgressSummary = { data, _ in ProgressSummary(data) },
                            crosswalk: (_ a: String, _ b: String) -> Crosswalk?) -> (view: LatestKnownView?, unreadable: [String]) {
        var maps: [String: AdminMap] = [:]
        var unreadable: [String] = []
        func digest(_ i: Int) -> SnapshotDigest? {
            guard let data = dataset(refs[i]) else {
                if !unreadable.contains(refs[i].file) { unreadable.append(refs[i].file) }
                return nil
            }
            maps[data.map.id] = data.map
            let s = summary(data, refs[i])
            return SnapshotDigest(data, summary: s.definition == definition ? s : ProgressSummary(data, definition: definition))
        }
        func picture(_ on: Day) -> KnownPicture? {
            LatestKnownBuilder.picture(asOf: on, headers: refs.map(\.header), digest: digest, map: { maps[$0] },
                                       crosswalk: crosswalk).picture
        }
        let view = picture(day).map { LatestKnownView(picture: $0, result2025: result2025(of: $0, on: day, refs: refs, picture: picture)) }
        return (view, unreadable)
    }

    /// Through a snapshot source's digests (its digest cache, where it keeps one), with nothing
    /// kept; maps are read only where a crosswalk joins two of them.
    public static func read(on day: Day, refs: [SnapshotRef], definition: ModelDefinition, source: any SnapshotSource) -> LatestKnownView? {
        guard source.hasDigestCache else {
            // Without a digest cache the snapshots are read in full; their maps come with them.
            return read(on: day, refs: refs, definition: definition, dataset: { try? source.load($0).get() },
                        summary: { data, _ in ProgressSummary(data, definition: definition) },
                        crosswalk: { source.crosswalk(between: $0, and: $1) }).view
        }
        func picture(_ on: Day) -> KnownPicture? {
            LatestKnownBuilder.picture(asOf: on, headers: refs.map(\.header),
                                       digest: { try? source.digest(refs[$0], definition: definition).get() },
                                       map: { source.map(id: $0) }, crosswalk: { source.crosswalk(between: $0, and: $1) }).picture
        }
        return picture(day).map { LatestKnownView(picture: $0, result2025: result2025(of: $0, on: day, refs: refs, picture: picture)) }
    }

    /// The picture at 31/12/2025 beside the picture on `day`, when `day` is after it. With no
    /// snapshot between the two days it is made of the same snapshots, so it is the same picture
    /// dated 31/12/2025 (the picture does not depend on its day otherwise): not read twice.
    static func result2025(of onDay: KnownPicture, on day: Day, refs: [SnapshotRef], picture: (Day) -> KnownPicture?) -> KnownPicture? {
        guard day > Targets.deadline2025 else { return nil }
        guard refs.contains(where: { $0.header.asOf > Targets.deadline2025 && $0.header.asOf <= day }) else {
            var same = onDay
            same.asOf = Targets.deadline2025
            return onDay.snapshotDays.contains { $0 <= Targets.deadline2025 } ? same : nil
        }
        return picture(Targets.deadline2025)
    }
}
