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
        var key: TargetKey
        var location: Location
    }

    /// Rows of the search's `Matches`: a name entry's, or a text document's (none for a paragraph found only through
    /// the entities it mentions, whose spans are a range of the ranking's `mentioned`: plain values, so ranking and
    /// sorting retain and release nothing).
    enum Location {
        case name(entry: Int, row: Int)
        case text(document: Int, row: Int?, mentioned: Range<Int>)
    }

    /// A location's own standing, in the tiers' order (the target-wide tiers are filled in later): words matched
    /// (more first), exactness, rank sum, edits, proximity, field, and the location's index (to decide between equal
    /// locations).
    struct LocationKey {
        var words: Int
        var inexact: Int
        var rankSum: Int
        var edits: Int
        var proximity: Int
        var field: Int
        var location: Int

        func precedes(_ other: LocationKey) -> Bool {
            let a = (-words, inexact, rankSum, edits, proximity, field)
            let b = (-other.words, other.inexact, other.rankSum, other.edits, other.proximity, other.field)
            return a < b || (a == b && location < other.location)
        }
    }

    /// A target's place: words covered by names, its best location's exactness, words covered by anything, ranks and
    /// edits across every location, its best location's proximity and field, citations (more first), store order.
    struct TargetKey {
        var named: Int
        var inexact: Int
        var covered: Int
        var rankSum: Int
        var edits: Int
        var proximity: Int
        var field: Int
        var mentions: Int
        var target: Int

        func precedes(_ other: TargetKey) -> Bool {
            let a = (-named, inexact, -covered, rankSum, edits, proximity)
            let b = (-other.named, other.inexact, -other.covered, other.rankSum, other.edits, other.proximity)
            if a != b { return a < b }
            return (field, -mentions, target) < (other.field, -other.mentions, other.target)
        }
    }

    /// The best rank and fewest edits by which a query word reached a target (stored narrow, as `WordMatch`).
    struct Cover {
        private var rank8: Int8
        private var edits8: Int8
        var rank: Int { Int(rank8) }
        var edits: Int { Int(edits8) }

        init(rank: Int, edits: Int) {
            rank8 = Int8(rank)
            edits8 = Int8(edits)
        }
    }

    private func standing(
        _ table: SlotTable<WordMatch>, _ row: Int, whole: Bool, field: SearchHit.Field, location: Int
    ) -> LocationKey {
        var count = 0
        var rankSum = 0
        var edits = 0
        var positions = 0
        var low = Int.max
        var high = Int.min
        for word in 0..<table.width {
            guard let match = table[row, word] else { continue }
            count += 1
            rankSum += match.rank
            edits += match.edits
            positions += 1
            low = min(low, match.lowest)
            high = max(high, match.lowest)
        }
        let proximity = (positions == 0 ? 0 : high - low) + 1 - positions
        return LocationKey(
            words: count, inexact: whole ? 0 : 1, rankSum: rankSum, edits: edits, proximity: max(0, proximity),
            field: field.index, location: location)
    }

    /// Whether a row's words match the entry whole: every query word, every content word of the entry, by any match
    /// but a prefix («Quatar» is Qatar whole, misspelled; «Qat» is still being typed).
    private func isWhole(_ entry: Int, _ table: SlotTable<WordMatch>, _ row: Int) -> Bool {
        guard lexicon[entry].field != .kind else { return false }
        // Distinct tokens, counted without a set: a name match is one or two neighbouring tokens per word.
        var distinct = 0
        for word in 0..<table.width {
            guard let match = table[row, word], match.rank <= Rank.approximate else { return false }
            for token in match.token..<(match.token + match.width) {
                let earlier = (0..<word).contains { w in
                    table[row, w].map { $0.token <= token && token < $0.token + $0.width } ?? false
                }
                if !earlier { distinct += 1 }
            }
        }
        return distinct >= lexicon[entry].content
    }

    /// The text's own names that hold every query word as written (not joined by the query's hyphens: `Nur-Sultan`
    /// is the city's spelling): a historic alternate name yields to them.
    private func namedInText(_ names: SlotTable<WordMatch>) -> Set<Int> {
        var targets: Set<Int> = []
        rows: for row in 0..<names.rowCount {
            let entry = names.places[row]
            guard lexicon[entry].field == .name else { continue }
            for word in 0..<names.width {
                guard let match = names[row, word], match.rank == 0, !match.joined else { continue rows }
            }
            targets.insert(lexicon[entry].target)
        }
        return targets
    }

    /// Keeps, per query word, the better (rank, edits) of a target's row and a location's match.
    private static func merge(
        _ matches: SlotTable<WordMatch>, _ row: Int, into table: inout SlotTable<Cover>, _ target: Int
    ) {
        let into = table.makeRow(target)
        for word in 0..<matches.width {
            guard let match = matches[row, word] else { continue }
            if let existing = table[into, word], (existing.rank, existing.edits) <= (match.rank, match.edits) {
                continue
            }
            table[into, word] = Cover(rank: match.rank, edits: match.edits)
        }
    }

    /// Each target's best location so far: a dense index into a list, as `SlotTable` does for words.
    struct BestLocations {
        private var indexOf: [Int32]
        private(set) var list: [(target: Int, key: LocationKey, location: Location)] = []

        init(targets: Int) {
            indexOf = Array(repeating: -1, count: targets)
            // Reserved as `SlotTable` reserves its rows: grown from empty, the list was copied on every regrowth.
            list.reserveCapacity(min(targets, 512))
        }

        func key(_ target: Int) -> LocationKey? {
            let i = indexOf[target]
            return i < 0 ? nil : list[Int(i)].key
        }

        func location(_ target: Int) -> Location? {
            let i = indexOf[target]
            return i < 0 ? nil : list[Int(i)].location
        }

        /// Keeps the location if it is the target's first or precedes its best.
        mutating func consider(_ target: Int, _ location: Location, _ key: LocationKey) {
            let i = indexOf[target]
            if i < 0 {
                indexOf[target] = Int32(list.count)
                list.append((target: target, key: key, location: location))
            } else if key.precedes(list[Int(i)].key) {
                list[Int(i)] = (target: target, key: key, location: location)
            }
        }

        mutating func replaceLocation(_ target: Int, _ location: Location) {
            let i = indexOf[target]
            if i >= 0 { list[Int(i)].location = location }
        }
    }

    /// The ranked targets, and the spans of the mentions their `Location`s refer to.
    func rank(_ matches: Matches, query: SearchQuery) -> (ranked: [Ranked], mentioned: [SearchHit.Span]) {
        var best = BestLocations(targets: targets.count)
        // One table of covers: a word some name matched has its best cover at a name's rank (`Rank.prefix` or
        // better; text ranks are all worse), so the words covered by names are counted from it (a second table for
        // them cost «لاعباً هاماً على الساحة الإقليمية والدولية» ~10K instructions a request).
        var covered = SlotTable<Cover>(places: targets.count, width: query.count)
        let namedInText = namedInText(matches.names)
        let names = matches.names
        for row in 0..<names.rowCount {
            let entry = names.places[row]
            // Fields read one by one: a copy of the entry retains its strings and arrays.
            let target = lexicon[entry].target
            var whole = isWhole(entry, names, row)
            if whole, lexicon[entry].alternateKind == .historic, !namedInText.subtracting([target]).isEmpty {
                whole = false
            }
            best.consider(
                target, .name(entry: entry, row: row),
                standing(names, row, whole: whole, field: lexicon[entry].field, location: entry))
            SearchIndex.merge(names, row, into: &covered, target)
        }
        let texts = matches.texts
        for row in 0..<texts.rowCount {
            let document = texts.places[row]
            let target = documents[document].target
            let key = standing(
                texts, row, whole: false, field: documents[document].field, location: lexicon.count + document)
            best.consider(target, .text(document: document, row: row, mentioned: 0..<0), key)
            SearchIndex.merge(texts, row, into: &covered, target)
        }
        var mentioned: [SearchHit.Span] = []
        addMentionedParagraphs(coverage: &covered, best: &best, query: query, texts: texts, mentioned: &mentioned)
        let ranked = best.list.map { target, own, location in
            var key = TargetKey(
                named: 0, inexact: own.inexact, covered: 0, rankSum: 0, edits: 0, proximity: own.proximity,
                field: own.field, mentions: targets[target].mentions, target: target)
            if let row = covered.row(of: target) {
                for word in 0..<covered.width {
                    guard let cover = covered[row, word] else { continue }
                    if cover.rank <= Rank.prefix { key.named += 1 }
                    key.covered += 1
                    key.rankSum += cover.rank
                    key.edits += cover.edits
                }
            }
            return Ranked(target: target, key: key, location: location)
        }
        // Sorted through indices: a `Ranked` is some 120 bytes, and moving them cost the sort more than comparing.
        let order = ranked.indices.sorted { ranked[$0].key.precedes(ranked[$1].key) }
        return (order.map { ranked[$0] }, mentioned)
    }

    /// A paragraph that mentions an entity whose names match every query word is a hit too (rank 9 per word), with
    /// the mentions as its matches: how an English or misspelled query reaches the Arabic text.
    private func addMentionedParagraphs(
        coverage: inout SlotTable<Cover>, best: inout BestLocations, query: SearchQuery,
        texts: SlotTable<WordMatch>, mentioned: inout [SearchHit.Span]
    ) {
        var candidates: [Int] = []
        rows: for row in 0..<coverage.rowCount {
            let target = coverage.places[row]
            guard case .entity = targets[target].hit else { continue }
            for word in 0..<coverage.width {
                guard let cover = coverage[row, word], cover.rank <= Rank.prefix else { continue rows }
            }
            candidates.append(target)
        }
        // The entities the query names exactly, when there are any (so "Qatar" highlights Qatar in the text, not
        // every visit and title that has Qatar in its name); else every entity whose names cover the query.
        let exact = candidates.filter { best.key($0)?.inexact == 0 }  // exactness, before the target-wide tiers
        guard !candidates.isEmpty else { return }
        var isNamed = [Bool](repeating: false, count: targets.count)
        for target in exact.isEmpty ? candidates : exact { isNamed[target] = true }
        let mentionCover = Cover(rank: Rank.mention, edits: 0)
        for (paragraph, mentions) in mentionsByParagraph where mentions.contains(where: { isNamed[$0.entity] }) {
            let first = mentioned.count
            for mention in mentions where isNamed[mention.entity] { mentioned += mention.spans }
            guard mentioned.count > first else { continue }
            let spans = first..<mentioned.count
            let row = coverage.makeRow(paragraph)
            for word in 0..<coverage.width where coverage[row, word] == nil { coverage[row, word] = mentionCover }
            if let current = best.location(paragraph) {
                // Words found in the paragraph itself are the better highlight; mentions only fill what they miss.
                if case .text(let document, let direct, _) = current,
                    (direct.map { texts.count($0) } ?? 0) < query.count
                {
                    best.replaceLocation(paragraph, .text(document: document, row: direct, mentioned: spans))
                }
            } else {
                let document = document(paragraph)
                let key = LocationKey(
                    words: query.count, inexact: 1, rankSum: Rank.mention * query.count, edits: 0, proximity: 0,
                    field: SearchHit.Field.paragraph.index, location: lexicon.count + document)
                best.consider(paragraph, .text(document: document, row: nil, mentioned: spans), key)
            }
        }
    }

    /// The text document of a paragraph target.
    private func document(_ paragraph: Int) -> Int {
        paragraphDocuments[paragraph] ?? 0
    }
}

extension SearchHit.Field {
    /// The field's place among `allCases`.
    var index: Int { SearchHit.Field.allCases.firstIndex(of: self) ?? 0 }
}
