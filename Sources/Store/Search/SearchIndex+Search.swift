/// A search's ranked targets, whose hits (snippets, matches) are built only when asked for: a page of ten costs ten
/// hits, however many targets matched.
public struct SearchResults: Sendable {
    let index: SearchIndex
    let ranked: [SearchIndex.Ranked]
    /// What each query word matched where: the hits' spans.
    let matches: SearchIndex.Matches?
    /// The spans of mentions that `ranked`'s locations refer to.
    let mentioned: [SearchHit.Span]

    /// How many targets matched.
    public var count: Int { ranked.count }

    /// What the `i`th best hit is, without building it.
    public func target(at i: Int) -> SearchHit.Target { index.targets[ranked[i].target].hit }

    /// The `i`th best hit; its score falls with its place.
    public func hit(at i: Int) -> SearchHit {
        index.hit(ranked[i], score: ranked.count - i, matches: matches, mentioned: mentioned)
    }
}

extension SearchIndex {
    /// The ranked targets for `query`, best first; `kinds` limits entity hits, paragraphs are hits of their own.
    public func results(_ query: String, kinds: Set<EntityKind>? = nil, includeParagraphs: Bool = true)
        -> SearchResults
    {
        let parsed = SearchQuery(query)
        guard parsed.count > 0 else { return SearchResults(index: self, ranked: [], matches: nil, mentioned: []) }
        let matches = matches(for: parsed)
        let (all, mentioned) = rank(matches, query: parsed)
        let ranked = all.filter { entry in
            switch targets[entry.target].hit {
            case .entity(let reference): kinds.map { $0.contains(reference.type) } ?? true
            case .paragraph: includeParagraphs
            }
        }
        return SearchResults(index: self, ranked: ranked, matches: matches, mentioned: mentioned)
    }

    /// Hits for `query`, best first, at most `limit`. `kinds` limits entity hits; paragraphs are hits of their own.
    public func search(_ query: String, kinds: Set<EntityKind>? = nil, includeParagraphs: Bool = true, limit: Int = 50)
        -> [SearchHit]
    {
        let results = results(query, kinds: kinds, includeParagraphs: includeParagraphs)
        return (0..<min(max(0, limit), results.count)).map(results.hit(at:))
    }

    /// The entities whose names come closest to `query`, for a search that found nothing ("did you mean"): each
    /// query word against every name word, within half its length in edits; entities with more words close, then
    /// fewer edits in all, first.
    public func suggestions(for query: String, limit: Int = 5) -> [EntityReference] {
        let words = SearchQuery(query).words.filter { $0.covers.count == 1 }.map { Array($0.key.unicodeScalars) }
        var best: [Int: [Int: Int]] = [:]  // target → query word → fewest edits
        for (w, word) in words.enumerated() where word.count >= 2 {
            let limit = max(1, word.count / 2)
            for group in SearchIndex.near(suggestionWords, length: word.count, within: limit) {
                for candidate in group {
                    guard let edits = EditDistance.distance(word, candidate.key, limit: limit, firstLetterCost: 1)
                    else { continue }
                    for target in candidate.targets {
                        best[target, default: [:]][w] = min(best[target]?[w] ?? .max, edits)
                    }
                }
            }
        }
        let ranked = best.map { target, close in (target, -close.count, close.values.reduce(0, +)) }
            .sorted { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }
        return ranked.prefix(limit).compactMap {
            if case .entity(let reference) = targets[$0.0].hit { return reference }
            return nil
        }
    }

    /// Scalars of context kept before a paragraph's first match and after its last.
    static let snippetContext = 60

    func hit(_ ranked: Ranked, score: Int, matches found: Matches?, mentioned: [SearchHit.Span]) -> SearchHit {
        let target = targets[ranked.target].hit
        switch ranked.location {
        case .name(let entry, let row):
            let e = lexicon[entry]
            return SearchHit(
                target: target, score: score, field: e.field, language: e.language, snippet: e.text, snippetStart: 0,
                matches: found.map { spans($0, $0.names, row, e.tokens) } ?? [])
        case .text(let document, let row, let mentions):
            let d = documents[document]
            var matches = found.flatMap { found in row.map { spans(found, found.texts, $0, d.tokens) } } ?? []
            if !mentions.isEmpty {
                matches += mentioned[mentions]
                matches.sort { ($0.start, $0.end) < ($1.start, $1.end) }
                matches = SearchIndex.distinct(matches)
            }
            guard d.field == .paragraph, let first = matches.first else {
                return SearchHit(
                    target: target, score: score, field: d.field, language: d.language, snippet: d.text,
                    snippetStart: 0, matches: matches)
            }
            let last = matches.max { $0.end < $1.end } ?? first
            let (snippet, start) = SearchIndex.window(
                d, around: SearchHit.Span(start: first.start, end: last.end))
            return SearchHit(
                target: target, score: score, field: d.field, language: d.language, snippet: snippet,
                snippetStart: start, matches: matches)
        }
    }

    /// Every matched token's range, sorted, each once.
    private func spans(
        _ found: Matches, _ table: SlotTable<WordMatch>, _ row: Int, _ tokens: [TextNormalizer.Token]
    ) -> [SearchHit.Span] {
        // A sorted array rather than a set: a hit has a handful of tokens.
        var indices: [Int] = []
        for word in 0..<table.width {
            guard let match = table[row, word] else { continue }
            found.forEachToken(of: match) { indices.append($0) }
        }
        indices.sort()
        var result: [SearchHit.Span] = []
        result.reserveCapacity(indices.count)
        for (i, index) in indices.enumerated() where index < tokens.count && (i == 0 || indices[i - 1] != index) {
            result.append(SearchHit.Span(start: tokens[index].start, end: tokens[index].end))
        }
        return result
    }

    /// A sorted list without its repeats.
    private static func distinct(_ sorted: [SearchHit.Span]) -> [SearchHit.Span] {
        var result: [SearchHit.Span] = []
        result.reserveCapacity(sorted.count)
        for span in sorted where result.last != span { result.append(span) }
        return result
    }

    /// The paragraph's words from about `snippetContext` scalars before the first match to as many after the last,
    /// cut at word boundaries; and where that window starts in the paragraph.
    static func window(_ document: TextDocument, around match: SearchHit.Span) -> (String, Int) {
        let count = document.scalarOffsets.count - 1
        let tokens = document.tokens
        var start = max(0, match.start - snippetContext)
        var end = min(count, match.end + snippetContext)
        if start > 0, let word = tokens.first(where: { $0.end > start }) { start = min(word.start, match.start) }
        if end < count, let word = tokens.last(where: { $0.start < end }) { end = max(word.end, match.end) }
        let bytes = document.utf8[Int(document.scalarOffsets[start])..<Int(document.scalarOffsets[end])]
        return (String(decoding: bytes, as: UTF8.self), start)
    }
}
