import JSON
import Store

/// Rows for `/sources` and `/sources/{id}/paragraphs`, prepared at startup like the entity rows.
struct SourceCatalog: Sendable {
    let sources: [CollectionItem]
    let sourcesByID: [String: CollectionItem]
    /// Paragraph rows per source id, paragraph n at index n - 1.
    let paragraphs: [String: [CollectionItem]]
    let sourceGrammar: CollectionGrammar
    let paragraphGrammar: CollectionGrammar

    init(store: Store, links: LinkBuilder, allIDs: [String]) {
        var sources: [CollectionItem] = []
        var paragraphs: [String: [CollectionItem]] = [:]
        for source in store.sources {
            let representation: JSONValue = .object([
                (key: "id", value: .string(source.id)),
                (key: "type", value: .string("sources")),
                (key: "href", value: .string(links.source(source.id))),
                (key: "language", value: .string(source.language)),
                (
                    key: "title",
                    value: .object([
                        (key: "ar", value: .string(source.title.ar)), (key: "en", value: .string(source.title.en)),
                    ])
                ),
                (key: "paragraph_count", value: .integer(source.paragraphCount)),
                (key: "sha256", value: .string(source.sha256)),
                (key: "modified", value: .string(source.modified)),
                (
                    key: "links",
                    value: .object([
                        (key: "self", value: .string(links.source(source.id))),
                        (key: "paragraphs", value: .string(links.paragraphs(source.id))),
                    ])
                ),
            ])
            sources.append(
                CollectionItem(
                    ref: nil, representation: representation, filterValues: [:], sortKeys: ["id": .text(source.id)],
                    name: source.title, description: nil, citedIn: []))
            // Mentions are indexed for the primary source (the store's), so other sources list none.
            let isPrimary = source.id == store.source.id
            paragraphs[source.id] = source.paragraphs.enumerated().map { index, text in
                let n = index + 1
                let mentions = isPrimary ? store.mentions(inParagraph: n) : []
                return SourceCatalog.paragraphRow(
                    source: source, number: n, text: text, mentions: mentions, links: links)
            }
        }
        self.sources = sources
        self.sourcesByID = Dictionary(
            sources.compactMap { row in row.representation["id"]?.stringValue.map { ($0, row) } },
            uniquingKeysWith: { a, _ in a })
        self.paragraphs = paragraphs

        var sourceGrammar = CollectionGrammar()
        sourceGrammar.sortFields = ["id"]
        sourceGrammar.fieldNames = [
            "href", "id", "language", "links", "links.paragraphs", "links.self", "modified", "paragraph_count",
            "sha256",
            "title",
            "title.ar", "title.en", "type",
        ]
        sourceGrammar.supportsLang = false
        sourceGrammar.supportsSearch = false
        sourceGrammar.supportsCitedIn = false
        self.sourceGrammar = sourceGrammar

        var paragraphGrammar = CollectionGrammar()
        paragraphGrammar.sortFields = ["number"]
        paragraphGrammar.fieldNames = [
            "href", "id", "links", "links.next", "links.prev", "links.self", "links.source", "mentions", "number",
            "source", "text", "type",
        ]
        paragraphGrammar.filters = [
            CollectionGrammar.Filter(
                name: "mentions", summary: "paragraphs that mention these entities", allowed: allIDs,
                vocabulary: .entityIDs)
        ]
        paragraphGrammar.supportsLang = false
        paragraphGrammar.supportsCitedIn = false
        self.paragraphGrammar = paragraphGrammar
    }

    /// A paragraph with every entity mention in it (`type`, `id`, `href`, `start`, `end`, `quote`), so a page can
    /// highlight them. Offsets are in Unicode scalars, end exclusive, as in citations.
    static func paragraphRow(source: Source, number n: Int, text: String, mentions: [Mention], links: LinkBuilder)
        -> CollectionItem
    {
        let href = links.paragraph(source.id, n)
        let representation: JSONValue = .object([
            (key: "id", value: .string("\(n)")),
            (key: "type", value: .string("paragraphs")),
            (key: "href", value: .string(href)),
            (key: "source", value: .string(source.id)),
            (key: "number", value: .integer(n)),
            (key: "text", value: .string(text)),
            (
                key: "mentions",
                value: .array(
                    mentions.map { m in
                        .object([
                            (key: "type", value: .string(m.type.rawValue)),
                            (key: "id", value: .string(m.id)),
                            (key: "href", value: .string(links.entity(m.type, m.id))),
                            (key: "start", value: .integer(m.start)),
                            (key: "end", value: .integer(m.end)),
                            (key: "quote", value: .string(m.quote)),
                        ])
                    })
            ),
            (
                key: "links",
                value: .object([
                    (key: "self", value: .string(href)),
                    (key: "source", value: .string(links.source(source.id))),
                    (key: "prev", value: n > 1 ? .string(links.paragraph(source.id, n - 1)) : .null),
                    (
                        key: "next",
                        value: n < source.paragraphCount ? .string(links.paragraph(source.id, n + 1)) : .null
                    ),
                ])
            ),
        ])
        return CollectionItem(
            ref: nil, representation: representation,
            filterValues: ["mentions": Array(Set(mentions.map(\.id))).sorted()],
            sortKeys: ["number": .number(Double(n))], name: nil, description: nil, citedIn: [n])
    }
}
