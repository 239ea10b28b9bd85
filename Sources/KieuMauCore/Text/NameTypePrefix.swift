/// The type word in front of a place's name ("Tỉnh", "Thành phố", "Phường", "Quận", "Huyện",
/// "Thị xã"), on names already folded (`SearchFolding.fold`): dropped to sort or look places up by
/// the name itself, so "Thành phố Đà Nẵng" sorts under D and "da nang" finds it.
public enum NameTypePrefix {
    /// The prefixes of provinces and centrally-run cities.
    public static let province = ["thanh pho ", "tinh "]
    /// The prefixes of provinces, districts and wards, in the order they are tried.
    public static let all = province + ["phuong ", "quan ", "huyen ", "thi xa "]

    /// `folded` without the first of `prefixes` it starts with; only one is dropped ("phuong thi xa"
    /// stays "thi xa").
    public static func strip(_ folded: String, prefixes: [String] = all) -> String {
        for prefix in prefixes where folded.hasPrefix(prefix) { return String(folded.dropFirst(prefix.count)) }
        return folded
    }
}
