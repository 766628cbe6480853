/// A query as search reads it: its words (stop words dropped when others remain), and the lookups each word gets.
struct SearchQuery {
    struct Word {
        var key: String
        var isCapitalized: Bool
        /// Query words this one stands for: itself, or two neighbours written with a hyphen or dot between them
        /// (`U.N.` → `un` covers `u` and `n`).
        var covers: [Int]
        var isLast: Bool
    }

    /// How many words the query has (stop words dropped when others remain).
    let count: Int
    /// The words, then the joined pairs.
    let words: [Word]

    init(_ text: String) {
        let tokens = TextNormalizer.tokens(text)
        let content = tokens.filter { !StopWords.contains($0.key) }
        let kept = content.isEmpty ? tokens : content
        count = kept.count
        var words = kept.enumerated().map { i, token in
            Word(key: token.key, isCapitalized: token.isCapitalized, covers: [i], isLast: i == kept.count - 1)
        }
        for i in kept.indices.dropFirst() where kept[i].joinsPrevious {
            words.append(
                Word(
                    key: kept[i - 1].key + kept[i].key,
                    isCapitalized: kept[i - 1].isCapitalized && kept[i].isCapitalized,
                    covers: [i - 1, i], isLast: i == kept.count - 1))
        }
        self.words = words
    }
}
