/// Finding every place a query word matches, with how well: the tiers of `SearchIndex`'s description, as ranks
/// (lower is better) that `SearchRanking` compares.
extension SearchIndex {
    /// Match ranks. Names: a name or role word 0, an alias word 1, an alternate name's word 2, a generated form 3,
    /// the word without its proclitics 4, a skeleton or typo 5, a prefix or a word for the entity's kind 6. Text: a
    /// word 7, a light stem 8; a paragraph found through an entity it mentions 9.
    enum Rank {
        static let generated = 3
        static let stem = 4
        static let approximate = 5
        static let prefix = 6
        static let textWord = 7
        static let textStem = 8
        static let mention = 9

        static func of(_ field: SearchHit.Field) -> Int {
            switch field {
            case .name, .role: 0
            case .alias: 1
            case .kind: prefix
            default: 2
            }
        }
    }

    /// One query word's best match in one name entry or text document. Plain values only (no array per match): a
    /// heavy query fills hundreds of slots, and an array of tokens in each cost an allocation and a release apiece,
    /// about a third of `results`. Stored narrow (16 bytes, 56 with `Int`s): the tables grow by copying, a tenth of
    /// the matching's instructions on a heavy query before.
    struct WordMatch: Sendable {
        private var rank8: Int8
        private var edits8: Int8
        private var width8: Int8
        /// Matched through words the query joined with a hyphen or dot (`Nur-Sultan` as `nursultan`).
        let joined: Bool
        private var token32: Int32
        private var lowest32: Int32
        /// Text only, every occurrence: the further tokens, a list in `Matches.occurrences` (`TokenLists.none` when
        /// there are none).
        private(set) var more = TokenLists.none

        var rank: Int { Int(rank8) }
        var edits: Int { Int(edits8) }
        /// The matched token of the entry or document, and the one after it when `width` is 2 (two neighbouring
        /// words the query wrote as one).
        var token: Int { Int(token32) }
        var width: Int { Int(width8) }
        /// The lowest token matched, further occurrences included (proximity).
        var lowest: Int { Int(lowest32) }

        init(rank: Int, edits: Int, token: Int, width: Int = 1, joined: Bool = false) {
            rank8 = Int8(rank)
            edits8 = Int8(edits)
            width8 = Int8(width)
            self.joined = joined
            token32 = Int32(token)
            lowest32 = token32
        }

        /// A further occurrence, `token`, now at the head of the list `more`.
        mutating func add(_ token: Int, more head: Int32) {
            more = head
            lowest32 = min(lowest32, Int32(token))
        }
    }

    /// Per name entry, and per text document: each query word's best match there.
    struct Matches: Sendable {
        var names: SlotTable<WordMatch>
        var texts: SlotTable<WordMatch>
        /// The further occurrences of text matches.
        var occurrences = TokenLists()

        /// Every token a match covers, in no particular order.
        func forEachToken(of match: WordMatch, _ body: (Int) -> Void) {
            for token in match.token..<(match.token + match.width) { body(token) }
            occurrences.forEach(from: match.more, body)
        }
    }

    func matches(for query: SearchQuery) -> Matches {
        var result = Matches(
            names: SlotTable(places: lexicon.count, width: query.count),
            texts: SlotTable(places: documents.count, width: query.count))
        for word in query.words {
            let nameFound = matchNames(word, into: &result)
            guard word.covers.count == 1 else { continue }
            let textFound = matchText(word, into: &result)
            if !nameFound {
                // A word no name has: its skeleton and typos; and when even the text lacks it, a typo on the first
                // letter too (which otherwise costs two).
                let approximate = matchApproximately(word, firstLetterCost: 2, into: &result)
                if !approximate && !textFound { _ = matchApproximately(word, firstLetterCost: 1, into: &result) }
            }
        }
        return result
    }

    /// Exact, generated and proclitic-free lookups, then the prefix of the last word. True when anything matched.
    private func matchNames(_ word: SearchQuery.Word, into result: inout Matches) -> Bool {
        var found = false
        let bare = SearchKeys.withoutArticle(word.key)
        // The closures capture the one dictionary they read: capturing `self` copied the whole index (a retain and a
        // release of each of its fields) on every call, ~2,000 instructions per query word and side.
        let known = namePostings
        let stripped = SearchKeys.withoutProclitics(word.key, isKnown: { known[UTF8Key($0)] != nil })
        // Reserved: grown from a literal of one, the list was copied about once per query word (~1,500 instructions
        // a request on «لاعباً هاماً على الساحة الإقليمية والدولية»).
        var lookups: [(key: String, stem: Bool)] = []
        lookups.reserveCapacity(2 + stripped.count)
        lookups.append((word.key, false))
        if bare != word.key { lookups.append((bare, false)) }
        for key in stripped { lookups.append((key, true)) }
        for lookup in lookups {
            for posting in namePostings[UTF8Key(lookup.key)] ?? [] {
                var rank: Int
                var width = 1
                switch posting.match {
                case .exact(let w):
                    rank = Rank.of(lexicon[posting.entry].field)
                    width = w
                case .generated:
                    rank = Rank.generated
                }
                if lookup.stem { rank = max(rank, Rank.stem) }
                let match = WordMatch(
                    rank: rank, edits: 0, token: posting.token, width: width, joined: word.covers.count > 1)
                record(match, word, entry: posting.entry, in: &result.names)
                found = true
            }
        }
        // Prefixes: the last word only (the one still being typed), three letters at least, never an acronym.
        if word.isLast, !word.isCapitalized, bare.unicodeScalars.count >= 3 {
            for postings in postings(withPrefix: bare) {
                for posting in postings {
                    guard case .exact = posting.match, !lexicon[posting.entry].tokens[posting.token].isCapitalized
                    else { continue }
                    record(
                        WordMatch(rank: Rank.prefix, edits: 0, token: posting.token), word, entry: posting.entry,
                        in: &result.names)
                    found = true
                }
            }
        }
        return found
    }

    /// The consonant skeleton, then typos within the word's allowance, against name words only (the word as typed
    /// and without its article, against name words with and without theirs). True when anything matched.
    private func matchApproximately(_ word: SearchQuery.Word, firstLetterCost: Int, into result: inout Matches) -> Bool
    {
        var found = false
        let bare = SearchKeys.withoutArticle(word.key)
        if firstLetterCost == 2, let skeleton = Skeleton.key(bare) {
            for posting in skeletons[UTF8Key(skeleton)] ?? [] {
                record(
                    WordMatch(rank: Rank.approximate, edits: 0, token: posting.token), word, entry: posting.entry,
                    in: &result.names)
                found = true
            }
        }
        guard !word.isCapitalized else { return found }
        // The word and, when it has an article, the word without it (a list: hashing two `String`s cost more).
        for key in bare.utf8.count == word.key.utf8.count ? [word.key] : [word.key, bare] {
            let scalars = Array(key.unicodeScalars)
            let allowance = EditDistance.allowance(forLength: scalars.count)
            guard allowance > 0, let first = scalars.first else { continue }
            // A different first letter costs two, so it fits only the allowance of long words, or a last resort.
            let letters = allowance >= firstLetterCost ? Array(vocabulary.values) : [vocabulary[first] ?? []]
            let mask = LetterMask(scalars)
            for group in letters.lazy.flatMap({ SearchIndex.near($0, length: scalars.count, within: allowance) }) {
                for i in group.indices where mask.fewestEdits(to: group[i].letters) <= allowance {
                    guard
                        let edits = EditDistance.distance(
                            scalars, group[i].key, limit: allowance, firstLetterCost: firstLetterCost), edits > 0
                    else { continue }
                    for posting in group[i].postings {
                        record(
                            WordMatch(
                                rank: Rank.approximate, edits: max(edits, firstLetterCost == 1 ? 2 : 0),
                                token: posting.token),
                            word, entry: posting.entry, in: &result.names)
                        found = true
                    }
                }
            }
        }
        return found
    }

    /// Words and light stems of descriptions, quotes and paragraphs: every occurrence. True when anything matched.
    private func matchText(_ word: SearchQuery.Word, into result: inout Matches) -> Bool {
        var found = false
        let known = textPostings  // captured alone, as in `matchNames`
        let stripped = SearchKeys.withoutProclitics(word.key) { known[UTF8Key($0)] != nil }
        var keys: [(UTF8Key, Int)] = []
        keys.reserveCapacity(3 + 2 * stripped.count)
        keys.append((UTF8Key(word.key), Rank.textWord))
        keys.append((UTF8Key(SearchKeys.withoutArticle(word.key)), Rank.textWord))
        for key in stripped { keys.append((UTF8Key(key), Rank.textStem)) }
        keys.append((UTF8Key(TextStem.of(word.key)), Rank.textStem))
        for key in stripped { keys.append((UTF8Key(TextStem.of(key)), Rank.textStem)) }
        // Keys come in rank order, so a key seen before was already looked up at a rank as good or better.
        // A handful of keys: a list is cheaper than hashing each (and bytes than `String`'s Unicode-aware `==`).
        let position = word.covers[0]
        for (i, (key, rank)) in keys.enumerated() where !keys[..<i].contains(where: { $0.0 == key }) {
            guard let postings = textPostings[key] else { continue }
            found = true
            for posting in postings {
                // Updated in place: a common word has hundreds of postings.
                let row = result.texts.makeRow(posting.document)
                SearchIndex.note(
                    posting.token, rank: rank, in: &result.texts[row, position], occurrences: &result.occurrences)
            }
        }
        return found
    }

    /// A text word's occurrence: the better rank wins, and every occurrence at that rank is kept.
    private static func note(_ token: Int, rank: Int, in slot: inout WordMatch?, occurrences: inout TokenLists) {
        if let existing = slot, existing.rank <= rank {
            guard existing.rank == rank, existing.token != token, !occurrences.contains(token, from: existing.more)
            else { return }
            slot?.add(token, more: occurrences.push(token, onto: existing.more))
        } else {
            slot = WordMatch(rank: rank, edits: 0, token: token)
        }
    }

    /// Keeps the better match for each query word the word covers: lower rank, then fewer edits.
    private func record(
        _ match: WordMatch, _ word: SearchQuery.Word, entry: Int, in table: inout SlotTable<WordMatch>
    ) {
        let row = table.makeRow(entry)
        for position in word.covers {
            if let existing = table[row, position], (existing.rank, existing.edits) <= (match.rank, match.edits) {
                continue
            }
            table[row, position] = match
        }
    }

    /// The postings of every name key that starts with `prefix` and is longer.
    private func postings(withPrefix prefix: String) -> [[NamePosting]] {
        let prefix = Array(prefix.utf8)
        var low = 0
        var high = sortedNameKeys.count
        while low < high {
            let mid = (low + high) / 2
            if sortedNameKeys[mid].bytes.lexicographicallyPrecedes(prefix) { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < sortedNameKeys.count, sortedNameKeys[end].bytes.starts(with: prefix) { end += 1 }
        return sortedNameKeys[low..<end].compactMap { $0.bytes.count > prefix.count ? $0.postings : nil }
    }
}
