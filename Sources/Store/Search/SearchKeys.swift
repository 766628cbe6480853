/// The keys a word is looked up by, on both sides of the index: the normalized word, the word without its article
/// (an equal match: «الصين» is China as much as «صين»), and, for a query word, the word without its proclitics
/// (و ف ب ك ل and their combinations with the article: «وبكازاخستان»), kept only when at least three letters or a
/// known word remain.
enum SearchKeys {
    private static let article = Array("ال".unicodeScalars)
    private static let articleUTF8 = Array("ال".utf8)
    private static let proclitics = ["وال", "بال", "فال", "كال", "لل", "و", "ف", "ب", "ك", "ل"].map {
        Array($0.unicodeScalars)
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
        var result: [String] = []
        var frontier = [Array(key.unicodeScalars)]
        for _ in 0..<2 {
            var next: [[Unicode.Scalar]] = []
            for word in frontier {
                for prefix in proclitics where word.count > prefix.count && word.starts(with: prefix) {
                    let rest = Array(word[prefix.count...])
                    let text = withoutArticle(String(scalars: rest))
                    guard rest.count >= 3 || isKnown(text), text != key, !result.contains(text) else { continue }
                    result.append(text)
                    next.append(rest)
                }
            }
            frontier = next
        }
        return result
    }
}
