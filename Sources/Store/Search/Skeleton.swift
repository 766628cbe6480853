/// A name's consonant skeleton, so transliterations that differ in vowels and in which of two near letters they
/// chose still meet: «نزارباييف», «نازاربايف» and «نزارباييڤ» are all «نزربف»; «قازاقستان» and «كازاخستان» are
/// «كزكستن»; Nazarbayev, Nazarbaev and Nazarbajew are all `nzrbv`; Qazaqstan and Kazakhstan are `kzkstn`. Only for
/// names (a skeleton of a common word matches too much), and only when at least three consonants remain.
enum Skeleton {
    static func key(_ normalized: String) -> String? {
        let scalars = Array(normalized.unicodeScalars)
        guard let first = scalars.first else { return nil }
        let isArabic = first.value >= 0x0600 && first.value <= 0x06FF
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count {
            let (folded, used) = isArabic ? (arabic(scalars[i]), 1) : latin(scalars, i)
            i += used
            guard let folded, out.last != folded else { continue }
            out.append(folded)
        }
        return out.count >= 3 ? String(scalars: out) : nil
    }

    /// Long vowels and hamza seats drop; letters Arabic uses for the same foreign sound share one.
    private static func arabic(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s {
        case "ا", "و", "ي", "ء", "ع": nil
        case "ق", "خ", "غ", "ك": "ك"
        case "ث", "ص": "س"
        case "ذ", "ظ", "ض": "ز"
        case "ط": "ت"
        case "ح": "ه"
        case "ڤ": "ف"
        default: s
        }
    }

    /// Vowels (and y, w between them) drop; q/c/ck/kh → k, j/zh → j, ph → f, w/v → v; doubled letters count once.
    private static func latin(_ s: [Unicode.Scalar], _ i: Int) -> (Unicode.Scalar?, Int) {
        let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
        switch s[i] {
        case "a", "e", "i", "o", "u", "y", "j": return (nil, 1)
        case "k", "c", "q", "g": return ("k", next == "h" ? 2 : 1)
        case "z": return ("z", next == "h" ? 2 : 1)
        case "p": return next == "h" ? ("f", 2) : ("p", 1)
        case "w", "v": return ("v", 1)
        case "h": return (nil, 1)
        default: return (s[i], 1)
        }
    }
}
