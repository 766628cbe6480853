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
        /// Only a hyphen or a dot stands between this word and the previous one (`Alma-Ata`, `U.N.`): the two may
        /// also be read as one word (`almaata`, `un`).
        public var joinsPrevious: Bool
        /// Written in capitals (`UN`, `GCC`, each letter of `U.N.`): an acronym, matched whole, never as a prefix.
        public var isCapitalized: Bool

        public init(key: String, start: Int, end: Int, joinsPrevious: Bool = false, isCapitalized: Bool = false) {
            self.key = key
            self.start = start
            self.end = end
            self.joinsPrevious = joinsPrevious
            self.isCapitalized = isCapitalized
        }
    }

    /// The normalized keys of `s` joined by single spaces.
    public static func normalize(_ s: String) -> String {
        tokens(s).map(\.key).joined(separator: " ")
    }

    /// Words of `s` (runs of letters and digits; punctuation and spaces separate them).
    public static func tokens(_ s: String) -> [Token] {
        var scanner = TokenScanner()
        for (offset, scalar) in s.unicodeScalars.enumerated() {
            scanner.add(scalar, classify(scalar), at: offset)
        }
        return scanner.finish()
    }

    // MARK: - Rules

    /// `letter` for the common one-scalar folding (no array to allocate per character), `letters` for the rare
    /// expansions (ß → ss).
    enum Class {
        case letter(Unicode.Scalar)
        case letters([Unicode.Scalar])
        case ignorable
        case separator
    }

    static func classify(_ scalar: Unicode.Scalar) -> Class {
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
        // Tashkeel (fathatan … sukun, and the extended marks), Quranic marks, tatweel.
        case 0x064B...0x065F, 0x06D6...0x06ED, 0x0610...0x061A, 0x0640:
            return .ignorable
        // Zero-width joiners and combining diacritics (decomposed Latin accents).
        case 0x200C, 0x200D, 0x0300...0x036F:
            return .ignorable
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0670:  // آ أ إ ٱ and the dagger (superscript) alef
            return .letter("\u{0627}")
        case 0x0649, 0x0626, 0x06CC, 0x06D2:  // ى ئ ی ے
            return .letter("\u{064A}")
        case 0x0629, 0x06BE, 0x06C0, 0x06C1, 0x06D5:  // ة ھ ۀ ہ ە
            return .letter("\u{0647}")
        case 0x0624:  // ؤ
            return .letter("\u{0648}")
        // Persian and Urdu letters, read as Arabic writes the sounds: ک گ ڭ → ك, ڤ → ف, پ → ب, چ → ج, ژ → ز.
        case 0x06A9, 0x06AF, 0x06AD:
            return .letter("\u{0643}")
        case 0x06A4:
            return .letter("\u{0641}")
        case 0x067E:
            return .letter("\u{0628}")
        case 0x0686:
            return .letter("\u{062C}")
        case 0x0698:
            return .letter("\u{0632}")
        case 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            return presentationForm(scalar)
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

    /// A presentation form folds as the letters it shows; a form of a mark is ignorable like the mark.
    private static func presentationForm(_ scalar: Unicode.Scalar) -> Class {
        guard let parts = ArabicPresentationForms.letters[scalar.value] else { return .separator }
        var folded: [Unicode.Scalar] = []
        for part in parts {
            switch classify(part) {
            case .letter(let letter): folded.append(letter)
            case .letters(let letters): folded += letters
            case .ignorable, .separator: continue
            }
        }
        if folded.isEmpty { return .ignorable }
        return folded.count == 1 ? .letter(folded[0]) : .letters(folded)
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
