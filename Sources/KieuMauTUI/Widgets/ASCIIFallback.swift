import KieuMauCore

/// For terminals whose locale is not UTF-8 (`LANG=C`): every cell is turned into plain ASCII after
/// rendering, so Vietnamese names read as "Ha Huy Tap" instead of mojibake.
public enum ASCIIFallback {
    public static func transliterate(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = ""
        for ch in text {
            if ch.isASCII { out.append(ch); continue }
            if let r = punctuation[ch] { out += r; continue }
            let folded = SearchFolding.fold(String(ch))
            if let f = folded.first, folded.count == 1, f.isASCII {
                out.append(ch.isUppercase ? Character(f.uppercased()) : f)
            } else {
                out += "?"
            }
        }
        return out
    }

    static let punctuation: [Character: String] = [
        "–": "-", "—": "-", "…": "~", "›": ">", "‹": "<", "·": "-", "≠": "!=", "→": "->", "←": "<-",
        "↑": "^", "↓": "v", "⏎": "Enter", "⌫": "Bksp", "×": "x", "▏": "|", "“": "\"", "”": "\"", "’": "'", "‘": "'",
    ]

    /// Replaces every cell's text with its ASCII form (wide characters keep their two columns).
    public static func apply(to canvas: inout Canvas) {
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                var cell = canvas[x, y]
                guard !cell.text.isEmpty, !cell.text.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
                var t = transliterate(cell.text)
                if TextWidth.of(cell.text) == 2 { t = "?" ; if x + 1 < canvas.width { canvas[x + 1, y] = Cell("?", role: cell.role) } }
                cell.text = String(t.prefix(1))
                canvas[x, y] = cell
            }
        }
    }
}
