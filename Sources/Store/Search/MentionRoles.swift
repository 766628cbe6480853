/// Decides whether a cited span names its entity or is a claim cited as evidence for it (`Mention.Role`), from the
/// words search knows for the entity (`SearchLexicon`: names, aliases, codes, titles, alternate names, kind words).
///
/// The rule: a fact's spans are claims (a fact is a statement; its name is an editorial summary of one, not a name
/// the text uses). Otherwise every word of the quote that is not a stop word («في», «من», «إلى», also with a pronoun
/// suffix: «كلها») must be, with its article or its
/// proclitics (و ف ب ك ل) off, one of the entity's name words or a generated form of one (`NameForms`: «الكازاخستانية»
/// of «كازاخستان»), or a word for its kind («مدينة», «منظمة»); and at least one must be a name word. Anything else
/// («انضمت», «عضو», «رئيس» for a country) makes the span a claim. Normalized text is compared
/// (`TextNormalizer`), so hamza, alef and ta marbuta spellings agree.
struct MentionRoles {
    private struct Words {
        var names: Set<String> = []
        var kinds: Set<String> = []
    }

    private let words: [EntityReference: Words]

    /// `lexicon` is the one built from `entities` (the search index is built from the same one).
    init(entities: [any Entity], lexicon: SearchLexicon) {
        var words: [EntityReference: Words] = [:]
        var formsByWord: [String: Set<String>] = [:]
        for entry in lexicon.entries {
            let ref = entities[entry.target].reference
            // A fact's spans are claims whatever their words (`role(of:for:)`): its words are never asked for.
            guard ref.type != .facts else { continue }
            var known = words[ref] ?? Words()
            for token in entry.tokens where !StopWords.contains(token.key) {
                let bare = SearchKeys.withoutArticle(token.key)
                if entry.field == .kind {
                    known.kinds.insert(bare)
                    continue
                }
                known.names.insert(bare)
                if formsByWord[bare] == nil { formsByWord[bare] = NameForms.forms(of: bare) }
                known.names.formUnion(formsByWord[bare] ?? [])
            }
            words[ref] = known
        }
        self.words = words
    }

    /// The role of `quote` as a mention of `entity`.
    func role(of quote: String, for entity: EntityReference) -> Mention.Role {
        guard entity.type != .facts else { return .claim }
        let known = words[entity] ?? Words()
        var named = false
        for token in TextNormalizer.tokens(quote) where !MentionRoles.isStopWord(token.key) {
            let isKnown = { (key: String) in known.names.contains(key) || known.kinds.contains(key) }
            let keys =
                [token.key, SearchKeys.withoutArticle(token.key)]
                + SearchKeys.withoutProclitics(token.key, isKnown: isKnown)
            if keys.contains(where: known.names.contains) {
                named = true
            } else if !keys.contains(where: known.kinds.contains) {
                return .claim
            }
        }
        return named ? .name : .claim
    }

    /// Pronoun suffixes a particle takes («كلها», «بينهم»): such a word carries no name either.
    private static let pronounSuffixes = ["ها", "هما", "هم"]

    private static func isStopWord(_ key: String) -> Bool {
        StopWords.contains(key)
            || pronounSuffixes.contains { key.hasSuffix($0) && StopWords.contains(String(key.dropLast($0.count))) }
    }
}
