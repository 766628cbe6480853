/// Folds Arabic and Latin text to search keys, scalar by scalar, keeping each token's range in
/// the original text so a match can be highlighted where the reader sees it.
///
/// Written without Foundation: `folding(options: .diacriticInsensitive)` does not fold Arabic on
/// Linux, and FoundationEssentials has no ICU. Every rule here is covered by a test table.
public enum TextNormalizer {
    /// A word of the input: its normalized key and its range in the input, in Unicode scalars.
    public struct Token: Sendable, Equatable, Hashable {
        public var key: String
        /// Offsets into the original string's `unicodeScalars`, end exclusive.
        public var start: Int
        public var end: Int

        public init(key: String, start: Int, end: Int) {
            self.key = key
            self.start = start
            self.end = end
        }
    }

    /// The normalized keys of `s` joined by single spaces.
    public static func normalize(_ s: String) -> String {
        tokens(s).map(\.key).joined(separator: " ")
    }

    /// Words of `s` (runs of letters and digits; punctuation and spaces separate them).
    public static func tokens(_ s: String) -> [Token] {
        var result: [Token] = []
        var key = String.UnicodeScalarView()
        var start = 0
        var end = 0
        var inToken = false
        for (offset, scalar) in s.unicodeScalars.enumerated() {
            switch classify(scalar) {
            case .ignorable:
                // Marks inside a word belong to its range (so the highlight covers them) but not its key.
                if inToken { end = offset + 1 }
            case .letter(let folded):
                if !inToken {
                    inToken = true
                    start = offset
                }
                key.append(folded)
                end = offset + 1
            case .letters(let folded):
                if !inToken {
                    inToken = true
                    start = offset
                }
                key.append(contentsOf: folded)
                end = offset + 1
            case .separator:
                if inToken {
                    result.append(Token(key: String(key), start: start, end: end))
                    key = String.UnicodeScalarView()
                    inToken = false
                }
            }
        }
        if inToken { result.append(Token(key: String(key), start: start, end: end)) }
        return result
    }

    /// The key plus its forms without the article and common proclitics (و ف ب ل ال وال بال فال لل),
    /// so «والصين» and «الصين» and «صين» meet. Remainders shorter than three letters are not
    /// produced: «بحر» must not become «حر».
    public static func stems(_ key: String) -> [String] {
        var result = [key]
        var frontier = [Array(key.unicodeScalars)]
        // Two rounds: a conjunction (و/ف) may precede a preposition or the article («وبكازاخستان»).
        for _ in 0..<2 {
            var next: [[Unicode.Scalar]] = []
            for word in frontier {
                for prefix in proclitics where word.count - prefix.count >= 3 && word.starts(with: prefix) {
                    let rest = Array(word[prefix.count...])
                    let s = String(String.UnicodeScalarView(rest))
                    if !result.contains(s) {
                        result.append(s)
                        next.append(rest)
                    }
                }
            }
            frontier = next
        }
        return result
    }

    // MARK: - Rules

    private static let proclitics: [[Unicode.Scalar]] = ["وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل"].map {
        Array($0.unicodeScalars)
    }

    /// `letter` for the common one-scalar folding (no array to allocate per character), `letters` for the rare
    /// expansions (ß → ss).
    private enum Class {
        case letter(Unicode.Scalar)
        case letters([Unicode.Scalar])
        case ignorable
        case separator
    }

    private static func classify(_ scalar: Unicode.Scalar) -> Class {
        let v = scalar.value
        // ASCII first: most English text, digits and punctuation, with no Unicode property lookups.
        if v < 0x80 {
            switch v {
            case 0x41...0x5A: return .letter(Unicode.Scalar(UInt8(v + 0x20)))
            case 0x61...0x7A, 0x30...0x39: return .letter(scalar)
            default: return .separator
            }
        }
        switch v {
        // Tashkeel (fathatan … sukun, and the extended marks), superscript alef, Quranic marks, tatweel.
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0610...0x061A, 0x0640:
            return .ignorable
        // Zero-width joiners and combining diacritics (decomposed Latin accents).
        case 0x200C, 0x200D, 0x0300...0x036F:
            return .ignorable
        case 0x0622, 0x0623, 0x0625, 0x0671:  // آ أ إ ٱ
            return .letter("\u{0627}")
        case 0x0649, 0x0626, 0x06CC:  // ى ئ ی
            return .letter("\u{064A}")
        case 0x0629:  // ة
            return .letter("\u{0647}")
        case 0x0624:  // ؤ
            return .letter("\u{0648}")
        case 0x06A9:  // Persian kaf ک
            return .letter("\u{0643}")
        case 0x0660...0x0669:  // Arabic-Indic digits
            return .letter(Unicode.Scalar(UInt8(0x30 + v - 0x0660)))
        case 0x06F0...0x06F9:  // Extended Arabic-Indic digits
            return .letter(Unicode.Scalar(UInt8(0x30 + v - 0x06F0)))
        case 0x0621...0x063A, 0x0641...0x064A:  // the other Arabic letters stand for themselves
            return .letter(scalar)
        default:
            break
        }
        if let folded = latinFold[scalar] { return folded.count == 1 ? .letter(folded[0]) : .letters(folded) }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.generalCategory == .decimalNumber {
            if properties.changesWhenLowercased {
                let lower = Array(properties.lowercaseMapping.unicodeScalars)
                return lower.count == 1 ? .letter(lower[0]) : .letters(lower)
            }
            return .letter(scalar)
        }
        return .separator
    }

    /// Precomposed Latin letters to their base letters (lowercase), built from one line per base.
    private static let latinFold: [Unicode.Scalar: [Unicode.Scalar]] = {
        let table: [(String, String)] = [
            ("a", "àáâãäåāăąÀÁÂÃÄÅĀĂĄ"), ("c", "çćĉċčÇĆĈĊČ"), ("d", "ďđðĎĐÐ"), ("e", "èéêëēĕėęěÈÉÊËĒĔĖĘĚ"),
            ("g", "ĝğġģĜĞĠĢ"), ("h", "ĥħĤĦ"), ("i", "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ"), ("j", "ĵĴ"), ("k", "ķĶ"),
            ("l", "ĺļľŀłĹĻĽĿŁ"), ("n", "ñńņňÑŃŅŇ"), ("o", "òóôõöøōŏőÒÓÔÕÖØŌŎŐ"), ("r", "ŕŗřŔŖŘ"),
            ("s", "śŝşšŚŜŞŠ"), ("t", "ţťŧŢŤŦ"), ("u", "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ"), ("w", "ŵŴ"),
            ("y", "ýÿŷÝŸŶ"), ("z", "źżžŹŻŽ"), ("ss", "ß"), ("ae", "æÆ"), ("oe", "œŒ"), ("th", "þÞ"),
        ]
        var map: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for (base, letters) in table {
            for letter in letters.unicodeScalars { map[letter] = Array(base.unicodeScalars) }
        }
        return map
    }()
}
