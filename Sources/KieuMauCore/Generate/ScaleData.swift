/// The embedded files a benchmark data directory is made from: the 63-province map (the `national`
/// scale uses it as it is; the others take its names), the criteria set the snapshots use, and the
/// licence of the map data, which ships beside every map derived from it.
public struct ScaleInputs: Sendable {
    public static let mapPath = "maps/\(MapFiles.beforeID).map.json"
    public static let criteriaPath = "criteria/\(DemoPlan.set20.id).criteria.json"
    public static let licencePath = MapFiles.licencePath

    public var mapText: String
    public var criteriaText: String
    public var licence: String

    public init(mapText: String, criteriaText: String, licence: String) {
        self.mapText = mapText; self.criteriaText = criteriaText; self.licence = licence
    }

    /// Reads the three files from a data directory (e.g. `EmbeddedData.directory()`).
    public static func read(dataDirectory: String) throws(Problems) -> ScaleInputs {
        var texts: [String: String] = [:]
        var problems: [Problem] = []
        for path in [mapPath, criteriaPath, licencePath] {
            switch FileReader.readAll(dataDirectory + "/" + path) {
            case .success(let bytes):
                texts[path] = String(decoding: bytes, as: UTF8.self)
            case .failure(let failure):
                problems.append(Problem(file: dataDirectory + "/" + path, message: failure.message))
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return ScaleInputs(mapText: texts[mapPath] ?? "", criteriaText: texts[criteriaPath] ?? "", licence: texts[licencePath] ?? "")
    }
}

/// Makes a benchmark data directory at one scale: its map, the criteria set, the map licence and a
/// `demo` series of six synthetic snapshots simulated as the demo is (`DemoSimulation`). Pure and
/// deterministic: the same inputs give the same bytes.
public enum ScaleData {
    /// Relative path → contents.
    public static func generate(_ scale: DataScale, inputs: ScaleInputs) throws(Problems) -> [String: String] {
        let base = try baseMap(inputs.mapText)
        let plan = DemoPlan.bench
        var files: [String: String] = [
            ScaleInputs.criteriaPath: inputs.criteriaText,
            ScaleInputs.licencePath: inputs.licence,
        ]
        let provinces: [DemoSimulation.ProvinceInput]
        let wardCodes: [String]
        if let size = scale.syntheticSize {
            let map = ScaleMap(id: scale.mapID, units: size.units, provinceCount: size.provinces, seed: plan.seed, names: base)
            files["maps/\(map.id).map.json"] = map.document(
                title: "Benchmark map \(scale.rawValue): \(size.units) units in \(size.provinces) provinces (synthetic)",
                notes: ["SYNTHETIC: made by `kieumau generate --scale \(scale.rawValue)` for the benchmark; names are the real ones of \(MapFiles.beforeID) taken in turn, numbered once they run out."])
            var byProvince: [String: [String]] = [:]
            for w in map.wards { byProvince[w.provinceCode, default: []].append(w.code) }
            provinces = map.provinces.map { .init(code: $0.code, wardCodes: byProvince[$0.code] ?? []) }
            wardCodes = map.wards.map(\.code)
        } else {
            files[ScaleInputs.mapPath] = inputs.mapText
            provinces = base.provinces.indices.map { .init(code: base.provinces[$0].code, wardCodes: base.wards(ofProvinceAt: $0).map(\.code)) }
            wardCodes = base.wards.map(\.code)
        }
        let simulation = DemoSimulation(plan: plan, provinces: provinces)
        for (t, step) in plan.steps.enumerated() {
            var rows: [OrderedJSON] = []
            rows.reserveCapacity(simulation.states[t].count)
            for code in wardCodes {
                guard let s = simulation.states[t][code] else { continue }
                rows.append(DemoSnapshots.row(code: code, s, note: nil))
            }
            files["demo/\(step.iso).snapshot.json"] = document(scale: scale, step: step, rows: rows)
        }
        return files
    }

    /// The embedded 63-province map, decoded (its names seed the synthetic maps).
    static func baseMap(_ text: String) throws(Problems) -> AdminMap {
        let file = ScaleInputs.mapPath
        switch JSONParser.parse(Array(text.utf8)) {
        case .parsed(let document):
            switch AdminMapDecoder.decode(document, file: file, stem: MapFiles.beforeID) {
            case .success(let map): return map
            case .failure(let problems): throw problems
            }
        case .failed(let e):
            throw Problems([Problem(file: file, path: e.path, line: e.line, column: e.column, message: e.message)])
        case .needsMoreInput:
            throw Problems([Problem(file: file, message: "the file ends too early")])
        }
    }

    private static func document(scale: DataScale, step: DemoPlan.Step, rows: [OrderedJSON]) -> String {
        DataFileJSON.document([
            ("format", "kieumau.snapshot"), ("version", .int(DataFileKind.snapshot.currentVersion)),
            ("asOf", .string(step.iso)),
            ("title", .string("BENCHMARK \(scale.rawValue) (synthetic data): the programme as of \(step.iso)")),
            ("series", "demo"),
            ("synthetic", true),
            ("map", .string(scale.mapID)),
            ("criteria", .string(step.criteria.id)),
            ("sources", .array([])),
            ("notes", .array([
                .string("SYNTHETIC BENCHMARK DATA, made by `kieumau generate --scale \(scale.rawValue)` from a fixed seed: no figure in this file is real."),
                "A ward of the map that is absent from this file is not registered.",
            ])),
            // Every ward of every province is simulated: a complete count.
            ("coverage", SnapshotFileText.coverage(.complete)),
            ("reported", .array([])),
            ("wards", .array(rows)),
        ])
    }
}
