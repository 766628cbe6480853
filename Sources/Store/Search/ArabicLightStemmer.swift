/// Light10 (Larkey, Connell and Ballesteros), the light stemmer of Lucene's Arabic analyzer, over normalized keys:
/// one article or conjunction prefix off (ال وال بال كال فال لل و, the first that fits), then suffixes off (ها ان ات ون ين يه ه ي, the
/// ta marbuta already folded to ه), each only while the word keeps enough letters. A secondary key for descriptions,
/// quotes and paragraphs, where «الزيارات» should meet «زيارة»; names are never stemmed (light10 turns كازاخستان
/// into كازاخست but الكازاخستاني into كازاخستان).
enum ArabicLightStemmer {
    /// Lucene's order; the first that fits is removed, and only one.
    private static let prefixes = ["ال", "وال", "بال", "كال", "فال", "لل", "و"].map { Array($0.unicodeScalars) }
    private static let suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"].map { Array($0.unicodeScalars) }

    static func stem(_ key: String) -> String {
        let word = Array(key.unicodeScalars)
        guard let first = word.first, first.value >= 0x0600, first.value <= 0x06FF else { return key }
        // The stem is a window of the word, moved rather than removed from (no shifting, no copies until the end).
        var start = 0
        var end = word.count
        // و needs a word of more than three letters after it; the others two letters after them.
        for prefix in prefixes where end >= max(prefix.count + 2, 4) && word.starts(with: prefix) {
            start = prefix.count
            break
        }
        for suffix in suffixes
        where end - start >= suffix.count + 2 && word[(end - suffix.count)..<end].elementsEqual(suffix) {
            end -= suffix.count
        }
        return String(scalars: word[start..<end])
    }
}

extension Array where Element: Equatable {
    func ends(with suffix: [Element]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
