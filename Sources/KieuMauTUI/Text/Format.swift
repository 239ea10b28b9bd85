import KieuMauCore

/// Numbers as each language writes them: 1,726 and 22.5% in English; 1.726 and 22,5% in Vietnamese.
public enum Fmt {
    public static func int(_ n: Int, _ lang: Language) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += lang == .vi ? "." : "," }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// One decimal, e.g. 22.5% / 22,5%.
    public static func percent(_ share: Double, _ lang: Language) -> String {
        decimal(share * 100, lang) + "%"
    }

    public static func decimal(_ x: Double, _ lang: Language, places: Int = 1) -> String {
        guard x.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let r = (abs(x) * scale).rounded()
        let whole = Int(r / scale)
        let frac = Int(r) - whole * Int(scale)
        var s = int(whole, lang)
        if places > 0 {
            var f = String(frac)
            while f.count < places { f = "0" + f }
            s += (lang == .vi ? "," : ".") + f
        }
        return (x < 0 && r > 0 ? "-" : "") + s
    }

    public static func pace(_ p: Pace.Needed, _ s: Strings) -> String {
        switch p {
        case .reached: return s.reached
        case .perMonth(let x): return decimal(x, s.lang, places: x < 1 ? 2 : 1) + s.perMonth
        case .deadlinePassed(let short): return "\(s.deadlinePassed) (−\(int(short, s.lang)))"
        }
    }

    public static func observed(_ x: Double?, _ s: Strings) -> String {
        guard let x else { return "–" }
        return decimal(x, s.lang, places: abs(x) < 1 ? 2 : 1) + s.perMonth
    }
}
