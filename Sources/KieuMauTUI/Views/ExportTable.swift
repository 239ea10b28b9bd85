import KieuMauCore
import KieuMauReviews

/// Exactly the list on screen — its filter, its sort, its scope — as a table for `e` (CSV) and
/// `E` (JSON). Pure: the controller writes the text to a file.
public struct ExportTable: Sendable {
    public var name: String
    public var columns: [String]
    public var rows: [[String]]
    /// "latest known" or "as published": what the figures of the province list are.
    public var view: String = "as published"

    public static func of(_ state: AppState) -> ExportTable {
        let sum = state.summary, map = state.map
        switch state.top {
        case .provinces(let screen):
            // As the screen shows them: each figure with its date and sources; share, band and gaps
            // only where the province is counted, else why not.
            let picture = state.picture
            var columns = ["code", "province", "units"]
            for kind in [KnownFigureKind.registered, .quota, .complete, .recognised, .model] {
                columns += KnownFigureText.columns(kind)
            }
            columns += ["share", "band", "need_30", "need_50", "need_100", Column2025.isPast(state) ? "result_2025" : "outlook_2025", "unknown_because"]
            var t = ExportTable(name: "provinces", columns: columns, rows: [])
            t.view = picture.basis == .latestKnown ? "latest known" : "as published"
            for i in screen.rows where picture.provinces.indices.contains(i) {
                let scope = picture.provinces[i], count = scope.count
                var row = [map.provinces[i].code, map.provinces[i].name, String(scope.units)]
                for kind in [KnownFigureKind.registered, .quota, .complete, .recognised, .model] {
                    row += KnownFigureText.cells(scope.figure(kind), picture)
                }
                var reason = ""
                if case .unknown(let r) = scope.verdict { reason = KnownFigureText.reason(r) }
                row += [count.map { share($0.share) } ?? "", count?.bandWord ?? "unknown",
                        count.map { String($0.needed(percent: 30)) } ?? "", count.map { String($0.needed(percent: 50)) } ?? "",
                        count.map { String($0.needed(percent: 100)) } ?? "", Column2025.word(Column2025.mark(state, province: i)), reason]
                t.rows.append(row)
            }
            return t
        case .wards, .wardDetail:
            var t = ExportTable(name: "wards", columns: ["code", "ward", "district", "province", "stage", "criteria_met", "criteria_total",
                                                           "not_met", "review", "reviewer", "note"], rows: [])
            for wi in state.wardList?.rows ?? [] {
                let w = map.wards[wi], wp = sum.wards[wi], r = state.reviews[w.code]
                t.rows.append([w.code, w.name, map.district(w.districtCode)?.name ?? "", map.province(w.provinceCode)?.name ?? "",
                               wp.stage.token, wp.met.map(String.init) ?? "", String(sum.criteriaCount),
                               wp.missing.map(String.init).joined(separator: " "), r?.mark?.rawValue ?? "", r?.reviewer ?? "", r?.note ?? ""])
            }
            return t
        case .criteria(let screen):
            var t = ExportTable(name: "criteria", columns: ["criterion", "name", "met", "not_met", "unknown", "share_met"], rows: [])
            for c in screen.analysis.criteria {
                t.rows.append([String(c.number), CriteriaView.name(of: c.number, state: state), String(c.met), String(c.notMet),
                               String(c.unknown), share(c.share)])
            }
            return t
        case .compare(let screen):
            // From the comparison itself, as the view lists it (never read back off the screen).
            var t = ExportTable(name: "compare", columns: ["section", "item"], rows: [])
            guard let result = screen.result else { return t }
            for section in CompareView.sections(state, result) {
                for item in section.items { t.rows.append([section.title, item]) }
            }
            return t
        }
    }

    public var csv: String {
        CSVWriter.table(([columns] + rows).map { $0.map(DisplaySafe.clean) })
    }

    public func json(asOf: Day, synthetic: Bool) -> String {
        let objects: [JSONWriter.Value] = rows.map { r in .object(zip(columns, r).map { ($0, .string($1)) }) }
        return JSONWriter.write(.object([("list", .string(name)), ("view", .string(view)), ("asOf", .string(asOf.iso)),
                                         ("synthetic", .bool(synthetic)), ("rows", .array(objects))])) + "\n"
    }

    static func share(_ x: Double) -> String { String((x * 10000).rounded() / 10000) }
}
