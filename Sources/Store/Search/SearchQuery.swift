/// A query as search reads it: its words (stop words dropped when others remain), and the lookups each word gets.
struct SearchQuery {
    struct Word {
        var key: String
        var isCapitalized: Bool
        /// Query words this one stands for: itself, or a run of neighbours written with hyphens or dots between them
        /// (`U.S.S.R.` → `ussr` covers `u`, `s`, `s`, `r`; `Alma-Ata` → `almaata`).
        var covers: [Int]
        var isLast: Bool
        var isArabic: Bool {
            guard let first = key.unicodeScalars.first else { return false }
            return first.value >= 0x0600 && first.value <= 0x06FF
        }
    }

    /// How many words the query has (stop words dropped when others remain).
    let count: Int
    /// The words, then the joined runs.
    let words: [Word]

    init(_ text: String) {
        let tokens = TextNormalizer.tokens(text)
        // Runs of tokens joined by hyphens or dots; a stop word inside a run (the `s` of `U.S.S.R.`) is kept.
        // Lists reserved to the token count: grown from empty, they were copied a few times a query (~2,000
        // instructions on a heavy one).
        var runs: [[TextNormalizer.Token]] = []
        runs.reserveCapacity(tokens.count)
        for token in tokens {
            if token.joinsPrevious, !runs.isEmpty { runs[runs.count - 1].append(token) } else { runs.append([token]) }
        }
        let content = runs.filter { $0.count > 1 || !StopWords.contains($0[0].key) }
        let kept = content.isEmpty ? runs : content
        var words: [Word] = []
        words.reserveCapacity(tokens.count)
        var joined: [Word] = []
        for run in kept {
            let first = words.count
            for token in run {
                words.append(
                    Word(key: token.key, isCapitalized: token.isCapitalized, covers: [words.count], isLast: false))
            }
            guard run.count > 1 else { continue }
            joined.append(
                Word(
                    key: run.map(\.key).joined(), isCapitalized: run.allSatisfy(\.isCapitalized),
                    covers: Array(first..<words.count), isLast: false))
        }
        count = words.count
        if !words.isEmpty { words[words.count - 1].isLast = true }
        for i in joined.indices where joined[i].covers.last == count - 1 { joined[i].isLast = true }
        self.words = words + joined
    }
}
