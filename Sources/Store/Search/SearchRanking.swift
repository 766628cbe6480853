/// Ranking in tiers, compared in order (README, "Search"):
/// 1. query words covered by names (names, titles, aliases, alternate names, kind words);
/// 2. exactness: the query is one of the entity's names, titles, aliases or alternate names, whole (every word of
///    it, nothing else; stop words aside; generated forms count, «الصينية» is China), so «دولة قطر» is Qatar before
///    the visit of «أمير دولة قطر». A historic name yields to the text's own use of the words: «نور سلطان» is the
///    President's name in the text before it is the city's name of 2019;
/// 3. query words covered by anything, text included;
/// 4. how the words matched, summed (`SearchIndex.Rank`: name > alias > generated form > stem > skeleton or typo >
///    prefix > text);
/// 5. fewer typo edits;
/// 6. proximity: the matched words side by side in one name or text;
/// 7. the field (name, role, alias, alternate, kind, description, quote, paragraph);
/// 8. how often the text cites the entity; then store order.
extension SearchIndex {
    /// Where a target matched best, and its place in the ranking.
    struct Ranked {
        var target: Int
        var key: [Int]
        var location: Location
    }

    enum Location {
        case name(entry: Int, words: [Int: WordMatch])
        case text(document: Int, words: [Int: WordMatch], mentioned: [SearchHit.Span])
    }

    /// A location's own standing, in the tiers' order (the target-wide tiers are filled in later): exactness,
    /// rank sum, edits, proximity, field, and the location's index (to decide between equal locations).
    private func standing(_ words: [Int: WordMatch], whole: Bool, field: SearchHit.Field, location: Int) -> [Int] {
        let rankSum = words.values.reduce(0) { $0 + $1.rank }
        let edits = words.values.reduce(0) { $0 + $1.edits }
        let positions = words.values.compactMap { $0.tokens.min() }
        let proximity = (positions.max() ?? 0) - (positions.min() ?? 0) + 1 - positions.count
        let fieldRank = SearchHit.Field.allCases.firstIndex(of: field) ?? 0
        return [-words.count, whole ? 0 : 1, rankSum, edits, max(0, proximity), fieldRank, location]
    }

    /// Whether `words` match the entry whole: every query word, every content word of the entry, by any match but a
    /// prefix («Quatar» is Qatar whole, misspelled; «Qat» is still being typed).
    private func isWhole(_ entry: SearchLexicon.Entry, _ words: [Int: WordMatch], query: SearchQuery) -> Bool {
        guard entry.field != .kind, words.count == query.count, words.values.allSatisfy({ $0.rank <= Rank.approximate })
        else { return false }
        return Set(words.values.flatMap(\.tokens)).count >= entry.content
    }

    func rank(_ matches: Matches, query: SearchQuery) -> [Ranked] {
        var best: [Int: Ranked] = [:]
        var named: [Int: [Int: WordMatch]] = [:]
        var covered: [Int: [Int: WordMatch]] = [:]
        func merge(_ words: [Int: WordMatch], into table: inout [Int: [Int: WordMatch]], _ target: Int) {
            for (position, match) in words {
                if let existing = table[target]?[position], (existing.rank, existing.edits) <= (match.rank, match.edits)
                {
                    continue
                }
                table[target, default: [:]][position] = match
            }
        }
        func consider(_ target: Int, _ location: Location, _ key: [Int]) {
            if let current = best[target], current.key.lexicographicallyPrecedes(key) || current.key == key { return }
            best[target] = Ranked(target: target, key: key, location: location)
        }
        // The text's own names that hold every query word as written (not joined by the query's hyphens: `Nur-Sultan`
        // is the city's spelling): a historic alternate name yields to them.
        let namedInText = Set(
            matches.names.compactMap { entry, words -> Int? in
                let e = lexicon[entry]
                guard e.field == .name, words.count == query.count,
                    words.values.allSatisfy({ $0.rank == 0 && !$0.joined })
                else { return nil }
                return e.target
            })
        for (entry, words) in matches.names {
            let e = lexicon[entry]
            var whole = isWhole(e, words, query: query)
            if whole, e.alternateKind == .historic, !namedInText.subtracting([e.target]).isEmpty { whole = false }
            consider(
                e.target, .name(entry: entry, words: words),
                standing(words, whole: whole, field: e.field, location: entry))
            merge(words, into: &named, e.target)
            merge(words, into: &covered, e.target)
        }
        for (document, words) in matches.texts {
            let d = documents[document]
            let key = standing(words, whole: false, field: d.field, location: lexicon.count + document)
            consider(d.target, .text(document: document, words: words, mentioned: []), key)
            merge(words, into: &covered, d.target)
        }
        addMentionedParagraphs(coverage: &covered, best: &best, query: query)
        // The target's standing: words covered by names, its best location's exactness, words covered by anything,
        // then ranks and edits across every location, then its best location's proximity and field.
        return best.values.map { ranked in
            let words = covered[ranked.target] ?? [:]
            let key = [
                -(named[ranked.target]?.count ?? 0), ranked.key[1], -words.count,
                words.values.reduce(0) { $0 + $1.rank }, words.values.reduce(0) { $0 + $1.edits }, ranked.key[4],
                ranked.key[5], -targets[ranked.target].mentions, ranked.target,
            ]
            return Ranked(target: ranked.target, key: key, location: ranked.location)
        }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
    }

    /// A paragraph that mentions an entity whose names match every query word is a hit too (rank 9 per word), with
    /// the mentions as its matches: how an English or misspelled query reaches the Arabic text.
    private func addMentionedParagraphs(
        coverage: inout [Int: [Int: WordMatch]], best: inout [Int: Ranked], query: SearchQuery
    ) {
        let candidates = coverage.compactMap { target, words -> Int? in
            guard case .entity = targets[target].hit, words.count == query.count,
                words.values.allSatisfy({ $0.rank <= Rank.prefix })
            else { return nil }
            return target
        }
        // The entities the query names exactly, when there are any (so "Qatar" highlights Qatar in the text, not
        // every visit and title that has Qatar in its name); else every entity whose names cover the query.
        let exact = candidates.filter { best[$0]?.key[1] == 0 }  // exactness, before the target-wide tiers
        let named = Set(exact.isEmpty ? candidates : exact)
        guard !named.isEmpty else { return }
        for (paragraph, mentions) in mentionsByParagraph {
            let spans = mentions.filter { named.contains($0.entity) }.flatMap(\.spans)
            guard !spans.isEmpty else { continue }
            let mentionMatch = WordMatch(rank: Rank.mention, edits: 0, tokens: [])
            let words = Dictionary(uniqueKeysWithValues: (0..<query.count).map { ($0, mentionMatch) })
            for (position, match) in words where coverage[paragraph]?[position] == nil {
                coverage[paragraph, default: [:]][position] = match
            }
            let fieldRank = SearchHit.Field.allCases.firstIndex(of: .paragraph) ?? 0
            let key = [
                -query.count, 1, Rank.mention * query.count, 0, 0, fieldRank, lexicon.count + document(paragraph),
            ]
            if var current = best[paragraph] {
                // Words found in the paragraph itself are the better highlight; mentions only fill what they miss.
                if case .text(let document, let direct, _) = current.location, direct.count < query.count {
                    current.location = .text(document: document, words: direct, mentioned: spans)
                    best[paragraph] = current
                }
            } else {
                let document = document(paragraph)
                best[paragraph] = Ranked(
                    target: paragraph, key: key, location: .text(document: document, words: [:], mentioned: spans))
            }
        }
    }

    /// The text document of a paragraph target.
    private func document(_ paragraph: Int) -> Int {
        paragraphDocuments[paragraph] ?? 0
    }
}
