import Dispatch

/// Search over a closed set of entities and one source text, built once at load.
///
/// Names (names, aliases, role phrases, alternate names) are never stemmed; a query word meets them in tiers: the
/// same word (article aside) → a generated adjective or plural form (`NameForms`) → the word without its proclitics
/// → the same consonant skeleton (`Skeleton`) or a typo within the length's allowance (`EditDistance`) → a prefix
/// (the last query word only, three letters at least, never an acronym). Descriptions, quotes and paragraphs are
/// matched by word and by light stem (`ArabicLightStemmer`), and a paragraph is also found through the entities it
/// mentions, so an English query finds the Arabic text. Ranking is `SearchRanking`.
public struct SearchIndex: Sendable {
    /// What a hit can be: each entity (in store order), then each paragraph.
    struct Target: Sendable {
        var hit: SearchHit.Target
        /// How many citations point at it: the last tie-break (an entity the text talks about more comes first).
        var mentions: Int
    }

    /// A description, quote or paragraph: matched by words and light stems.
    struct TextDocument: Sendable {
        var target: Int
        var field: SearchHit.Field
        var language: String
        var text: String
        var tokens: [TextNormalizer.Token]
        /// A paragraph's UTF-8 bytes and where each scalar starts in them (one past the last at the end), so a
        /// snippet window is one slice of bytes (empty for descriptions and quotes, shown whole).
        var utf8: [UInt8]
        var scalarOffsets: [Int32]
    }

    enum NameMatch: Sendable {
        /// The word itself, or (`width` 2) two neighbouring words written as one («نورسلطان», `almaata`).
        case exact(width: Int)
        case generated
    }

    struct NamePosting: Sendable {
        var entry: Int
        var token: Int
        var match: NameMatch
    }

    struct TextPosting: Sendable, Hashable {
        var document: Int
        var token: Int
    }

    let targets: [Target]
    let lexicon: [SearchLexicon.Entry]
    let documents: [TextDocument]
    /// Name key (exact, article-less, generated, joined) → where it names something.
    let namePostings: [UTF8Key: [NamePosting]]
    /// Consonant skeleton of a name word → where.
    let skeletons: [UTF8Key: [NamePosting]]
    /// Distinct name words by first letter, then by length (`byLength`), for typo lookups.
    let vocabulary: [Unicode.Scalar: [[VocabularyWord]]]
    /// Name words by length with the targets they name, for "did you mean" (`suggestions`).
    let suggestionWords: [[SuggestionWord]]
    /// Every name key's UTF-8 bytes with its postings, sorted by the bytes, for prefix lookups (bytes: comparing and
    /// prefix-testing `String`s Unicode-aware cost a tenth of a search's instructions; the keys are normalized, so
    /// bytes will do; the postings themselves, so a prefix costs no hash lookup per key).
    let sortedNameKeys: [(bytes: [UInt8], postings: [NamePosting])]
    /// Text word or light stem → where.
    let textPostings: [UTF8Key: [TextPosting]]
    /// Paragraph target → the entity targets it mentions, with the words in each mention that name the entity.
    let mentionsByParagraph: [Int: [(entity: Int, spans: [SearchHit.Span])]]
    /// Paragraph target → its text document.
    let paragraphDocuments: [Int: Int]
    /// Entity target → the keys (and generated forms) of its names, then of its aliases and alternate names: what
    /// narrows a mention down to the words that name the entity.
    let nameKeys: [Int: [Set<String>]]

    /// `lexicon` is the one built from `entities` (the store builds it once, for mention roles and for this index).
    init(entities: [any Entity], lexicon searchLexicon: SearchLexicon, sources: [Source], mentions: [Int: [Mention]]) {
        var targets = entities.map { Target(hit: .entity($0.reference), mentions: $0.allCitations().count) }
        let lexicon = searchLexicon.entries
        var documents: [TextDocument] = []
        func addText(_ target: Int, _ field: SearchHit.Field, _ language: String, _ text: String) {
            let tokens = TextNormalizer.tokens(text)
            guard !tokens.isEmpty else { return }
            documents.append(
                TextDocument(
                    target: target, field: field, language: language, text: text, tokens: tokens,
                    utf8: field == .paragraph ? Array(text.utf8) : [],
                    scalarOffsets: field == .paragraph ? SearchIndex.scalarOffsets(text) : []))
        }
        for (target, entity) in entities.enumerated() {
            for (language, text) in entity.description.all { addText(target, .description, language, text) }
            for quote in Set(entity.allCitations().map(\.quote)).sorted() { addText(target, .quote, "ar", quote) }
        }
        var mentionsByParagraph: [Int: [(entity: Int, paragraph: Int, span: SearchHit.Span)]] = [:]
        if let source = sources.first {
            let byReference = Dictionary(
                entities.enumerated().map { ($1.reference, $0) }, uniquingKeysWith: { a, _ in a })
            for (i, paragraph) in source.paragraphs.enumerated() {
                let target = targets.count
                targets.append(Target(hit: .paragraph(i + 1), mentions: 0))
                addText(target, .paragraph, source.language, paragraph)
                mentionsByParagraph[target] = (mentions[i + 1] ?? []).compactMap { mention in
                    byReference[EntityReference(type: mention.type, id: mention.id)].map {
                        (entity: $0, paragraph: target, span: SearchHit.Span(start: mention.start, end: mention.end))
                    }
                }
            }
        }
        self.targets = targets
        self.lexicon = lexicon
        self.documents = documents
        let paragraphDocuments = Dictionary(
            documents.enumerated().filter { $1.field == .paragraph }.map { ($1.target, $0) },
            uniquingKeysWith: { a, _ in a })
        let nameKeys = SearchIndex.nameKeys(lexicon)
        self.paragraphDocuments = paragraphDocuments
        self.nameKeys = nameKeys
        self.mentionsByParagraph = mentionsByParagraph.mapValues { mentions in
            mentions.map { mention in
                let tokens = paragraphDocuments[mention.paragraph].map { documents[$0].tokens } ?? []
                return (
                    entity: mention.entity,
                    spans: SearchIndex.narrowed(mention.span, tokens: tokens, keys: nameKeys[mention.entity] ?? [])
                )
            }
        }
        let names = SearchIndex.nameIndex(lexicon)
        namePostings = names.postings
        skeletons = names.skeletons
        vocabulary = names.vocabulary
        suggestionWords = SearchIndex.suggestionWords(lexicon)
        sortedNameKeys = names.postings.map { (bytes: Array($0.key.string.utf8), postings: $0.value) }.sorted {
            $0.bytes.lexicographicallyPrecedes($1.bytes)
        }
        textPostings = SearchIndex.textIndex(documents)
        // The presentation-form table is derived from Unicode names on first use (about 2 ms): build it now, on
        // another thread, so neither start-up nor a query pays for it.
        DispatchQueue.global(qos: .utility).async { _ = ArabicPresentationForms.letters.count }
    }

    private static func nameIndex(_ lexicon: [SearchLexicon.Entry]) -> (
        postings: [UTF8Key: [NamePosting]], skeletons: [UTF8Key: [NamePosting]],
        vocabulary: [Unicode.Scalar: [[VocabularyWord]]]
    ) {
        var postings: [UTF8Key: [NamePosting]] = [:]
        var skeletons: [UTF8Key: [NamePosting]] = [:]
        var words: [String: [NamePosting]] = [:]
        // Many entries share words (every title and alias of Kazakhstan has «كازاخستان»): generate each word's forms
        // once.
        var formsByWord: [String: Set<String>] = [:]
        func forms(_ word: String) -> Set<String> {
            if let known = formsByWord[word] { return known }
            let made = NameForms.forms(of: word)
            formsByWord[word] = made
            return made
        }
        for (e, entry) in lexicon.enumerated() {
            for (t, token) in entry.tokens.enumerated() {
                let bare = SearchKeys.withoutArticle(token.key)
                let exact = NamePosting(entry: e, token: t, match: .exact(width: 1))
                postings[UTF8Key(token.key), default: []].append(exact)
                if bare != token.key { postings[UTF8Key(bare), default: []].append(exact) }
                // A word for a kind is matched as written: it has no forms, skeleton or typos of its own.
                guard entry.field != .kind else { continue }
                for form in forms(bare) {
                    postings[UTF8Key(form), default: []].append(NamePosting(entry: e, token: t, match: .generated))
                }
                if t + 1 < entry.tokens.count {
                    let joined = token.key + entry.tokens[t + 1].key
                    postings[UTF8Key(joined), default: []].append(
                        NamePosting(entry: e, token: t, match: .exact(width: 2)))
                    if let skeleton = Skeleton.key(joined) { skeletons[UTF8Key(skeleton), default: []].append(exact) }
                }
                if let skeleton = Skeleton.key(bare) { skeletons[UTF8Key(skeleton), default: []].append(exact) }
                // Typos are looked up against the word with and without its article.
                words[token.key, default: []].append(exact)
                if bare != token.key { words[bare, default: []].append(exact) }
            }
        }
        var byLetter: [Unicode.Scalar: [VocabularyWord]] = [:]
        for (word, list) in words.sorted(by: { $0.key < $1.key }) {
            let scalars = Array(word.unicodeScalars)
            guard let first = scalars.first else { continue }
            byLetter[first, default: []].append((scalars, LetterMask(scalars), list))
        }
        return (postings, skeletons, byLetter.mapValues { SearchIndex.byLength($0) { $0.key.count } })
    }

    /// The UTF-8 offset of each scalar of `text`, then the total length.
    static func scalarOffsets(_ text: String) -> [Int32] {
        var offsets: [Int32] = []
        var offset: Int32 = 0
        for scalar in text.unicodeScalars {
            offsets.append(offset)
            offset += Int32(UTF8.width(scalar))
        }
        offsets.append(offset)
        return offsets
    }

    private static func nameKeys(_ lexicon: [SearchLexicon.Entry]) -> [Int: [Set<String>]] {
        var result: [Int: [Set<String>]] = [:]
        for entry in lexicon {
            let slot: Int
            switch entry.field {
            case .name: slot = 0
            case .alias, .alternate: slot = 1
            default: continue
            }
            var keys = result[entry.target] ?? [[], []]
            for token in entry.tokens where !StopWords.contains(token.key) {
                let bare = SearchKeys.withoutArticle(token.key)
                keys[slot].insert(bare)
                keys[slot].formUnion(NameForms.forms(of: bare))
            }
            result[entry.target] = keys
        }
        return result
    }

    /// A mention's span narrowed to the words in it that name the entity (a citation may quote a whole clause): the
    /// words of its name if the span has them, else of an alias or alternate name; the span itself when none does.
    static func narrowed(_ span: SearchHit.Span, tokens: [TextNormalizer.Token], keys: [Set<String>]) -> [SearchHit
        .Span]
    {
        let inside = tokens.filter { $0.start >= span.start && $0.end <= span.end }
        for names in keys {
            let words = inside.filter { token in
                names.contains(SearchKeys.withoutArticle(token.key))
                    || SearchKeys.withoutProclitics(token.key, isKnown: { _ in false }).contains(where: names.contains)
            }
            if !words.isEmpty { return words.map { SearchHit.Span(start: $0.start, end: $0.end) } }
        }
        return [span]
    }

    private static func textIndex(_ documents: [TextDocument]) -> [UTF8Key: [TextPosting]] {
        var postings: [UTF8Key: [TextPosting]] = [:]
        // Words repeat across descriptions, quotes and paragraphs: derive each word's keys once.
        var keysByWord: [String: [String]] = [:]
        for (d, document) in documents.enumerated() {
            for (t, token) in document.tokens.enumerated() {
                let keys: [String]
                if let known = keysByWord[token.key] {
                    keys = known
                } else {
                    var made = [token.key]
                    for key in [SearchKeys.withoutArticle(token.key), TextStem.of(token.key)] where !made.contains(key)
                    {
                        made.append(key)
                    }
                    keysByWord[token.key] = made
                    keys = made
                }
                // Documents and tokens are walked in order, so each list stays sorted and a repeat is its last entry.
                let posting = TextPosting(document: d, token: t)
                for key in keys.map(UTF8Key.init) where postings[key]?.last != posting {
                    postings[key, default: []].append(posting)
                }
            }
        }
        return postings
    }
}
