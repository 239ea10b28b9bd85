import FuzzSupport
import KieuMauCore
#if canImport(Glibc)
import Glibc
#endif

/// Digest cache files (`DigestCacheFile.decode`). Each input is decoded as it is, then again with
/// the real magic and version and its header sealed to its payload (length and checksum), so that
/// mutations reach the sections and are not all stopped by the checksum. Properties: no trap,
/// hang or leak; a failure has a reason; what decodes re-encodes to the very same bytes (the
/// format is canonical) and decodes again equal; the digest answers what the first frame asks of
/// it (the picture as published, every ward's stage, every tally's share and targets).
func fuzzDigestCache(_ bytes: [UInt8]) {
    check(bytes)
    guard bytes.count >= DigestCacheFile.headerSize else { return }
    var sealed = bytes
    sealed.replaceSubrange(0..<8, with: DigestCacheFile.magic)
    sealed[8] = UInt8(DigestCacheFile.formatVersion); sealed[9] = 0
    // Flags stay as the input has them half of the time, so that their check is reached too.
    if inputHash(bytes) & 1 == 0 { sealed[10] = 0; sealed[11] = 0 }
    DigestCacheFile.seal(&sealed)
    check(sealed)
}

private func check(_ bytes: [UInt8]) {
    switch DigestCacheFile.decode(bytes) {
    case .failure(let error):
        require(!error.description.isEmpty, "a failure without a reason")
    case .success(let entry):
        let again = DigestCacheFile.encode(entry)
        require(again == bytes, "decoded \(bytes.count) bytes re-encode to \(again.count) other bytes")
        guard case .success(let back) = DigestCacheFile.decode(again) else { return require(false, "a re-encoded entry does not decode") }
        require(back == entry, "a re-encoded entry decodes to another")
        use(entry.digest)
    }
}

/// What the dashboard reads of a digest before its first frame.
private func use(_ digest: SnapshotDigest) {
    let picture = LatestKnown.asPublished(digest)
    require(picture.provinces.count == digest.totals.provinces.count, "the picture lost provinces")
    for i in -1...digest.wards.count {
        let ward = digest.wards[i]
        require((ward == nil) == (i < 0 || i >= digest.wards.count), "ward \(i) of \(digest.wards.count)")
    }
    for tally in [digest.totals.national] + digest.totals.provinces.map(\.tally) {
        require((0...1).contains(tally.share) || tally.model > tally.units, "share \(tally.share)")
        _ = tally.band
        _ = tally.needed(percent: 100)
        _ = tally.reached2030
    }
    _ = digest.totals.nationalIsCounted
}

/// Entries of real digests: three published record snapshots and a demo snapshot, counted on their
/// maps cut to three provinces (as the other targets' small maps), so that each seed is a few KB;
/// under a fixed key.
func writeDigestCacheSeeds(into folder: String) -> Never {
    var reader = CatalogPictureReader(catalog: RealData.catalog)
    let chosen = ["record/2021-12-31.snapshot.json", "record/2023-12-31.snapshot.json", "record/2025-07-01.snapshot.json",
                  "demo/2023-06-30.snapshot.json"]
    for file in chosen {
        guard let entry = RealData.catalog.snapshots.first(where: { $0.file == file }),
              case .success(let data) = reader.dataset(entry) else { fatalError("embedded snapshot \(file) does not load") }
        let map = data.map.id == RealData.oldMap.id ? RealData.smallOldMap : data.map.only(provinces: Set(data.map.provinces.prefix(3).map(\.code)))
        let cut = Dataset(snapshot: data.snapshot, map: map, criteria: data.criteria)
        let definition: ModelDefinition = file.hasPrefix("record/2023") ? .recognised : .complete
        let digest = SnapshotDigest(cut, summary: ProgressSummary(cut, definition: definition))
        let stamp = SnapshotStamp(identity: SnapshotFileIdentity(device: 2049, inode: 131_077, size: 10_376, modifiedSeconds: 1_764_000_000,
                                                                 modifiedNanoseconds: 5), contentHash: 0x5EED)
        let key = DigestCacheKey(snapshotPath: "/home/người dùng/kieumau/" + file, definition: definition, stamp: stamp)
        let bytes = DigestCacheFile.encode(DigestCacheEntry(key: key, digest: digest))
        let name = folder + "/" + file.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".snapshot.json", with: ".digest")
        guard let out = fopen(name, "wb"), fwrite(bytes, 1, bytes.count, out) == bytes.count, fclose(out) == 0 else {
            fatalError("cannot write \(name)")
        }
        print("\(name): \(bytes.count) bytes")
    }
    exit(0)
}
