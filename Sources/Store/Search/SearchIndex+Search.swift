extension SearchIndex {
    /// Hits for `query`, best first. `kinds` limits entity hits; paragraphs are hits of their own.
    public func search(_ query: String, kinds: Set<EntityKind>? = nil, includeParagraphs: Bool = true, limit: Int = 50)
        -> [SearchHit]
    {
        let parsed = SearchQuery(query)
        guard parsed.count > 0, limit > 0 else { return [] }
        let ranked = rank(matches(for: parsed), query: parsed)
        var hits: [SearchHit] = []
        for (position, entry) in ranked.enumerated() {
            switch targets[entry.target].hit {
            case .entity(let reference): if let kinds, !kinds.contains(reference.type) { continue }
            case .paragraph: if !includeParagraphs { continue }
            }
            hits.append(hit(entry, score: ranked.count - position))
            if hits.count == limit { break }
        }
        return hits
    }

    /// The entities whose names come closest to `query`, for a search that found nothing ("did you mean"): each
    /// query word against every name word, within half its length in edits; entities with more words close, then
    /// fewer edits in all, first.
    public func suggestions(for query: String, limit: Int = 5) -> [EntityReference] {
        let words = SearchQuery(query).words.filter { $0.covers.count == 1 }.map { Array($0.key.unicodeScalars) }
        var best: [Int: [Int: Int]] = [:]  // target → query word → fewest edits
        for entry in lexicon where entry.field != .role && entry.field != .kind {
            for token in entry.tokens {
                let candidate = Array(token.key.unicodeScalars)
                for (w, word) in words.enumerated() where word.count >= 2 {
                    let limit = max(1, word.count / 2)
                    guard let edits = EditDistance.distance(word, candidate, limit: limit, firstLetterCost: 1) else {
                        continue
                    }
                    best[entry.target, default: [:]][w] = min(best[entry.target]?[w] ?? .max, edits)
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

    private func hit(_ ranked: Ranked, score: Int) -> SearchHit {
        let target = targets[ranked.target].hit
        switch ranked.location {
        case .name(let entry, let words):
            let e = lexicon[entry]
            return SearchHit(
                target: target, score: score, field: e.field, language: e.language, snippet: e.text, snippetStart: 0,
                matches: spans(words, e.tokens))
        case .text(let document, let words, let mentioned):
            let d = documents[document]
            let matches = Array(Set(spans(words, d.tokens) + mentioned)).sorted {
                ($0.start, $0.end) < ($1.start, $1.end)
            }
            guard d.field == .paragraph, let first = matches.first else {
                return SearchHit(
                    target: target, score: score, field: d.field, language: d.language, snippet: d.text,
                    snippetStart: 0, matches: matches)
            }
            let last = matches.max { $0.end < $1.end } ?? first
            let (snippet, start) = SearchIndex.window(
                d.text, around: SearchHit.Span(start: first.start, end: last.end), tokens: d.tokens)
            return SearchHit(
                target: target, score: score, field: d.field, language: d.language, snippet: snippet,
                snippetStart: start, matches: matches)
        }
    }

    /// Every matched token's range, neighbours merged, sorted.
    private func spans(_ words: [Int: WordMatch], _ tokens: [TextNormalizer.Token]) -> [SearchHit.Span] {
        let indices = Set(words.values.flatMap(\.tokens)).sorted()
        var result: [SearchHit.Span] = []
        for index in indices where index < tokens.count {
            let span = SearchHit.Span(start: tokens[index].start, end: tokens[index].end)
            result.append(span)
        }
        return result
    }

    /// The paragraph's words from about `snippetContext` scalars before the first match to as many after the last,
    /// cut at word boundaries; and where that window starts in the paragraph.
    static func window(_ text: String, around match: SearchHit.Span, tokens: [TextNormalizer.Token]) -> (String, Int) {
        let scalars = Array(text.unicodeScalars)
        var start = max(0, match.start - snippetContext)
        var end = min(scalars.count, match.end + snippetContext)
        if start > 0, let word = tokens.first(where: { $0.end > start }) { start = min(word.start, match.start) }
        if end < scalars.count, let word = tokens.last(where: { $0.start < end }) { end = max(word.end, match.end) }
        return (String(String.UnicodeScalarView(scalars[start..<end])), start)
    }
}
