/// Folds text for search the way Vietnamese users type it: without diacritics, without case,
/// "đ" as "d" ("Hà Huy Tập" → "ha huy tap"). Works on precomposed (NFC) and decomposed (NFD) text.
///
/// A table of the Vietnamese and Latin-1 letters is used rather than Foundation's
/// `folding(options:)`: it is several times faster (the filter refolds nothing per key, but the
/// index is built for 100,000 names) and keeps "đ", which Foundation does not fold to "d".
public enum SearchFolding {
    /// The folded form: lower case ASCII letters for Latin letters with marks; other scalars kept
    /// lower-cased; combining marks dropped.
    public static func fold(_ text: String) -> String {
        // Written as UTF-8 bytes (the result is nearly always ASCII): appending scalar by scalar
        // to a String cost most of the time of a first frame's province names.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A { out.append(UInt8(v + 32)) } else if v >= 0x20 && v != 0x7F { out.append(UInt8(v)) } else {
                    return fold(DisplaySafe.clean(text))   // search what the screen shows: no escapes
                }
                continue
            }
            if (0x0300...0x036F).contains(v) { continue }  // combining diacritics (NFD input)
            if let base = table[v] { out.append(UInt8(base.value)); continue }
            // Invisible characters (zero-width, bidi) and C1 escapes are not shown, so they do not
            // stop a match: "Hà\u{200B} Nội" is found by "ha noi". (Cleaning removes them: no loop.)
            if DisplaySafe.isUnsafe(scalar) { return fold(DisplaySafe.clean(text)) }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { UTF8.encode(lower) { out.append($0) } }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when the folded query occurs in `folded` (already folded) as a substring, which is what
    /// users expect of an incremental filter ("ha huy" finds "Hà Huy Tập").
    public static func matches(folded: String, query: String) -> Bool {
        let q = fold(query).trimmingSpaces
        if q.isEmpty { return true }
        return folded.contains(q)
    }

    private static let table: [UInt32: Unicode.Scalar] = {
        let groups: [(String, Unicode.Scalar)] = [
            ("àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬäåÄÅāĀ", "a"),
            ("èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆëËēĒ", "e"),
            ("ìíỉĩịÌÍỈĨỊîïÎÏīĪ", "i"),
            ("òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢöÖøØōŌ", "o"),
            ("ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰûüÛÜūŪ", "u"),
            ("ỳýỷỹỵÝỲỶỸỴÿŸ", "y"),
            ("đĐ", "d"),
            ("çÇ", "c"),
            ("ñÑ", "n"),
        ]
        var t: [UInt32: Unicode.Scalar] = [:]
        for (letters, base) in groups {
            // Letters are written precomposed here; take each scalar of the literal.
            for s in letters.unicodeScalars where s.value >= 0x80 && !(0x0300...0x036F).contains(s.value) {
                t[s.value] = base
            }
        }
        // Bare base letters that decompose: U+01A1 ơ, U+01B0 ư, U+0103 ă are covered above.
        return t
    }()
}

extension String {
    /// The string without leading and trailing spaces (no Foundation needed).
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
