/// The keys a word is looked up by, on both sides of the index: the normalized word, the word without its article
/// (an equal match: «الصين» is China as much as «صين»), and, for a query word, the word without its proclitics
/// (و ف ب ك ل and their combinations with the article: «وبكازاخستان»), kept only when at least three letters or a
/// known word remain.
enum SearchKeys {
    private static let article = Array("ال".unicodeScalars)
    private static let articleUTF8 = Array("ال".utf8)
    private static let procliticsUTF8 = ["وال", "بال", "فال", "كال", "لل", "و", "ف", "ب", "ك", "ل"].map {
        Array($0.utf8)
    }

    /// «الصين» → «صين»; words shorter than five letters keep their «ال» («الي», «الا») and so do non-Arabic keys.
    static func withoutArticle(_ key: String) -> String {
        // The bytes first, and no array of scalars: most keys have no article, and this runs a dozen times per query
        // word (about 1,100 instructions a call with the array).
        guard key.utf8.starts(with: articleUTF8), key.unicodeScalars.count >= 5 else { return key }
        return String(key.unicodeScalars.dropFirst(article.count))
    }

    /// The word without one or two proclitics (a conjunction, then a preposition or the article), article removed
    /// too; `isKnown` lets a remainder under three letters through when the lexicon has it.
    static func withoutProclitics(_ key: String, isKnown: (String) -> Bool) -> [String] {
        // Over the key's UTF-8, without arrays of scalars: every form is a suffix of the key's bytes (the affixes are
        // Arabic, two bytes a letter), so a form is where it starts, and equal forms start at the same byte. Over
        // scalars this cost about 3,600 instructions per call, twice per query word.
        var copy = key
        return copy.withUTF8 { word in
            var letters = 0
            for byte in word where byte & 0xC0 != 0x80 { letters += 1 }
            var result: [String] = []
            var kept: [Int] = []
            var frontier = [0]
            for _ in 0..<2 {
                var next: [Int] = []
                for start in frontier {
                    let left = letters - start / 2
                    for prefix in procliticsUTF8
                    where left > prefix.count / 2 && word[start...].starts(with: prefix) {
                        let rest = start + prefix.count
                        let restLetters = left - prefix.count / 2
                        let form =
                            restLetters >= 5 && word[rest...].starts(with: articleUTF8)
                            ? rest + articleUTF8.count : rest
                        guard !kept.contains(form) else { continue }
                        let text = String(decoding: word[form...], as: UTF8.self)
                        guard restLetters >= 3 || isKnown(text) else { continue }
                        kept.append(form)
                        result.append(text)
                        next.append(rest)
                    }
                }
                frontier = next
            }
            return result
        }
    }
}
