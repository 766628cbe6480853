/// Name words grouped by length in Unicode scalars, for the lookups that compare a word with many (typos, "did you
/// mean"): an edit distance is at least the difference in length, so a word within `limit` edits of the query word
/// is in one of the `2 × limit + 1` groups around its length, and the others are never looked at.
extension SearchIndex {
    typealias VocabularyWord = (key: [Unicode.Scalar], letters: LetterMask, postings: [NamePosting])
    typealias SuggestionWord = (key: [Unicode.Scalar], targets: [Int])

    /// `items` in groups by `length`: group `n` holds those of length `n`, in their order.
    static func byLength<T>(_ items: [T], length: (T) -> Int) -> [[T]] {
        var groups: [[T]] = []
        for item in items {
            let n = length(item)
            while groups.count <= n { groups.append([]) }
            groups[n].append(item)
        }
        return groups
    }

    /// The groups of `byLength` that can hold a word within `limit` edits of a word of `length`.
    static func near<T>(_ groups: [[T]], length: Int, within limit: Int) -> ArraySlice<[T]> {
        let low = min(max(0, length - limit), groups.count)
        return groups[low..<max(low, min(groups.count, length + limit + 1))]
    }

    /// The distinct words of names, aliases and alternate names (not roles or kinds) with the targets they name, by
    /// length: what `suggestions` compares a query word with (built once: converting each word to scalars on every
    /// empty search was most of its cost).
    static func suggestionWords(_ lexicon: [SearchLexicon.Entry]) -> [[SuggestionWord]] {
        var targets: [String: Set<Int>] = [:]
        for entry in lexicon where entry.field != .role && entry.field != .kind {
            for token in entry.tokens { targets[token.key, default: []].insert(entry.target) }
        }
        let words = targets.map { (key: Array($0.key.unicodeScalars), targets: $0.value.sorted()) }
        return byLength(words) { $0.key.count }
    }
}
