import Foundation

/// Unicode normalisation form C for names read from files, so an NFD "Phường" (with combining
/// marks, as some editors save it) equals the NFC one. Normalising costs about a microsecond a
/// string, so the parser marks only strings that hold a character outside `isInert` ranges.
enum NFC {
    /// True for scalars that are in NFC and never combine with a neighbour: ASCII, Latin-1, Latin
    /// Extended-A/B, IPA and spacing modifiers (below U+0300), Latin Extended Additional (the
    /// precomposed Vietnamese letters), general punctuation and currency signs. A string made only
    /// of these is already NFC.
    @inline(__always)
    static func isInert(_ scalar: UInt32) -> Bool {
        scalar < 0x300
            || (scalar >= 0x1E00 && scalar < 0x1F00)
            || (scalar >= 0x2010 && scalar < 0x2070)
            || (scalar >= 0x20A0 && scalar < 0x20C1)
    }

    static func normalize(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }
}
