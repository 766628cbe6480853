/// Light10 (Larkey, Connell and Ballesteros), the light stemmer of Lucene's Arabic analyzer, over normalized keys:
/// one article or conjunction prefix off (ال وال بال كال فال لل و, the first that fits), then suffixes off (ها ان ات ون ين يه ه ي, the
/// ta marbuta already folded to ه), each only while the word keeps enough letters. A secondary key for descriptions,
/// quotes and paragraphs, where «الزيارات» should meet «زيارة»; names are never stemmed (light10 turns كازاخستان
/// into كازاخست but الكازاخستاني into كازاخستان).
enum ArabicLightStemmer {
    /// Lucene's order; the first that fits is removed, and only one. As UTF-8: every affix is Arabic, two bytes a
    /// letter, so a match of its bytes at either end of a word is a match of its letters.
    private static let prefixes = ["ال", "وال", "بال", "كال", "فال", "لل", "و"].map { Array($0.utf8) }
    private static let suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"].map { Array($0.utf8) }

    static func stem(_ key: String) -> String {
        guard let first = key.unicodeScalars.first, first.value >= 0x0600, first.value <= 0x06FF else { return key }
        var copy = key
        return copy.withUTF8 { String(decoding: $0[stemRange($0)], as: UTF8.self) }
    }

    /// Where the stem lies in a word's UTF-8 (a word whose first letter is Arabic). A window of the bytes, moved
    /// rather than removed from: stemming a query word over arrays of scalars and new strings cost about 2,200
    /// instructions, seven times per query word.
    static func stemRange(_ word: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        // Lengths are counted in letters (scalars), as light10 counts them.
        var letters = 0
        for byte in word where byte & 0xC0 != 0x80 { letters += 1 }
        var start = 0
        var end = word.count
        // و needs a word of more than three letters after it; the others two letters after them.
        for prefix in prefixes where letters >= max(prefix.count / 2 + 2, 4) && word.starts(with: prefix) {
            start = prefix.count
            letters -= prefix.count / 2
            break
        }
        for suffix in suffixes
        where letters >= suffix.count / 2 + 2 && word[(end - suffix.count)..<end].elementsEqual(suffix) {
            end -= suffix.count
            letters -= suffix.count / 2
        }
        return start..<end
    }
}

extension Array where Element: Equatable {
    func ends(with suffix: [Element]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
