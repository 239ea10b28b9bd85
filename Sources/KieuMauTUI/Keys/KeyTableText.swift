import KieuMauCore

/// The key table as text: `kieumau keys` (plain or markdown) and the README's key section, which
/// a test compares with `markdown()` so the two cannot drift apart.
extension KeyTable {
    /// Keys that are not in the table because they cannot be rebound: the mouse, and the keys of
    /// the note and filter line editors.
    public static func fixedKeys(_ lang: Language) -> [(keys: String, does: String)] {
        let vi = lang == .vi
        return [
            (vi ? "chuột" : "mouse", vi ? "bấm: chọn dòng · bấm đúp: mở · cuộn: di chuyển (--no-mouse để tắt)"
                                        : "click selects a row · double-click opens · the wheel scrolls (--no-mouse leaves it to the terminal)"),
            ("← → Home End ⌫ Delete", vi ? "sửa dòng đang gõ (ghi chú, bộ lọc): chữ cái là chữ, Ctrl-C vẫn thoát; ⌫ xoá cả chữ lẫn dấu"
                                          : "edit the line being typed (a note, a filter): letters are text there, Ctrl-C still quits; ⌫ removes a whole letter with its marks"),
        ]
    }

    /// Where a binding applies, in words.
    public static func whereText(_ contexts: Set<KeyContext>, _ lang: Language) -> String {
        if contexts.isSuperset(of: KeyContext.screens) {
            let modes = contexts.subtracting(KeyContext.screens)
            let everywhere = lang == .vi ? "mọi màn hình" : "every screen"
            return modes.isEmpty ? everywhere : everywhere + ", " + modes.sorted().map { $0.name(lang) }.joined(separator: ", ")
        }
        return contexts.sorted().map { $0.name(lang) }.joined(separator: ", ")
    }

    /// `kieumau keys --format markdown`: one row per command.
    public func markdown(_ lang: Language = .en) -> String {
        let vi = lang == .vi
        var out = vi ? "| phím | lệnh | tác dụng | ở đâu |\n" : "| keys | command | does | where |\n"
        out += "|---|---|---|---|\n"
        for b in bindings {
            let keys = b.keys.map { "`\(Self.markdownCode($0.label(unicode: true)))`" }.joined(separator: " ")
            out += "| \(keys) | `\(b.command.name)` | \(Self.markdownCell(b.description(lang))) | \(Self.whereText(b.contexts, lang)) |\n"
        }
        for fixed in Self.fixedKeys(lang) {
            out += "| \(Self.markdownCell(fixed.keys)) | | \(Self.markdownCell(fixed.does)) | \(vi ? "không đổi được" : "fixed") |\n"
        }
        return out
    }

    /// `kieumau keys`: aligned columns for a terminal.
    public func text(_ lang: Language = .en, unicode: Bool = true) -> String {
        var rows: [(String, String, String, String)] = bindings.map { b in
            (b.keys.map { $0.label(unicode: unicode) }.joined(separator: " "), b.command.name, b.description(lang),
             Self.whereText(b.contexts, lang))
        }
        rows += Self.fixedKeys(lang).map { ($0.keys, "", $0.does, lang == .vi ? "không đổi được" : "fixed") }
        let w0 = rows.map { TextWidth.of($0.0) }.max() ?? 0
        let w1 = rows.map { TextWidth.of($0.1) }.max() ?? 0
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - TextWidth.of(s))) }
        return rows.map { pad($0.0, w0) + "  " + pad($0.1, w1) + "  " + $0.2 + "  (" + $0.3 + ")" }.joined(separator: "\n") + "\n"
    }

    /// A pipe would end the cell.
    private static func markdownCell(_ text: String) -> String {
        text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
    private static func markdownCode(_ text: String) -> String { text == "`" ? "` ` `" : markdownCell(text) }
}
