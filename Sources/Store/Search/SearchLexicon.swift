/// Every string that names an entity, as search sees it: its name and aliases in both languages, a country's codes
/// (KZ, KAZ), the titles it holds (role phrases built from its relations: «رئيس» and «رئيس كازاخستان», «أمير قطر»,
/// "Emir of Qatar", "Qatari Emir", «ولي العهد»), the names people use that the text does not (`AlternateName`), and the
/// words for its kind («مدينة», "city", «منظمة»), so «مدينة نور سلطان» and «الحكومة القطرية» name what they say.
struct SearchLexicon: Sendable {
    struct Entry: Sendable {
        var target: Int
        var field: SearchHit.Field
        var language: String
        var text: String
        var tokens: [TextNormalizer.Token]
        /// Tokens that are not stop words: what a query must cover to have matched the entry whole.
        var content: Int
        /// For an alternate name, its kind (a historic name yields to the text's own use of the words).
        var alternateKind: AlternateName.Kind?
    }

    private(set) var entries: [Entry] = []

    init(entities: [any Entity], alternateNames: [AlternateName]) {
        let index = Dictionary(entities.enumerated().map { ($1.reference, $0) }, uniquingKeysWith: { a, _ in a })
        for (target, entity) in entities.enumerated() {
            for (language, text) in entity.name.all { add(target, .name, language, text) }
            for (language, text) in entity.aliases.all { add(target, .alias, language, text) }
            if let country = entity as? Country {
                add(target, .alias, "en", country.id.uppercased())
                add(target, .alias, "en", country.alpha3)
            }
            for (language, word) in KindWords.words(for: entity.kind) { add(target, .kind, language, word) }
        }
        for alternate in alternateNames {
            guard let target = index[alternate.entity] else { continue }
            add(target, .alternate, alternate.language, alternate.name, kind: alternate.kind)
        }
        addRoles(entities, alternateNames: alternateNames)
    }

    /// Role phrases of every person, with the names and demonyms of the role's country.
    private mutating func addRoles(_ entities: [any Entity], alternateNames: [AlternateName]) {
        let demonyms = Dictionary(
            grouping: alternateNames.filter { $0.kind == .demonym && $0.entity.type == .countries }, by: \.entity.id)
        let countries = Dictionary(
            entities.compactMap { $0 as? Country }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (target, entity) in entities.enumerated() {
            guard let person = entity as? Person else { continue }
            for role in person.roles {
                let country = role.country.flatMap { countries[$0] }
                let adjectives = (role.country.flatMap { demonyms[$0] } ?? []).map { ($0.language, $0.name) }
                for (language, phrase) in SearchLexicon.rolePhrases(role, country: country, demonyms: adjectives) {
                    add(target, .role, language, phrase)
                }
            }
        }
    }

    private mutating func add(
        _ target: Int, _ field: SearchHit.Field, _ language: String, _ text: String, kind: AlternateName.Kind? = nil
    ) {
        let tokens = TextNormalizer.tokens(text)
        guard !tokens.isEmpty else { return }
        entries.append(
            Entry(
                target: target, field: field, language: language, text: text, tokens: tokens,
                content: tokens.filter { !StopWords.contains($0.key) }.count, alternateKind: kind))
    }

    /// The title as the text gives it, the title's own words without the country («رئيس», "President", «ولي العهد»,
    /// "Crown Prince"), and those words with each name of the country («أمير قطر», "Emir of Qatar", "Emir Qatar").
    /// The country's words are recognised by the country's names and aliases and their generated forms, so «ولي
    /// العهد السعودي» gives «ولي العهد».
    static func rolePhrases(_ role: Role, country: Country?, demonyms: [(String, String)] = []) -> [(String, String)] {
        var phrases: [(String, String)] = role.title.all.map { ($0.language, $0.text) }
        var countryKeys: Set<String> = []
        var countryNames: [(String, String)] = []
        if let country {
            countryNames =
                country.name.all.map { ($0.language, $0.text) } + country.aliases.all.map { ($0.language, $0.text) }
            for (_, name) in countryNames {
                for token in TextNormalizer.tokens(name) {
                    let bare = SearchKeys.withoutArticle(token.key)
                    countryKeys.insert(bare)
                    countryKeys.formUnion(NameForms.forms(of: bare))
                }
            }
        }
        // Words every title carries that name neither the office nor the country.
        let filler: Set<String> = Set(["دولة", "السابق", "former", "state"].map(TextNormalizer.normalize))
        for (language, title) in role.title.all {
            let scalars = Array(title.unicodeScalars)
            // The title's own words as written (the phrase is shown as the hit's snippet).
            let words = TextNormalizer.tokens(title).filter { token in
                let bare = SearchKeys.withoutArticle(token.key)
                return !countryKeys.contains(bare) && !filler.contains(token.key) && !StopWords.contains(token.key)
            }.map { String(scalars: scalars[$0.start..<$0.end]) }
            guard !words.isEmpty else { continue }
            let head = words.joined(separator: " ")
            phrases.append((language, head))
            for (nameLanguage, name) in countryNames where nameLanguage == language {
                phrases.append((language, head + " " + name))
            }
            for (demonymLanguage, demonym) in demonyms where demonymLanguage == language {
                phrases.append((language, demonym + " " + head))
            }
        }
        return phrases
    }
}
