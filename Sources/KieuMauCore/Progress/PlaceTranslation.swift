/// Where a province and a ward went when the map changed (the July-2025 reform), in either
/// direction, so stepping between snapshots on different maps keeps the user's place.
public enum PlaceTranslation {
    /// The province and ward on the crosswalk's other map. Forward (old → new): the merged
    /// province, and the ward's default target. Backward (new → old): the province the new one
    /// kept the code of, else the first merged into it; the old ward whose code the new one kept,
    /// else the first that went wholly or by default into it.
    public static func translate(province: String?, ward: String?, with crosswalk: Crosswalk, forward: Bool)
        -> (province: String?, ward: String?) {
        if forward {
            return (province.flatMap { crosswalk.newProvince(of: $0) }, ward.flatMap { crosswalk.defaultTarget(of: $0) })
        }
        let oldProvince = province.flatMap { p -> String? in
            let olds = crosswalk.provinces.filter { $0.newCode == p }.map(\.oldCode)
            return olds.contains(p) ? p : olds.first
        }
        let oldWard = ward.flatMap { w -> String? in
            let links = crosswalk.wards.filter { $0.newCode == w && $0.isDefaultTarget }
            if links.contains(where: { $0.oldCode == w }) { return w }
            return links.first?.oldCode
        }
        return (oldProvince, oldWard)
    }
}
