/// Makes the generated part of the embedded data from the reference CSVs of `shared/data`: the two
/// maps, the crosswalk, the licence that ships beside them, and the synthetic demo series. Pure: the
/// same texts give the same bytes. (The criteria sets and the published record are written by hand.)
public enum DataGenerator {
    /// Relative path under `Resources/Data` → file contents.
    public static func generate(_ texts: ReferenceTexts) throws(Problem) -> [String: String] {
        let ref = try ReferenceData(texts)
        var files: [String: String] = [
            "maps/\(MapFiles.beforeID).map.json": try MapFiles.mapBefore(ref),
            "maps/\(MapFiles.afterID).map.json": try MapFiles.mapAfter(ref),
            "maps/\(MapFiles.crosswalkID).crosswalk.json": try MapFiles.crosswalk(ref),
            MapFiles.licencePath: ref.licence,
        ]
        for (path, text) in DemoSnapshots.files(plan: .standard, reference: ref) { files[path] = text }
        return files
    }
}
