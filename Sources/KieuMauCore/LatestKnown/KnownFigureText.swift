/// The picture's figures in plain English words, for `kieumau report` and the dashboard's exports
/// (the screen has its own, in both languages): every figure with its sources, its date, the map
/// it was counted on and its age, so the report and the exports say what the screen says.
public enum KnownFigureText {
    public static func label(_ kind: KnownFigureKind) -> String {
        switch kind {
        case .registered: return "registered"
        case .quota: return "quota"
        case .byCriteriaMet: return "wards by criteria met"
        case .complete: return "meeting every criterion"
        case .recognised: return "recognised"
        case .model: return "model"
        }
    }

    /// "172", or "144 at 22/22, 25 at 21/22".
    public static func value(_ v: KnownValue) -> String {
        switch v.value {
        case .count(let n): return String(n)
        case .distribution(let counts):
            let m = v.criteriaCount > 0 ? "/\(v.criteriaCount)" : ""
            return counts.map { "\($0.wards) at \($0.met)\(m)" }.joined(separator: ", ")
        }
    }

    /// "[seed-04, seed-00]", "[ward rows]".
    public static func sources(_ v: KnownValue) -> String {
        "[" + (v.sourceIDs.map(DisplaySafe.clean) + (v.fromRows ? ["ward rows"] : [])).joined(separator: ", ") + "]"
    }

    public static func mapName(_ id: String, _ picture: KnownPicture) -> String {
        picture.provinceCount(ofMap: id).map { "\($0)-province map" } ?? "map \(id)"
    }

    public static func age(months: Int) -> String {
        if months >= 24 { return "\(Int((Double(months) / 12).rounded())) years old" }
        return months == 1 ? "1 month old" : "\(months) months old"
    }

    /// "2023-12 · 63-province map · 3 years old".
    public static func when(_ v: KnownValue, _ picture: KnownPicture, date: Bool = true) -> String {
        var parts = date ? [DisplaySafe.clean(v.dateLabel)] : []
        if v.mapID != picture.mapID { parts.append(mapName(v.mapID, picture)) }
        let months = FigureAge.months(from: v.asOf, to: picture.asOf)
        if months >= 1 { parts.append(age(months: months)) }
        return parts.joined(separator: " · ")
    }

    /// One value: "172 (2023 round)", an old province's part named, a sum's parts listed.
    static func valueText(_ v: KnownValue, round: Bool = true) -> String {
        var text = (v.part.map { DisplaySafe.clean($0.name) + " (old map): " } ?? "") + value(v)
        if round, let r = v.round { text += " (\(r) round)" }
        if v.summedFrom.count > 1 { text += " = " + v.summedFrom.map { DisplaySafe.clean($0.name) }.joined(separator: " + ") }
        return text
    }

    /// A figure on a line: "registered 172 (2023 round) [seed-04, seed-00] 2023-12 · …"; values of
    /// one day that disagree side by side, with the conflict said.
    public static func line(_ f: KnownFigure, _ picture: KnownPicture) -> String {
        let oneDay = Set(f.values.map(\.dateLabel)).count == 1 && !f.isPartial
        let values = f.values.map { v in valueText(v) + " " + sources(v) + (f.values.count > 1 && !oneDay ? " " + DisplaySafe.clean(v.dateLabel) : "") }
        let newest = f.values.max { $0.asOf < $1.asOf } ?? f.values[0]
        let tail = f.values.count > 1 ? when(newest, picture, date: oneDay) : when(newest, picture)
        var text = label(f.kind) + " " + values.joined(separator: f.isConflict ? " ≠ " : " · ") + (tail.isEmpty ? "" : "  " + tail)
        if f.isConflict { text += " — CONFLICT between sources, both kept" }
        return text
    }

    /// The column names of a figure's cells: "registered", "registered_round", "registered_as_of",
    /// "registered_sources".
    public static func columns(_ kind: KnownFigureKind) -> [String] {
        let name = kind == .byCriteriaMet ? "by_criteria_met" : kind.rawValue
        return [name, name + "_round", name + "_as_of", name + "_sources"]
    }

    /// A figure in four cells (value, round, date, sources) for a table: a single count as a plain
    /// number; values of one day that disagree joined with " ≠ ", an old province's part named;
    /// the map named when it is not the picture's. Empty cells when the figure is not known.
    public static func cells(_ f: KnownFigure?, _ picture: KnownPicture) -> [String] {
        guard let f else { return ["", "", "", ""] }
        let separator = f.isConflict ? " ≠ " : " · "
        let values = f.values.map { valueText($0, round: false) }
        let rounds = f.values.map { $0.round.map(String.init) ?? "" }
        let dates = f.values.map { v in v.dateLabel + (v.mapID == picture.mapID ? "" : " (\(mapName(v.mapID, picture)))") }
        let sourceCells = f.values.map { v in (v.sourceIDs + (v.fromRows ? ["ward rows"] : [])).joined(separator: " ") }
        func joined(_ xs: [String]) -> String { Set(xs).count == 1 ? xs[0] : xs.joined(separator: separator) }
        return [values.joined(separator: separator), joined(rounds), joined(dates), joined(sourceCells)]
    }

    /// Why a scope has no share, band or gap.
    public static func reason(_ r: UnknownReason) -> String {
        switch r {
        case .namedOnly(let n, let units): return "\(n) of \(units) wards named in sources"
        case .noCountSinceMapChange: return "no complete count since the map change"
        case .sourcesDisagree: return "sources disagree on the model count"
        case .noUnits: return "no wards"
        case .nothingKnown: return "nothing published"
        }
    }

    /// "named in sources: 28 registered · 6 recognised  2025-06-11 · 63-province map".
    public static func named(_ n: NamedWards, _ picture: KnownPicture) -> String {
        var text = "named in sources: \(n.registered) registered"
        if n.recognised > 0 { text += " · \(n.recognised) recognised" }
        let v = KnownValue(value: .count(n.registered), origins: [], asOf: n.asOf, mapID: n.mapID, criteriaCount: 0)
        return text + "  " + n.asOf.iso + (when(v, picture, date: false).isEmpty ? "" : " · " + when(v, picture, date: false))
            + " (a lower bound: the wards the sources name, not a count)"
    }
}
