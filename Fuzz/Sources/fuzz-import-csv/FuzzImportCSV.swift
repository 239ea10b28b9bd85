import FuzzSupport
import KieuMauCore

/// A province's spreadsheet (CSV) imported onto the real 2025-01 map (cut to three provinces, so a
/// run is fast) with a real criteria set.
/// Properties: no trap, hang or leak; counts add up; whatever the import would write is a
/// snapshot file that the data loader reads back without a problem, with the same rows.
func fuzzImportCSV(_ bytes: [UInt8]) {
    let file = "fuzz.csv"
    let catalog = RealData.catalog
    let hash = inputHash(bytes)
    let sets = catalog.criteriaSets.keys.sorted()
    guard !sets.isEmpty, let criteria = catalog.criteriaSets[sets[Int(hash % UInt64(sets.count))]],
          let asOf = Day(year: 2024, month: 6, day: 30) else { fatalError("the embedded data has no criteria set") }
    let source = Source(id: "import-fuzz", publisher: "fuzz", title: "fuzzed sheet", date: "2024-06")
    let options = ImportOptions(asOf: asOf, series: "imported", title: "fuzz", source: source,
                                province: hash & 8 == 0 ? nil : "Nghệ An", skipBadRows: hash & 16 == 0)
    let outcome = SnapshotImporter.convert(bytes: bytes, file: file, map: RealData.smallOldMap, criteria: criteria, options: options)

    let s = outcome.summary
    require(s.errors + s.warnings == outcome.problems.count, "summary counts \(s.errors)+\(s.warnings) of \(outcome.problems.count) problems")
    require(s.rowsInError <= s.rowsRead && s.wardsMatched <= s.rowsRead, "summary \(s)")
    for p in outcome.problems { require(p.file == file || p.file.isEmpty == false, "problem without a file") }
    require((outcome.snapshot == nil) == (outcome.text == nil), "a snapshot without its text, or the reverse")
    guard let snapshot = outcome.snapshot, let text = outcome.text else { return }
    require(s.rowsInError == 0 || options.skipBadRows, "written despite rows in error")

    let written = "imported/2024-06-30.snapshot.json"
    switch catalog.decodeSnapshot(bytes: Array(text.utf8), file: written, map: RealData.smallOldMap) {
    case .failure(let problems):
        require(false, "the imported snapshot does not read back:\n\(problems)\n--- file:\n\(text)")
    case .success(let readBack):
        require(readBack.wards == snapshot.wards, "the imported rows read back differently")
        require(readBack.header == snapshot.header, "the imported header reads back differently")
    }
}
