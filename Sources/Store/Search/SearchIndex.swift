/// An inverted index over entity names, aliases, descriptions and cited quotes, and over the
/// source's paragraphs, built once at load. Keys are normalized tokens and their proclitic-free
/// stems, so «وقطر», «قطر» and «Qatar» meet.
///
/// Ranking: an exact name beats an exact alias, which beats a name or alias containing every
/// query word, which beats a mention in a description, quote or paragraph. A query whose words
/// are only partly found ranks below every full match.
public struct SearchIndex: Sendable {
    struct Document: Sendable {
        var target: SearchHit.Target
        var field: SearchHit.Field
        var language: String
        var text: String
        var tokens: [TextNormalizer.Token]
        /// The whole field normalized, for exact-match tiers.
        var normalized: String
        /// Position of the target in the store, for a deterministic tie-break.
        var rank: Int
    }

    struct Posting: Sendable, Hashable {
        var document: Int
        var token: Int
    }

    let documents: [Document]
    /// Normalized key or stem → where it occurs.
    let postings: [String: [Posting]]
    /// All keys sorted, for prefix lookups by binary search.
    let sortedKeys: [String]

    init(entities: [any Entity], sources: [Source]) {
        var documents: [Document] = []
        func add(_ target: SearchHit.Target, _ field: SearchHit.Field, _ language: String, _ text: String, _ rank: Int)
        {
            let tokens = TextNormalizer.tokens(text)
            guard !tokens.isEmpty else { return }
            documents.append(
                Document(
                    target: target, field: field, language: language, text: text, tokens: tokens,
                    normalized: tokens.map(\.key).joined(separator: " "), rank: rank))
        }
        for (rank, entity) in entities.enumerated() {
            let target = SearchHit.Target.entity(entity.reference)
            for (language, text) in entity.name.all { add(target, .name, language, text, rank) }
            for (language, text) in entity.aliases.all { add(target, .alias, language, text, rank) }
            for (language, text) in entity.description.all { add(target, .description, language, text, rank) }
            for quote in Set(entity.citations.map(\.quote)).sorted() { add(target, .quote, "ar", quote, rank) }
        }
        if let source = sources.first {
            for (i, paragraph) in source.paragraphs.enumerated() {
                add(.paragraph(i + 1), .paragraph, source.language, paragraph, entities.count + i)
            }
        }
        var postings: [String: [Posting]] = [:]
        for (d, document) in documents.enumerated() {
            for (t, token) in document.tokens.enumerated() {
                for stem in TextNormalizer.stems(token.key) {
                    postings[stem, default: []].append(Posting(document: d, token: t))
                }
            }
        }
        self.documents = documents
        self.postings = postings
        self.sortedKeys = postings.keys.sorted()
    }

    /// Hits for `query`, best first. `kinds` limits entity hits; paragraphs are hits of their own.
    public func search(_ query: String, kinds: Set<EntityKind>? = nil, includeParagraphs: Bool = true, limit: Int = 50)
        -> [SearchHit]
    {
        let queryTokens = TextNormalizer.tokens(query)
        guard !queryTokens.isEmpty, limit > 0 else { return [] }
        let normalizedQuery = queryTokens.map(\.key).joined(separator: " ")

        // For each document: for each query word, every matching token with its strength.
        var matches: [Int: [Int: [Int: Double]]] = [:]
        for (q, queryToken) in queryTokens.enumerated() {
            for (posting, strength) in lookup(queryToken.key) {
                switch documents[posting.document].target {
                case .entity(let reference): if let kinds, !kinds.contains(reference.type) { continue }
                case .paragraph: if !includeParagraphs { continue }
                }
                matches[posting.document, default: [:]][q, default: [:]][posting.token] = strength
            }
        }

        var best: [SearchHit.Target: (hit: SearchHit, rank: Int)] = [:]
        for (d, perWord) in matches {
            let document = documents[d]
            let strengths = perWord.mapValues { $0.values.max() ?? 0 }
            let window = Self.tightestWindow(perWord.values.map { Array($0.keys) })
            let score = self.score(
                document, strengths: strengths, window: window,
                queryWords: queryTokens.count, normalizedQuery: normalizedQuery)
            let hit = SearchHit(
                target: document.target, score: score, field: document.field, language: document.language,
                snippet: document.text,
                matchStart: document.tokens[window.first].start, matchEnd: document.tokens[window.last].end)
            if let current = best[document.target], !Self.better(hit, than: current.hit) { continue }
            best[document.target] = (hit, document.rank)
        }
        let ordered = best.values.sorted { a, b in
            a.hit.score != b.hit.score ? a.hit.score > b.hit.score : a.rank < b.rank
        }
        return ordered.prefix(limit).map(\.hit)
    }

    /// Higher score wins; on a tie, the earlier field (name before alias …) and earlier span.
    private static func better(_ a: SearchHit, than b: SearchHit) -> Bool {
        if a.score != b.score { return a.score > b.score }
        let order: [SearchHit.Field] = [.name, .alias, .description, .quote, .paragraph]
        let (fa, fb) = (order.firstIndex(of: a.field) ?? 0, order.firstIndex(of: b.field) ?? 0)
        if fa != fb { return fa < fb }
        if a.language != b.language { return a.language < b.language }
        return a.matchStart < b.matchStart
    }

    /// Postings for one query word with how well they match: 1.0 same key, 0.9 same stem, 0.6 prefix.
    private func lookup(_ key: String) -> [(Posting, Double)] {
        var strengths: [Posting: Double] = [:]
        let stems = TextNormalizer.stems(key)
        for stem in stems {
            for posting in postings[stem] ?? [] {
                let exact = documents[posting.document].tokens[posting.token].key == key
                strengths[posting] = max(strengths[posting] ?? 0, exact ? 1.0 : 0.9)
            }
        }
        // Word-prefix matches: «نزار» finds «نزارباييف», «qat» finds «qatar». Two letters at least.
        for stem in stems where stem.unicodeScalars.count >= 2 {
            for candidate in keys(withPrefix: stem) where candidate != stem {
                for posting in postings[candidate] ?? [] where strengths[posting] == nil {
                    strengths[posting] = 0.6
                }
            }
        }
        return strengths.map { ($0.key, $0.value) }
    }

    private func keys(withPrefix prefix: String) -> ArraySlice<String> {
        var low = 0
        var high = sortedKeys.count
        while low < high {
            let mid = (low + high) / 2
            if sortedKeys[mid] < prefix { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < sortedKeys.count, sortedKeys[end].hasPrefix(prefix) { end += 1 }
        return sortedKeys[low..<end]
    }

    /// The smallest token range holding one occurrence of every matched query word, earliest on
    /// a tie, so a highlight never stretches across a paragraph when the words also occur together.
    static func tightestWindow(_ occurrences: [[Int]]) -> (first: Int, last: Int, words: Int) {
        var best: (first: Int, last: Int)?
        for anchor in occurrences.flatMap({ $0 }).sorted() {
            let picks = occurrences.map { list in
                list.min { abs($0 - anchor) < abs($1 - anchor) || (abs($0 - anchor) == abs($1 - anchor) && $0 < $1) }
                    ?? anchor
            }
            let window = (first: picks.min() ?? anchor, last: picks.max() ?? anchor)
            if let current = best, window.last - window.first >= current.last - current.first { continue }
            best = window
        }
        let window = best ?? (0, 0)
        return (window.first, window.last, occurrences.count)
    }

    private func score(
        _ document: Document, strengths: [Int: Double], window: (first: Int, last: Int, words: Int),
        queryWords: Int, normalizedQuery: String
    ) -> Int {
        let strength = strengths.values.reduce(0, +) / Double(queryWords)
        let complete = strengths.count == queryWords
        // Coverage: how much of a name the query accounts for («قطر» is all of «قطر», a quarter of «زيارة أمير دولة قطر»).
        let coverage = min(1, Double(window.words) / Double(document.tokens.count))
        // Words found side by side (a phrase) beat the same words scattered.
        let adjacency = window.words > 1 && window.last - window.first + 1 == window.words ? 10.0 : 0
        let base: Double
        switch document.field {
        case .name, .alias:
            let isName = document.field == .name
            if document.normalized == normalizedQuery {
                base = isName ? 1000 : 900
            } else if complete && coverage == 1 && strength >= 0.9 {
                // Every word of the name matched, through an article or proclitic («وقطر» → «قطر»).
                base = isName ? 850 : 800
            } else {
                base = (isName ? 600 : 500) + 100 * coverage * strength
            }
        case .description:
            base = 300 + 50 * strength
        case .quote:
            base = 250 + 50 * strength
        case .paragraph:
            base = 200 + 50 * strength
        }
        // Partial matches rank below every complete one (the lowest complete score is 200).
        let fraction = Double(strengths.count) / Double(queryWords)
        return Int((complete ? base + adjacency : base * fraction * 0.15).rounded())
    }
}
