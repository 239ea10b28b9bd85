/// Makes text from data files inert before it reaches a screen or a report: control characters,
/// escape sequences (CSI; OSC, DCS, SOS, PM, APC and ESC k strings with their bodies;
/// single-character ones), bidi overrides and zero-width characters are removed; tabs and
/// newlines become spaces. Text that had something removed comes back in NFC.
public enum DisplaySafe {
    public static func clean(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: isUnsafe) { return text }
        var out = String.UnicodeScalarView()
        enum State { case text, escape, csi, osc, oscEscape }
        var state = State.text
        for s in text.unicodeScalars {
            let v = s.value
            switch state {
            case .text:
                if v == 0x1B { state = .escape; continue }
                if v == 0x9B { state = .csi; continue }       // 8-bit CSI
                // 8-bit OSC, and DCS, SOS, PM, APC: strings up to a terminator, like OSC
                if v == 0x9D || v == 0x90 || v == 0x98 || v == 0x9E || v == 0x9F { state = .osc; continue }
                if v == 0x09 || v == 0x0A || v == 0x0D { out.append(" "); continue }
                if !isUnsafe(s) { out.append(s) }
            case .escape:
                // ESC [ starts a CSI; ESC ] (OSC), ESC P (DCS), ESC X (SOS), ESC ^ (PM), ESC _ (APC)
                // and ESC k (screen's and tmux's window name) start strings that run to BEL or ST:
                // their bodies are dropped too, not shown as text.
                switch v {
                case 0x5B: state = .csi
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F, 0x6B: state = .osc
                default: state = .text
                }
            case .csi:
                if (0x40...0x7E).contains(v) { state = .text }
            case .osc:
                if v == 0x07 || v == 0x9C { state = .text } else if v == 0x1B { state = .oscEscape }
            case .oscEscape:
                // ESC \ (string terminator) or anything else ends it, except a doubled ESC: tmux's
                // passthrough (ESC P tmux; …) doubles the ESCs of what it carries.
                state = v == 0x1B ? .osc : .text
            }
        }
        // What was removed may have stood between a letter and its mark (e, U+FEFF, U+0301): put
        // back in NFC, so that cleaning text twice, or text read back from a file written with
        // cleaned text, gives the same string.
        return NFC.normalize(String(out))
    }

    /// Free text as the data files' reader gives it (NFC, then inert): what a writer of data files
    /// stores, so that the file it writes reads back the same.
    static func asRead(_ text: String) -> String { clean(NFC.normalize(text)) }

    /// False when UTF-8 `bytes` surely hold nothing `clean` removes: no DEL and none of the lead
    /// bytes of C1 controls (C2), U+061C (D8), U+2000–U+2FFF (E2) or U+F000–U+FFFF (EF). A quick
    /// byte scan, so 100,000 ward names cost no scalar decoding; raw C0 cannot occur in JSON strings.
    static func mayNeedCleaning(utf8 bytes: some Collection<UInt8>) -> Bool {
        bytes.contains { $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 || $0 == 0xEF || $0 < 0x20 }
    }

    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || v == 0x7F { return true }
        if (0x80...0x9F).contains(v) { return true }                                      // C1 controls
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return true } // bidi embeddings, overrides, isolates
        if v == 0x200E || v == 0x200F || v == 0x061C { return true }                       // bidi marks
        if (0x200B...0x200D).contains(v) || v == 0x2060 || v == 0xFEFF { return true }    // zero-width
        return false
    }
}
