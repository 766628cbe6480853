/// Lucene's Arabic analysis without its stop list: `ArabicNormalizer` then `ArabicStemmer` (light10: Larkey,
/// Ballesteros and Connell, "Light Stemming for Arabic Information Retrieval", 2007), over a tokenizer that keeps
/// runs of letters, digits and combining marks and lowercases them. The off-the-shelf baseline issue 13 compares
/// against, written apart from Store's normalizer so it shares none of its rules.
enum Light10 {
    /// The stems of `text`, in order.
    static func stems(_ text: String) -> [String] {
        tokens(text).map { String(String.UnicodeScalarView(stem(normalize($0)))) }
    }

    /// Words of `text`, lowercased, with every decimal digit as its ASCII digit (Lucene's `DecimalDigitFilter`).
    static func tokens(_ text: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var word: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .decimalNumber:
                let digit = properties.numericValue.map { Int($0) } ?? 0
                word.append(Unicode.Scalar(UInt8(48 + digit)))
            case .nonspacingMark, .spacingMark, .enclosingMark:
                word.append(scalar)
            default:
                if properties.isAlphabetic {
                    word.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
                } else if !word.isEmpty {
                    words.append(word)
                    word = []
                }
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// `ArabicNormalizer`: alef with madda or hamza → alef, alef maksura → yeh, teh marbuta → heh; tatweel and the
    /// eight harakat (tanwin, fatha, damma, kasra, shadda, sukun) removed. Nothing else (no ٱ, no presentation forms).
    static func normalize(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        word.compactMap { scalar in
            switch scalar.value {
            case 0x0622, 0x0623, 0x0625: return "\u{0627}"
            case 0x0649: return "\u{064A}"
            case 0x0629: return "\u{0647}"
            case 0x0640, 0x064B...0x0652: return nil
            default: return scalar
            }
        }
    }

    private static let prefixes = ["ال", "وال", "بال", "كال", "فال", "لل", "و"].map { Array($0.unicodeScalars) }
    private static let suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"].map {
        Array($0.unicodeScalars)
    }

    /// `ArabicStemmer.stem`: the first prefix that fits is removed (و only from words of four letters or more, the
    /// others only if two letters remain); then every suffix in the list's order that fits is removed in turn, each
    /// only if two letters remain.
    static func stem(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var word = word
        for prefix in prefixes {
            let longEnough = prefix.count == 1 ? word.count >= 4 : word.count >= prefix.count + 2
            if longEnough && word.starts(with: prefix) {
                word.removeFirst(prefix.count)
                break
            }
        }
        for suffix in suffixes where word.count >= suffix.count + 2 && word.suffix(suffix.count).elementsEqual(suffix) {
            word.removeLast(suffix.count)
        }
        return word
    }
}
